// libFuzzer target: the whole lint of one input, read as the kind of file GKLINT_FUZZ_PATH names
// (a .txt report by default; fuzz_lint_html, fuzz_lint_docx and fuzz_lint_pdf are this file built
// with .html, .docx and .pdf). Decoding, encoding detection, the HTML, .docx and PDF readers, the
// view, the report readers and every rule run on what the fuzzer makes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gklint/lint.hpp"

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
  return 0;
}
