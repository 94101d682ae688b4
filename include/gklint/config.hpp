// .gklint.yaml: a project's settings, found in a report's folder or above (or named with --config).
// What a portal or an office sets once: which rule set for which reports, rules turned off or made
// stricter, and output defaults. Command-line options win over it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gklint/diagnostic.hpp"
#include "gklint/ruleset.hpp"

namespace gklint {

inline constexpr const char* kConfigFileName = ".gklint.yaml";

struct Config {
  // A rule set for reports of some years: a built-in id or a YAML file (made absolute).
  struct ByYear {
    int from = 0;  // inclusive; 0 = open
    int to = 0;
    std::string rules;
  };
  // A rule set for reports whose path below the config's folder matches a glob (first match wins).
  struct ByPath {
    std::string glob;
    std::string rules;
  };

  // A report and the same agency's report of the year before, named by hand where the batch cannot
  // tell (an agency renamed, two copies of one year): paths relative to the config's folder, made
  // lexically normal and absolute.
  struct Pair {
    std::string previous;
    std::string current;
  };

  // A report whose table figures are the sums of other reports' (a county and its townships), for
  // cross.sum: `total` made absolute like a pair's paths; `parts`, globs relative to the config's
  // folder (config_path_matches).
  struct Sum {
    std::string total;
    std::vector<std::string> parts;
  };

  std::string path;                          // the file read; empty for no config
  std::string dir;                           // its folder: rule files and globs are relative to it
  std::string root;                          // the project root its rule files may not leave; empty: trusted, anywhere
  std::string rules;                         // for every report; empty = by year
  std::vector<ByYear> by_year;               // tried before the built-in sets' own years
  std::vector<ByPath> by_path;               // tried before `rules` and `by_year`
  std::vector<std::string> disable;          // rule ids whose findings are dropped
  std::map<std::string, Severity> severity;  // rule id -> severity its findings get
  std::optional<BlankCells> blank_cells;     // how blank table cells count; wins over the rule set's
  std::vector<Pair> pairs;                   // --pair-years, gklint pairs: taken as given
  std::vector<Sum> sums;                     // checked whenever a total and its parts are linted together
  // Which files are reports (globs, like by_path's): in folders, only files matching `include`
  // (unless --include is given) and none matching `exclude`; a file named on the command line
  // only with --force-exclude (the hooks pass every staged file by name).
  std::vector<std::string> include, exclude;
  // Output defaults (the command line overrides each).
  std::optional<std::string> fail_on, format, lang, color, encoding, unreadable;
  // Where each rule id of `disable` and `severity` is written, so an unknown id can be shown there.
  std::vector<std::pair<std::string, uint32_t>> rule_refs;  // id, byte offset in the file
  std::string text;                                         // the file's text, for locating errors found after parsing
};

// Parses a config file. Errors carry the YAML line and column (RuleError: file, text, offset).
// With a `root`, a rule file named outside it is an error at the value, and is never opened.
bool parse_config(const std::string& path, const std::string& text, Config* out, std::vector<RuleError>* errors,
                  const std::string& root = "");

// The nearest .gklint.yaml in `file`'s folder or above it, or "" if there is none. The search
// stops at a repository root (a folder holding .git) or the home folder ($HOME), and skips a
// config someone else could have planted: in a world-writable folder, unless the folder is sticky
// and the file is ours (git's safe.directory reasoning). A skipped config goes to `skipped` or,
// without it, is mentioned on standard error once per run.
std::string find_config(const std::string& file, std::vector<std::string>* skipped = nullptr);

// The folder a config's rule files may not leave: the repository root above it (a folder holding
// .git), else the folder of the highest .gklint.yaml at or above it (the search's limits).
std::string project_root(const std::string& config_path);

// Who decides what a config may reach: --root DIR, or --trust-config (no limit).
struct ConfigTrust {
  std::string root;    // --root; empty: project_root() of each config
  bool trust = false;  // --trust-config
};

// Reads and parses a config file (a regular file only, inside its project root unless trusted).
bool load_config(const std::string& path, const ConfigTrust& trust, Config* out, std::vector<RuleError>* errors);

// GKLINT_NO_CONFIG set (and not "0"): every .gklint.yaml is ignored, as with --no-config.
bool no_config_from_environment();

// The rule set a report at `file` (a path as given) gets from the config's by_path, else its
// `rules`; "" when the config leaves it to the year.
std::string config_rules_for(const Config& config, const std::string& file);

// Whether one of `globs` matches `file`: its path relative to the config's folder (`*` crossing
// folders), or its name. What by_path, include and exclude match with.
bool config_glob_matches(const Config& config, const std::vector<std::string>& globs, const std::string& file);

// `file`'s path below the config's folder ("a/b.txt"), or "" when it is not below it; and whether
// `glob` matches such a path (`*` crossing folders): never by a name alone, nor a file outside the
// folder. What sums' parts match with.
std::string config_relative_path(const Config& config, const std::string& file);
bool config_path_matches(const std::string& glob, const std::string& relative);

// A commented starting config (`gklint init`).
std::string config_template();

}  // namespace gklint
