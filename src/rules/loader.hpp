// Reads a rule file and the files it extends, merges them, and compiles the result.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/rule_tests.hpp"
#include "gklint/ruleset.hpp"
#include "rules/rule_text.hpp"

namespace gklint {

struct RuleFile {
  std::string path;  // as shown in messages
  std::string text;
  std::string builtin_id;  // set for embedded files
  // An embedded file's tree as the build parsed it from `text` (rules/rule_node.hpp); empty: parse
  // the text.
  std::string_view tree;
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

std::shared_ptr<const RuleSet> load_rule_set(const RuleFile& file, const RuleFileResolver& resolve, LoadCache* cache,
                                             std::vector<RuleError>* errors);

}  // namespace gklint
