// Rule test cases (`tests:` under a rule, `gklint test`): the schema the loader checks, the
// runner, coverage, and the built-in files read without their cases when linting.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "gklint/lint.hpp"
#include "gklint/rule_tests.hpp"
#include "rules/loader.hpp"

using namespace gklint;

namespace {

// Two YAML trees hold the same data (scalars, sequences, mappings in order).
bool same_yaml(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar();
  if (a.size() != b.size()) return false;
  if (a.IsSequence()) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (!same_yaml(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.IsMap()) {
    auto ia = a.begin(), ib = b.begin();
    for (; ia != a.end(); ++ia, ++ib) {
      if (ia->first.Scalar() != ib->first.Scalar() || !same_yaml(ia->second, ib->second)) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("built-in files are loaded without their cases: without_tests takes out tests: and nothing else") {
  Catalog c;
  int rules_with_cases = 0;
  for (const std::string& id : c.builtin_ids()) {
    INFO(id);
    const std::string full(*c.builtin_text(id));
    const std::string stripped = without_tests(full);
    // Line for line: every other line keeps its number (rule.defined_at, a case's line).
    CHECK(std::count(full.begin(), full.end(), '\n') == std::count(stripped.begin(), stripped.end(), '\n'));
    CHECK(stripped.find("tests:") == std::string::npos);
    YAML::Node want = YAML::Load(full);
    if (want["rules"]) {
      for (YAML::Node rule : want["rules"]) {
        if (rule["tests"]) {
          rule.remove("tests");
          ++rules_with_cases;
        }
      }
    }
    CHECK(same_yaml(YAML::Load(stripped), want));
  }
  CHECK(rules_with_cases > 0);
  // Layouts the built-in files may take: a sequence at the key's indentation, comments and blank
  // lines inside the block, the next key after it.
  CHECK(without_tests(
            "rules:\n  - id: a\n    tests:\n    - fires: |\n        x\n\n      # c\n    - clean: y\n    kind: k\n") ==
        "rules:\n  - id: a\n\n\n\n\n\n\n    kind: k\n");
  CHECK(without_tests("a:\n  tests:\n    - fires: x\nb: 1") == "a:\n\n\nb: 1");
}

TEST_CASE("without_docs takes out each rule's summary, doc and example and nothing else; lint loads without them") {
  Catalog c;
  int rules_with_docs = 0;
  for (const std::string& id : c.builtin_ids()) {
    INFO(id);
    const std::string full = without_tests(*c.builtin_text(id));
    const std::string stripped = without_docs(full);
    CHECK(std::count(full.begin(), full.end(), '\n') == std::count(stripped.begin(), stripped.end(), '\n'));
    YAML::Node want = YAML::Load(full);
    if (want["rules"]) {
      for (YAML::Node rule : want["rules"]) {
        bool any = false;
        for (const char* key : {"summary", "doc", "example"}) {
          if (rule[key]) {
            rule.remove(key);
            any = true;
          }
        }
        rules_with_docs += any ? 1 : 0;
      }
    }
    CHECK(same_yaml(YAML::Load(stripped), want));
  }
  CHECK(rules_with_docs > 20);
  CHECK(without_docs(
            "rules:\n  - id: a\n    doc:\n      zh: |\n        x\n\n        y\n    summary: {zh: s}\n    kind: k\n") ==
        "rules:\n  - id: a\n\n\n\n\n\n\n    kind: k\n");
  // A set loaded without docs has the same rules, messages and checks; only the docs are empty.
  Catalog without;
  without.set_docs(false);
  for (const std::string& id : c.builtin_ids()) {
    INFO(id);
    std::vector<RuleError> errors;
    const auto a = c.get(id, &errors);
    const auto b = without.get(id, &errors);
    CHECK(errors.empty());
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(a->rules.size() == b->rules.size());
    for (size_t i = 0; i < a->rules.size(); ++i) {
      CHECK(a->rules[i].id == b->rules[i].id);
      CHECK(a->rules[i].severity == b->rules[i].severity);
      CHECK(a->rules[i].cite == b->rules[i].cite);
      CHECK(b->rules[i].doc.zh.empty());
      CHECK(b->rules[i].summary.zh.empty());
    }
  }
}

namespace {

struct TempDir {
  std::filesystem::path dir;
  TempDir() {
    dir = std::filesystem::temp_directory_path() / ("gklint-rule-tests-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
  }
  ~TempDir() { std::filesystem::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
};

// A file extending gov-2019 whose rule year.typo carries `tests` (indented under `    tests:`).
std::string with_tests(const std::string& tests) {
  return "id: city\nextends: gov-2019\ntitle: 某市\nrules:\n  - id: year.typo\n    severity: error\n    tests:\n" +
         tests;
}

std::vector<RuleError> load_errors(const std::string& text) {
  TempDir t;
  Catalog c;
  std::vector<RuleError> errors;
  CHECK_FALSE(c.get(t.write("city.yaml", text), &errors));
  return errors;
}

Position where(const RuleError& e) { return Source::decode(e.file, e.file_text).position(e.offset); }

}  // namespace

TEST_CASE("a malformed tests: is a rule error at its line") {
  SUBCASE("not a list") {
    auto e = load_errors(with_tests("      fires: x\n"));
    REQUIRE(e.size() == 1);
    CHECK(where(e[0]).line == 8);
    CHECK(e[0].message.find("tests takes a list of cases") != std::string::npos);
  }
  SUBCASE("a misspelt key: unknown, and the case has neither fires nor clean") {
    auto e =
        load_errors(with_tests("      - clean: |\n          某市2020年政府信息公开工作年度报告\n"
                               "      - fire: |\n          现将20120年度报告如下。\n"));
    REQUIRE(e.size() == 2);
    CHECK(where(e[0]).line == 10);
    CHECK(where(e[0]).column == 9);
    CHECK(e[0].message.find("unknown key in test case; expected one of: fires, clean, year, expect") !=
          std::string::npos);
    CHECK(where(e[1]).line == 10);
    CHECK(e[1].message.find("exactly one of fires: and clean:") != std::string::npos);
  }
  SUBCASE("both fires and clean") {
    auto e = load_errors(with_tests("      - fires: a\n        clean: b\n"));
    REQUIRE(e.size() == 1);
    CHECK(where(e[0]).line == 8);
  }
  SUBCASE("wrong types: year, expect, line; expect on a clean case; a line past the snippet") {
    auto e =
        load_errors(with_tests("      - fires: |\n          某市2020年政府信息公开工作年度报告\n"
                               "          现将20120年度报告如下。\n"
                               "        year: 二〇二〇\n"
                               "        expect: [{line: 3}, {line: two}, {line: 2, message: [x]}, {message: y}]\n"
                               "      - clean: 无。\n        expect: [{line: 1}]\n"
                               "      - fires: ''\n"));
    REQUIRE(e.size() == 7);
    CHECK(where(e[0]).line == 11);  // year
    CHECK(e[0].message.find("whole number") != std::string::npos);
    CHECK(where(e[1]).line == 12);  // line 3 of a two-line snippet
    CHECK(where(e[1]).column == 25);
    CHECK(e[1].message.find("1 to 2") != std::string::npos);
    CHECK(e[2].message.find("whole number") != std::string::npos);       // line: two
    CHECK(e[3].message.find("expected a string") != std::string::npos);  // message: [x]
    CHECK(e[4].message.find("needs `line:`") != std::string::npos);
    CHECK(where(e[5]).line == 14);  // expect on a clean case
    CHECK(e[5].message.find("expect goes with fires:") != std::string::npos);
    CHECK(where(e[6]).line == 15);
    CHECK(e[6].message.find("empty") != std::string::npos);
  }
  SUBCASE("cases for a rule no file defines") {
    auto e =
        load_errors("id: city\nextends: gov-2019\ntitle: t\nrules:\n  - id: year.typos\n    tests: [{clean: x}]\n");
    REQUIRE(e.size() == 1);
    CHECK(where(e[0]).line == 5);
    CHECK(e[0].message.find("no rule `year.typos` to test") != std::string::npos);
  }
  SUBCASE("tests: in a section is an unknown key") {
    auto e = load_errors("id: city\nextends: gov-2019\ntitle: t\nsections:\n  - id: other\n    tests: [{clean: x}]\n");
    REQUIRE(e.size() == 1);
    CHECK(where(e[0]).line == 6);
  }
}

TEST_CASE("read_rule_cases: a file's own cases, numbered per rule, with their lines") {
  const std::string text = with_tests(
      "      - fires: |\n          某市2020年政府信息公开工作年度报告\n          现将20120年度报告如下。\n"
      "        year: 2020\n        expect:\n          - {line: 2, message: 疑似年份笔误：“20120”，报告年度为 2020 年}\n"
      "      - clean: 某市2020年政府信息公开工作年度报告\n"
      "  - id: heading.numbering\n    tests:\n      - clean: 一、总体情况\n");
  std::vector<RuleCase> cases;
  std::vector<RuleError> errors;
  REQUIRE(read_rule_cases({"city.yaml", text, "", {}}, &cases, &errors));
  CHECK(errors.empty());
  REQUIRE(cases.size() == 3);
  CHECK(cases[0].rule == "year.typo");
  CHECK(cases[0].number == 1);
  CHECK(cases[0].line == 8);
  CHECK(cases[0].fires);
  CHECK(cases[0].year == 2020);
  CHECK(cases[0].text == "某市2020年政府信息公开工作年度报告\n现将20120年度报告如下。\n");
  REQUIRE(cases[0].expect);
  REQUIRE(cases[0].expect->size() == 1);
  CHECK((*cases[0].expect)[0].line == 2);
  CHECK((*cases[0].expect)[0].message == "疑似年份笔误：“20120”，报告年度为 2020 年");
  CHECK(cases[1].number == 2);
  CHECK_FALSE(cases[1].fires);
  CHECK_FALSE(cases[1].expect);
  CHECK(cases[2].rule == "heading.numbering");
  CHECK(cases[2].number == 1);
  CHECK(cases[2].line == 17);
}

TEST_CASE("gklint test: every built-in case passes and every built-in rule is exercised both ways") {
  Catalog c;
  const RuleTestRun run = run_rule_tests(c, c.builtin_ids());
  for (const RuleError& e : run.errors) INFO(e.file << ": " << e.message);
  REQUIRE(run.errors.empty());
  CHECK(run.cases.size() >= 56);
  for (const CaseResult& r : run.cases) {
    INFO(r.file << ":" << r.test.line << " " << r.test.rule << ": " << describe_failure(r, Lang::en));
    CHECK(r.passed);
  }
  REQUIRE(run.coverage.size() == c.builtin_ids().size());
  for (const Coverage& cov : run.coverage) {
    INFO(cov.set);
    CHECK(cov.rules > 0);
    CHECK(cov.never_fired.empty());
    CHECK(cov.never_clean.empty());
  }
}

TEST_CASE("gklint test: a user's set, its failures, and coverage by the file that defines a rule") {
  TempDir t;
  // year.typo only gets cases (so it is still base's rule, covered by base's cases); table.template
  // is changed here, so gov-2019's cases no longer speak for it.
  const std::string file =
      t.write("city.yaml",
              "id: city\nextends: gov-2019\ntitle: 某市\nrules:\n"
              "  - id: year.typo\n    tests:\n"
              "      - fires: |\n          某市2020年政府信息公开工作年度报告\n          现将20120年度报告如下。\n"
              "        expect: [{line: 1}]\n"
              "      - clean: |\n          某市2020年政府信息公开工作年度报告\n          现将20120年度报告如下。\n"
              "  - id: table.template\n    severity: error\n");
  Catalog c;
  std::vector<RuleError> errors;
  auto set = c.get(file, &errors);
  REQUIRE(set);
  const auto typo =
      std::find_if(set->rules.begin(), set->rules.end(), [](const Rule& r) { return r.id == "year.typo"; });
  REQUIRE(typo != set->rules.end());
  CHECK(typo->defined_at.starts_with("rules/base.yaml:"));  // cases alone do not redefine it

  const RuleTestRun run = run_rule_tests(c, {file});
  REQUIRE(run.errors.empty());
  // base's and gov-2019's cases run too, each with its own set; the city's two fail.
  REQUIRE(run.failed() == 2);
  std::vector<const CaseResult*> failed;
  for (const CaseResult& r : run.cases) {
    if (!r.passed) failed.push_back(&r);
  }
  CHECK(failed[0]->file == file);
  CHECK(failed[0]->set == "city");
  CHECK(failed[0]->test.line == 7);
  CHECK(describe_failure(*failed[0], Lang::en) == "expected 1 finding (line 1), got 1 finding (line 2)");
  CHECK(describe_failure(*failed[0], Lang::zh) == "应有 1 条结果（第 1 行），实际 1 条结果（第 2 行）");
  CHECK(describe_failure(*failed[1], Lang::en) ==
        "expected no finding, got 1 finding (line 2 \"疑似年份笔误：“20120”，报告年度为 2020 年\")");
  REQUIRE(run.coverage.size() == 1);
  CHECK(run.coverage[0].set == "city");
  CHECK(run.coverage[0].never_fired == std::vector<std::string>{"table.template"});
  CHECK(run.coverage[0].never_clean == std::vector<std::string>{"table.template"});
}

TEST_CASE("gklint test: a case for a rule its own set disables fails, saying so") {
  TempDir t;
  const std::string file = t.write("c.yaml",
                                   "id: c\nextends: gov-2019\ntitle: t\nrules:\n  - id: year.typo\n    tests:\n"
                                   "      - clean: 某市2020年政府信息公开工作年度报告\ndisable: [year.typo]\n");
  Catalog c;
  const RuleTestRun run = run_rule_tests(c, {file});
  REQUIRE(run.errors.empty());
  REQUIRE(run.failed() == 1);
  const CaseResult& r = run.cases.back();
  CHECK_FALSE(r.passed);
  CHECK(describe_failure(r, Lang::en) == "the rule is not enabled in set c, so the case tests nothing");
}
