// extract_pdf for the gklint executable: the reader lives in the module gklint-pdf.so
// (pdf_module.cpp), loaded the first time a PDF is read (gklint/module.hpp). Only a module of this
// version, filling in what this build reads (pdf_module_tag), is used.
#include "gklint/module.hpp"
#include "input/extracted.hpp"

namespace gklint {

Extracted extract_pdf(std::string_view bytes) {
  using ExtractFn = void (*)(const char*, size_t, Extracted*);
  static const Module kModule =  // once, thread-safe
      load_module("gklint-pdf.so", "PDF 模块", "PDF module", "gklint_pdf_module_version", pdf_module_tag(),
                  {"gklint_pdf_module_extract"});
  static const auto kExtract = module_function<ExtractFn>(kModule, "gklint_pdf_module_extract");
  Extracted out;
  if (!kExtract) {
    out.problem = InputProblem{"无法读取 PDF：" + kModule.why_zh, "cannot read PDFs: " + kModule.why_en, 0};
    return out;
  }
  kExtract(bytes.data(), bytes.size(), &out);
  return out;
}

}  // namespace gklint
