#include "gklint/fingerprint.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "gklint/report.hpp"
#include "gklint/view.hpp"

namespace gklint {

namespace {

// FNV-1a, 64 bits: tiny, fast, well distributed for short keys, and the same on every platform
// (not a security hash: it only has to keep findings apart within one file).
struct Fnv1a64 {
  uint64_t state = 0xcbf29ce484222325ULL;
  void add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      state ^= c;
      state *= 0x100000001b3ULL;
    }
  }
  // A separator byte that occurs in no UTF-8 text, so ("ab","c") and ("a","bc") differ.
  void field(std::string_view bytes) {
    add(bytes);
    add(std::string_view("\xff", 1));
  }
};

std::string hex16(uint64_t state) {
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, state >>= 4) out[static_cast<size_t>(i)] = kHex[state & 0xF];
  return out;
}

bool has_field(const Diagnostic& d, const char* name) {
  for (const auto& [k, v] : d.fields) {
    if (k == name) return true;
  }
  return false;
}

}  // namespace

std::string fingerprint(const Diagnostic& d, const Source& source, int occurrence) {
  Fnv1a64 h;
  h.field("gklint/v1");
  h.field(d.rule);
  h.field(d.kind);
  const bool has_row_id = has_field(d, "row_id"), has_column_id = has_field(d, "column_id");
  for (const auto& [name, value] : d.fields) {
    // Labels are for people and come from the rule file's wording; the ids stay put. A count
    // (table.unfilled's blanks) changes while the finding stays: more blanks in the same table.
    if ((name == "row_label" && has_row_id) || (name == "column_label" && has_column_id) || name == "count") continue;
    h.field(name);
    h.field(value);
  }
  // Nothing names where the finding is: the text it is about does (the typo, the heading).
  if (!has_field(d, "section") && !has_field(d, "table")) {
    const auto size = static_cast<uint32_t>(source.text().size());
    const Span span{std::min(d.span.begin, size), std::min(std::max(d.span.begin, d.span.end), size)};
    h.field("text");
    h.field(span.begin < span.end ? normalize_label(span_text(source, span)) : std::string());
  }
  if (occurrence > 0) {
    h.field("occurrence");
    h.field(std::to_string(occurrence));
  }
  return hex16(h.state);
}

std::string fingerprint_in_batch(const std::string& path, const std::string& print) {
  Fnv1a64 h;
  h.field(path);
  h.field(print);
  return hex16(h.state);
}

std::vector<std::string> fingerprints(const Source& source, const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  std::map<std::string, int> seen;  // base print -> how many so far
  for (const Diagnostic& d : diagnostics) {
    const std::string base = fingerprint(d, source);
    const int n = seen[base]++;
    out.push_back(n == 0 ? base : fingerprint(d, source, n));
  }
  return out;
}

}  // namespace gklint
