#include "gklint/pool.hpp"

#include <filesystem>
#include <set>

#include "gklint/tool_rules.hpp"

namespace gklint {

namespace fs = std::filesystem;

LinterPool::LinterPool(Catalog& catalog, PoolOptions options) : catalog_(catalog), options_(std::move(options)) {}

const Config* LinterPool::config_for(const std::string& path, std::vector<FileResult>* errors, bool* ok) {
  *ok = true;
  std::string file = options_.config;
  if (file.empty() && options_.search) {
    std::error_code ec;
    const std::string dir = fs::absolute(path == "-" ? "stdin" : path, ec).parent_path().string();
    auto it = config_of_dir_.find(dir);
    if (it == config_of_dir_.end()) it = config_of_dir_.emplace(dir, find_config(path == "-" ? "stdin" : path)).first;
    file = it->second;
  }
  if (file.empty()) return nullptr;

  auto it = configs_.find(file);
  if (it == configs_.end()) {
    std::optional<Config> parsed;
    std::vector<RuleError> problems;
    Config c;
    if (load_config(file, options_.trust, &c, &problems) && check_rule_ids(c, &problems)) parsed = std::move(c);
    cap_errors(&problems);  // a hostile config's thousands of errors: 20 shown, then a count
    add_rule_error_results(problems, "config.error", errors);
    it = configs_.emplace(file, std::move(parsed)).first;
  }
  if (!it->second) *ok = false;
  return it->second ? &*it->second : nullptr;
}

// A rule id in `disable` or `severity` that no rule set has is a typo that would silently do
// nothing: an error at its place in the config.
bool LinterPool::check_rule_ids(const Config& config, std::vector<RuleError>* problems) {
  if (config.rule_refs.empty()) return true;
  std::set<std::string> known;
  for (const ToolRule& t : kToolRules) known.insert(t.id);
  std::vector<std::string> sets = catalog_.builtin_ids();
  if (!config.rules.empty()) sets.push_back(config.rules);
  for (const auto& y : config.by_year) sets.push_back(y.rules);
  for (const auto& p : config.by_path) sets.push_back(p.rules);
  for (const std::string& id : sets) {
    std::vector<RuleError> ignored;  // a set that does not load is reported when it is used
    if (auto set = catalog_.get(id, &ignored, config.root)) {
      for (const Rule& r : set->rules) known.insert(r.id);
    }
  }
  bool ok = true;
  for (const auto& [id, offset] : config.rule_refs) {
    if (known.count(id)) continue;
    problems->push_back({config.path, config.text, offset,
                         "未知的规则 id“" + id + "”（gklint rules 列出全部规则） (unknown rule id '" + id +
                             "'; gklint rules lists them)"});
    ok = false;
  }
  return ok;
}

std::shared_ptr<const RuleSet> LinterPool::rule_set(const std::string& ref, const std::string& root,
                                                    std::vector<FileResult>* errors) {
  std::vector<RuleError> problems;
  auto set = catalog_.get(ref, &problems, root);
  add_rule_error_results(problems, "rule.error", errors);
  return set;
}

const Linter* LinterPool::for_file(const std::string& path, std::vector<FileResult>* errors) {
  bool ok = true;
  const Config* config = config_for(path, errors, &ok);
  if (!ok) return nullptr;
  const std::string rules = !options_.rules.empty() ? options_.rules : config ? config_rules_for(*config, path) : "";
  const std::string key = (config ? config->path : "") + "\n" + rules;
  if (auto it = linters_.find(key); it != linters_.end()) return it->second.get();
  if (failed_.count(key)) return nullptr;

  std::shared_ptr<const RuleSet> fixed;
  LintOptions options = options_.base;
  bool loaded = true;
  // Rule files named by a config stay inside its root; --rules is the operator's own choice.
  const std::string root = options_.rules.empty() && config ? config->root : "";
  if (!rules.empty()) loaded = (fixed = rule_set(rules, root, errors)) != nullptr;
  if (config) {
    if (options.encoding.empty() && config->encoding) options.encoding = *config->encoding;
    for (const auto& y : config->by_year) {
      auto set = rule_set(y.rules, config->root, errors);
      if (set)
        options.by_year.push_back({y.from, y.to, set});
      else
        loaded = false;
    }
    options.disabled.insert(config->disable.begin(), config->disable.end());
    options.severity = config->severity;
    if (config->blank_cells) options.blank_cells = config->blank_cells;
  }
  if (!loaded) {
    failed_.insert(key);
    return nullptr;
  }
  return linters_.emplace(key, std::make_unique<Linter>(catalog_, fixed, options)).first->second.get();
}

}  // namespace gklint
