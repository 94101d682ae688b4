// `gklint test`: runs the cases rule files carry under their rules' `tests:` (docs/rules.md, "Tests").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gklint/lint.hpp"

namespace gklint {

// A test case written under a rule's `tests:` (docs/rules.md, "Tests"): a report snippet that must
// make the rule fire (`fires:`) or must not (`clean:`). Only the rule's own findings count.
struct RuleCase {
  struct Expected {
    uint32_t line = 0;                   // in the snippet, 1-based
    std::optional<std::string> message;  // compared exactly with the Chinese message when given
  };
  std::string rule;                             // the id of the rule it is written under
  int number = 0;                               // 1-based among that rule's cases in its file
  uint32_t line = 0;                            // where the case is written in its file, 1-based
  bool fires = false;                           // fires: or clean:
  std::string text;                             // the report snippet
  int year = 0;                                 // like --year; 0: read from the snippet
  std::string previous;                         // last year's report (--previous), for the rules across years
  std::string other;                            // another agency's report of the same year (--find-copies)
  std::vector<std::string> parts;               // the reports a total sums (a .gklint.yaml's sums)
  std::optional<std::vector<Expected>> expect;  // fires only: the rule's findings, exactly
};

struct CaseResult {
  std::string file;  // the rule file the case is written in
  std::string set;   // the id of the set it ran with: the one that file declares
  RuleCase test;
  bool enabled = true;  // the rule is enabled in that set
  bool passed = false;
  struct Finding {
    uint32_t line = 0;    // in the snippet
    std::string message;  // Chinese
  };
  std::vector<Finding> findings;  // the rule's findings (only its own), in order
};

// How well the cases of a set and of the files it extends exercise its enabled rules. A case
// counts for a rule when it is written in the file that last changed the rule's definition (any
// key but `tests:`) or in a file below it: cases above it tested another definition.
struct Coverage {
  std::string set;
  size_t rules = 0;                      // enabled rules
  std::vector<std::string> never_fired;  // no `fires:` case made them fire
  std::vector<std::string> never_clean;  // no `clean:` case ran clean
  bool complete() const { return never_fired.empty() && never_clean.empty(); }
};

struct RuleTestRun {
  std::vector<CaseResult> cases;   // each file's cases once, in file order, root ancestors first
  std::vector<Coverage> coverage;  // one per set named
  std::vector<RuleError> errors;   // a set or a `tests:` that does not load: nothing was run
  size_t failed() const;
};

// Runs the cases of each named set (a built-in id or a YAML file) and of every file it extends,
// each case with the set of the file that writes it, with no config; and measures coverage.
RuleTestRun run_rule_tests(Catalog& catalog, const std::vector<std::string>& refs);

// Why a case failed, "expected …, got …", in `lang`.
std::string describe_failure(const CaseResult& r, Lang lang);

}  // namespace gklint
