// Reads a rule file and the files it extends, merges them, and compiles the result.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/rule_tests.hpp"
#include "gklint/ruleset.hpp"

namespace gklint {

struct RuleFile {
  std::string path;  // as shown in messages
  std::string text;
  std::string builtin_id;  // set for embedded files
};

// Finds the file an `extends:` value names: a built-in id, or a path relative to `from`.
// Returns false with `error` set when there is no such file.
using RuleFileResolver =
    std::function<bool(const std::string& ref, const RuleFile& from, RuleFile* out, std::string* error)>;

// A resolver that finds only the built-in sets of `catalog` (which must outlive it): for loading a
// file whose `extends:` may not reach the file system (fuzzing, tests).
RuleFileResolver builtin_resolver(const Catalog& catalog);

// Parsed rule files and compiled patterns, kept by a Catalog so that each file is parsed and each
// pattern compiled once, however many rule sets extend it. Not thread-safe: the Catalog locks.
struct LoadCache;
std::shared_ptr<LoadCache> make_load_cache();

// The cases written in one rule file (not those of the files it extends), in file order. False,
// with located errors, when the file does not parse or a `tests:` is malformed.
bool read_rule_cases(const RuleFile& file, std::vector<RuleCase>* cases, std::vector<RuleError>* errors);

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

std::shared_ptr<const RuleSet> load_rule_set(const RuleFile& file, const RuleFileResolver& resolve, LoadCache* cache,
                                             std::vector<RuleError>* errors);

}  // namespace gklint
