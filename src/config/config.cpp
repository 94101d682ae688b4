#include "gklint/config.hpp"

#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <set>

#include "gklint/emit.hpp"
#include "gklint/yaml_error.hpp"

namespace gklint {

namespace fs = std::filesystem;

namespace {

const std::set<std::string> kTopKeys = {"rules",    "by_year",    "by_path", "disable", "severity", "blank_cells",
                                        "include",  "exclude",    "fail_on", "format",  "lang",     "color",
                                        "encoding", "unreadable", "pairs",   "sums"};

class Parser {
 public:
  Parser(const std::string& path, const std::string& text, std::vector<RuleError>* errors)
      : path_(path), text_(text), errors_(errors) {}

  void error(const YAML::Mark& mark, const std::string& zh, const std::string& en) {
    RuleError e;
    e.file = path_;
    // One copy of the config for all its errors, made at the first (a hostile config may have
    // thousands; gklint shows 20 of them).
    if (!shared_) shared_ = std::make_shared<const std::string>(text_);
    e.file_text = SharedText(shared_);
    e.offset = mark.is_null() || mark.pos < 0 ? 0 : static_cast<uint32_t>(mark.pos);
    e.message = zh + " (" + en + ")";
    errors_->push_back(std::move(e));
  }

  bool scalar(const YAML::Node& n, const std::string& key, std::string* out) {
    if (!n.IsScalar()) {
      error(n.Mark(), key + " 的值应为字符串", key + " must be a string");
      return false;
    }
    *out = n.Scalar();
    return true;
  }

  bool one_of(const YAML::Node& n, const std::string& key, const std::set<std::string>& allowed,
              std::optional<std::string>* out) {
    std::string v;
    if (!scalar(n, key, &v)) return false;
    if (!allowed.count(v)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      error(n.Mark(), key + " 的值“" + v + "”无效，应为 " + list, "invalid " + key + " '" + v + "'; expected " + list);
      return false;
    }
    *out = v;
    return true;
  }

  std::vector<std::string> ids(const YAML::Node& n, const std::string& key) {
    return list(n, key, "规则 id", "rule ids");
  }

  // A list of scalars; a single scalar is a list of one.
  std::vector<std::string> globs(const YAML::Node& n, const std::string& key) {
    if (n.IsScalar()) return {n.Scalar()};
    return list(n, key, "glob（如 \"*.txt\"、\"草稿/*\"）", "globs (\"*.txt\", \"drafts/*\")");
  }

  std::vector<std::string> list(const YAML::Node& n, const std::string& key, const std::string& what_zh,
                                const std::string& what_en) {
    std::vector<std::string> out;
    if (!n.IsSequence()) {
      error(n.Mark(), key + " 应为" + what_zh + "的列表", key + " must be a list of " + what_en);
      return out;
    }
    for (const auto& item : n) {
      std::string v;
      if (scalar(item, key, &v)) out.push_back(v);
    }
    return out;
  }

  // "2019-2020", "2021-", "-2018" or 2021.
  bool years(const YAML::Node& n, int* from, int* to) {
    std::string v;
    if (!scalar(n, "years", &v)) return false;
    const auto number = [](const std::string& s, int* y) {
      if (s.empty()) return *y = 0, true;
      if (s.size() != 4 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
      *y = std::stoi(s);
      return true;
    };
    const size_t dash = v.find('-');
    const bool ok = dash == std::string::npos ? number(v, from) && (*to = *from, *from != 0)
                                              : number(v.substr(0, dash), from) && number(v.substr(dash + 1), to) &&
                                                    (*from || *to) && (!*from || !*to || *from <= *to);
    if (!ok)
      error(n.Mark(), "years 应写作 2019-2020、2021-、-2018 或 2021",
            "years must look like 2019-2020, 2021-, -2018 or 2021");
    return ok;
  }

  // A rule set value: a built-in id as is (ids have no '/' nor '.'), a file relative to the
  // config's folder. With a root, a file outside it is refused here, before anything opens it.
  std::string rule_set(const YAML::Node& n, const std::string& v, const std::string& dir, const std::string& root) {
    if (v.find_first_of("/\\.") == std::string::npos) return v;
    std::string file = (fs::path(dir) / v).lexically_normal().string();
    if (file.find('/') == std::string::npos) file = "./" + file;  // still a path to the catalog
    if (!root.empty() && !path_inside(file, root)) {
      error(n.Mark(), "rules 指向项目之外：" + v + "（项目根目录 " + root + "），不读取",
            "path leaves the project root " + root + "; pass --trust-config to allow");
      return "";
    }
    return file;
  }

  void check_keys(const YAML::Node& map, const std::set<std::string>& allowed, const std::string& what) {
    for (const auto& kv : map) {
      const std::string k = kv.first.Scalar();
      if (!allowed.count(k)) {
        error(kv.first.Mark(), what + " 中有未知的键“" + k + "”", "unknown key '" + k + "' in " + what);
      }
    }
  }

 private:
  const std::string& path_;
  const std::string& text_;
  std::shared_ptr<const std::string> shared_;
  std::vector<RuleError>* errors_;
};

}  // namespace

bool parse_config(const std::string& path, const std::string& text, Config* out, std::vector<RuleError>* errors,
                  const std::string& project_root) {
  const size_t errors_before = errors->size();
  Parser p(path, text, errors);
  Config c;
  c.path = path;
  c.root = project_root;
  c.text = text;
  c.dir = fs::path(path).parent_path().string();
  if (c.dir.empty()) c.dir = ".";
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    p.error(e.mark, "YAML 语法错误：" + yaml_error_text(e), "YAML syntax error: " + yaml_error_text(e));
    return false;
  }
  if (root.IsNull()) {  // an empty file: all defaults
    *out = c;
    return true;
  }
  if (!root.IsMap()) {
    p.error(root.Mark(), "配置文件的顶层必须是映射", "the top level of a config file must be a mapping");
    return false;
  }
  p.check_keys(root, kTopKeys, "配置 (config)");
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "rules") {
      std::string s;
      if (p.scalar(v, key, &s)) c.rules = p.rule_set(v, s, c.dir, project_root);
    } else if (key == "by_year" || key == "by_path") {
      if (!v.IsSequence()) {
        p.error(v.Mark(), key + " 应为列表", key + " must be a list");
        continue;
      }
      for (const auto& item : v) {
        if (!item.IsMap()) {
          p.error(item.Mark(), key + " 的每一项应为映射", "each item of " + key + " must be a mapping");
          continue;
        }
        const bool by_year = key == "by_year";
        p.check_keys(item, by_year ? std::set<std::string>{"years", "rules"} : std::set<std::string>{"paths", "rules"},
                     key);
        const YAML::Node rules = item["rules"];
        const YAML::Node selector = item[by_year ? "years" : "paths"];
        if (!rules || !selector) {
          p.error(item.Mark(), key + " 的每一项都要有 " + (by_year ? "years" : "paths") + " 和 rules",
                  "each item of " + key + " needs " + (by_year ? "years" : "paths") + " and rules");
          continue;
        }
        std::string set;
        if (!p.scalar(rules, "rules", &set)) continue;
        set = p.rule_set(rules, set, c.dir, project_root);
        if (by_year) {
          Config::ByYear y;
          y.rules = set;
          if (p.years(selector, &y.from, &y.to)) c.by_year.push_back(y);
        } else {
          for (const auto& g : p.globs(selector, "paths")) c.by_path.push_back({g, set});
        }
      }
    } else if (key == "pairs") {
      if (!v.IsSequence()) {
        p.error(v.Mark(), "pairs 应为列表", "pairs must be a list");
        continue;
      }
      for (const auto& item : v) {
        if (!item.IsMap() || !item["previous"] || !item["current"]) {
          p.error(item.Mark(), "pairs 的每一项都要有 previous 和 current（上一年度和本年度报告的路径）",
                  "each item of pairs needs previous and current (the paths of last year's and this year's report)");
          continue;
        }
        p.check_keys(item, {"previous", "current"}, key);
        std::string previous, current;
        if (!p.scalar(item["previous"], "previous", &previous) || !p.scalar(item["current"], "current", &current)) {
          continue;
        }
        std::error_code ec;
        const auto absolute = [&](const std::string& f) {
          return fs::absolute(fs::path(c.dir) / f, ec).lexically_normal().string();
        };
        c.pairs.push_back({absolute(previous), absolute(current)});
      }
    } else if (key == "sums") {
      if (!v.IsSequence()) {
        p.error(v.Mark(), "sums 应为列表", "sums must be a list");
        continue;
      }
      for (const auto& item : v) {
        if (!item.IsMap() || !item["total"] || !item["parts"]) {
          p.error(item.Mark(), "sums 的每一项都要有 total 和 parts（合计报告的路径，和各下级报告路径的 glob 列表）",
                  "each item of sums needs total and parts (the total's path, and globs of its parts' paths)");
          continue;
        }
        p.check_keys(item, {"total", "parts"}, key);
        Config::Sum sum;
        if (!p.scalar(item["total"], "total", &sum.total)) continue;
        // Written as a path below this folder is ("./乡镇/*" is "乡镇/*").
        for (const std::string& glob : p.globs(item["parts"], "parts"))
          sum.parts.push_back(fs::path(glob).lexically_normal().generic_string());
        if (sum.parts.empty()) {
          p.error(item["parts"].Mark(), "parts 不能为空", "parts must not be empty");
          continue;
        }
        std::error_code ec;
        sum.total = fs::absolute(fs::path(c.dir) / sum.total, ec).lexically_normal().string();
        if (std::any_of(c.sums.begin(), c.sums.end(), [&](const Config::Sum& s) { return s.total == sum.total; })) {
          p.error(item["total"].Mark(), "这份合计报告已在 sums 中列出", "this total is already listed in sums");
          continue;
        }
        c.sums.push_back(std::move(sum));
      }
    } else if (key == "disable") {
      c.disable = p.ids(v, key);
      if (v.IsSequence()) {
        for (const auto& item : v)
          c.rule_refs.emplace_back(item.Scalar(), static_cast<uint32_t>(std::max(0, item.Mark().pos)));
      }
    } else if (key == "severity") {
      if (!v.IsMap()) {
        p.error(v.Mark(), "severity 应为“规则 id: 级别”的映射", "severity must map rule ids to levels");
        continue;
      }
      for (const auto& rule : v) {
        std::string level;
        Severity s;
        if (!p.scalar(rule.second, "severity", &level)) continue;
        if (!parse_severity(level, &s)) {
          p.error(rule.second.Mark(), "级别“" + level + "”无效，应为 error、warning 或 info",
                  "invalid level '" + level + "'; expected error, warning or info");
          continue;
        }
        c.severity[rule.first.Scalar()] = s;
        c.rule_refs.emplace_back(rule.first.Scalar(), static_cast<uint32_t>(std::max(0, rule.first.Mark().pos)));
      }
    } else if (key == "blank_cells") {
      std::optional<std::string> name;
      BlankCells b;
      if (p.one_of(v, key, {"unfilled", "zero"}, &name) && parse_blank_cells(*name, &b)) c.blank_cells = b;
    } else if (key == "include") {
      c.include = p.globs(v, key);
    } else if (key == "exclude") {
      c.exclude = p.globs(v, key);
    } else if (key == "unreadable") {
      p.one_of(v, key, {"error", "warning", "ignore"}, &c.unreadable);
    } else if (key == "fail_on") {
      p.one_of(v, key, {"error", "warning", "info", "never"}, &c.fail_on);
    } else if (key == "format") {
      const std::vector<std::string>& formats = output_formats();
      p.one_of(v, key, std::set<std::string>(formats.begin(), formats.end()), &c.format);
    } else if (key == "lang") {
      p.one_of(v, key, {"zh", "en"}, &c.lang);
    } else if (key == "color") {
      p.one_of(v, key, {"auto", "always", "never"}, &c.color);
    } else if (key == "encoding") {
      std::string s;
      if (p.scalar(v, key, &s)) c.encoding = s;
    }
  }
  if (errors->size() != errors_before) return false;
  *out = std::move(c);
  return true;
}

namespace {

// Why a config in `dir` may have been planted by someone else ("" when it is safe to read): a
// world-writable folder lets anyone create it, unless the sticky bit keeps others from replacing
// a file that is ours.
std::string planted(const fs::path& dir, const fs::path& file) {
  struct stat d {
  }, f{};
  if (::stat(dir.c_str(), &d) != 0 || !(d.st_mode & S_IWOTH)) return "";
  if ((d.st_mode & S_ISVTX) && ::stat(file.c_str(), &f) == 0 && f.st_uid == ::geteuid()) return "";
  return (d.st_mode & S_ISVTX)
             ? "in a world-writable folder, owned by another user (所在文件夹人人可写，且文件不属于当前用户)"
             : "in a world-writable folder (所在文件夹人人可写)";
}

// Where an upward search ends, after looking in `dir`: a repository root, the home folder, or /.
bool search_ends(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir / ".git", ec)) return true;  // a folder, or a file in a worktree or submodule
  if (const char* home = std::getenv("HOME"); home && *home && fs::path(home).lexically_normal() == dir) return true;
  return dir == dir.root_path();
}

fs::path folder_of(const std::string& file) {
  std::error_code ec;
  return fs::absolute(file == "-" ? fs::path(".") / "stdin" : fs::path(file), ec).lexically_normal().parent_path();
}

}  // namespace

std::string find_config(const std::string& file, std::vector<std::string>* skipped) {
  std::error_code ec;
  fs::path dir = folder_of(file);
  for (int depth = 0; depth < 256 && !dir.empty(); ++depth) {
    const fs::path candidate = dir / kConfigFileName;
    // Any kind of file counts (load_config refuses what is not a regular file, saying so).
    if (fs::exists(fs::symlink_status(candidate, ec))) {
      const std::string why = planted(dir, candidate);
      if (why.empty()) return candidate.string();
      const std::string note = candidate.string() + ": " + why;
      if (skipped) {
        skipped->push_back(note);
      } else {
        static std::mutex mutex;
        static std::set<std::string> said;
        std::lock_guard<std::mutex> lock(mutex);
        if (said.insert(note).second) std::cerr << "gklint: ignoring " << note << "\n";
      }
    }
    if (search_ends(dir)) break;
    dir = dir.parent_path();
  }
  return "";
}

std::string project_root(const std::string& config_path) {
  std::error_code ec;
  fs::path dir = folder_of(config_path);
  fs::path highest = dir;
  for (int depth = 0; depth < 256 && !dir.empty(); ++depth) {
    if (fs::exists(dir / ".git", ec)) return dir.string();
    const fs::path candidate = dir / kConfigFileName;
    if (fs::exists(fs::symlink_status(candidate, ec)) && planted(dir, candidate).empty()) highest = dir;
    if (search_ends(dir)) break;
    dir = dir.parent_path();
  }
  return highest.string();
}

bool load_config(const std::string& path, const ConfigTrust& trust, Config* out, std::vector<RuleError>* errors) {
  const std::string root = trust.trust ? "" : !trust.root.empty() ? trust.root : project_root(path);
  // A .gklint.yaml that is a link to a file outside the project would be echoed as unknown keys.
  if (!root.empty() && !path_inside(path, root)) {
    errors->push_back({path, "", 0,
                       "配置文件指向项目之外（项目根目录 " + root +
                           "），不读取 (the config file leaves the project root " + root +
                           "; pass --trust-config to allow)"});
    return false;
  }
  std::string text, why;
  if (!read_regular_file(path, &text, &why)) {
    errors->push_back({path, "", 0, "配置文件" + why});
    return false;
  }
  return parse_config(path, text, out, errors, root);
}

bool no_config_from_environment() {
  const char* v = std::getenv("GKLINT_NO_CONFIG");
  return v && *v && std::string(v) != "0";
}

namespace {

// A report's path relative to a config's folder, and its name: what the config's globs match.
struct GlobSubject {
  std::string rel, name;
  GlobSubject(const Config& config, const std::string& file) {
    std::error_code ec;
    const fs::path r = fs::absolute(file, ec).lexically_normal().lexically_relative(fs::absolute(config.dir, ec));
    rel = r.generic_string();
    name = r.filename().string();
  }
  bool matches(const std::string& glob) const {
    return fnmatch(glob.c_str(), rel.c_str(), 0) == 0 || fnmatch(glob.c_str(), name.c_str(), 0) == 0;
  }
};

}  // namespace

bool config_glob_matches(const Config& config, const std::vector<std::string>& globs, const std::string& file) {
  if (globs.empty()) return false;
  const GlobSubject subject(config, file);
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return subject.matches(g); });
}

std::string config_relative_path(const Config& config, const std::string& file) {
  std::string rel = GlobSubject(config, file).rel;
  return rel == "." || rel.starts_with("..") ? "" : rel;
}

bool config_path_matches(const std::string& glob, const std::string& relative) {
  return !relative.empty() && fnmatch(glob.c_str(), relative.c_str(), 0) == 0;
}

std::string config_rules_for(const Config& config, const std::string& file) {
  if (config.by_path.empty()) return config.rules;
  const GlobSubject subject(config, file);
  for (const auto& p : config.by_path) {
    if (subject.matches(p.glob)) return p.rules;
  }
  return config.rules;
}

std::string config_template() {
  std::string format_names;  // text | json | …, from the registry of output formats
  for (const std::string& name : output_formats()) format_names += (format_names.empty() ? "" : " | ") + name;
  return R"(# gklint configuration. gklint uses the nearest .gklint.yaml in a report's folder or above it
# (or the file named with --config). Command-line options override what is set here.

# Rule set for every report: a built-in id (gklint rules lists them) or a YAML file relative to
# this folder. Left out, each report gets the built-in set for its year.
# rules: gov-2021

# Rule sets by report year, tried before the built-in sets' own years.
# by_year:
#   - years: 2008-2018        # also 2021-, -2018, or a single year
#     rules: sichuan-2017

# Rule sets by path (globs relative to this folder, or a file name); the first match wins.
# by_path:
#   - paths: ["sichuan/**", "*-sc.txt"]
#     rules: my-province.yaml

# Which files are reports (globs relative to this folder, or a file name; * crosses folders).
# In folders, only files matching include (left out: every format gklint reads) and none matching
# exclude are linted; a file named on the command line too, with --force-exclude (the hooks).
# include: ["reports/*"]
# exclude: ["drafts/*", "*-old.docx"]

# Rules whose findings are not reported.
# disable: [heading.numbering]

# Severity of a rule's findings: error, warning or info.
# severity:
#   year.typo: error

# Blank table cells (empty, "/", "—"): unfilled (default) means not 0, so the sums that need them
# are not checked and table.unfilled reports them; zero, for offices that leave zeros blank, counts
# them as 0 in the sums and does not report them. Wins over the rule set's blank_cells.
# blank_cells: unfilled

# Reports and the same agency's report of the year before, for --pair-years and gklint pairs,
# where the batch cannot tell them (an agency renamed, two copies of one year). Paths relative to
# this folder; both must be in the batch. Taken as given: the years are still checked.
# pairs:
#   - previous: 2019/公安局.txt
#     current: 2020/公安局.txt

# Reports whose table figures are the sums of other reports' (a county and its townships): each
# figure of tables 三 and 四 of `total` must equal the sum of the same figure in `parts` (cross.sum).
# Checked whenever the total is linted with its parts (they must be in the batch). Paths relative
# to this folder; parts are globs (`*` crosses folders).
# sums:
#   - total: 2020/某县.txt
#     parts: [2020/乡镇/*.txt]

# Output defaults.
# fail_on: error              # error | warning | info | never
# unreadable: error           # error | warning | ignore (an input that cannot be read)
# format: text                # )" +
         format_names + R"(
# lang: zh                    # zh | en
# color: auto                 # auto | always | never
# encoding: GB18030           # of text files and pages; left out, it is detected
)";
}

}  // namespace gklint
