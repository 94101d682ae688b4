// The interface every rule kind implements, and the registry of kinds (one file per kind family).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gklint/diagnostic.hpp"
#include "gklint/lint.hpp"
#include "gklint/report.hpp"
#include "gklint/ruleset.hpp"
#include "gklint/source.hpp"
#include "gklint/view.hpp"
#include "rules/rule_node.hpp"

namespace re2 {
class RE2;
}

namespace gklint {

// The report's prose as the content checks read it: the body's view range, less its tables and
// headings (the gaps: disjoint view ranges, in order).
struct Prose {
  size_t from = 0, to = 0;
  std::vector<std::pair<size_t, size_t>> gaps;
  std::vector<std::pair<size_t, size_t>> tables;  // the tables alone, in order
  // Does [begin, end) overlap a table or a heading? (log of the gaps)
  bool in_gap(size_t begin, size_t end) const;
  // Does [begin, end) overlap a table?
  bool in_table(size_t begin, size_t end) const;
  // Where the first gap starting at or after `at` starts (`to` when none): a heading run into the
  // text ends the sentence before it.
  size_t next_gap(size_t at) const;
};
Prose prose_of(const View& view, const Report& report);

struct CheckContext {
  const Source& source;
  const View& view;
  const Report& report;
  const RuleSet& rules;
  Lang lang;
  // Which heading stands for each of the rule set's sections (-1: none): computed once per report
  // for the rules that need it (section_headings below).
  const std::vector<int>& section_heading;
  // How blank cells count: the config's setting, else the rule set's.
  BlankCells blank_cells = BlankCells::unfilled;
  // The prose the content checks read, computed once per report (prose_of).
  const Prose* prose = nullptr;
  // The other reports the checks across reports compare with (last year's, another agency's, the
  // parts of a total); a check whose partner is absent finds nothing.
  const Partners& partners;
};

class Check {
 public:
  virtual ~Check() = default;
  virtual void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const = 0;
  // What a batch compares reports by, before linting them (--find-copies): a hash per sentence
  // this check would compare. Most checks compare nothing across a batch.
  virtual void sentence_prints(const CheckContext& /*ctx*/, std::vector<uint64_t>* /*out*/) const {}
};

// Reports a problem in a rule's `params:` at a node.
using ParamError = std::function<void(const RuleNode& at, const std::string& message)>;

// An RE2 pattern a rule's params give (a scalar), compiled once; none (false), said at the node, when it
// does not compile or lacks the named `group` (none: no group needed).
Regex param_regex(const RuleNode& pattern, const ParamError& error, const std::string& group = "");

// A list of non-empty words a rule's params give under `key`, appended to `into`; false, said at
// the node, when it is not one (or, `required`, absent or empty).
bool param_words(const RuleNode& params, const char* key, bool required, const ParamError& error,
                 std::vector<std::string>& into);
// An integer in [lo, hi] under `key`, left as it is when absent; false, said at the node, when not.
bool param_int(const RuleNode& params, const char* key, int lo, int hi, const ParamError& error, size_t& into);

struct RuleKind {
  std::string name;                           // "section-missing"
  std::vector<std::string> diagnostic_kinds;  // what its findings' `kind` can be
  std::vector<std::string> message_keys;      // every template the rule must define
  std::vector<std::string> param_keys;        // accepted keys under params:
  // Compiles a rule's params once, at load time; the rule set gives the tables and sections
  // that params may name (a kind whose `make` reads it sets reads_rule_set below).
  std::function<std::shared_ptr<const Check>(const RuleNode& params, const RuleSet& set, const ParamError& error)> make;
  // Templates a rule may define; the kind has a wording of its own for those it does not.
  std::vector<std::string> optional_message_keys = {};
  // The {placeholders} each template may use: what the kind fills in. The loader refuses any other,
  // so a misspelt {sectoin} is an error at its line rather than printed as it is.
  std::map<std::string, std::vector<std::string>> placeholders = {};
  // For the docs (gklint-docs writes docs/rules.md's tables of kinds from the registry): what its
  // findings are, and what each of param_keys means (Markdown). `tables`: listed with the table
  // kinds.
  std::string finds = {};
  std::map<std::string, std::string> param_docs = {};
  bool tables = false;
  // `make` reads the rule set (its tables or sections): the check is compiled for each rule set.
  // Otherwise a rule that several built-in rule sets share (base.yaml's) is compiled once for all.
  bool reads_rule_set = false;
  // Compares with last year's report (--previous): finds nothing without one.
  bool needs_previous = false;
  // Compares with another agency's report of the same year (--find-copies): nothing without one.
  bool needs_other = false;
  // Compares a declared total with its parts (a .gklint.yaml's sums): nothing for other reports.
  bool needs_parts = false;
};

const std::vector<RuleKind>& rule_kinds();

// A finding's `kind` in the JSON contract, for docs/json-output.md.
struct FindingKind {
  std::string name;
  std::string note;    // shown after the rule ids: severity, when it is reported
  std::string fields;  // the kind-specific fields it carries (Markdown)
};
const std::vector<FindingKind>& finding_kinds();
const RuleKind* find_rule_kind(const std::string& name);

// The previous report (CheckContext::previous) when it is of the year before this one's, else null:
// then the rules across years compare nothing (Linter::lint says why once: cross.previous).
const FileResult* previous_of_year_before(const CheckContext& ctx);
// Last year's report is read with its own rule set: its tables, rows and columns are found by id.
// The table read with that id, or null; the row's or column's index in `def`, or -1.
const Table* table_by_id(const Report& report, const std::string& id);
int row_by_id(const TableDef& def, const std::string& id);
int column_by_id(const TableDef& def, const std::string& id);

// Which heading stands for each of the rule set's sections (-1: none).
std::vector<int> section_headings(const RuleSet& rules, const Report& report);

// The view range [from, to) of the rule set's section `id`: from its heading (or from just after it,
// without `with_heading`) to the next heading at the same or a higher level. False when the report
// has no heading for it.
bool section_view_range(const CheckContext& ctx, const std::string& id, bool with_heading, size_t* from, size_t* to);

// A finding from a rule, its message filled from the template `key`.
Diagnostic make_diagnostic(const Rule& rule, const CheckContext& ctx, const std::string& kind, const std::string& key,
                           Span span, const std::vector<std::pair<std::string, std::string>>& args);

// "{name}" placeholders replaced by args; unknown placeholders are left as they are.
std::string fill_template(const std::string& tmpl, const std::vector<std::pair<std::string, std::string>>& args);

}  // namespace gklint
