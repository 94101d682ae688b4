#include "gklint/baseline.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gklint/fingerprint.hpp"

namespace gklint {

namespace fs = std::filesystem;

namespace {
constexpr int kBaselineVersion = 1;
}

// Paths compare after normalization, so `./a/r.txt` and `a/r.txt` are one file; a portal runs
// from the same folder each time, so paths are kept as given, not made absolute.
std::string Baseline::key(const std::string& path) { return fs::path(path).lexically_normal().generic_string(); }

bool Baseline::read(const std::string& path, Baseline* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read the file";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  nlohmann::json j = nlohmann::json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("findings") || !j["findings"].is_array() ||
      j.value("tool", "") != "gklint") {
    *error = "not a gklint baseline (write one with --write-baseline)";
    return false;
  }
  if (j.value("version", 0) != kBaselineVersion) {
    *error = "baseline version " + j.value("version", nlohmann::json()).dump() + " is not supported (expected " +
             std::to_string(kBaselineVersion) + ")";
    return false;
  }
  Baseline b;
  for (const auto& f : j["findings"]) {
    if (!f.is_object() || !f.contains("path") || !f.contains("fingerprint") || !f["path"].is_string() ||
        !f["fingerprint"].is_string()) {
      *error = "a finding without a path or a fingerprint: " + f.dump();
      return false;
    }
    Entry e;
    e.path = key(f["path"].get<std::string>());
    e.rule = f.value("rule", "");
    e.fingerprint = f["fingerprint"].get<std::string>();
    b.by_path_[e.path].insert(e.fingerprint);
    b.entries_.push_back(std::move(e));
  }
  *out = std::move(b);
  return true;
}

int Baseline::suppress(FileResult& r) const {
  const auto it = by_path_.find(key(r.path));
  if (it == by_path_.end() || r.diagnostics.empty()) return 0;
  // Each recorded print suppresses one finding: a second identical finding is new.
  std::multiset<std::string> left = it->second;
  const std::vector<std::string> prints = fingerprints(*r.source, r.diagnostics);
  std::vector<Diagnostic> kept;
  int suppressed = 0;
  for (size_t i = 0; i < r.diagnostics.size(); ++i) {
    auto at = left.find(prints[i]);
    if (at != left.end()) {
      left.erase(at);
      ++suppressed;
    } else {
      kept.push_back(std::move(r.diagnostics[i]));
    }
  }
  r.diagnostics = std::move(kept);
  return suppressed;
}

void Baseline::record(const FileResult& r) {
  const std::vector<std::string> prints = fingerprints(*r.source, r.diagnostics);
  for (size_t i = 0; i < r.diagnostics.size(); ++i) {
    const Diagnostic& d = r.diagnostics[i];
    Entry e{key(r.path), d.rule, prints[i], r.source->position(d.span.begin).line, d.message};
    by_path_[e.path].insert(e.fingerprint);
    entries_.push_back(std::move(e));
  }
}

void Baseline::write(std::ostream& out) const {
  // One finding per line, so a reviewer can read and diff the file.
  out << "{\"tool\":\"gklint\",\"version\":" << kBaselineVersion << ",\"findings\":[";
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    nlohmann::ordered_json j = {{"path", e.path}, {"rule", e.rule}, {"fingerprint", e.fingerprint},
                                {"line", e.line}, {"message", e.message}};
    out << (i ? ",\n  " : "\n  ") << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  out << "\n]}\n";
}

}  // namespace gklint
