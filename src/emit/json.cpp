#include <nlohmann/json.hpp>

#include "emit/writers.hpp"
#include "gklint/diagnostic_json.hpp"
#include "gklint/emit.hpp"
#include "gklint/fingerprint.hpp"

namespace gklint {

namespace {

// Format of the JSON document; bumped on any incompatible change (docs/json-output.md).
constexpr int kJsonSchemaVersion = 1;

// A span's place: line, column, end_line, end_column; for a PDF the page first, and the line on it.
void add_place(nlohmann::ordered_json& j, const Source& src, Span span) {
  const Position b = src.position(span.begin);
  const Position e = src.position(std::max(span.end, span.begin));
  if (b.page) j["page"] = b.page;
  j["line"] = b.page ? b.page_line : b.line;
  j["column"] = b.column;
  if (b.page) j["end_page"] = e.page;
  j["end_line"] = e.page ? e.page_line : e.line;
  j["end_column"] = e.column;
}

nlohmann::ordered_json diagnostic_json(const Source& src, const Diagnostic& d, const std::string& print) {
  const Position b = src.position(d.span.begin);
  nlohmann::ordered_json j;
  j["rule"] = d.rule;
  j["kind"] = d.kind;
  j["severity"] = severity_name(d.severity);
  add_place(j, src, d.span);
  if (b.grid.table) j["cell"] = cell_json<nlohmann::ordered_json>(b.grid);
  j["message"] = d.message;
  j["cite"] = d.cite;
  j["fingerprint"] = print;
  add_kind_fields(j, d);
  // A certain fix: the text from (line, column) to (end_line, end_column), placed like the finding,
  // is to read `replacement`.
  if (d.fix) {
    nlohmann::ordered_json fix;
    add_place(fix, src, d.fix->span);
    fix["replacement"] = d.fix->replacement;
    j["fix"] = std::move(fix);
  }
  if (!d.related.empty()) {
    j["related"] = nlohmann::ordered_json::array();
    for (const Related& r : d.related) {
      const Source& in = r.source ? *r.source : src;
      const Position p = in.position(r.span.begin);
      nlohmann::ordered_json rel;
      if (r.source) rel["path"] = r.source->path();  // another file: last year's report
      if (p.page) rel["page"] = p.page;
      rel["line"] = p.page ? p.page_line : p.line;
      rel["column"] = p.column;
      if (p.grid.table) rel["cell"] = cell_json<nlohmann::ordered_json>(p.grid);
      rel["label"] = r.label;
      rel["value"] = r.value;
      j["related"].push_back(std::move(rel));
    }
  }
  return j;
}

}  // namespace

JsonWriter::JsonWriter(std::ostream& out) : out_(out) {
  out_ << "{\"version\":" << kJsonSchemaVersion << ",\"gklint\":\"" << GKLINT_VERSION << "\",\"files\":[";
}

void JsonWriter::file(const FileResult& r) {
  nlohmann::ordered_json j;
  j["path"] = r.path;
  j["status"] = r.unreadable ? "unreadable" : "checked";
  j["ruleset"] = r.ruleset.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.ruleset);
  j["report_year"] = r.report_year ? nlohmann::ordered_json(r.report_year) : nlohmann::ordered_json(nullptr);
  j["year_source"] = r.year_source.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.year_source);
  j["format"] = r.source->format();
  j["encoding"] = r.source->encoding();
  j["title"] = r.title.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.title);
  j["agency"] = r.agency.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.agency);
  // Checked against last year's report (--previous): the rules across years ran.
  if (r.previous_year) j["previous"] = {{"path", r.previous_path}, {"report_year", r.previous_year}};
  // Compared with another agency's report of the same year (--find-copies): cross.copy ran.
  if (!r.copy_of.empty()) j["copy_of"] = {{"path", r.copy_of}};
  // A declared total checked against its parts (a .gklint.yaml's sums): cross.sum ran.
  if (!r.parts.empty()) {
    j["parts"] = nlohmann::ordered_json::array();
    for (const std::string& part : r.parts) j["parts"].push_back({{"path", part}});
  }
  j["diagnostics"] = nlohmann::ordered_json::array();
  const std::vector<std::string> prints = fingerprints(*r.source, r.diagnostics);
  for (size_t i = 0; i < r.diagnostics.size(); ++i) {
    j["diagnostics"].push_back(diagnostic_json(*r.source, r.diagnostics[i], prints[i]));
  }
  out_ << (first_ ? "\n" : ",\n") << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  first_ = false;
}

void JsonWriter::finish(const Summary& s) {
  nlohmann::ordered_json j;
  j["files"] = s.files;
  j["unreadable"] = s.unreadable;
  j["errors"] = s.errors;
  j["warnings"] = s.warnings;
  j["infos"] = s.infos;
  j["by_rule"] = s.by_rule;
  j["unreadable_paths"] = s.unreadable_paths;
  j["suppressed"] = s.suppressed;
  if (s.baseline_unmatched >= 0) j["baseline_unmatched"] = s.baseline_unmatched;
  if (s.without_previous >= 0) j["without_previous"] = s.without_previous;
  out_ << "\n],\"summary\":" << j.dump() << "}\n";
}

}  // namespace gklint

namespace gklint {

std::unique_ptr<Writer> make_json_writer(std::ostream& out, const WriterOptions&) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace gklint
