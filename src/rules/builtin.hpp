// Rule files embedded in the binary at build time (cmake/embed_rules.cmake, tools/gen_rule_trees.cpp).
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

// The same files parsed at build time (tools/gen_rule_trees.cpp): the blobs of their trees as the
// catalog loads them (rules/rule_node.hpp), without and with the rules' docs. Empty when the text
// did not parse: it is then parsed at run time, and the error said.
struct EmbeddedTree {
  std::string_view path;
  std::string_view lean;
  std::string_view with_docs;
};

const std::vector<EmbeddedTree>& trees();

}  // namespace gklint::builtin
