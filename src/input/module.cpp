#include "gklint/module.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <filesystem>

namespace gklint {

void* module_symbol(const Module& m, const char* name) { return m.handle ? dlsym(m.handle, name) : nullptr; }

Module load_module(const std::string& file, const std::string& what_zh, const std::string& what_en,
                   const char* tag_function, const std::string& tag, std::initializer_list<const char*> functions) {
  Module m;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path dir = ec ? std::filesystem::path() : exe.parent_path();
  std::string tried;
  for (const std::filesystem::path& candidate : {dir / file, (dir / GKLINT_MODULE_DIR / file).lexically_normal()}) {
    tried += (tried.empty() ? "" : ", ") + candidate.string();
    void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      if (!std::filesystem::exists(candidate, ec)) continue;
      // There, but it does not load (a library it needs is missing): say why.
      const char* why = dlerror();
      m.why_zh = candidate.string() + " 无法加载：" + (why ? why : "");
      m.why_en = "cannot load " + candidate.string() + ": " + (why ? why : "");
      return m;
    }
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): dlsym gives untyped addresses
    const auto tag_of = reinterpret_cast<const char* (*)()>(dlsym(handle, tag_function));
    const bool has_all =
        std::all_of(functions.begin(), functions.end(), [&](const char* f) { return dlsym(handle, f) != nullptr; });
    if (!tag_of || tag_of() != tag || !has_all) {
      dlclose(handle);
      m.why_zh = candidate.string() + " 不是本版本 gklint 的 " + what_zh;
      m.why_en = candidate.string() + " is not the " + what_en + " of this gklint (" GKLINT_VERSION ")";
      return m;
    }
    m.handle = handle;
    return m;
  }
  m.why_zh = "未找到 " + what_zh + " " + file + "（查找了 " + tried + "）";
  m.why_en = "the " + what_en + " " + file + " is not installed (looked for " + tried + ")";
  return m;
}

}  // namespace gklint
