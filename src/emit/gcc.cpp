// --format gcc: `path:line:col: severity: message [rule]`, one line per finding and nothing else,
// the shape editors' quickfix lists and CI log scanners parse (Vim's errorformat, Emacs'
// compilation-mode, VS Code's $gcc problem matcher).
#include "emit/writers.hpp"

namespace gklint {

namespace {

class GccWriter : public Writer {
 public:
  explicit GccWriter(std::ostream& out) : out_(out) {}
  void file(const FileResult& r) override {
    for (const Diagnostic& d : r.diagnostics) {
      const Position p = r.source->position(d.span.begin);
      // A message never spans lines here: a parser would take the rest for another finding.
      out_ << one_line(r.path) << ':' << p.line << ':' << p.column << ": " << severity_word(d.severity) << ": "
           << one_line(d.message) << " [" << d.rule << "]\n";
    }
  }
  void finish(const Summary&) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Writer> make_gcc_writer(std::ostream& out, const WriterOptions&) {
  return std::make_unique<GccWriter>(out);
}

}  // namespace gklint
