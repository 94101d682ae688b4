// extract_pdf for the gklint executable: the reader lives in the module gklint-pdf.so
// (pdf_module.cpp), loaded with dlopen the first time a PDF is read, so that a run without PDFs
// does not load poppler and its libraries. The module is looked for beside the executable (a build
// folder), then where `cmake --install` puts it (GKLINT_PDF_MODULE_DIR, relative to the
// executable's folder); only a module of this version, filling in what this build reads
// (pdf_module_tag), is used.
#include <dlfcn.h>

#include <filesystem>
#include <string>

#include "input/extracted.hpp"

namespace gklint {

namespace {

using ExtractFn = void (*)(const char*, size_t, Extracted*);
using VersionFn = const char* (*)();

struct Module {
  ExtractFn extract = nullptr;
  std::string why_zh, why_en;  // when extract is null
};

Module load() {
  Module m;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path dir = ec ? std::filesystem::path() : exe.parent_path();
  std::string tried;
  for (const std::filesystem::path& candidate :
       {dir / "gklint-pdf.so", (dir / GKLINT_PDF_MODULE_DIR / "gklint-pdf.so").lexically_normal()}) {
    tried += (tried.empty() ? "" : ", ") + candidate.string();
    void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      if (!std::filesystem::exists(candidate, ec)) continue;
      // There, but it does not load (a library it needs, poppler's, is missing): say why.
      const char* why = dlerror();
      m.why_zh = candidate.string() + " 无法加载：" + (why ? why : "");
      m.why_en = "cannot load " + candidate.string() + ": " + (why ? why : "");
      return m;
    }
    // NOLINTBEGIN(cppcoreguidelines-pro-type-reinterpret-cast): dlsym gives untyped addresses
    const auto version = reinterpret_cast<VersionFn>(dlsym(handle, "gklint_pdf_module_version"));
    const auto extract = reinterpret_cast<ExtractFn>(dlsym(handle, "gklint_pdf_module_extract"));
    // NOLINTEND(cppcoreguidelines-pro-type-reinterpret-cast)
    if (!version || !extract || version() != pdf_module_tag()) {
      dlclose(handle);
      m.why_zh = candidate.string() + " 不是本版本 gklint 的 PDF 模块";
      m.why_en = candidate.string() + " is not the PDF module of this gklint (" GKLINT_VERSION ")";
      return m;
    }
    m.extract = extract;  // kept loaded until the process ends
    return m;
  }
  m.why_zh = "未找到 PDF 模块 gklint-pdf.so（查找了 " + tried + "）";
  m.why_en = "the PDF module gklint-pdf.so is not installed (looked for " + tried + ")";
  return m;
}

}  // namespace

Extracted extract_pdf(std::string_view bytes) {
  static const Module kModule = load();  // once, thread-safe
  Extracted out;
  if (!kModule.extract) {
    out.problem = InputProblem{"无法读取 PDF：" + kModule.why_zh, "cannot read PDFs: " + kModule.why_en, 0};
    return out;
  }
  kModule.extract(bytes.data(), bytes.size(), &out);
  return out;
}

}  // namespace gklint
