// The parts of gklint kept in modules of their own, loaded with dlopen the first time a run needs
// one, so that a run without them does not load their libraries: gklint-pdf.so (poppler and the
// 25 libraries it brings), gklint-docx.so (libzip, which Debian links with OpenSSL) and
// gklint-serve.so (the web server, with OpenSSL and brotli).
#pragma once

#include <initializer_list>
#include <string>

namespace gklint {

struct Module {
  void* handle = nullptr;      // null: not loaded, and why says why
  std::string why_zh, why_en;  // "未找到 PDF 模块 gklint-pdf.so（查找了 …）" …
};

// Loads the module `file` (gklint-pdf.so), looked for beside the executable (a build folder), then
// where `cmake --install` puts it (GKLINT_MODULE_DIR, relative to the executable's folder). Only a
// module whose function `tag_function` returns `tag` (this build's version, and the layout of what
// the two exchange) and that has every one of `functions` is taken. `what_zh`/`what_en` name it in
// the messages ("PDF 模块", "PDF module"). A module loaded stays loaded until the process ends.
Module load_module(const std::string& file, const std::string& what_zh, const std::string& what_en,
                   const char* tag_function, const std::string& tag, std::initializer_list<const char*> functions);

void* module_symbol(const Module& m, const char* name);

// A function of a loaded module, by name (null when it is not loaded).
template <typename Fn>
Fn module_function(const Module& m, const char* name) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): dlsym gives untyped addresses
  return reinterpret_cast<Fn>(module_symbol(m, name));
}

}  // namespace gklint
