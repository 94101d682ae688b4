// What the .docx module (gklint-docx.so: docx_module.cpp) and the gklint executable that loads it
// (docx_loader.cpp) share: the functions the module exports, and the tag both must agree on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gklint/annotate.hpp"
#include "input/extracted.hpp"

namespace gklint {

// extract_docx and annotate_docx, as the module exports them (C names, for dlsym).
using DocxExtractFn = void (*)(const char* bytes, size_t size, Extracted* out);
using DocxAnnotateFn = void (*)(const char* bytes, size_t size, const std::vector<DocxComment>* comments,
                                const std::string* author, std::string* out, std::optional<InputProblem>* problem);

// The version and the layout of what the two exchange: the loader refuses a module of another.
inline std::string docx_module_tag() { return pdf_module_tag() + "/" + std::to_string(sizeof(DocxComment)); }

}  // namespace gklint
