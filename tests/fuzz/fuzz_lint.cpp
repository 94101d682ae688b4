// libFuzzer target: the whole lint of one input, read as the kind of file GKLINT_FUZZ_PATH names
// (a .txt report by default; fuzz_lint_html, fuzz_lint_docx and fuzz_lint_pdf are this file built
// with .html, .docx and .pdf). Decoding, encoding detection, the HTML, .docx and PDF readers, the
// view, the report readers and every rule run on what the fuzzer makes. A .docx is also annotated
// (gklint annotate: a comment on each finding), and the copy must read as the same text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gklint/annotate.hpp"
#include "gklint/lint.hpp"
#include "input/extracted.hpp"

#ifndef GKLINT_FUZZ_PATH
#define GKLINT_FUZZ_PATH "fuzz.txt"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static gklint::Catalog catalog;
  static const gklint::Linter linter(catalog, nullptr, {});
  gklint::FileResult r = linter.lint(GKLINT_FUZZ_PATH, std::string(reinterpret_cast<const char*>(data), size));
  // Every finding points into the file as decoded.
  for (const gklint::Diagnostic& d : r.diagnostics) {
    if (d.span.end < d.span.begin || d.span.end > r.source->text().size()) __builtin_trap();
    (void)r.source->position(d.span.begin);
  }
  if (r.source->format() == "docx" && !r.unreadable) {
    std::vector<gklint::DocxComment> comments;
    for (const gklint::Diagnostic& d : r.diagnostics) {
      const gklint::Position b = r.source->position(d.span.begin), e = r.source->position(d.span.end);
      comments.push_back({b.line, b.column, e.line, e.column, {d.message}});
    }
    std::string out;
    if (!gklint::annotate_docx(std::string_view(reinterpret_cast<const char*>(data), size), comments, "gklint", &out) &&
        gklint::extract_docx(out).text != r.source->text()) {
      __builtin_trap();
    }
  }
  return 0;
}
