// The text of a built-in rule file as it is loaded. No dependency but the standard library: the
// build's tools/gen_rule_trees.cpp parses the same text that the catalog loads.
#pragma once

#include <string>
#include <string_view>

namespace gklint {

// A built-in rule file's text for linting: every `tests:` block blanked out line for line, so that
// the cases are not parsed at each start-up and every other line keeps its number (and `gklint test`
// reads them from the whole text, at the same lines). It relies on the built-in files' layout (a
// line holding only `tests:`, its cases indented below it); tests/unit/rule_tests_test.cpp checks
// that it takes out of each built-in file its cases and nothing else.
std::string without_tests(std::string_view yaml);
// The same for the rules' docs: each `summary:`, `doc:` and `example:` of a rule (indented four,
// as in the built-in files) blanked out line for line, with what is indented below it.
// tests/unit/rule_tests_test.cpp checks that each built-in file loads to the same rules without.
std::string without_docs(std::string_view yaml);
// A built-in file's text as it is loaded: without its cases, and without its docs unless asked.
std::string builtin_yaml(std::string_view text, bool with_docs);

}  // namespace gklint
