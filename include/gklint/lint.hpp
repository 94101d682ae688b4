// The one call both front ends (CLI, later the language server) make: bytes in, findings out.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gklint/diagnostic.hpp"
#include "gklint/report.hpp"
#include "gklint/ruleset.hpp"
#include "gklint/source.hpp"

namespace gklint {

// A rule set for reports of some years (a config's by_year), tried before the built-in sets.
struct YearRuleSet {
  int from = 0;  // inclusive; 0 = open
  int to = 0;
  std::shared_ptr<const RuleSet> rules;
};

struct LintOptions {
  int year = 0;                              // --year: overrides the detected report year when non-zero
  Lang lang = Lang::zh;                      // language of messages
  std::string encoding;                      // --encoding: how to decode text files and pages; empty = detect
  std::vector<YearRuleSet> by_year;          // when no set is fixed
  std::set<std::string> disabled;            // rule ids whose findings are dropped
  std::map<std::string, Severity> severity;  // rule id -> the severity its findings get
  std::optional<BlankCells> blank_cells;     // a config's blank_cells: wins over the rule set's
};

struct FileResult {
  std::string path;
  std::shared_ptr<const Source> source;  // positions and source lines for every output
  std::string ruleset;                   // id of the rule set used; empty when nothing was checked
  int report_year = 0;                   // 0 = not found
  // The report it was compared with (--previous), when it was of the year before: its path and year.
  std::string previous_path;
  int previous_year = 0;           // 0: not compared
  std::string copy_of;             // another agency's report of the year it was compared with (--find-copies)
  std::vector<std::string> parts;  // the reports its figures were added up from (a .gklint.yaml's sums)
  std::string year_source;         // "title" | "period" | "text" | "option" | ""
  std::string title;               // as printed in the report
  std::string agency;
  Report report;                        // what was read: facts and headings (`gklint outline`)
  std::vector<Diagnostic> diagnostics;  // ordered by position
  bool unreadable = false;              // an input-error: nothing else was checked
  bool internal_error = false;          // gklint failed on this file (internal.error; exit status 3)
};

// The other reports one report is compared with, each as linted (its own findings not shown).
struct Partners {
  // The same agency's report of the year before (--previous, --pair-years), for the rules across
  // years; when it is not of the year before, one cross.previous warning says so.
  const FileResult* previous = nullptr;
  // Another agency's report of the same year that shares most of this one's sentences
  // (--find-copies), for cross.copy.
  const FileResult* copy_of = nullptr;
  // The reports whose table figures add up to this one's (a .gklint.yaml's `sums`), for cross.sum;
  // `missing_parts`: what the declaration names that the batch holds no report for.
  std::vector<const FileResult*> parts;
  std::vector<std::string> missing_parts;

  // Last year's report alone (--previous).
  static Partners last_year(const FileResult* previous) {
    Partners p;
    p.previous = previous;
    return p;
  }
};

// Time spent per pipeline stage and per rule (`--profile`), in nanoseconds. One per thread; merge.
struct Profile {
  std::map<std::string, int64_t> stages;  // decode, normalize, facts, tables, outline
  std::map<std::string, int64_t> rules;   // by rule id
  int64_t files = 0;
  void merge(const Profile& other);
};

class Linter {
 public:
  // `fixed`: the rule set for every file (--rules), or nullptr to choose one per file by its
  // report year among the built-in sets.
  Linter(Catalog& catalog, std::shared_ptr<const RuleSet> fixed, LintOptions options);

  // Only what names a report among others, for pairing it with last year's (`gklint pairs`): its
  // agency as printed and its year (0: not found), read as lint() reads them; nothing is checked.
  // False when the file is not readable text.
  // With `prints`, also a hash of each sentence the rules would compare across a batch
  // (Check::sentence_prints, for --find-copies): the report is then read as far as its prose.
  bool identify(const std::string& path, std::string bytes, std::string* agency, int* year,
                std::vector<uint64_t>* prints = nullptr) const;

  // The rule set every file gets (--rules, or a config's), or nullptr when chosen by year.
  const std::shared_ptr<const RuleSet>& fixed_rules() const { return fixed_; }

  // Thread-safe: one Linter may lint many files at once. `profile`, when given, receives timings.
  // `partners`: the other reports the rules across reports compare this one with.
  FileResult lint(const std::string& path, std::string bytes, Profile* profile = nullptr,
                  const Partners& partners = {}) const;

 private:
  std::shared_ptr<const RuleSet> choose(const Source& source, const class View& view, Facts* facts) const;
  // The rule set chosen, and the facts read with its patterns (lint and identify read them alike).
  std::shared_ptr<const RuleSet> choose_and_read_facts(const Source& source, const class View& view,
                                                       Facts* facts) const;
  void apply_overrides(std::vector<Diagnostic>* diagnostics) const;

  Catalog& catalog_;
  std::shared_ptr<const RuleSet> fixed_;
  std::shared_ptr<const RuleSet> base_;  // facts patterns used to find the year before choosing
  LintOptions options_;
};

// Rule file errors shown like any finding: one result per rule file, holding its errors in order
// (so a summary counts the file once). `rule` is "rule.error", or "config.error" for a .gklint.yaml
// (the same shape: a located message). Appended to `results`.
void add_rule_error_results(const std::vector<RuleError>& errors, const std::string& rule,
                            std::vector<FileResult>* results);
// A file that could not be read at all (missing, a folder, no permission): one input-error.
FileResult unreadable_result(const std::string& path, const std::string& message);

}  // namespace gklint
