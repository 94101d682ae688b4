#include "gklint/baseline.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "gklint/fingerprint.hpp"
#include "gklint/read.hpp"
#include "gklint/source.hpp"

namespace gklint {

namespace fs = std::filesystem;

namespace {
// 2: paths relative to the baseline file's folder; 1: as typed, relative to where gklint ran.
constexpr int kBaselineVersion = 2;

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  if (ec) a = p;
  // Symbolic links resolved where they exist, so /work/r.txt and a link to it are one file.
  fs::path c = fs::weakly_canonical(a, ec);
  return (ec ? a : c).lexically_normal();
}
}  // namespace

Baseline::Baseline() : folder_(absolute_normal(fs::path("."))) {}

Baseline::Baseline(const std::string& file) : folder_(absolute_normal(fs::path(file)).parent_path()) {}

std::string Baseline::key(const std::string& path) const {
  if (path == "<stdin>" || path == "-") return "<stdin>";
  return absolute_normal(fs::path(path)).lexically_relative(folder_).generic_string();
}

namespace {

// The string member `key` of `object`: false when it is there but not a string (absent is allowed
// when `required` is false, leaving `out` unchanged).
bool string_member(const nlohmann::json& object, const char* key, bool required, std::string* out) {
  const auto it = object.find(key);
  if (it == object.end()) return !required;
  if (!it->is_string()) return false;
  *out = it->get<std::string>();
  return true;
}

}  // namespace

// Every member's type is checked before it is read: a hand-edited or hostile baseline gives one
// located message, never an exception out of the JSON library.
bool Baseline::read(const std::string& path, Baseline* out, std::string* error) {
  std::string text;
  if (const auto why = read_input(path, &text)) {
    *error = "无法读取：" + why->zh + " (cannot read the file: " + why->en + ")";
    return false;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte counts the bytes read, the offending one included.
    const std::string what = e.what();
    const size_t colon = what.find(": ");
    const auto [line, column] = line_column(text, e.byte ? e.byte - 1 : 0);
    *error = std::to_string(line) + ":" + std::to_string(column) +
             ": JSON 语法错误 (JSON syntax error: " + (colon == std::string::npos ? what : what.substr(colon + 2)) +
             ")";
    return false;
  } catch (const nlohmann::json::exception& e) {
    // Found by fuzzing: a number out of range ("22e222000") is an out_of_range, not a parse_error.
    *error = std::string("JSON 无法读取 (JSON cannot be read: ") + e.what() + ")";
    return false;
  }
  const char* const not_baseline = "不是 gklint 基线文件 (not a gklint baseline (write one with --write-baseline))";
  std::string tool;
  if (!j.is_object() || !string_member(j, "tool", true, &tool) || tool != "gklint") {
    *error = not_baseline;
    return false;
  }
  const auto version = j.find("version");
  if (version == j.end() || !version->is_number_integer()) {
    *error = "`version` 应为整数 (`version` must be an integer)";
    return false;
  }
  const int64_t file_version = version->get<int64_t>();
  if (file_version != kBaselineVersion && file_version != 1) {
    *error = "不支持基线版本 " + version->dump() + " (baseline version " + version->dump() +
             " is not supported (expected " + std::to_string(kBaselineVersion) + "))";
    return false;
  }
  const auto findings = j.find("findings");
  if (findings == j.end() || !findings->is_array()) {
    *error = "`findings` 应为数组 (`findings` must be an array)";
    return false;
  }
  Baseline b(path);
  size_t number = 0;
  for (const auto& f : *findings) {
    ++number;
    const std::string zh = "第 " + std::to_string(number) + " 条记录：", en = "entry " + std::to_string(number) + ": ";
    if (!f.is_object()) {
      *error = zh + "应为对象 (" + en + "must be an object)";
      return false;
    }
    Entry e;
    for (const auto& [key, into, required] : {std::tuple<const char*, std::string*, bool>{"path", &e.path, true},
                                              {"fingerprint", &e.fingerprint, true},
                                              {"rule", &e.rule, false}}) {
      if (!string_member(f, key, required, into)) {
        *error = zh + "`" + key + "` 应为字符串 (" + en + "`" + key + "` must be a string)";
        return false;
      }
    }
    // Version 2 paths were written by key(), relative to the file's folder and with links resolved:
    // normalized as text, without touching the file system for each entry. Version 1 paths are as
    // typed, relative to the current folder.
    e.path = file_version == 1 ? b.key(e.path) : fs::path(e.path).lexically_normal().generic_string();
    b.by_path_[e.path].insert(e.fingerprint);
    b.entries_.push_back(std::move(e));
  }
  *out = std::move(b);
  return true;
}

int Baseline::suppress(FileResult& r) {
  const auto it = by_path_.find(key(r.path));
  if (it == by_path_.end()) return 0;
  unmatched_in_seen_[it->first] = it->second.size();  // until findings use them below
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
  unmatched_in_seen_[it->first] = left.size();
  return suppressed;
}

size_t Baseline::unmatched() const {
  size_t n = 0;
  for (const auto& [path, prints] : by_path_) {
    if (const auto seen = unmatched_in_seen_.find(path); seen != unmatched_in_seen_.end()) {
      n += seen->second;
      continue;
    }
    std::error_code ec;
    if (path != "<stdin>" && !fs::exists(folder_ / path, ec)) n += prints.size();
  }
  return n;
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
    nlohmann::ordered_json j = {
        {"path", e.path}, {"rule", e.rule}, {"fingerprint", e.fingerprint}, {"line", e.line}, {"message", e.message}};
    out << (i ? ",\n  " : "\n  ") << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  out << "\n]}\n";
}

}  // namespace gklint
