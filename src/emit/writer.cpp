#include "emit/writers.hpp"

#include <algorithm>

namespace gklint {

Writer::~Writer() = default;

const std::vector<std::string>& output_formats() {
  static const std::vector<std::string> names = {"text", "json", "gcc", "sarif", "github", "junit", "rdjson"};
  return names;
}

std::unique_ptr<Writer> make_writer(const std::string& format, std::ostream& out, const WriterOptions& options) {
  if (format == "text") return make_text_writer(out, options);
  if (format == "json") return std::make_unique<JsonWriter>(out);
  if (format == "gcc") return make_gcc_writer(out, options);
  if (format == "sarif") return make_sarif_writer(out, options);
  if (format == "github") return make_github_writer(out, options);
  if (format == "junit") return make_junit_writer(out, options);
  if (format == "rdjson") return make_rdjson_writer(out, options);
  return nullptr;
}

Range range_of(const Source& source, Span span) {
  return {source.position(span.begin), source.position(std::max(span.end, span.begin))};
}

std::shared_ptr<const RuleSet> ruleset_of(const WriterOptions& options, const std::string& id) {
  if (id.empty()) return nullptr;
  if (options.fixed && options.fixed->id == id) return options.fixed;
  if (!options.catalog) return nullptr;
  std::vector<RuleError> errors;
  return options.catalog->get(id, &errors);  // cached and thread-safe
}

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

}  // namespace gklint
