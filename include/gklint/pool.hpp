// One Linter per distinct setting: the command line's choices, completed by each report's
// .gklint.yaml (or --config). The CLI and the language server both ask it which Linter a file gets.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gklint/config.hpp"
#include "gklint/lint.hpp"

namespace gklint {

struct PoolOptions {
  std::string rules;   // --rules: wins over any config
  LintOptions base;    // --year, --lang, --encoding (an empty encoding lets a config set it)
  std::string config;  // --config FILE: used for every report, no search
  bool search = true;  // look for .gklint.yaml next to each report (--no-config: false)
  ConfigTrust trust;   // --root, --trust-config: how far a config's rule files may reach
};

class LinterPool {
 public:
  LinterPool(Catalog& catalog, PoolOptions options);

  // The Linter for a report. nullptr when its config or a rule set it names has errors; they are
  // added to `errors` once, as results to show (config.error / rule.error).
  const Linter* for_file(const std::string& path, std::vector<FileResult>* errors);

  // The config that applies to a report at `path`: nullptr for none; `ok` false when it has errors
  // (added to `errors` the first time). Also what run-wide defaults (format, fail_on…) come from.
  const Config* config_for(const std::string& path, std::vector<FileResult>* errors, bool* ok);

 private:
  std::shared_ptr<const RuleSet> rule_set(const std::string& ref, const std::string& root,
                                          std::vector<FileResult>* errors);
  bool check_rule_ids(const Config& config, std::vector<RuleError>* problems);

  Catalog& catalog_;
  PoolOptions options_;
  std::map<std::string, std::string> config_of_dir_;        // folder -> config path ("" = none)
  std::map<std::string, std::optional<Config>> configs_;    // path -> parsed (nullopt: had errors)
  std::map<std::string, std::unique_ptr<Linter>> linters_;  // config path + "\n" + rules -> Linter
  std::set<std::string> failed_;                            // keys whose rule sets did not load
};

}  // namespace gklint
