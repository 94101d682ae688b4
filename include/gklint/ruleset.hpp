// Rule sets: YAML data (rules/*.yaml, or a user's file) compiled once into matchers and checks.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/diagnostic.hpp"
#include "gklint/report.hpp"
#include "gklint/table.hpp"

namespace gklint {

class Check;
struct LoadCache;
struct RuleFile;

// A text in Chinese with an optional English version (English falls back to Chinese).
struct Text {
  std::string zh;
  std::string en;
  const std::string& in(Lang lang) const { return lang == Lang::en && !en.empty() ? en : zh; }
};

// How a blank cell (Cell::State::unfilled: empty, "/", "—" or "-" alone) is read.
// `unfilled` (the default): not 0, so the sums that need it are not checked and table.unfilled
// says which. `zero`: the convention of offices that leave zeros blank; it counts as 0 in the sums
// and is not reported. Set by a rule set's `blank_cells:` or a .gklint.yaml (which wins).
enum class BlankCells { unfilled, zero };
bool parse_blank_cells(const std::string& name, BlankCells* out);  // "unfilled" | "zero"

// A content the report must (or may) have, and how to recognise its heading.
struct Section {
  std::string id;
  Text title;
  bool required = true;
  // Normalized keyword groups: a heading matches when its title contains every word of a group.
  std::vector<std::vector<std::string>> match;
  // Whole heading wordings (normalized, blanks removed): the title and its `headings:` variants.
  std::vector<std::string> headings;
  // The content written in a paragraph without a heading of its own (2007 regime).
  Regex body;
  std::string cite;

  bool matches(std::string_view heading_key) const;
};

struct Rule {
  std::string id;    // stable, dotted: "section.missing"
  std::string kind;  // the C++ rule kind that runs it: "section-missing"
  Severity severity = Severity::error;
  std::string cite;
  Text summary;  // one line: rule listings, SARIF shortDescription
  Text doc;      // what it checks and why: `gklint explain`
  std::string example;
  std::map<std::string, Text> messages;  // templates with {placeholders}
  std::string defined_at;                // "rules/gov-2007.yaml:42"
  std::shared_ptr<const Check> check;
  bool needs_previous = false;  // compares with last year's report (--previous): not run without one
  bool needs_other = false;     // compares with another agency's report of the year (--find-copies)
  bool needs_parts = false;     // compares a declared total with its parts (a .gklint.yaml's sums)

  const Text& message(const std::string& key) const;
};

struct RuleSet {
  std::string id;
  Text title;
  int year_from = 0;  // applies_to, inclusive; 0 = open
  int year_to = 0;
  bool abstract = false;             // a base for others, never chosen by year
  std::string origin;                // file it was loaded from
  std::vector<std::string> lineage;  // ids from the root ancestor down to this set
  // The file of each lineage entry, in the same order: where its `tests:` are (`gklint test`).
  struct File {
    std::string path;        // as in messages; a built-in's path is below the repository root
    std::string builtin_id;  // the built-in set it is, or empty for a file read from disk
  };
  std::vector<File> files;
  std::vector<Section> sections;
  // False when the sections are the top-level parts of a fixed format (2019/2021): a heading
  // inside another section's heading (一、总体情况 > （一）主动公开) does not stand for a section.
  bool sections_may_nest = true;
  std::vector<TableDef> tables;
  BlankCells blank_cells = BlankCells::unfilled;  // inherited through extends
  std::vector<Rule> rules;                        // enabled rules only
  DocumentModel model;
  std::string facts_origin;  // the file whose `facts:` the model uses (sets sharing it read facts alike)

  bool applies_to(int year) const;
  const Section* section(const std::string& id) const;
  const TableDef* table(const std::string& id) const;
};

// The text of the file an error is in, shared by that file's errors: a file with many errors is
// held once, not once per error. Built from a plain string it holds its own copy (so a caller that
// makes one error, or code not yet passing the shared text, still works).
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::shared_ptr<const std::string> text) : text_(std::move(text)) {}
  SharedText(std::string text) : text_(std::make_shared<const std::string>(std::move(text))) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}
  const std::string& str() const {
    static const std::string empty;
    return text_ ? *text_ : empty;
  }
  operator const std::string&() const { return str(); }

 private:
  std::shared_ptr<const std::string> text_;
};

// A problem in a rule file, with where it is (1-based line; column in code points).
struct RuleError {
  std::string file;
  SharedText file_text;  // so outputs can show the line
  uint32_t offset = 0;   // byte offset in file_text
  std::string message;
};

// At most this many errors are shown per rule or config file: past it they are mostly echoes of
// one mistake, and tens of thousands of lines bury the first.
constexpr size_t kMaxErrorsPerFile = 20;
// The line that stands for `count` errors of `file` left out.
RuleError more_errors(const std::string& file, size_t count);
// Keeps the first kMaxErrorsPerFile errors of each file among errors[from...], and adds one
// more_errors line per file for the rest.
void cap_errors(std::vector<RuleError>* errors, size_t from = 0);

// The built-in rule sets (embedded at build time) plus any file the user names; each set is
// loaded and compiled once and then shared read-only.
// Reads a rule or config file: only a regular file (a directory, device, FIFO or socket is refused
// before it is read, so a named pipe cannot hang a run nor a device stream forever). On failure
// `why` says what is wrong, in both languages, without quoting the file.
bool read_regular_file(const std::string& path, std::string* out, std::string* why);

// Whether `path` (symbolic links resolved) is `root` or below it.
bool path_inside(const std::string& path, const std::string& root);

class Catalog {
 public:
  Catalog();

  // A built-in id ("gov-2007") or a path to a YAML file. nullptr with `errors` filled on failure.
  // With a `root` (a config's project root), the file and every file it extends must lie inside
  // it: a stranger's config cannot make gklint read, and echo, a file outside the project.
  std::shared_ptr<const RuleSet> get(const std::string& id_or_path, std::vector<RuleError>* errors,
                                     const std::string& root = "");
  // The built-in, non-abstract set whose applies_to covers `year`; nullptr if none does. Only that
  // set is loaded.
  std::shared_ptr<const RuleSet> for_year(int year);
  // The year ranges of the built-in sets as indexed at build time, by id (sets chosen by year only).
  std::map<std::string, std::pair<int, int>> builtin_years() const;
  std::vector<std::string> builtin_ids() const;  // every embedded set (abstract ones too), sorted
  std::string newest_id();                       // the set for the latest years
  // The whole text of a built-in rule file by id (its `tests:` included), or nullptr. Sets are loaded
  // from it without the `tests:` blocks (without_tests in rules/rule_text.hpp).
  const std::string_view* builtin_text(const std::string& id) const;
  // Whether the built-in rules are loaded with their docs (summary, doc, example): only SARIF,
  // explain, the rules listing and the language server show them, and they are half of the YAML
  // read at start-up. On by default; it affects the sets loaded after it is set.
  void set_docs(bool with_docs) { with_docs_ = with_docs; }

 private:
  std::shared_ptr<const RuleSet> get_locked(const std::string& id_or_path, std::vector<RuleError>* errors,
                                            const std::string& root);

  std::mutex mutex_;
  std::shared_ptr<LoadCache> load_cache_;  // parsed files and compiled patterns
  bool with_docs_ = true;
  std::map<std::string, std::shared_ptr<const RuleSet>> cache_;
  struct Builtin {
    std::string path;
    std::string_view text;
    int year_from = 0, year_to = 0;         // indexed at build time from its applies_to
    std::string_view tree, tree_with_docs;  // parsed at build time (rules/builtin.hpp)
  };
  std::map<std::string, Builtin> builtin_;
  // The built-in file `id` as it is loaded (with its docs or not, as set_docs says).
  RuleFile builtin_file(const std::string& id, const Builtin& entry) const;
};

}  // namespace gklint
