// --format rdjson: reviewdog's Diagnostic Format, the `DiagnosticResult` message as JSON
// (reviewdog -f=rdjson), written as results arrive:
//   {"source":{"name":"gklint"},"diagnostics":[{"message","location":{"path","range":{"start",
//    "end"}},"severity","code":{"value"},"related_locations"}],"severity"}
#include <nlohmann/json.hpp>

#include <algorithm>

#include "emit/writers.hpp"

namespace gklint {

namespace {

const char* rd_severity(Severity s) {
  switch (s) {
    case Severity::error: return "ERROR";
    case Severity::warning: return "WARNING";
    case Severity::info: return "INFO";
  }
  return "ERROR";
}

// rdjson columns count UTF-8 bytes (reviewdog.proto, message Position: "Column number, starting
// at 1 (byte count in UTF-8)"), while gklint's count code points: the column is converted on the
// line as shown (the decoded line for a text file in any encoding, the HTML source line, the
// .docx paragraph). A column past the line's end (a point just after it) counts one byte each.
int32_t byte_column(const Source& source, const Position& p, ColumnWalker& walker) {
  const ColumnWalker::At at = walker.walk(source.display_line(p.line), p.line, p.column);
  return static_cast<int32_t>(at.byte + 1 + (p.column - at.column));
}

nlohmann::ordered_json position_json(const Source& source, const Position& p, ColumnWalker& walker) {
  return {{"line", p.line}, {"column", byte_column(source, p, walker)}};
}

class RdjsonWriter : public Writer {
 public:
  explicit RdjsonWriter(std::ostream& out) : out_(out) {
    out_ << "{\"source\":{\"name\":\"gklint\"},\"diagnostics\":[";
  }

  void file(const FileResult& r) override {
    const Source& src = *r.source;
    ColumnWalker begins, ends, cells, fix_begins, fix_ends;  // one per kind of place, each met in order
    for (const Diagnostic& d : r.diagnostics) {
      const Range at = range_of(src, d.span);
      nlohmann::ordered_json j;
      j["message"] = d.message;
      j["location"] = {
          {"path", r.path},
          {"range", {{"start", position_json(src, at.begin, begins)}, {"end", position_json(src, at.end, ends)}}}};
      j["severity"] = rd_severity(d.severity);
      j["code"] = {{"value", d.rule}};
      // The cells a sum was made of (reviewdog links them under the comment).
      for (const Related& rel : d.related) {
        // A place in another file (last year's report) gets a walker of its own: `cells` walks this one.
        ColumnWalker other;
        const Source& in = rel.source ? *rel.source : src;
        const Position p = in.position(rel.span.begin);
        j["related_locations"].push_back(
            {{"message", rel.label + " = " + rel.value},
             {"location",
              {{"path", rel.source ? rel.source->path() : r.path},
               {"range", {{"start", position_json(in, p, rel.source ? other : cells)}}}}}});
      }
      // A certain fix, as a suggestion reviewdog can apply (plain text only: in a page or a .docx
      // the range is not where the text read sits in the file).
      if (d.fix && src.format() == "text") {
        const Range f = range_of(src, d.fix->span);
        j["suggestions"] = nlohmann::ordered_json::array(
            {{{"range",
               {{"start", position_json(src, f.begin, fix_begins)}, {"end", position_json(src, f.end, fix_ends)}}},
              {"text", d.fix->replacement}}});
      }
      out_ << (first_ ? "\n" : ",\n") << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      first_ = false;
      worst_ = worst_ ? std::max(*worst_, d.severity) : d.severity;
    }
  }

  // The run's overall severity: that of its worst finding (left out when there is none).
  void finish(const Summary&) override {
    out_ << "\n]";
    if (worst_) out_ << ",\"severity\":\"" << rd_severity(*worst_) << "\"";
    out_ << "}\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  bool first_ = true;
  std::optional<Severity> worst_;
};

}  // namespace

std::unique_ptr<Writer> make_rdjson_writer(std::ostream& out, const WriterOptions&) {
  return std::make_unique<RdjsonWriter>(out);
}

}  // namespace gklint
