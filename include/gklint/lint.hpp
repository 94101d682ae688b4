// The one call both front ends (CLI, later the language server) make: bytes in, findings out.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gklint/diagnostic.hpp"
#include "gklint/report.hpp"
#include "gklint/ruleset.hpp"
#include "gklint/source.hpp"

namespace gklint {

struct LintOptions {
  int year = 0;          // --year: overrides the detected report year when non-zero
  Lang lang = Lang::zh;  // language of messages
  std::string encoding;  // --encoding: how to decode text files and pages; empty = detect
};

struct FileResult {
  std::string path;
  std::shared_ptr<const Source> source;  // positions and source lines for every output
  std::string ruleset;                   // id of the rule set used; empty when nothing was checked
  int report_year = 0;                   // 0 = not found
  std::string year_source;               // "title" | "period" | "text" | "option" | ""
  std::string title;                     // as printed in the report
  std::string agency;
  Report report;                         // what was read: facts and headings (`gklint outline`)
  std::vector<Diagnostic> diagnostics;   // ordered by position
  bool unreadable = false;               // an input-error: nothing else was checked
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

  // Thread-safe: one Linter may lint many files at once. `profile`, when given, receives timings.
  FileResult lint(const std::string& path, std::string bytes, Profile* profile = nullptr) const;

 private:
  std::shared_ptr<const RuleSet> choose(const Source& source, const class View& view, Facts* facts) const;

  Catalog& catalog_;
  std::shared_ptr<const RuleSet> fixed_;
  std::shared_ptr<const RuleSet> base_;  // facts patterns used to find the year before choosing
  LintOptions options_;
};

// A rule file error shown like any finding: a result for the rule file with one rule-error.
FileResult rule_error_result(const RuleError& error, Lang lang);
// A file that could not be read at all (missing, a folder, no permission): one input-error.
FileResult unreadable_result(const std::string& path, const std::string& message);

}  // namespace gklint
