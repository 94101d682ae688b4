#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "gklint/read.hpp"
#include "gklint/ruleset.hpp"
#include "rules/builtin.hpp"
#include "rules/loader.hpp"

namespace gklint {

namespace fs = std::filesystem;

namespace {

bool is_path(const std::string& ref) {
  return ref.find('/') != std::string::npos || ref.ends_with(".yaml") || ref.ends_with(".yml");
}

// Far more than any rule file or config; a bigger file is not one.
constexpr off_t kMaxFileSize = 16 << 20;

}  // namespace

bool read_regular_file(const std::string& path, std::string* out, std::string* why) {
  // The one reader (gklint/read.hpp): regular files only, never blocking on a FIFO, bounded.
  if (const auto error = read_input(path, out, kMaxFileSize)) {
    *why = "：" + error->zh + "，不读取 (cannot read the file: " + error->en + ")";
    return false;
  }
  return true;
}

bool path_inside(const std::string& path, const std::string& root) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  const fs::path r = fs::weakly_canonical(fs::absolute(root, ec), ec);
  if (ec) return false;
  // Component by component ("/proj" is not inside "/pro"); a trailing "/" adds an empty one.
  auto pi = p.begin();
  for (const fs::path& part : r) {
    if (part.empty()) continue;
    while (pi != p.end() && pi->empty()) ++pi;
    if (pi == p.end() || *pi != part) return false;
    ++pi;
  }
  return true;
}

namespace {

std::string outside_message(const std::string& what, const std::string& root) {
  return what + " 指向项目之外（项目根目录 " + root + "），不读取 (path leaves the project root " + root +
         "; pass --trust-config to allow)";
}

}  // namespace

Catalog::Catalog() : load_cache_(make_load_cache()) {
  for (const builtin::EmbeddedFile& f : builtin::files()) {
    std::string id = fs::path(std::string(f.path)).stem().string();
    Builtin& b = builtin_[id];
    b = {std::string(f.path), f.text, f.year_from, f.year_to, {}, {}};
    for (const builtin::EmbeddedTree& t : builtin::trees()) {
      if (t.path == f.path) {
        b.tree = t.lean;
        b.tree_with_docs = t.with_docs;
      }
    }
  }
}

RuleFile Catalog::builtin_file(const std::string& id, const Builtin& entry) const {
  RuleFile file{entry.path, builtin_yaml(entry.text, with_docs_), id, {}};
  file.tree = with_docs_ ? entry.tree_with_docs : entry.tree;
  return file;
}

const std::string_view* Catalog::builtin_text(const std::string& id) const {
  auto it = builtin_.find(id);
  return it == builtin_.end() ? nullptr : &it->second.text;
}

std::shared_ptr<const RuleSet> Catalog::get(const std::string& ref, std::vector<RuleError>* errors,
                                            const std::string& root) {
  std::lock_guard<std::mutex> lock(mutex_);
  return get_locked(ref, errors, root);
}

std::shared_ptr<const RuleSet> Catalog::get_locked(const std::string& ref, std::vector<RuleError>* errors,
                                                   const std::string& root) {
  // A set loaded without a root may extend files outside any: cached apart from confined loads.
  const std::string key = root.empty() ? ref : root + "\n" + ref;
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;

  RuleFile file;
  auto builtin = builtin_.find(ref);
  if (!is_path(ref) && builtin != builtin_.end()) {
    file = builtin_file(ref, builtin->second);
  } else if (std::error_code ec; is_path(ref) || fs::exists(fs::symlink_status(ref, ec))) {
    // symlink_status: a dangling link or a link loop is a path to report, not a built-in's name.
    file.path = ref;
    if (!root.empty() && !path_inside(ref, root)) {
      errors->push_back({ref, "", 0, outside_message("规则文件 (rule file) " + ref, root)});
      return nullptr;
    }
    std::string why;
    if (!read_regular_file(ref, &file.text, &why)) {
      errors->push_back({ref, "", 0, "规则文件" + why});
      return nullptr;
    }
  } else {
    std::string known;
    for (const auto& id : builtin_ids()) known += (known.empty() ? "" : ", ") + id;
    errors->push_back({ref, "", 0, "没有名为 `" + ref + "` 的规则集 (no such rule set; built-in: " + known + ")"});
    return nullptr;
  }

  // `extends:` names a built-in id or a path relative to the extending file (for a built-in
  // file, relative inside the embedded rules/ folder). Built-in files are read without their
  // cases (`gklint test` reads those from builtin_text).
  RuleFileResolver resolve = [this, &root](const std::string& target, const RuleFile& from, RuleFile* out,
                                           std::string* why) {
    if (!is_path(target)) {
      auto it = builtin_.find(target);
      if (it == builtin_.end()) {
        *why = "extends 指向不存在的内置规则集 `" + target + "` (no such built-in rule set)";
        return false;
      }
      *out = builtin_file(target, it->second);
      return true;
    }
    fs::path p = fs::path(from.path).parent_path() / target;
    if (!from.builtin_id.empty()) {
      std::string want = p.lexically_normal().string();
      for (const auto& [id, entry] : builtin_) {
        if (entry.path == want) {
          *out = builtin_file(id, entry);
          return true;
        }
      }
      *why = "内置规则文件中没有 " + want + " (no such embedded file)";
      return false;
    }
    out->path = p.lexically_normal().string();
    if (!root.empty() && !path_inside(out->path, root)) {
      *why = outside_message("extends " + target, root);
      return false;
    }
    std::string reason;
    if (!read_regular_file(out->path, &out->text, &reason)) {
      *why = "extends 指向的文件 " + out->path + reason;
      return false;
    }
    return true;
  };

  const size_t first_error = errors->size();
  auto set = load_rule_set(file, resolve, load_cache_.get(), errors);
  cap_errors(errors, first_error);
  if (set) cache_[key] = set;
  return set;
}

RuleError more_errors(const std::string& file, size_t count) {
  const std::string k = std::to_string(count);
  return {file, "", 0, "……另有 " + k + " 个错误未列出 (…and " + k + " more errors)"};
}

void cap_errors(std::vector<RuleError>* errors, size_t from) {
  std::map<std::string, size_t> seen;
  std::vector<std::string> order;  // files with errors left out, in the order they first appear
  size_t kept = from;
  for (size_t i = from; i < errors->size(); ++i) {
    RuleError& e = (*errors)[i];
    if (++seen[e.file] > kMaxErrorsPerFile) {
      if (seen[e.file] == kMaxErrorsPerFile + 1) order.push_back(e.file);
      continue;
    }
    if (kept != i) (*errors)[kept] = std::move(e);
    ++kept;
  }
  errors->resize(kept, RuleError{});
  for (const std::string& file : order) errors->push_back(more_errors(file, seen[file] - kMaxErrorsPerFile));
}

std::vector<std::string> Catalog::builtin_ids() const {
  std::vector<std::string> ids;
  for (const auto& [id, entry] : builtin_) ids.push_back(id);
  return ids;  // std::map keeps them sorted
}

std::map<std::string, std::pair<int, int>> Catalog::builtin_years() const {
  std::map<std::string, std::pair<int, int>> years;
  for (const auto& [id, entry] : builtin_) {
    if (entry.year_from || entry.year_to) years[id] = {entry.year_from, entry.year_to};
  }
  return years;
}

// Only the chosen set is loaded: the years come from the build-time index.
std::shared_ptr<const RuleSet> Catalog::for_year(int year) {
  for (const auto& [id, range] : builtin_years()) {
    const auto [from, to] = range;
    if ((from == 0 || year >= from) && (to == 0 || year <= to)) {
      std::vector<RuleError> errors;
      return get(id, &errors);
    }
  }
  return nullptr;
}

std::string Catalog::newest_id() {
  std::string best;
  int best_from = -1;
  for (const auto& [id, range] : builtin_years()) {
    if (range.first > best_from) {
      best = id;
      best_from = range.first;
    }
  }
  return best;
}

}  // namespace gklint
