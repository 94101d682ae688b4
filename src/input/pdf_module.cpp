// The PDF reader as a module of its own, gklint-pdf.so: poppler and the 25 libraries it brings are
// loaded only when gklint meets a PDF (src/input/pdf_loader.cpp), not at every start. Built from
// the same pdf.cpp that the tests link directly. Only these two functions are exported.
#include "input/extracted.hpp"

extern "C" {

// The gklint it was built with and the layout of Extracted (pdf_module_tag): the loader refuses
// another's.
__attribute__((visibility("default"))) const char* gklint_pdf_module_version() {
  static const std::string kTag = gklint::pdf_module_tag();
  return kTag.c_str();
}

__attribute__((visibility("default"))) void gklint_pdf_module_extract(const char* bytes, size_t size,
                                                                      gklint::Extracted* out) {
  *out = gklint::extract_pdf(std::string_view(bytes, size));
}
}
