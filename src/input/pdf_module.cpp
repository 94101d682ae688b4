// The PDF reader as a module of its own, gklint-pdf.so: poppler and the 25 libraries it brings are
// loaded only when gklint meets a PDF (src/input/pdf_loader.cpp), not at every start. Built from
// the same pdf.cpp that the tests link directly. Only these two functions are exported.
#include "input/extracted.hpp"

extern "C" {

// The gklint it was built with: the loader refuses another's (Extracted's layout may differ).
__attribute__((visibility("default"))) const char* gklint_pdf_module_version() { return GKLINT_VERSION; }

__attribute__((visibility("default"))) void gklint_pdf_module_extract(const char* bytes, size_t size,
                                                                      gklint::Extracted* out) {
  *out = gklint::extract_pdf(std::string_view(bytes, size));
}
}
