// Rule files embedded in the binary at build time (cmake/embed_rules.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace gklint::builtin {

struct EmbeddedFile {
  std::string_view path;  // below the repository root, e.g. "rules/gov-2007.yaml"
  std::string_view text;
  int year_from = 0;  // its own applies_to (0: open, or none)
  int year_to = 0;
};

const std::vector<EmbeddedFile>& files();

}  // namespace gklint::builtin
