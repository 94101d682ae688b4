// The text edit that adds a rule id to a .gklint.yaml's `disable:` list (the language server's
// "disable this rule" code action), made on the file's text so its comments and layout stay.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace gklint::lsp {

// Replace the bytes [begin, end) of the config's text with `text`.
struct TextEdit {
  size_t begin = 0, end = 0;
  std::string text;
};

// The edit that makes the config at `path` (its current `text`) disable `rule` and change nothing
// else: an item added to a flow (`[a, b]`) or block (`- a`) list, or a `disable: [RULE]` line
// appended (to an empty text: the whole of a new config). nullopt when the config does not parse, already disables
// the rule, or is written in a way the edit is not sure of: every edit is checked by parsing the
// result, which must be the same config with `rule` added to `disable`.
std::optional<TextEdit> disable_rule_edit(const std::string& path, const std::string& text, const std::string& rule);

}  // namespace gklint::lsp
