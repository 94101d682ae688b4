#include "rules/loader.hpp"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "gklint/view.hpp"
#include "gklint/yaml_error.hpp"
#include "rules/check.hpp"
#include "rules/equation.hpp"

namespace gklint {

namespace {

constexpr int kMaxExtendsDepth = 8;

struct Parsed {
  RuleFile file;
  RuleNode root;
  // file.text shared by this file's errors, made on the first error (most files have none).
  mutable std::shared_ptr<const std::string> error_text;
};

// A YAML node and the file it was written in: merged rule sets mix nodes from several files and
// every error must name the right one.
struct Sourced {
  RuleNode node;
  const Parsed* from = nullptr;

  Sourced() = default;
  Sourced(const RuleNode& n, const Parsed* f) : node(n), from(f) {}
};

// NOLINTNEXTLINE(bugprone-exception-escape): its implicit moves copy a Sourced, which only allocates
struct Entry {  // a section or a rule, merged across the extends chain
  std::string id;
  Sourced decl;
  std::vector<std::pair<std::string, Sourced>> fields;  // in first-written order
  bool enabled = true;

  const Sourced* get(const std::string& key) const {
    for (const auto& [k, v] : fields) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  void set(const std::string& key, const Sourced& value) {
    for (auto& [k, v] : fields) {
      if (k == key) {
        v = value;
        return;
      }
    }
    fields.emplace_back(key, value);
  }
};

struct Merged {
  std::map<std::string, Sourced> top;
  std::map<std::string, Sourced> facts;
  std::string facts_origin;
  std::map<std::string, Sourced> outline;
  std::map<std::string, Sourced> chrome;
  std::vector<Entry> sections;
  std::vector<Entry> tables;
  std::vector<Entry> rules;
};

const std::vector<std::string> kTopKeys = {
    "id",     "title",    "title_en",          "extends", "abstract",    "applies_to", "facts",  "outline",
    "chrome", "sections", "sections_may_nest", "tables",  "blank_cells", "rules",      "disable"};
const std::vector<std::string> kFactKeys = {"title_standalone", "title_embedded",  "title_search_lines", "year",
                                            "period",           "agency_in_title", "agency_line",        "year_typo"};
const std::vector<std::string> kOutlineKeys = {"bare_heading_max_chars", "title_ends"};
const std::vector<std::string> kChromeKeys = {"header", "leading", "trailing"};
const std::vector<std::string> kSectionKeys = {"id",       "title", "title_en", "required", "match",
                                               "headings", "body",  "cite",     "after",    "remove"};
const std::vector<std::string> kTableKeys = {"id",     "title",   "section", "required", "cite",  "anchor",
                                             "header", "columns", "rows",    "after",    "remove"};
const std::vector<std::string> kColumnKeys = {"id", "label", "group", "value"};
const std::vector<std::string> kRowKeys = {"id", "label", "match", "group", "unlabeled"};
const std::vector<std::string> kRuleKeys = {"id",      "kind",     "severity", "cite",    "summary", "doc",
                                            "example", "messages", "params",   "enabled", "tests"};
const std::vector<std::string> kCaseKeys = {"fires", "clean", "year", "expect", "previous", "other", "parts"};
const std::vector<std::string> kExpectKeys = {"line", "message"};

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

// Bytes of `text` that spell `word` from its start, blanks in `text` skipped; 0 when it does not.
static size_t prefix_ignoring_blanks(std::string_view text, std::string_view word) {
  size_t i = 0, j = 0;
  while (j < word.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size() || text[i] != word[j]) return 0;
    ++i;
    ++j;
  }
  return word.empty() ? 0 : i;
}

struct LoadCache {
  std::map<std::string, std::shared_ptr<const Parsed>> files;  // by path
  std::map<std::string, Regex> patterns;
  // Checks compiled from a params node of a parsed file (the same node in every rule set that
  // extends the file and does not override it), for kinds that do not read the rule set.
  struct CompiledCheck {
    std::string kind;
    RuleNode params;
    std::shared_ptr<const Check> check;
  };
  std::vector<CompiledCheck> checks;
};

std::shared_ptr<LoadCache> make_load_cache() { return std::make_shared<LoadCache>(); }

namespace {

class Loader {
 public:
  Loader(const RuleFileResolver& resolve, LoadCache* cache, std::vector<RuleError>* errors)
      : resolve_(resolve), cache_(cache), errors_(errors) {}

  // The parsed file, from the cache when it was parsed before; nullptr (with an error) when it
  // does not parse. Files that fail are not cached, so the error is reported to every caller.
  const Parsed* parsed(const RuleFile& file) {
    auto it = cache_->files.find(file.path);
    if (it != cache_->files.end() && it->second->file.text == file.text) return it->second.get();
    auto p = std::make_shared<Parsed>();
    if (!parse(file, p.get())) return nullptr;
    cache_->files[file.path] = p;
    return p.get();
  }

  bool cases(const RuleFile& file, std::vector<RuleCase>* out) {
    const size_t errors_before = errors_->size();
    const Parsed* p = parsed(file);
    if (!p) return false;
    const RuleNode rules = p->root["rules"];
    if (rules && rules.IsSequence()) {
      for (const RuleNode& item : rules) {
        if (!item.IsMap() || !item["tests"]) continue;
        const RuleNode id = item["id"];
        read_cases(Sourced{item["tests"], p}, id && id.IsScalar() ? id.Scalar() : "", out);
      }
    }
    return errors_->size() == errors_before;
  }

  std::shared_ptr<const RuleSet> load(const RuleFile& file) {
    std::vector<const Parsed*> chain;  // the requested file first, then its ancestors
    if (!read_chain(file, &chain)) return nullptr;
    Merged merged;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) merge(**it, &merged);
    if (!errors_->empty()) return nullptr;
    auto set = std::make_shared<RuleSet>();
    set->origin = file.path;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      set->lineage.push_back(id_of(**it));
      set->files.push_back({(*it)->file.path, (*it)->file.builtin_id});
    }
    compile(merged, set.get());
    if (!errors_->empty()) return nullptr;
    return set;
  }

 private:
  void error(const Parsed& p, const YAML::Mark& mark, const std::string& message) {
    RuleError e;
    e.file = p.file.path;
    if (!p.error_text) p.error_text = std::make_shared<const std::string>(p.file.text);
    e.file_text = p.error_text;
    e.offset = mark.is_null() || mark.pos < 0 ? 0 : static_cast<uint32_t>(mark.pos);
    e.message = message;
    errors_->push_back(std::move(e));
  }
  void error(const Sourced& s, const std::string& message) { error(*s.from, s.node.Mark(), message); }

  static std::string id_of(const Parsed& p) {
    const RuleNode id = p.root["id"];
    return id && id.IsScalar() ? id.Scalar() : p.file.path;
  }

  // A file that is not a rule set at all (not YAML, no mapping, no `id:`): one error naming the
  // file, not located, so no output quotes its lines (they may be anything, e.g. a secret).
  void not_a_rule_set(const Parsed& p, const std::string& message) {
    RuleError e;
    e.file = p.file.path;
    e.message = message;
    errors_->push_back(std::move(e));
  }

  bool parse(const RuleFile& file, Parsed* out) {
    out->file = file;
    // A built-in file's tree, as the build parsed it from this text; else the text parsed here.
    if (std::shared_ptr<const RuleTree> tree = file.tree.empty() ? nullptr : read_rule_tree(file.tree)) {
      out->root = RuleNode(std::move(tree), 0);
    } else {
      try {
        out->root = RuleNode(YAML::Load(file.text));
      } catch (const YAML::Exception& e) {
        const std::string at =
            e.mark.is_null() ? "" : std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1);
        not_a_rule_set(*out, "不是规则集：YAML 语法错误 (not a rule set: YAML syntax error" +
                                 (at.empty() ? "" : " at " + at) + ": " + yaml_error_text(e) + ")");
        return false;
      }
    }
    if (!out->root.IsMap()) {
      not_a_rule_set(*out, "不是规则集：顶层不是映射 (not a rule set: the top level is not a mapping)");
      return false;
    }
    if (!out->root["id"] || !out->root["id"].IsScalar()) {
      not_a_rule_set(*out, "不是规则集：顶层没有 id (not a rule set: no `id:` at the top level)");
      return false;
    }
    return true;
  }

  bool read_chain(const RuleFile& file, std::vector<const Parsed*>* chain) {
    RuleFile current = file;
    std::set<std::string> seen;
    for (int depth = 0;; ++depth) {
      const Parsed* pp = parsed(current);
      if (!pp) return false;
      const Parsed& p = *pp;
      chain->push_back(&p);
      check_keys(Sourced{p.root, &p}, kTopKeys, "rule set");  // parse() made sure it has an id
      if (!seen.insert(p.file.path).second) {
        error(p, p.root["id"].Mark(), "extends 形成循环 (the extends chain loops back to " + p.file.path + ")");
        return false;
      }
      const RuleNode ext = p.root["extends"];
      if (!ext) return true;
      if (!ext.IsScalar()) {
        error(p, ext.Mark(), "extends 必须是一个规则集 id 或文件路径 (extends takes one rule set id or path)");
        return false;
      }
      if (depth + 1 >= kMaxExtendsDepth) {
        error(p, ext.Mark(), "extends 层级过深 (extends chain deeper than 8)");
        return false;
      }
      RuleFile parent;
      std::string why;
      if (!resolve_(ext.Scalar(), p.file, &parent, &why)) {
        error(p, ext.Mark(), why);
        return false;
      }
      current = parent;
    }
  }

  void check_keys(const Sourced& map, const std::vector<std::string>& allowed, const std::string& what) {
    if (!map.node.IsMap()) return;
    for (const auto& kv : map.node) {
      const std::string key = kv.first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        error(Sourced{kv.first, map.from},
              "未知的键 `" + key + "` (unknown key in " + what + "; expected one of: " + join(allowed) + ")");
      }
    }
  }

  void merge_map(const Parsed& p, const char* key, const std::vector<std::string>& allowed,
                 std::map<std::string, Sourced>* into) {
    const RuleNode node = p.root[key];
    if (!node) return;
    if (!node.IsMap()) {
      error(p, node.Mark(), std::string("`") + key + "` 必须是映射 (must be a mapping)");
      return;
    }
    check_keys(Sourced{node, &p}, allowed, key);
    for (const auto& kv : node) (*into)[kv.first.Scalar()] = Sourced{kv.second, &p};
  }

  // Sections and rules merge by id: a known id overrides the fields it names, a new id is added
  // (after `after:` when given), `remove: true` drops a section.
  void merge_list(const Parsed& p, const char* key, const std::vector<std::string>& allowed, std::vector<Entry>* into) {
    const RuleNode list = p.root[key];
    if (!list) return;
    if (!list.IsSequence()) {
      error(p, list.Mark(), std::string("`") + key + "` 必须是列表 (must be a list)");
      return;
    }
    std::set<std::string> ids_here;
    for (const RuleNode& item : list) {
      Sourced s{item, &p};
      if (!item.IsMap()) {
        error(s, std::string(key) + " 的每一项必须是映射 (each entry must be a mapping)");
        continue;
      }
      check_keys(s, allowed, key);
      const RuleNode id = item["id"];
      if (!id || !id.IsScalar() || id.Scalar().empty()) {
        error(s, "缺少 id (each entry needs an `id:`)");
        continue;
      }
      if (!ids_here.insert(id.Scalar()).second) {
        error(Sourced{id, &p}, "重复的 id `" + id.Scalar() + "` (duplicate id in this file)");
        continue;
      }
      auto it = std::find_if(into->begin(), into->end(), [&](const Entry& e) { return e.id == id.Scalar(); });
      // A rule's cases belong to the file that writes them (`gklint test` runs each file's cases
      // with its own set): checked here, not merged. An entry that only adds cases to a rule of
      // the file it extends leaves the rule as it was defined.
      const bool tests = std::string_view(key) == "rules" && item["tests"];
      if (tests) {
        std::vector<RuleCase> ignored;
        read_cases(Sourced{item["tests"], &p}, id.Scalar(), &ignored);
        if (item.size() == 2) {
          if (it == into->end()) {
            error(Sourced{id, &p}, "没有规则 `" + id.Scalar() + "` 可测试 (no rule `" + id.Scalar() +
                                       "` to test: neither this file nor the one it extends defines it)");
          }
          continue;
        }
      }
      if (item["remove"] && item["remove"].IsScalar() && item["remove"].Scalar() == "true") {
        if (it == into->end())
          error(Sourced{id, &p}, "要删除的 `" + id.Scalar() + "` 不存在 (nothing to remove)");
        else
          into->erase(it);
        continue;
      }
      if (it == into->end()) {
        Entry e;
        e.id = id.Scalar();
        e.decl = s;
        size_t pos = into->size();
        if (const RuleNode after = item["after"]) {
          auto a = std::find_if(into->begin(), into->end(), [&](const Entry& x) { return x.id == after.Scalar(); });
          if (a == into->end())
            error(Sourced{after, &p}, "after 指向不存在的 id `" + after.Scalar() + "` (no such id)");
          else
            pos = static_cast<size_t>(a - into->begin()) + 1;
        }
        it = into->insert(into->begin() + static_cast<std::ptrdiff_t>(pos), std::move(e));
      } else {
        it->decl = s;
      }
      for (const auto& kv : item) {
        const std::string k = kv.first.Scalar();
        if (k != "id" && k != "after" && k != "remove" && !(tests && k == "tests")) it->set(k, Sourced{kv.second, &p});
      }
    }
  }

  void merge(const Parsed& p, Merged* m) {
    for (const char* key : {"id", "title", "title_en", "abstract", "applies_to", "sections_may_nest", "blank_cells"}) {
      if (p.root[key]) m->top[key] = Sourced{p.root[key], &p};
    }
    // Not inherited: a set extending an abstract base is itself concrete, and a set is chosen by
    // year only when it says so itself (a provincial set extending gov-2007 is used with --rules).
    if (!p.root["abstract"]) m->top.erase("abstract");
    if (!p.root["applies_to"]) m->top.erase("applies_to");
    merge_map(p, "facts", kFactKeys, &m->facts);
    merge_map(p, "chrome", kChromeKeys, &m->chrome);
    // The chrome decides where the facts are read, so a set with its own reads them itself.
    if (p.root["facts"] || p.root["chrome"]) m->facts_origin = p.file.path;
    merge_map(p, "outline", kOutlineKeys, &m->outline);
    merge_list(p, "sections", kSectionKeys, &m->sections);
    merge_list(p, "tables", kTableKeys, &m->tables);
    merge_list(p, "rules", kRuleKeys, &m->rules);
    if (const RuleNode dis = p.root["disable"]) {
      if (!dis.IsSequence()) {
        error(p, dis.Mark(), "disable 必须是规则 id 的列表 (disable takes a list of rule ids)");
        return;
      }
      for (const RuleNode& id : dis) {
        auto it = std::find_if(m->rules.begin(), m->rules.end(), [&](const Entry& e) { return e.id == id.Scalar(); });
        if (it == m->rules.end())
          error(Sourced{id, &p}, "没有可停用的规则 `" + id.Scalar() + "` (no such rule to disable)");
        else
          it->enabled = false;
      }
    }
  }

  // A rule's `tests:`: a list of cases, each `fires: TEXT` or `clean: TEXT`, with an optional
  // `year:` and, for `fires:`, an optional `expect:` list of {line:, message:}.
  void read_cases(const Sourced& tests, const std::string& rule, std::vector<RuleCase>* out) {
    if (!tests.node.IsSequence()) {
      error(tests, "tests 应为用例列表 (tests takes a list of cases: - fires: TEXT or - clean: TEXT)");
      return;
    }
    int number = 0;
    for (const RuleNode& item : tests.node) {
      ++number;
      const Sourced at{item, tests.from};
      if (!item.IsMap()) {
        error(at, "每个用例应为映射 fires: 或 clean: (each case is a mapping with fires: or clean:)");
        continue;
      }
      const size_t errors_before = errors_->size();
      check_keys(at, kCaseKeys, "test case");
      RuleCase c;
      c.rule = rule;
      c.number = number;
      c.line = static_cast<uint32_t>(item.Mark().line + 1);
      const RuleNode fires = item["fires"], clean = item["clean"];
      if (!fires == !clean) {
        error(at, "用例须有 fires: 或 clean: 之一 (a case needs exactly one of fires: and clean:)");
        continue;
      }
      c.fires = static_cast<bool>(fires);
      const Sourced text{c.fires ? fires : clean, tests.from};
      if (read_string(text, &c.text) && c.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        error(text, "用例的报告文本为空 (the case's report text is empty)");
      }
      if (const RuleNode year = item["year"]) {
        const Sourced y{year, tests.from};
        if (read_int(y, &c.year) && (c.year < 1990 || c.year > 2100)) {
          error(y, "year 应在 1990 至 2100 之间 (expected a year from 1990 to 2100)");
        }
      }
      if (const RuleNode previous = item["previous"]) {
        const Sourced p{previous, tests.from};
        if (read_string(p, &c.previous) && c.previous.find_first_not_of(" \t\r\n") == std::string::npos) {
          error(p, "previous 的报告文本为空 (the previous report's text is empty)");
        }
      }
      if (const RuleNode other = item["other"]) {
        const Sourced o{other, tests.from};
        if (read_string(o, &c.other) && c.other.find_first_not_of(" \t\r\n") == std::string::npos) {
          error(o, "other 的报告文本为空 (the other report's text is empty)");
        }
      }
      if (const RuleNode parts = item["parts"]) {
        if (!parts.IsSequence() || parts.size() == 0) {
          error(Sourced{parts, tests.from}, "parts 应为报告文本的列表 (parts must be a list of report texts)");
        } else {
          for (const RuleNode& part : parts) {
            const Sourced p{part, tests.from};
            if (read_string(p, &c.parts.emplace_back()) &&
                c.parts.back().find_first_not_of(" \t\r\n") == std::string::npos) {
              error(p, "parts 中的报告文本为空 (a part's text is empty)");
            }
          }
        }
      }
      if (const RuleNode expect = item["expect"]) read_expect(Sourced{expect, tests.from}, &c);
      if (errors_->size() == errors_before) out->push_back(std::move(c));
    }
  }

  void read_expect(const Sourced& expect, RuleCase* c) {
    if (!c->fires) {
      error(expect, "expect 只能用于 fires: 用例 (expect goes with fires:; a clean: case expects no finding)");
      return;
    }
    if (!expect.node.IsSequence() || expect.node.size() == 0) {
      error(expect,
            "expect 应为非空列表 [{line: 行号, message: 文本}] (expected a non-empty list of {line:, message:})");
      return;
    }
    const uint32_t lines = static_cast<uint32_t>(std::count(c->text.begin(), c->text.end(), '\n') +
                                                 (!c->text.empty() && c->text.back() != '\n' ? 1 : 0));
    c->expect.emplace();
    for (const RuleNode& item : expect.node) {
      const Sourced at{item, expect.from};
      if (!item.IsMap()) {
        error(at, "每一项应为映射 {line: 行号, message: 文本} (each finding is a mapping {line:, message:})");
        continue;
      }
      check_keys(at, kExpectKeys, "expected finding");
      RuleCase::Expected e;
      if (const RuleNode line = item["line"]) {
        const Sourced l{line, expect.from};
        int n = 0;
        if (read_int(l, &n)) {
          if (n < 1 || static_cast<uint32_t>(n) > lines) {
            error(l, "line 应为片段中的行号 1–" + std::to_string(lines) + " (expected a line of the snippet, 1 to " +
                         std::to_string(lines) + ")");
          }
          e.line = static_cast<uint32_t>(std::max(n, 0));
        }
      } else {
        error(at, "缺少 line (an expected finding needs `line:`)");
      }
      if (const RuleNode message = item["message"]) {
        std::string m;
        if (read_string(Sourced{message, expect.from}, &m)) e.message = std::move(m);
      }
      c->expect->push_back(std::move(e));
    }
  }

  // ---- typed readers: each reports a located error and returns false on bad input ----

  bool read_string(const Sourced& s, std::string* out) {
    if (!s.node.IsScalar()) {
      error(s, "应为字符串 (expected a string)");
      return false;
    }
    *out = s.node.Scalar();
    return true;
  }

  bool read_int(const Sourced& s, int* out) {
    try {
      *out = s.node.as<int>();
      return true;
    } catch (const YAML::Exception&) {
      error(s, "应为整数 (expected a whole number)");
      return false;
    }
  }

  bool read_bool(const Sourced& s, bool* out) {
    try {
      *out = s.node.as<bool>();
      return true;
    } catch (const YAML::Exception&) {
      error(s, "应为 true 或 false (expected true or false)");
      return false;
    }
  }

  // A text: "中文" or {zh: 中文, en: English}.
  bool read_text(const Sourced& s, Text* out) {
    if (s.node.IsScalar()) {
      out->zh = s.node.Scalar();
      return true;
    }
    if (s.node.IsMap()) {
      check_keys(s, {"zh", "en"}, "text");
      if (s.node["zh"]) read_string(Sourced{s.node["zh"], s.from}, &out->zh);
      if (s.node["en"]) read_string(Sourced{s.node["en"], s.from}, &out->en);
      if (out->zh.empty()) error(s, "缺少中文文本 zh (a text needs `zh:`)");
      return !out->zh.empty();
    }
    error(s, "应为文本或 {zh:, en:} (expected a text or {zh:, en:})");
    return false;
  }

  // Every {name} in a message must be one the kind fills in for that message (a name is
  // [a-z_][a-z0-9_]*; other braces are text).
  void check_placeholders(const Sourced& at, const RuleKind& kind, const std::string& key, const Text& text) {
    const auto allowed = kind.placeholders.find(key);
    if (allowed == kind.placeholders.end()) return;  // not a message of this kind: said by check_keys
    for (const std::string* t : {&text.zh, &text.en}) {
      for (size_t open = t->find('{'); open != std::string::npos; open = t->find('{', open + 1)) {
        const size_t close = t->find('}', open);
        if (close == std::string::npos) break;
        const std::string name = t->substr(open + 1, close - open - 1);
        const bool is_name = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
                             std::all_of(name.begin(), name.end(), [](char c) {
                               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                             });
        if (!is_name || std::count(allowed->second.begin(), allowed->second.end(), name)) continue;
        std::string can;
        for (const std::string& a : allowed->second) can += (can.empty() ? "{" : ", {") + a + "}";
        error(at, "未知的占位符 {" + name + "} (unknown placeholder {" + name + "} in messages." + key + " of kind " +
                      kind.name + (can.empty() ? "; it has none" : "; it can use " + can) + ")");
      }
    }
  }

  // One Regex for each pattern text, in every rule set of the catalog; compiled on first use.
  Regex compiled(const std::string& pattern) {
    Regex& cached = cache_->patterns[pattern];
    if (!cached) cached = Regex(pattern);
    return cached;
  }

  // RE2's message when `pattern` does not parse, or "". Parsed only: RE2 gives its compiler two
  // thirds of max_mem, so with 3 bytes there is no room for one instruction and a pattern that
  // parses fails at once as too large, before the compile that takes the time.
  static std::string syntax_error(const std::string& pattern) {
    re2::RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_max_mem(3);
    const re2::RE2 parsed(pattern, opt);
    return parsed.ok() || parsed.error_code() == re2::RE2::ErrorPatternTooLarge ? "" : parsed.error();
  }

  // `anchor_end`: the pattern must match up to the end of the text searched (trailing chrome);
  // it is checked as written first, so the wrapping cannot turn a broken pattern into a valid one.
  // A built-in file's pattern is neither checked nor compiled here: the tests load each built-in
  // file from its text, which checks them all, and it is compiled the first time a report needs it.
  Regex read_regex(const Sourced& s, const std::vector<std::string>& groups = {}, bool anchor_end = false) {
    std::string pattern;
    if (!read_string(s, &pattern)) return Regex();
    const auto bad = [&](const std::string& why) {
      error(s, "正则表达式错误 (bad RE2 pattern): " + why + " — RE2 has no look-around or back-references");
      return Regex();
    };
    const bool check = !s.node.built_in();
    const std::string why = check && anchor_end ? syntax_error(pattern) : "";
    if (!why.empty()) return bad(why);
    Regex re = compiled(anchor_end ? "(?:" + pattern + ")$" : pattern);
    if (!check) return re;
    if (!re->ok()) return bad(re->error());
    for (const std::string& g : groups) {
      if (re->NamedCapturingGroups().count(g) == 0) {
        error(s, "正则表达式缺少命名分组 (the pattern needs the named group) (?P<" + g + ">…)");
        return Regex();
      }
    }
    return re;
  }

  std::vector<Regex> read_regex_list(const Sourced& s, const std::vector<std::string>& groups = {},
                                     bool anchor_end = false) {
    std::vector<Regex> out;
    if (!s.node.IsSequence()) {
      error(s, "应为正则表达式列表 (expected a list of patterns)");
      return out;
    }
    for (const RuleNode& item : s.node) {
      if (auto re = read_regex(Sourced{item, s.from}, groups, anchor_end)) out.push_back(re);
    }
    return out;
  }

  // ---- compile the merged rule set ----

  void compile(const Merged& m, RuleSet* set) {
    const auto top = [&](const char* k) -> const Sourced* {
      auto it = m.top.find(k);
      return it == m.top.end() ? nullptr : &it->second;
    };
    read_string(*top("id"), &set->id);
    if (const Sourced* s = top("abstract")) read_bool(*s, &set->abstract);
    if (const Sourced* s = top("title")) read_text(*s, &set->title);
    if (const Sourced* s = top("title_en")) read_string(*s, &set->title.en);
    if (!set->abstract && set->title.zh.empty()) error(*top("id"), "缺少 title (a rule set needs a `title:`)");
    if (const Sourced* s = top("applies_to")) {
      if (!s->node.IsMap()) {
        error(*s, "applies_to 应为 {from: 年, to: 年} (expected {from: YEAR, to: YEAR})");
      } else {
        check_keys(*s, {"from", "to"}, "applies_to");
        if (s->node["from"]) read_int(Sourced{s->node["from"], s->from}, &set->year_from);
        if (s->node["to"]) read_int(Sourced{s->node["to"], s->from}, &set->year_to);
      }
    }
    if (const Sourced* s = top("sections_may_nest")) read_bool(*s, &set->sections_may_nest);
    if (const Sourced* s = top("blank_cells")) {
      std::string v;
      if (read_string(*s, &v) && !parse_blank_cells(v, &set->blank_cells)) {
        error(*s,
              "blank_cells 应为 unfilled（空白不等于 0，默认）或 zero（空白按 0 计算） "
              "(expected unfilled: a blank is not 0, the default; or zero: a blank counts as 0)");
      }
    }
    set->facts_origin = m.facts_origin;
    compile_model(m, set);
    for (const Entry& e : m.sections) compile_section(e, set);
    for (const Entry& e : m.tables) compile_table(e, set);
    for (const Entry& e : m.rules) {
      if (e.enabled) compile_rule(e, set);
    }
    for (const Entry& e : m.rules) add_row_identities(e, set);
    const std::vector<Section>* sections = &set->sections;
    set->model.known_heading = [sections](std::string_view key) {
      return std::any_of(sections->begin(), sections->end(), [&](const Section& s) { return s.matches(key); });
    };
    set->model.known_title_length = [sections](std::string_view text) {
      size_t longest = 0;
      const size_t first = text.find_first_not_of(' ');
      if (first == std::string_view::npos) return longest;
      for (const Section& s : *sections) {
        for (const std::string& w : s.headings) {
          if (w.empty() || w[0] != text[first]) continue;  // most wordings differ at once
          longest = std::max(longest, prefix_ignoring_blanks(text, w));
        }
      }
      return longest;
    };
  }

  void compile_model(const Merged& m, RuleSet* set) {
    DocumentModel& d = set->model;
    const auto fact = [&](const char* k) -> const Sourced* {
      auto it = m.facts.find(k);
      return it == m.facts.end() ? nullptr : &it->second;
    };
    if (auto s = fact("title_standalone")) d.title_standalone = read_regex_list(*s);
    if (auto s = fact("title_embedded")) d.title_embedded = read_regex_list(*s, {"title"});
    if (auto s = fact("title_search_lines")) read_int(*s, &d.title_search_lines);
    if (auto s = fact("year")) d.year = read_regex(*s, {"year"});
    if (auto s = fact("period")) d.period = read_regex(*s, {"start"});
    if (auto s = fact("agency_in_title")) d.agency_in_title = read_regex_list(*s, {"agency"});
    if (auto s = fact("agency_line")) d.agency_line = read_regex(*s, {"agency"});
    if (auto s = fact("year_typo")) d.year_typo = read_regex(*s, {"digits"});
    auto it = m.outline.find("bare_heading_max_chars");
    if (it != m.outline.end()) read_int(it->second, &d.bare_heading_max_chars);
    it = m.outline.find("title_ends");
    if (it != m.outline.end()) d.title_ends = read_words(it->second);
    const auto chrome = [&](const char* k) -> const Sourced* {
      auto c = m.chrome.find(k);
      return c == m.chrome.end() ? nullptr : &c->second;
    };
    if (auto s = chrome("header")) d.chrome.header = read_regex_list(*s);
    if (auto s = chrome("leading")) d.chrome.leading = read_regex_list(*s);
    if (auto s = chrome("trailing")) d.chrome.trailing = read_regex_list(*s, {}, /*anchor_end=*/true);
  }

  void compile_section(const Entry& e, RuleSet* set) {
    Section sec;
    sec.id = e.id;
    if (const Sourced* s = e.get("title"))
      read_text(*s, &sec.title);
    else
      error(e.decl, "章节缺少 title (a section needs a `title:`)");
    if (const Sourced* s = e.get("title_en")) read_string(*s, &sec.title.en);
    if (const Sourced* s = e.get("required")) read_bool(*s, &sec.required);
    if (const Sourced* s = e.get("cite")) read_string(*s, &sec.cite);
    if (const Sourced* s = e.get("body")) sec.body = read_regex(*s);
    // The title itself always matches; `match:` adds words or word groups.
    sec.match.push_back({normalize_label(sec.title.zh)});
    sec.headings.push_back(strip_blanks(normalize_label(sec.title.zh)));
    if (const Sourced* s = e.get("headings")) {
      for (const std::string& w : read_words(*s)) sec.headings.push_back(strip_blanks(w));
    }
    if (const Sourced* s = e.get("match")) {
      if (!s->node.IsSequence()) {
        error(*s, "match 应为列表：词，或须同时出现的词组 (expected a list of words or word groups)");
      } else {
        for (const RuleNode& item : s->node) {
          std::vector<std::string> group;
          if (item.IsScalar()) {
            group.push_back(normalize_label(item.Scalar()));
          } else if (item.IsSequence()) {
            for (const RuleNode& w : item) {
              if (w.IsScalar())
                group.push_back(normalize_label(w.Scalar()));
              else
                error(Sourced{w, s->from}, "应为词 (expected a word)");
            }
          } else {
            error(Sourced{item, s->from}, "应为词或词组 (expected a word or a list of words)");
          }
          group.erase(std::remove(group.begin(), group.end(), std::string()), group.end());
          if (!group.empty()) sec.match.push_back(std::move(group));
        }
      }
    }
    set->sections.push_back(std::move(sec));
  }

  std::vector<std::string> read_words(const Sourced& s) {
    std::vector<std::string> out;
    if (!s.node.IsSequence()) {
      error(s, "应为词的列表 (expected a list of words)");
      return out;
    }
    for (const RuleNode& w : s.node) {
      if (w.IsScalar() && !w.Scalar().empty())
        out.push_back(normalize_label(w.Scalar()));
      else
        error(Sourced{w, s.from}, "应为词 (expected a word)");
    }
    return out;
  }

  // A table: columns and rows in the template's order. Rows and columns given in an extending
  // file replace the parent's lists whole (a table's shape is one thing).
  void compile_table(const Entry& e, RuleSet* set) {
    TableDef t;
    t.id = e.id;
    if (const Sourced* s = e.get("title"))
      read_string(*s, &t.title);
    else
      error(e.decl, "表格缺少 title (a table needs a `title:`)");
    if (const Sourced* s = e.get("section")) {
      if (read_string(*s, &t.section) && !set->section(t.section)) {
        error(*s, "没有这个章节 `" + t.section + "` (no such section)");
      }
    }
    if (const Sourced* s = e.get("required")) read_bool(*s, &t.required);
    if (const Sourced* s = e.get("cite")) read_string(*s, &t.cite);
    if (const Sourced* s = e.get("anchor")) t.anchor = read_words(*s);
    if (const Sourced* s = e.get("header")) t.header = read_words(*s);
    const Sourced* cols = e.get("columns");
    if (!cols || !cols->node.IsSequence() || cols->node.size() == 0) {
      error(cols ? *cols : e.decl, "表格需要 columns 列表 (a table needs a non-empty `columns:` list)");
      return;
    }
    for (const RuleNode& c : cols->node) {
      Sourced sc{c, cols->from};
      if (!c.IsMap()) {
        error(sc, "每一列应为映射 {id:, label:} (each column is a mapping)");
        continue;
      }
      check_keys(sc, kColumnKeys, "column");
      ColumnDef col;
      if (c["id"]) read_string(Sourced{c["id"], sc.from}, &col.id);
      if (c["label"]) read_string(Sourced{c["label"], sc.from}, &col.label);
      if (c["group"]) read_string(Sourced{c["group"], sc.from}, &col.group);
      if (col.id.empty() || col.label.empty()) error(sc, "列需要 id 和 label (a column needs `id:` and `label:`)");
      if (const RuleNode v = c["value"]) {
        std::string kind = v.IsScalar() ? v.Scalar() : "";
        if (kind == "count")
          col.kind = ValueKind::count;
        else if (kind == "signed")
          col.kind = ValueKind::signed_count;
        else if (kind == "amount")
          col.kind = ValueKind::amount;
        else
          error(Sourced{v, sc.from}, "value 应为 count、signed 或 amount (expected count, signed or amount)");
      }
      t.header.push_back(normalize_label(col.label));
      if (!col.group.empty()) t.header.push_back(normalize_label(col.group));
      t.columns.push_back(std::move(col));
    }
    const Sourced* rows = e.get("rows");
    if (!rows || !rows->node.IsSequence() || rows->node.size() == 0) {
      error(rows ? *rows : e.decl, "表格需要 rows 列表 (a table needs a non-empty `rows:` list)");
      return;
    }
    for (const RuleNode& r : rows->node) {
      Sourced sr{r, rows->from};
      if (!r.IsMap()) {
        error(sr, "每一行应为映射 {id:, label:} (each row is a mapping)");
        continue;
      }
      check_keys(sr, kRowKeys, "row");
      RowDef row;
      if (r["id"]) read_string(Sourced{r["id"], sr.from}, &row.id);
      if (r["label"]) read_string(Sourced{r["label"], sr.from}, &row.label);
      if (r["group"]) read_bool(Sourced{r["group"], sr.from}, &row.group);
      if (r["unlabeled"]) read_bool(Sourced{r["unlabeled"], sr.from}, &row.unlabeled);
      if (row.id.empty() || (row.label.empty() && !row.unlabeled)) {
        error(sr, "行需要 id 和 label (a row needs `id:` and `label:`)");
      }
      row.name = std::string(strip_numbering(normalize_label(row.label)));
      if (!row.name.empty()) row.match.push_back(row.name);
      if (r["match"]) {
        for (std::string& w : read_words(Sourced{r["match"], sr.from})) row.match.emplace_back(strip_numbering(w));
      }
      t.rows.push_back(std::move(row));
    }
    index_labels(t);
    if (!t.rows.empty() && t.rows.front().unlabeled && t.anchor.empty()) {
      error(*rows, "无行标签的表格需要 anchor（表头中的词） (a table whose row has no label needs `anchor:`)");
    }
    set->tables.push_back(std::move(t));
  }

  // A `table-equation` rule that runs along each row states what every row of its table satisfies
  // (总计 = the six applicant columns); the table reader uses that to cut digits that ran together.
  // Taken from every such rule, enabled or not: turning a check off does not change the reading.
  // Errors in the equation are reported by compile_rule when the rule is enabled.
  void add_row_identities(const Entry& e, RuleSet* set) {
    const Sourced* kind = e.get("kind");
    const Sourced* params = e.get("params");
    if (!kind || !kind->node.IsScalar() || kind->node.Scalar() != "table-equation" || !params || !params->node.IsMap())
      return;
    const RuleNode each = params->node["each"], table = params->node["table"], assert_node = params->node["assert"];
    if (!each || !each.IsScalar() || each.Scalar() != "row" || !table || !table.IsScalar() || !assert_node) return;
    TableDef* def = nullptr;
    for (TableDef& t : set->tables) {
      if (t.id == table.Scalar()) def = &t;
    }
    if (!def) return;
    std::vector<RuleNode> texts;
    if (assert_node.IsScalar()) texts.push_back(assert_node);
    if (assert_node.IsSequence()) {
      for (const RuleNode& n : assert_node) texts.push_back(n);
    }
    for (const RuleNode& text : texts) {
      Equation eq;
      std::string why;
      if (!text.IsScalar() || !parse_equation(text.Scalar(), "", *def, Along::row, &eq, &why)) continue;
      std::vector<std::pair<int, int>> terms;
      for (const Equation::Term& term : eq.terms) terms.emplace_back(term.index, term.sign);
      def->row_identities.push_back(std::move(terms));
    }
  }

  void compile_rule(const Entry& e, RuleSet* set) {
    Rule r;
    r.id = e.id;
    r.defined_at = e.decl.from->file.path + ":" + std::to_string(e.decl.node.Mark().line + 1);
    const Sourced* kind = e.get("kind");
    if (!kind) {
      error(e.decl, "规则缺少 kind (a rule needs a `kind:`)");
      return;
    }
    read_string(*kind, &r.kind);
    const RuleKind* rk = find_rule_kind(r.kind);
    if (!rk) {
      std::vector<std::string> names;
      for (const RuleKind& k : rule_kinds()) names.push_back(k.name);
      error(*kind, "未知的规则类型 `" + r.kind + "` (unknown rule kind; known: " + join(names) + ")");
      return;
    }
    if (const Sourced* s = e.get("severity")) {
      std::string sev;
      if (read_string(*s, &sev) && !parse_severity(sev, &r.severity)) {
        error(*s, "severity 应为 error、warning 或 info (expected error, warning or info)");
      }
    }
    if (const Sourced* s = e.get("cite")) read_string(*s, &r.cite);
    if (const Sourced* s = e.get("summary")) read_text(*s, &r.summary);
    if (const Sourced* s = e.get("doc")) read_text(*s, &r.doc);
    if (const Sourced* s = e.get("example")) read_string(*s, &r.example);
    if (const Sourced* s = e.get("enabled")) {
      bool enabled = true;
      if (read_bool(*s, &enabled) && !enabled) return;
    }
    const Sourced* msgs = e.get("messages");
    if (msgs && !msgs->node.IsMap()) {
      error(*msgs, "messages 应为映射 (expected a mapping of message templates)");
      msgs = nullptr;
    }
    if (msgs) {
      std::vector<std::string> keys = rk->message_keys;
      keys.insert(keys.end(), rk->optional_message_keys.begin(), rk->optional_message_keys.end());
      check_keys(*msgs, keys, "messages of kind " + rk->name);
      for (const auto& kv : msgs->node) {
        const std::string key = kv.first.Scalar();
        const Sourced at{kv.second, msgs->from};
        if (read_text(at, &r.messages[key])) check_placeholders(at, *rk, key, r.messages[key]);
      }
    }
    for (const std::string& k : rk->message_keys) {
      if (r.messages.count(k) == 0) {
        error(msgs ? *msgs : e.decl, "缺少消息模板 messages." + k + " (kind " + rk->name + " needs it)");
      }
    }
    RuleNode params{YAML::Node(YAML::NodeType::Map)};
    const Parsed* params_from = e.decl.from;
    bool written = false;  // params is a node of a file
    if (const Sourced* s = e.get("params")) {
      if (!s->node.IsMap()) {
        error(*s, "params 应为映射 (expected a mapping)");
      } else {
        check_keys(*s, rk->param_keys, "params of kind " + rk->name);
        params = s->node;
        params_from = s->from;
        written = true;
      }
    }
    const auto same = [&](const LoadCache::CompiledCheck& c) { return c.kind == rk->name && c.params.is(params); };
    const auto cached = std::find_if(cache_->checks.begin(), cache_->checks.end(), same);
    if (cached != cache_->checks.end()) {
      r.check = cached->check;
    } else {
      r.check = rk->make(params, *set,
                         [&](const RuleNode& at, const std::string& msg) { error(*params_from, at.Mark(), msg); });
      if (r.check && written && !rk->reads_rule_set) cache_->checks.push_back({rk->name, params, r.check});
    }
    r.needs_previous = rk->needs_previous;
    r.needs_other = rk->needs_other;
    r.needs_parts = rk->needs_parts;
    if (r.check) set->rules.push_back(std::move(r));
  }

  const RuleFileResolver& resolve_;
  LoadCache* cache_;
  std::vector<RuleError>* errors_;
};

}  // namespace

std::shared_ptr<const RuleSet> load_rule_set(const RuleFile& file, const RuleFileResolver& resolve, LoadCache* cache,
                                             std::vector<RuleError>* errors) {
  return Loader(resolve, cache, errors).load(file);
}

bool read_rule_cases(const RuleFile& file, std::vector<RuleCase>* cases, std::vector<RuleError>* errors) {
  const RuleFileResolver none = [](const std::string&, const RuleFile&, RuleFile*, std::string*) { return false; };
  LoadCache cache;
  return Loader(none, &cache, errors).cases(file, cases);
}

bool parse_blank_cells(const std::string& name, BlankCells* out) {
  if (name == "unfilled")
    *out = BlankCells::unfilled;
  else if (name == "zero")
    *out = BlankCells::zero;
  else
    return false;
  return true;
}

bool RuleSet::applies_to(int year) const {
  if (abstract || (year_from == 0 && year_to == 0)) return false;
  return (year_from == 0 || year >= year_from) && (year_to == 0 || year <= year_to);
}

const TableDef* RuleSet::table(const std::string& tid) const {
  for (const TableDef& t : tables) {
    if (t.id == tid) return &t;
  }
  return nullptr;
}

const Section* RuleSet::section(const std::string& sid) const {
  for (const Section& s : sections) {
    if (s.id == sid) return &s;
  }
  return nullptr;
}

bool Section::matches(std::string_view key) const {
  for (const auto& group : match) {
    bool all = std::all_of(group.begin(), group.end(),
                           [&](const std::string& w) { return key.find(w) != std::string_view::npos; });
    if (all) return true;
  }
  return false;
}

RuleFileResolver builtin_resolver(const Catalog& catalog) {
  return [&catalog](const std::string& id, const RuleFile&, RuleFile* out, std::string* why) {
    const std::string_view* text = catalog.builtin_text(id);
    if (!text) {
      *why = "not a built-in set";
      return false;
    }
    out->path = id;
    out->text = std::string(*text);
    out->builtin_id = id;
    return true;
  };
}

}  // namespace gklint
