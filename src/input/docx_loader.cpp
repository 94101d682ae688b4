// extract_docx and annotate_docx for the gklint executable: they live in the module gklint-docx.so
// (docx_module.cpp), loaded the first time a .docx is read or annotated (gklint/module.hpp), so
// that a run without one does not load libzip and the OpenSSL it links (about 5 M instructions at
// every start).
#include "gklint/module.hpp"
#include "input/docx_module.hpp"

namespace gklint {

namespace {

struct DocxModule {
  Module module;
  DocxExtractFn extract = nullptr;  // both, or neither (the module is refused without them)
  DocxAnnotateFn annotate = nullptr;
  InputProblem problem;  // when it is not loaded
};

const DocxModule& docx_module() {
  static const DocxModule kModule = [] {  // once, thread-safe
    DocxModule d;
    d.module = load_module("gklint-docx.so", ".docx 模块", ".docx module", "gklint_docx_module_version",
                           docx_module_tag(), {"gklint_docx_module_extract", "gklint_docx_module_annotate"});
    d.extract = module_function<DocxExtractFn>(d.module, "gklint_docx_module_extract");
    d.annotate = module_function<DocxAnnotateFn>(d.module, "gklint_docx_module_annotate");
    d.problem = InputProblem{"无法读取 .docx：" + d.module.why_zh, "cannot read .docx files: " + d.module.why_en, 0};
    return d;
  }();
  return kModule;
}

}  // namespace

Extracted extract_docx(std::string_view bytes) {
  const DocxModule& m = docx_module();
  Extracted out;
  if (!m.extract) {
    out.problem = m.problem;
    return out;
  }
  m.extract(bytes.data(), bytes.size(), &out);
  return out;
}

std::optional<InputProblem> annotate_docx(std::string_view bytes, const std::vector<DocxComment>& comments,
                                          const std::string& author, std::string* out) {
  const DocxModule& m = docx_module();
  if (!m.annotate) return m.problem;
  std::optional<InputProblem> problem;
  m.annotate(bytes.data(), bytes.size(), &comments, &author, out, &problem);
  return problem;
}

}  // namespace gklint
