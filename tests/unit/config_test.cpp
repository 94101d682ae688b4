#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include <stdlib.h>
#include <sys/stat.h>

#include "gklint/config.hpp"
#include "gklint/lint.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

Position where(const RuleError& e) { return Source::decode(e.file, e.file_text).position(e.offset); }

}  // namespace

TEST_CASE("config: every key read; rule files relative to the config's folder") {
  const std::string text =
      "rules: gov-2021\n"
      "by_year:\n"
      "  - years: 2008-2018\n"
      "    rules: sichuan-2017\n"
      "  - years: 2022-\n"
      "    rules: local/strict.yaml\n"
      "by_path:\n"
      "  - paths: [\"sichuan/**\", \"*-sc.txt\"]\n"
      "    rules: province.yaml\n"
      "disable: [heading.numbering]\n"
      "severity:\n"
      "  year.typo: error\n"
      "blank_cells: zero\n"
      "fail_on: warning\n"
      "format: sarif\n"
      "lang: en\n"
      "color: never\n"
      "encoding: GB18030\n"
      "include: [\"reports/*\"]\n"
      "exclude: \"*-draft.txt\"\n"
      "unreadable: ignore\n";
  Config c;
  std::vector<RuleError> errors;
  REQUIRE(parse_config("proj/.gklint.yaml", text, &c, &errors));
  CHECK(c.rules == "gov-2021");
  REQUIRE(c.by_year.size() == 2);
  CHECK(c.by_year[0].from == 2008);
  CHECK(c.by_year[0].to == 2018);
  CHECK(c.by_year[1].from == 2022);
  CHECK(c.by_year[1].to == 0);
  CHECK(c.by_year[1].rules == "proj/local/strict.yaml");
  REQUIRE(c.by_path.size() == 2);
  CHECK(config_rules_for(c, "proj/sichuan/a/b.txt") == "proj/province.yaml");
  CHECK(config_rules_for(c, "proj/other/x-sc.txt") == "proj/province.yaml");
  CHECK(config_rules_for(c, "proj/other/x.txt") == "gov-2021");
  CHECK(c.disable == std::vector<std::string>{"heading.numbering"});
  CHECK(c.severity.at("year.typo") == Severity::error);
  CHECK(c.blank_cells == BlankCells::zero);
  CHECK(*c.fail_on == "warning");
  CHECK(*c.format == "sarif");
  CHECK(*c.lang == "en");
  CHECK(*c.encoding == "GB18030");
  CHECK(*c.unreadable == "ignore");
  // include/exclude: the path below the config's folder (* crossing folders) or the name.
  CHECK(config_glob_matches(c, c.include, "proj/reports/a/b.txt"));
  CHECK(config_glob_matches(c, c.include, "proj/./reports/../reports/a.txt"));
  CHECK_FALSE(config_glob_matches(c, c.include, "proj/other/reports.txt"));
  CHECK(config_glob_matches(c, c.exclude, "proj/any/where/x-draft.txt"));
  CHECK_FALSE(config_glob_matches(c, c.exclude, "proj/x-draft.txt.bak"));
  CHECK_FALSE(config_glob_matches(c, {}, "proj/reports/a.txt"));
  // An empty file is a config with every default.
  CHECK(parse_config("e/.gklint.yaml", "", &c, &errors));
  CHECK(c.rules.empty());
}

TEST_CASE("config: mistakes are errors at their line and column") {
  struct Case {
    const char* text;
    uint32_t line, column;
    const char* says;
  };
  const Case cases[] = {
      {"rules: gov-2021\nfail-on: warning\n", 2, 1, "unknown key 'fail-on'"},
      {"fail_on: sometimes\n", 1, 10, "invalid fail_on 'sometimes'"},
      {"blank_cells: empty\n", 1, 14, "invalid blank_cells 'empty'; expected unfilled, zero"},
      {"blank_cells: [zero]\n", 1, 14, "blank_cells must be a string"},
      {"severity:\n  year.typo: fatal\n", 2, 14, "invalid level 'fatal'"},
      {"by_year:\n  - years: 2019-20\n    rules: gov-2019\n", 2, 12, "years must look like"},
      {"by_year:\n  - rules: gov-2019\n", 2, 5, "needs years and rules"},
      {"disable: heading.numbering\n", 1, 10, "must be a list"},
      {"rules: [a, b]\n", 1, 8, "must be a string"},
      {"rules: gov-2021\n  bad: indent\n", 2, 6, "YAML syntax error"},
      {"- a\n- b\n", 1, 1, "top level"},
      {"pairs: a.txt\n", 1, 8, "pairs must be a list"},
      {"pairs:\n  - previous: 2019.txt\n", 2, 5, "needs previous and current"},
      {"pairs:\n  - previous: 2019.txt\n    current: 2020.txt\n    year: 2020\n", 4, 5, "unknown key 'year' in pairs"},
      {"pairs:\n  - previous: [2019.txt]\n    current: 2020.txt\n", 2, 15, "previous must be a string"},
      {"sums: a.txt\n", 1, 7, "sums must be a list"},
      {"sums:\n  - total: a.txt\n", 2, 5, "needs total and parts"},
      {"sums:\n  - total: a.txt\n    parts: []\n", 3, 12, "parts must not be empty"},
      {"sums:\n  - total: a.txt\n    parts: [b/*]\n    of: 2020\n", 4, 5, "unknown key 'of' in sums"},
      {"sums:\n  - {total: a.txt, parts: b/*}\n  - {total: ./a.txt, parts: c/*}\n", 3, 13,
       "this total is already listed in sums"},
  };
  for (const Case& k : cases) {
    Config c;
    std::vector<RuleError> errors;
    CHECK_FALSE(parse_config("c/.gklint.yaml", k.text, &c, &errors));
    REQUIRE_MESSAGE(!errors.empty(), k.text);
    CHECK_MESSAGE(errors[0].message.find(k.says) != std::string::npos, errors[0].message);
    const Position p = where(errors[0]);
    CHECK_MESSAGE(p.line == k.line, k.text);
    CHECK_MESSAGE(p.column == k.column, k.text);
  }
}

TEST_CASE("config: pairs named by hand, relative to the config's folder") {
  Config c;
  std::vector<RuleError> errors;
  REQUIRE(parse_config("/p/c/.gklint.yaml", "pairs:\n  - previous: ../2019/a.txt\n    current: 2020/./a.txt\n", &c,
                       &errors));
  REQUIRE(c.pairs.size() == 1);
  CHECK(c.pairs[0].previous == "/p/2019/a.txt");
  CHECK(c.pairs[0].current == "/p/c/2020/a.txt");
}

TEST_CASE("config: sums, a total relative to the config's folder, its parts globs below it") {
  Config c;
  std::vector<RuleError> errors;
  REQUIRE(parse_config("/p/c/.gklint.yaml",
                       "sums:\n  - total: 2020/县.txt\n    parts: [2020/乡镇/*.txt, ./2020/部门/a.txt]\n", &c,
                       &errors));
  REQUIRE(c.sums.size() == 1);
  CHECK(c.sums[0].total == "/p/c/2020/县.txt");
  CHECK(c.sums[0].parts == std::vector<std::string>{"2020/乡镇/*.txt", "2020/部门/a.txt"});
  // Parts match by the path below the config's folder only: never by a name alone, never outside.
  const std::string town = config_relative_path(c, "/p/c/2020/乡镇/甲.txt");
  CHECK(town == "2020/乡镇/甲.txt");
  CHECK(config_path_matches("2020/乡镇/*.txt", town));
  CHECK(config_path_matches("2020/*", town));  // `*` crosses folders
  CHECK_FALSE(config_path_matches("甲.txt", town));
  CHECK(config_relative_path(c, "/p/other/甲.txt").empty());
  CHECK(config_relative_path(c, "/p/c").empty());
  CHECK_FALSE(config_path_matches("*", ""));
}

TEST_CASE("config: the nearest .gklint.yaml in the folder or above") {
  const fs::path root = fs::temp_directory_path() / "gklint-config-test";
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / ".gklint.yaml") << "rules: gov-2019\n";
  std::ofstream(root / "a" / "b" / ".gklint.yaml") << "rules: gov-2021\n";
  CHECK(find_config((root / "a" / "b" / "r.txt").string()) == (root / "a" / "b" / ".gklint.yaml").string());
  CHECK(find_config((root / "a" / "r.txt").string()) == (root / ".gklint.yaml").string());
  fs::remove_all(root);
}

TEST_CASE("config: the template is a valid config that sets nothing") {
  Config c;
  std::vector<RuleError> errors;
  REQUIRE(parse_config("t/.gklint.yaml", config_template(), &c, &errors));
  CHECK(c.rules.empty());
  CHECK(c.disable.empty());
  CHECK_FALSE(c.format);
  CHECK_FALSE(c.blank_cells);
}

TEST_CASE("lint options: disabled rules dropped, severities overridden, sets chosen by year") {
  const std::string report =
      "某县2021年政府信息公开工作年度报告\n"
      "一、总体情况\n"
      "三、收到和处理政府信息公开申请情况\n";
  Catalog catalog;
  std::vector<RuleError> errors;
  const auto count = [&](const LintOptions& o, const std::string& rule, Severity* severity) {
    const FileResult r = Linter(catalog, nullptr, o).lint("r.txt", report);
    int n = 0;
    for (const Diagnostic& d : r.diagnostics) {
      if (d.rule == rule) {
        ++n;
        *severity = d.severity;
      }
    }
    return std::make_pair(n, r.ruleset);
  };
  Severity s{};
  LintOptions plain;
  CHECK(count(plain, "section.missing", &s).first > 0);
  CHECK(s == Severity::error);
  LintOptions off;
  off.disabled = {"section.missing"};
  CHECK(count(off, "section.missing", &s).first == 0);
  LintOptions softer;
  softer.severity = {{"section.missing", Severity::info}};
  CHECK(count(softer, "section.missing", &s).first > 0);
  CHECK(s == Severity::info);
  LintOptions by_year;
  by_year.by_year = {{2020, 2022, catalog.get("gov-2019", &errors)}};
  CHECK(count(by_year, "section.missing", &s).second == "gov-2019");
  CHECK(count(plain, "section.missing", &s).second == "gov-2021");
}

TEST_CASE("lint options: blank_cells from a config wins over the rule set's") {
  const fs::path fixtures = fs::path(GKLINT_SOURCE_DIR) / "tests" / "fixtures" / "tables";
  std::ifstream in(fixtures / "blank-zero.txt", std::ios::binary);
  const std::string report((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Catalog catalog;
  std::vector<RuleError> errors;
  const auto blank_zero = catalog.get((fixtures / "blank-zero.yaml").string(), &errors);
  REQUIRE(blank_zero);
  CHECK(blank_zero->blank_cells == BlankCells::zero);
  const auto rules = [&](std::shared_ptr<const RuleSet> set, std::optional<BlankCells> blanks) {
    LintOptions o;
    o.blank_cells = blanks;
    std::vector<std::string> ids;
    for (const Diagnostic& d : Linter(catalog, set, o).lint("r.txt", report).diagnostics) ids.push_back(d.rule);
    return ids;
  };
  const std::vector<std::string> unfilled = {"table.unfilled"};
  const std::vector<std::string> sums = {"table.row-total", "table.results-total"};
  CHECK(rules(nullptr, std::nullopt) == unfilled);             // gov-2021's default
  CHECK(rules(nullptr, BlankCells::zero) == sums);             // the config says zero
  CHECK(rules(blank_zero, std::nullopt) == sums);              // the rule set says zero
  CHECK(rules(blank_zero, BlankCells::unfilled) == unfilled);  // the config wins
}

namespace {

// A fresh folder under mkdtemp, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "gklint-trust-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("config: rule files outside the project root are refused at their place, unopened") {
  TempDir t;
  const fs::path proj = t.path / "proj";
  write(t.path / "outside.yaml", "SECRET-MARKER: 1\n");
  write(proj / "inside.yaml", "id: inside\nextends: gov-2021\n");
  const std::string config = (proj / ".gklint.yaml").string();
  struct Case {
    std::string text;
    bool ok;
  } cases[] = {
      {"rules: ../outside.yaml\n", false},
      {"rules: /etc/passwd\n", false},
      {"by_path:\n  - paths: \"*\"\n    rules: sub/../../outside.yaml\n", false},
      {"by_year:\n  - years: 2021\n    rules: /proc/self/environ\n", false},
      {"rules: inside.yaml\n", true},
      {"rules: gov-2021\n", true},  // built-in ids are not paths
  };
  for (const Case& k : cases) {
    CAPTURE(k.text);
    Config c;
    std::vector<RuleError> errors;
    CHECK(parse_config(config, k.text, &c, &errors, proj.string()) == k.ok);
    if (k.ok) continue;
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("leaves the project root") != std::string::npos);
    CHECK(errors[0].message.find("--trust-config") != std::string::npos);
    CHECK(where(errors[0]).line > 0);
    CHECK(errors[0].offset > 0);  // at the value, not the file's start
  }
  // Without a root (--trust-config) the path is taken as written.
  Config c;
  std::vector<RuleError> errors;
  REQUIRE(parse_config(config, "rules: ../outside.yaml\n", &c, &errors));
  CHECK(c.rules == (t.path / "outside.yaml").string());

  // A symbolic link inside the project to a file outside it is outside too.
  fs::create_symlink(t.path / "outside.yaml", proj / "link.yaml");
  CHECK_FALSE(parse_config(config, "rules: link.yaml\n", &c, &errors, proj.string()));

  // The catalog refuses the same, and what an inside file extends from outside.
  Catalog catalog;
  errors.clear();
  CHECK_FALSE(catalog.get((t.path / "outside.yaml").string(), &errors, proj.string()));
  write(proj / "escape.yaml", "id: escape\nextends: ../outside.yaml\n");
  CHECK_FALSE(catalog.get((proj / "escape.yaml").string(), &errors, proj.string()));
  REQUIRE(errors.size() == 2);
  for (const RuleError& e : errors) {
    CHECK(e.message.find("leaves the project root") != std::string::npos);
    CHECK(e.message.find("SECRET-MARKER") == std::string::npos);
    CHECK(e.file_text.str().find("SECRET-MARKER") == std::string::npos);
  }
  errors.clear();
  CHECK(catalog.get((proj / "inside.yaml").string(), &errors, proj.string()));
  CHECK(errors.empty());
}

TEST_CASE("rule files: a file that is not a rule set is one error that quotes nothing") {
  TempDir t;
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "line " + std::to_string(i) + ": SECRET-MARKER\n";
  write(t.path / "text.txt", forty);
  write(t.path / "prose.txt", "just a sentence\n");
  write(t.path / "broken.yaml", "id: x\n  bad: [indent\n");
  REQUIRE(mkfifo((t.path / "fifo.yaml").c_str(), 0600) == 0);
  fs::create_directories(t.path / "dir.yaml");
  const std::pair<std::string, std::string> cases[] = {
      {"text.txt", "no `id:` at the top level"},
      {"prose.txt", "the top level is not a mapping"},
      {"broken.yaml", "YAML syntax error"},
      {"fifo.yaml", "a FIFO"},
      {"dir.yaml", "a folder"},
      {"missing.yaml", "cannot read"},
  };
  for (const auto& c : cases) {
    const std::string name = c.first, why = c.second;  // no structured binding: CAPTURE is a lambda (clang 14)
    CAPTURE(name);
    Catalog catalog;
    std::vector<RuleError> errors;
    CHECK_FALSE(catalog.get((t.path / name).string(), &errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].file == (t.path / name).string());
    CHECK(errors[0].message.find(why) != std::string::npos);
    CHECK(errors[0].file_text.str().empty());
    CHECK(errors[0].message.find("SECRET-MARKER") == std::string::npos);
  }
}

TEST_CASE("config search: stops at .git and $HOME, skips planted configs") {
  TempDir t;
  write(t.path / ".gklint.yaml", "rules: gov-2019\n");
  write(t.path / "repo" / "reports" / "r.txt", "");
  fs::create_directories(t.path / "repo" / ".git");
  std::vector<std::string> skipped;
  // The config above the repository is not the repository's.
  CHECK(find_config((t.path / "repo" / "reports" / "r.txt").string(), &skipped) == "");
  CHECK(project_root((t.path / "repo" / "reports" / ".gklint.yaml").string()) == (t.path / "repo").string());
  fs::remove(t.path / "repo" / ".git");
  write(t.path / "repo" / ".git", "gitdir: elsewhere\n");  // a worktree's .git is a file
  CHECK(find_config((t.path / "repo" / "reports" / "r.txt").string(), &skipped) == "");
  fs::remove(t.path / "repo" / ".git");
  CHECK(find_config((t.path / "repo" / "reports" / "r.txt").string(), &skipped) == (t.path / ".gklint.yaml").string());

  const char* old_home = std::getenv("HOME");
  const std::string saved = old_home ? old_home : "";
  setenv("HOME", (t.path / "repo").c_str(), 1);
  CHECK(find_config((t.path / "repo" / "reports" / "r.txt").string(), &skipped) == "");
  if (old_home)
    setenv("HOME", saved.c_str(), 1);
  else
    unsetenv("HOME");

  // A world-writable folder: skipped, and said so; with the sticky bit, a file of ours is read.
  const fs::path shared = t.path / "shared";
  write(shared / ".gklint.yaml", "rules: gov-2021\n");
  write(shared / "sub" / "r.txt", "");
  fs::permissions(shared, fs::perms::all);
  skipped.clear();
  CHECK(find_config((shared / "sub" / "r.txt").string(), &skipped) == (t.path / ".gklint.yaml").string());
  REQUIRE(skipped.size() == 1);
  CHECK(skipped[0] == (shared / ".gklint.yaml").string() + ": in a world-writable folder (所在文件夹人人可写)");
  fs::permissions(shared, fs::perms::all | fs::perms::sticky_bit);
  skipped.clear();
  CHECK(find_config((shared / "sub" / "r.txt").string(), &skipped) == (shared / ".gklint.yaml").string());
  CHECK(skipped.empty());
  fs::permissions(shared, fs::perms::owner_all);
}

TEST_CASE("config: a config that is not a regular file, or links outside, is refused") {
  TempDir t;
  write(t.path / "secret.txt", "SECRET-MARKER: 1\n");
  fs::create_directories(t.path / "proj");
  fs::create_symlink(t.path / "secret.txt", t.path / "proj" / ".gklint.yaml");
  Config c;
  std::vector<RuleError> errors;
  CHECK_FALSE(load_config((t.path / "proj" / ".gklint.yaml").string(), {}, &c, &errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("leaves the project root") != std::string::npos);
  CHECK(errors[0].file_text.str().empty());
  REQUIRE(mkfifo((t.path / "fifo.yaml").c_str(), 0600) == 0);
  errors.clear();
  CHECK_FALSE(load_config((t.path / "fifo.yaml").string(), {.root = "", .trust = true}, &c, &errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("a FIFO") != std::string::npos);
}
