// Reads a rule file and the files it extends, merges them, and compiles the result.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/ruleset.hpp"

namespace gklint {

struct RuleFile {
  std::string path;   // as shown in messages
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

// A test case written under a rule's `tests:` (docs/rules.md, "Tests"): a report snippet that must
// make the rule fire (`fires:`) or must not (`clean:`). Only the rule's own findings count.
struct RuleCase {
  struct Expected {
    uint32_t line = 0;                   // in the snippet, 1-based
    std::optional<std::string> message;  // compared exactly with the Chinese message when given
  };
  std::string rule;    // the id of the rule it is written under
  int number = 0;      // 1-based among that rule's cases in its file
  uint32_t line = 0;   // where the case is written in its file, 1-based
  bool fires = false;  // fires: or clean:
  std::string text;    // the report snippet
  int year = 0;        // like --year; 0: read from the snippet
  std::optional<std::vector<Expected>> expect;  // fires only: the rule's findings, exactly
};

// The cases written in one rule file (not those of the files it extends), in file order. False,
// with located errors, when the file does not parse or a `tests:` is malformed.
bool read_rule_cases(const RuleFile& file, std::vector<RuleCase>* cases, std::vector<RuleError>* errors);

// A built-in rule file's text for linting: every `tests:` block blanked out line for line, so that
// the cases are not parsed at each start-up and every other line keeps its number (and `gklint test`
// reads them from the whole text, at the same lines). It relies on the built-in files' layout (a
// line holding only `tests:`, its cases indented below it); tests/unit/rule_tests_test.cpp checks
// that it takes out of each built-in file its cases and nothing else.
std::string without_tests(std::string_view yaml);

std::shared_ptr<const RuleSet> load_rule_set(const RuleFile& file, const RuleFileResolver& resolve,
                                             LoadCache* cache, std::vector<RuleError>* errors);

}  // namespace gklint
