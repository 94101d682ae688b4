#include <filesystem>
#include <fstream>
#include <sstream>

#include "gklint/ruleset.hpp"
#include "rules/builtin.hpp"
#include "rules/loader.hpp"

namespace gklint {

namespace fs = std::filesystem;

namespace {

bool is_path(const std::string& ref) {
  return ref.find('/') != std::string::npos || ref.ends_with(".yaml") || ref.ends_with(".yml");
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return static_cast<bool>(in) || in.eof();
}

}  // namespace

Catalog::Catalog() {
  for (const builtin::EmbeddedFile& f : builtin::files()) {
    std::string id = fs::path(std::string(f.path)).stem().string();
    builtin_[id] = {std::string(f.path), f.text};
  }
}

const std::string_view* Catalog::builtin_text(const std::string& id) const {
  auto it = builtin_.find(id);
  return it == builtin_.end() ? nullptr : &it->second.second;
}

std::shared_ptr<const RuleSet> Catalog::get(const std::string& ref, std::vector<RuleError>* errors) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = cache_.find(ref); it != cache_.end()) return it->second;

  RuleFile file;
  auto builtin = builtin_.find(ref);
  if (!is_path(ref) && builtin != builtin_.end()) {
    file = {builtin->second.first, std::string(builtin->second.second), ref};
  } else if (is_path(ref) || fs::exists(ref)) {
    file.path = ref;
    if (!read_file(ref, &file.text)) {
      errors->push_back({ref, "", 0, "无法读取规则文件 (cannot read the rule file)"});
      return nullptr;
    }
  } else {
    std::string known;
    for (const auto& id : builtin_ids()) known += (known.empty() ? "" : ", ") + id;
    errors->push_back({ref, "", 0, "没有名为 `" + ref + "` 的规则集 (no such rule set; built-in: " + known + ")"});
    return nullptr;
  }

  // `extends:` names a built-in id or a path relative to the extending file (for a built-in
  // file, relative inside the embedded rules/ folder).
  RuleFileResolver resolve = [this](const std::string& target, const RuleFile& from, RuleFile* out,
                                    std::string* why) {
    if (!is_path(target)) {
      auto it = builtin_.find(target);
      if (it == builtin_.end()) {
        *why = "extends 指向不存在的内置规则集 `" + target + "` (no such built-in rule set)";
        return false;
      }
      *out = {it->second.first, std::string(it->second.second), target};
      return true;
    }
    fs::path p = fs::path(from.path).parent_path() / target;
    if (!from.builtin_id.empty()) {
      std::string want = p.lexically_normal().string();
      for (const auto& [id, entry] : builtin_) {
        if (entry.first == want) {
          *out = {entry.first, std::string(entry.second), id};
          return true;
        }
      }
      *why = "内置规则文件中没有 " + want + " (no such embedded file)";
      return false;
    }
    out->path = p.lexically_normal().string();
    if (!read_file(out->path, &out->text)) {
      *why = "无法读取 extends 指向的文件 " + out->path + " (cannot read the extended file)";
      return false;
    }
    return true;
  };

  auto set = load_rule_set(file, resolve, errors);
  if (set) cache_[ref] = set;
  return set;
}

std::vector<std::string> Catalog::builtin_ids() const {
  std::vector<std::string> ids;
  for (const auto& [id, entry] : builtin_) ids.push_back(id);
  return ids;  // std::map keeps them sorted
}

std::shared_ptr<const RuleSet> Catalog::for_year(int year) {
  for (const auto& id : builtin_ids()) {
    std::vector<RuleError> errors;
    auto set = get(id, &errors);
    if (set && set->applies_to(year)) return set;
  }
  return nullptr;
}

std::string Catalog::newest_id() {
  std::string best;
  int best_from = -1;
  for (const auto& id : builtin_ids()) {
    std::vector<RuleError> errors;
    auto set = get(id, &errors);
    if (set && !set->abstract && set->year_from > best_from && (set->year_from || set->year_to)) {
      best = id;
      best_from = set->year_from;
    }
  }
  return best;
}

}  // namespace gklint
