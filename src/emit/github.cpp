// --format github: GitHub Actions workflow commands, one per finding, which the runner turns into
// annotations on the pull request's files:
//   ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
// (`warning`, and `notice` for an info). Escaped as the runner's toolkit (@actions/core) does.
#include "emit/writers.hpp"

namespace gklint {

namespace {

const char* command_of(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "error";
}

// The message after `::`: a `%` or a line break would end or garble the command.
std::string escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

// A property value: also `:` (ends the properties) and `,` (separates them).
std::string escape_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : escape_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

class GithubWriter : public Writer {
 public:
  explicit GithubWriter(std::ostream& out) : out_(out) {}
  void file(const FileResult& r) override {
    for (const Diagnostic& d : r.diagnostics) {
      const Range at = range_of(*r.source, d.span);
      out_ << "::" << command_of(d.severity) << " file=" << escape_property(r.path) << ",line=" << at.begin.line
           << ",col=" << at.begin.column << ",endLine=" << at.end.line << ",endColumn=" << at.end.column
           << ",title=" << escape_property(d.rule) << "::" << escape_data(d.message) << "\n";
    }
  }
  void finish(const Summary&) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Writer> make_github_writer(std::ostream& out, const WriterOptions&) {
  return std::make_unique<GithubWriter>(out);
}

}  // namespace gklint
