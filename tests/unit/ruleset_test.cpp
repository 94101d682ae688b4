#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "gklint/lint.hpp"
#include "gklint/tool_rules.hpp"
#include "rules/check.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

// Writes `text` to a temporary rule file and loads it; returns the errors.
struct TempRules {
  fs::path dir;
  explicit TempRules() {
    dir = fs::temp_directory_path() / ("gklint-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  ~TempRules() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
};

std::vector<RuleError> load_errors(const std::string& text, const std::string& name = "r.yaml") {
  TempRules t;
  Catalog c;
  std::vector<RuleError> errors;
  auto set = c.get(t.write(name, text), &errors);
  CHECK_FALSE(set);
  return errors;
}

Position where(const RuleError& e) { return Source::decode(e.file, e.file_text).position(e.offset); }

}  // namespace

TEST_CASE("rule sets: every built-in set loads and has documented rules") {
  Catalog c;
  REQUIRE(c.builtin_ids().size() >= 5);
  for (const std::string& id : c.builtin_ids()) {
    std::vector<RuleError> errors;
    auto set = c.get(id, &errors);
    INFO(id);
    for (const auto& e : errors) INFO(e.file << ": " << e.message);
    REQUIRE(set);
    CHECK(set->id == id);
    CHECK(errors.empty());
    for (const Rule& r : set->rules) {
      INFO(r.id);
      CHECK_FALSE(r.summary.zh.empty());
      CHECK_FALSE(r.summary.en.empty());
      CHECK_FALSE(r.doc.zh.empty());
      CHECK_FALSE(r.doc.en.empty());
      CHECK_FALSE(r.example.empty());
      CHECK_FALSE(r.cite.empty());
    }
  }
  // The build-time year index agrees with the compiled sets' applies_to.
  for (const std::string& id : c.builtin_ids()) {
    std::vector<RuleError> errors;
    auto set = c.get(id, &errors);
    auto years = c.builtin_years();
    INFO(id);
    if (set->year_from || set->year_to) {
      REQUIRE(years.count(id) == 1);
      CHECK(years[id] == std::make_pair(set->year_from, set->year_to));
    } else {
      CHECK(years.count(id) == 0);
    }
  }
  CHECK(c.newest_id() == "gov-2021");
  CHECK(c.for_year(2018)->id == "gov-2007");
  CHECK(c.for_year(2019)->id == "gov-2019");
  CHECK(c.for_year(2030)->id == "gov-2021");
  CHECK(c.for_year(2000) == nullptr);
}

TEST_CASE("rule sets: extends inherits, overrides by id, and disables") {
  Catalog c;
  std::vector<RuleError> errors;
  auto sichuan = c.get("sichuan-2017", &errors);
  REQUIRE(sichuan);
  CHECK(sichuan->lineage == std::vector<std::string>{"base", "gov-2007", "sichuan-2017"});
  CHECK(sichuan->sections.size() == 10);
  CHECK(sichuan->section("deputies-proposals"));
  CHECK(sichuan->section("fees"));
  auto gov2021 = c.get("gov-2021", &errors);
  REQUIRE(gov2021);
  CHECK(gov2021->section("review")->cite.find("30号") != std::string::npos);            // overridden
  CHECK(gov2021->section("review")->title.zh == "政府信息公开行政复议、行政诉讼情况");  // inherited

  TempRules t;
  std::string path =
      t.write("mine.yaml",
              "id: mine\nextends: gov-2021\ntitle: 我的\n"
              "sections:\n  - id: extra\n    title: 附加内容\n    after: overview\n  - id: other\n    remove: true\n"
              "rules:\n  - id: heading.numbering\n    severity: error\ndisable: [year.typo]\n");
  auto mine = c.get(path, &errors);
  REQUIRE(mine);
  CHECK(mine->sections[1].id == "extra");
  CHECK_FALSE(mine->section("other"));
  bool has_typo = false, numbering_error = false;
  for (const Rule& r : mine->rules) {
    has_typo |= r.id == "year.typo";
    numbering_error |= r.id == "heading.numbering" && r.severity == Severity::error;
  }
  CHECK_FALSE(has_typo);
  CHECK(numbering_error);

  // blank_cells is inherited through extends, and a child may set it back.
  CHECK(gov2021->blank_cells == BlankCells::unfilled);
  t.write("zeros.yaml", "id: zeros\nextends: gov-2021\ntitle: 空白为 0\nblank_cells: zero\n");
  auto child = c.get(t.write("child.yaml", "id: child\nextends: zeros.yaml\ntitle: 子\n"), &errors);
  REQUIRE(child);
  CHECK(child->blank_cells == BlankCells::zero);
  auto back = c.get(t.write("back.yaml", "id: back\nextends: zeros.yaml\ntitle: 回\nblank_cells: unfilled\n"), &errors);
  REQUIRE(back);
  CHECK(back->blank_cells == BlankCells::unfilled);
}

// The loader refuses a placeholder a kind does not fill: so each kind must say, for every message.
TEST_CASE("rule kinds: every message of every kind lists the placeholders it may use") {
  for (const RuleKind& kind : rule_kinds()) {
    CAPTURE(kind.name);
    std::vector<std::string> keys = kind.message_keys;
    keys.insert(keys.end(), kind.optional_message_keys.begin(), kind.optional_message_keys.end());
    for (const std::string& key : keys) CHECK_MESSAGE(kind.placeholders.count(key) == 1, key);
    CHECK(kind.placeholders.size() == keys.size());
  }
}

// The docs are written from the registry (gklint-docs): each kind says what it finds and what each
// parameter means, and every finding kind a rule kind or a tool rule emits is in the JSON contract.
TEST_CASE("rule kinds: documented, and their finding kinds are the JSON contract's") {
  std::set<std::string> contract, used;
  for (const FindingKind& k : finding_kinds()) CHECK_MESSAGE(contract.insert(k.name).second, "twice: " << k.name);
  for (const RuleKind& kind : rule_kinds()) {
    CAPTURE(kind.name);
    CHECK_FALSE(kind.finds.empty());
    for (const std::string& p : kind.param_keys) CHECK_MESSAGE(kind.param_docs.count(p) == 1, p);
    CHECK(kind.param_docs.size() == kind.param_keys.size());
    for (const std::string& k : kind.diagnostic_kinds) {
      CHECK_MESSAGE(contract.count(k) == 1, k);
      used.insert(k);
    }
  }
  for (const ToolRule& r : kToolRules) {
    CHECK_MESSAGE(contract.count(r.kind) == 1, r.kind);
    used.insert(r.kind);
  }
  CHECK(used == contract);  // no kind documented that nothing emits
}

TEST_CASE("rule files with errors are reported at the YAML line and column") {
  SUBCASE("YAML syntax") {
    auto e = load_errors("id: x\ntitle: t\nsections: [\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("YAML") != std::string::npos);
    // Said in the message, not located: a file that is not YAML may be anything, so its lines
    // are never quoted.
    CHECK(e[0].message.find(" at 4:1") != std::string::npos);
    CHECK(e[0].file_text.str().empty());
  }
  SUBCASE("unknown key, with the column in characters") {
    auto e = load_errors("id: x\ntitle: 标题\nsections:\n  - {id: a, 标题: b, title: c}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("标题") != std::string::npos);
    CHECK(where(e[0]).line == 4);
    CHECK(where(e[0]).column == 13);
  }
  SUBCASE("bad pattern") {
    auto e = load_errors("id: x\ntitle: t\nsections:\n  - id: a\n    title: b\n    body: '(?<=x)y'\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("RE2") != std::string::npos);
    CHECK(where(e[0]).line == 6);
    CHECK(where(e[0]).column == 11);
  }
  SUBCASE("a facts pattern without its named group") {
    auto e = load_errors("id: x\ntitle: t\nfacts:\n  year: '\\d{4}年'\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("year") != std::string::npos);
    CHECK(where(e[0]).line == 4);
  }
  SUBCASE("content kinds: bad params at their place") {
    const std::string head = "id: x\ntitle: t\nrules:\n  - id: a\n";
    auto e = load_errors(head +
                         "    kind: year-plan\n    messages: {default: m}\n"
                         "    params: {section: problems, pattern: '(\\d{4})年将'}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("(?P<year>") != std::string::npos);
    CHECK(where(e[0]).line == 7);
    e = load_errors(head +
                    "    kind: text-garbled\n    messages: {default: m}\n    params:\n      garbling:\n"
                    "        - {id: p, name: {zh: 拼音, en: pinyin}, pattern: '(?<=x)y'}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("RE2") != std::string::npos);
    CHECK(where(e[0]).line == 9);
    e = load_errors(head +
                    "    kind: text-garbled\n    messages: {default: m}\n    params:\n      garbling:\n"
                    "        - {id: p, name: {zh: 拼音, en: pinyin}, pattern: 'x', contains: 'z-a'}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("contains") != std::string::npos);
    CHECK(where(e[0]).line == 9);
    e = load_errors(head + "    kind: text-garbled\n    messages: {default: m}\n    params: {garbling: [{id: p}]}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("name {zh, en}") != std::string::npos);
    e = load_errors(head + "    kind: section-empty\n    messages: {empty: m, none: n}\n    params: {sections: []}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("params.sections") != std::string::npos);
    e = load_errors(head +
                    "    kind: text-duplicate\n    messages: {phrase: m, sentence: n}\n"
                    "    params: {phrase_min: 5, phrase_max: 3, sentence_min: x}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("sentence_min") != std::string::npos);
    e = load_errors(head +
                    "    kind: text-sum\n    messages: {default: m, earlier: n}\n"
                    "    params: {introducers: [其中], units: []}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("params.units") != std::string::npos);
    CHECK(where(e[0]).line == 7);
    e = load_errors(head +
                    "    kind: text-sum\n    messages: {default: m, earlier: n}\n"
                    "    params: {introducers: [其中], units: [件], min_parts: 1}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("2 到 1000") != std::string::npos);
    e = load_errors(head +
                    "    kind: text-percent\n    messages: {default: m}\n"
                    "    params: {share_words: [占], introducers: [其中], units: [件], tolerance: -1}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("tolerance") != std::string::npos);
    e = load_errors(head +
                    "    kind: text-percent\n    messages: {default: m}\n"
                    "    params: {share_words: [''], introducers: [其中], units: [件]}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("非空") != std::string::npos);
    const std::string enumeration =
        head + "    kind: text-enumeration\n    messages: {gap: a, repeat: b, fewer: c, more: d}\n    params:\n";
    e = load_errors(
        enumeration +
        "      announce: '(\\d)个方面:'\n      markers: [{id: shi, after: 是, form: '{n}是', boundary: 。}]\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("(?P<n>") != std::string::npos);
    CHECK(where(e[0]).line == 8);
    e = load_errors(enumeration +
                    "      announce: '(?P<n>三)个方面:'\n      markers:\n"
                    "        - {id: shi, after: 是, boundary: 。}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("form") != std::string::npos);
    CHECK(where(e[0]).line == 10);
    e = load_errors(enumeration +
                    "      announce: '(?P<n>三)个方面:'\n      markers:\n"
                    "        - {id: shi, after: '(?=是)', form: '{n}是', boundary: 。}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("RE2") != std::string::npos);
    CHECK(where(e[0]).line == 10);
    e = load_errors(
        enumeration +
        "      announce: '(?P<n>三)个方面:'\n      markers: [{id: shi, after: 是, form: '{n}是', boundary: 。}]\n"
        "      max_distance: 3\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("max_distance") != std::string::npos);
    CHECK(where(e[0]).line == 10);
    e = load_errors(head + "    kind: period-missing\n    messages: {blank: m}\n    params: {blank: []}\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("params.blank") != std::string::npos);
    e = load_errors(head +
                    "    kind: period-missing\n    messages: {blank: m}\n    params:\n      blank:\n"
                    "        - '统计期限自 ?年'\n        - '(?<=自) 年'\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("RE2") != std::string::npos);
    CHECK(where(e[0]).line == 10);
  }
  SUBCASE("text-table: a cell not in the table, a pattern without n, at their place") {
    const std::string head =
        "id: x\ntitle: t\nextends: gov-2021\nrules:\n  - id: a\n    kind: text-table\n    messages: {default: m}\n"
        "    params:\n      figures:\n        - name: {zh: 申请, en: applications}\n";
    auto e = load_errors(head +
                         "          pattern: '申请(?P<n>{n})件'\n          table: applications\n"
                         "          cells: [new.nobody]\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("row-id.column-id") != std::string::npos);
    CHECK(where(e[0]).line == 13);
    e = load_errors(head +
                    "          pattern: '申请({n})件'\n          table: applications\n          cells: [new.total]\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("(?P<n>") != std::string::npos);
    CHECK(where(e[0]).line == 11);
  }
  SUBCASE("unknown rule kind, missing messages, bad severity") {
    auto e = load_errors(
        "id: x\ntitle: t\nrules:\n  - id: a\n    kind: no-such-kind\n"
        "  - id: b\n    kind: year-typo\n    severity: fatal\n");
    REQUIRE(e.size() == 3);
    CHECK(where(e[0]).line == 5);
    CHECK(e[0].message.find("year-typo") != std::string::npos);  // lists the known kinds
    CHECK(where(e[1]).line == 8);
    CHECK(e[2].message.find("messages.default") != std::string::npos);
  }
  SUBCASE("a message with a placeholder its kind does not fill") {
    auto e = load_errors(
        "id: x\ntitle: t\nrules:\n  - id: a\n    kind: year-typo\n    messages:\n"
        "      default: {zh: '年份 {text} 应为 {year}', en: 'year {txt} should be {year} ({1})'}\n");
    REQUIRE(e.size() == 1);
    CHECK(where(e[0]).line == 7);
    CHECK(e[0].message.find(
              "unknown placeholder {txt} in messages.default of kind year-typo; it can use {text}, {year}") !=
          std::string::npos);
  }
  SUBCASE("extends a set that does not exist, or loops") {
    auto e = load_errors("id: x\nextends: gov-1999\n");
    REQUIRE(e.size() == 1);
    CHECK(where(e[0]).line == 2);
    CHECK(where(e[0]).column == 10);
    TempRules t;
    t.write("a.yaml", "id: a\nextends: b.yaml\n");
    std::string b = t.write("b.yaml", "id: b\nextends: a.yaml\n");
    Catalog c;
    std::vector<RuleError> errors;
    CHECK_FALSE(c.get(b, &errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("loop") != std::string::npos);
  }
  SUBCASE("an error in a parent file names that file") {
    TempRules t;
    t.write("parent.yaml", "id: p\ntitle: t\nrules:\n  - id: r\n    kind: year-typo\n    bogus: 1\n");
    std::string child = t.write("child.yaml", "id: c\nextends: parent.yaml\ntitle: t\n");
    Catalog c;
    std::vector<RuleError> errors;
    CHECK_FALSE(c.get(child, &errors));
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0].file.ends_with("parent.yaml"));
    CHECK(where(errors[0]).line == 6);
  }
  SUBCASE("blank_cells other than unfilled or zero") {
    auto e = load_errors("id: x\ntitle: t\nblank_cells: empty\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("blank_cells") != std::string::npos);
    CHECK(where(e[0]).line == 3);
    CHECK(where(e[0]).column == 14);
  }
  SUBCASE("disable or remove an id that does not exist") {
    auto e = load_errors(
        "id: x\nextends: gov-2021\ntitle: t\nsections:\n  - id: nope\n    remove: true\ndisable: [no.such]\n");
    REQUIRE(e.size() == 2);
    CHECK(where(e[0]).line == 5);
    CHECK(where(e[1]).line == 7);
  }
  SUBCASE("no such file, no such built-in") {
    Catalog c;
    std::vector<RuleError> errors;
    CHECK_FALSE(c.get("/no/such/rules.yaml", &errors));
    CHECK_FALSE(c.get("gov-1999", &errors));
    REQUIRE(errors.size() == 2);
    CHECK(errors[1].message.find("gov-2007") != std::string::npos);  // lists the built-in ids
  }
}

// text-garbled with `contains`: only the lines holding one of its characters are read, the
// matches are those of a whole-text scan, and a line break among the characters (a promise the
// pattern cannot keep) neither hangs nor loses a line.
TEST_CASE("rule sets: text-garbled reads the lines holding a `contains` character") {
  const auto garbled = [](const std::string& contains) -> std::string {
    TempRules t;
    Catalog c;
    std::vector<RuleError> errors;
    const std::string text =
        "id: g\nextends: gov-2021\ntitle: g\nrules:\n  - id: text.garbled\n    params:\n"
        "      garbling:\n        - {id: markup, name: {zh: 标记, en: markup}, pattern: '<br>|&nbsp;', "
        "contains: \"" +
        contains + "\"}\n";
    auto set = c.get(t.write("g.yaml", text), &errors);
    REQUIRE(set);
    const FileResult r = Linter(c, set, {})
                             .lint("r.txt",
                                   "某县2021年政府信息公开工作年度报告\n一、总体情况\n我县<br>公开。\n"
                                   "无标记的一行。\n二是&nbsp;与<br>。\n");
    for (const Diagnostic& d : r.diagnostics) {
      if (d.rule != "text.garbled") continue;
      for (const auto& [key, value] : d.fields) {
        if (key == "count") return value;
      }
    }
    return "0";
  };
  CHECK(garbled("<&") == "3");
  CHECK(garbled("<&\\n") == "3");  // (YAML's \n: a line break)
  CHECK(garbled("&") == "2");      // the promise broken: a line with <br> alone is not read
  // A kind without `contains` before one with it: every line is read (it once read an empty set).
  TempRules t;
  Catalog c;
  std::vector<RuleError> errors;
  auto set = c.get(t.write("g2.yaml",
                           "id: g\nextends: gov-2021\ntitle: g\nrules:\n  - id: text.garbled\n    params:\n"
                           "      garbling:\n        - {id: a, name: {zh: 甲, en: a}, pattern: '<br>'}\n"
                           "        - {id: b, name: {zh: 乙, en: b}, pattern: '&nbsp;', contains: '&'}\n"),
                   &errors);
  REQUIRE(set);
  const FileResult r = Linter(c, set, {}).lint("r.txt", "某县2021年政府信息公开工作年度报告\n我县<br>公开&nbsp;。\n");
  CHECK(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                      [](const Diagnostic& d) { return d.rule == "text.garbled"; }) == 2);
}
