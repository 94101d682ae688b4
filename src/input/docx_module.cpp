// The .docx reader and writer of comments as a module of their own, gklint-docx.so: libzip, which
// Debian builds with OpenSSL, and pugixml are loaded only when gklint meets a .docx
// (docx_loader.cpp), not at every start. Built from the same sources that the tests link directly.
// Only these three functions are exported.
#include "input/docx_module.hpp"

extern "C" {

__attribute__((visibility("default"))) const char* gklint_docx_module_version() {
  static const std::string kTag = gklint::docx_module_tag();
  return kTag.c_str();
}

__attribute__((visibility("default"))) void gklint_docx_module_extract(const char* bytes, size_t size,
                                                                       gklint::Extracted* out) {
  *out = gklint::extract_docx(std::string_view(bytes, size));
}

__attribute__((visibility("default"))) void gklint_docx_module_annotate(
    const char* bytes, size_t size, const std::vector<gklint::DocxComment>* comments, const std::string* author,
    std::string* out, std::optional<gklint::InputProblem>* problem) {
  *problem = gklint::annotate_docx(std::string_view(bytes, size), *comments, *author, out);
}
}
