// Rule files embedded in the binary at build time (cmake/embed_rules.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace gklint::builtin {

struct EmbeddedFile {
  std::string_view path;  // below the repository root, e.g. "rules/gov-2007.yaml"
  std::string_view text;
};

const std::vector<EmbeddedFile>& files();

}  // namespace gklint::builtin
