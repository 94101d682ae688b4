// The output formats behind --format (gcc, github, html, junit, rdjson, sarif) and finding fingerprints.
// End-to-end checks with the real consumers are in tests/formats_cli_test.sh.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "gklint/emit.hpp"
#include "gklint/fingerprint.hpp"
#include "gklint/tool_rules.hpp"

using namespace gklint;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A report with table sums that do not add up (related cells) and a year typo.
const std::string kSeed = std::string(GKLINT_SOURCE_DIR) + "/tests/fixtures/seeds/001_216a20324a3be511.txt";

FileResult lint_text(Catalog& catalog, const std::string& path, const std::string& text, Lang lang = Lang::zh) {
  LintOptions o;
  o.lang = lang;
  return Linter(catalog, nullptr, o).lint(path, text);
}

// A result made by hand: `text` as the file, one finding over [begin, end).
FileResult hand_made(const std::string& path, const std::string& text, uint32_t begin, uint32_t end,
                     const std::string& message, Severity severity = Severity::warning) {
  FileResult r;
  r.path = path;
  r.source = std::make_shared<Source>(Source::decode(path, text));
  Diagnostic d;
  d.rule = "year.typo";
  d.kind = "year-mismatch";
  d.severity = severity;
  d.span = {begin, end};
  d.message = message;
  d.fields = {{"problem", "typo"}};
  r.diagnostics.push_back(d);
  return r;
}

std::string write(const std::string& format, const std::vector<FileResult>& results, WriterOptions options = {}) {
  std::ostringstream out;
  auto writer = make_writer(format, out, options);
  REQUIRE(writer);
  Summary s;
  for (const FileResult& r : results) {
    s.add(r);
    writer->file(r);
  }
  writer->finish(s);
  return out.str();
}

}  // namespace

TEST_CASE("formats: every name --format lists has a writer, and no other") {
  std::ostringstream out;
  for (const std::string& name : output_formats()) CHECK_MESSAGE(make_writer(name, out, {}) != nullptr, name);
  CHECK(make_writer("xml", out, {}) == nullptr);
}

TEST_CASE("fingerprint: FNV-1a 64 in hex, the same for the same finding wherever it moves") {
  Catalog catalog;
  const std::string text = read_file(kSeed);
  REQUIRE(!text.empty());
  const FileResult a = lint_text(catalog, "a.txt", text);
  REQUIRE(a.diagnostics.size() == 7);
  const std::vector<std::string> prints = fingerprints(*a.source, a.diagnostics);
  for (const std::string& p : prints) {
    CHECK(p.size() == 16);
    CHECK(p.find_first_not_of("0123456789abcdef") == std::string::npos);
  }
  // Pinned: a later baseline compares prints across gklint versions, so the recipe must not drift.
  CHECK(prints[5] == "c3f62ee304257782");  // table.results-total at 表三（七）总计, column natural

  // Lines added above, another path, English messages: the same prints.
  const FileResult moved = lint_text(catalog, "other/b.txt", "\n\n" + text, Lang::en);
  CHECK(fingerprints(*moved.source, moved.diagnostics) == prints);

  // Two sums on the same row differ by column; all seven differ.
  std::vector<std::string> sorted = prints;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::unique(sorted.begin(), sorted.end()) == sorted.end());
}

TEST_CASE("fingerprint: a finding without a place is told by its text, and repeats by occurrence") {
  // year.typo has no section or table: the (normalized) typo identifies it.
  FileResult r = hand_made("t.txt", "前言 20120年度 后文 20120年度 又 20220年度\n", 7, 12, "typo");
  Diagnostic second = r.diagnostics[0];
  second.span = {26, 31};  // the same typo again
  Diagnostic third = r.diagnostics[0];
  third.span = {42, 47};  // another typo
  REQUIRE(span_text(*r.source, second.span) == "20120");
  REQUIRE(span_text(*r.source, third.span) == "20220");
  r.diagnostics.push_back(second);
  r.diagnostics.push_back(third);
  const auto prints = fingerprints(*r.source, r.diagnostics);
  CHECK(prints[0] == fingerprint(r.diagnostics[0], *r.source));
  CHECK(prints[1] == fingerprint(second, *r.source, 1));
  CHECK(prints[0] != prints[1]);
  CHECK(prints[0] != prints[2]);
  // Full-width digits are the same text once normalized.
  FileResult wide = hand_made("t.txt", "２０１２０年度\n", 0, 15, "typo");
  CHECK(fingerprint(wide.diagnostics[0], *wide.source) == prints[0]);
}

TEST_CASE("json: each diagnostic carries its fingerprint") {
  Catalog catalog;
  const FileResult r = lint_text(catalog, "a.txt", read_file(kSeed));
  const auto j = nlohmann::json::parse(write("json", {r}));
  const auto prints = fingerprints(*r.source, r.diagnostics);
  REQUIRE(j["files"][0]["diagnostics"].size() == prints.size());
  for (size_t i = 0; i < prints.size(); ++i) CHECK(j["files"][0]["diagnostics"][i]["fingerprint"] == prints[i]);
}

TEST_CASE("gcc: path:line:col: severity: message [rule], one line each, note for info") {
  FileResult r = hand_made("dir/r.txt", "第一行\n年报 20120年度\n", 17, 22, "two\nlines");
  Diagnostic info = r.diagnostics[0];
  info.severity = Severity::info;
  info.rule = "ruleset.year";
  r.diagnostics.push_back(info);
  CHECK(write("gcc", {r}) ==
        "dir/r.txt:2:4: warning: two lines [year.typo]\n"
        "dir/r.txt:2:4: note: two lines [ruleset.year]\n");
}

TEST_CASE("github: workflow commands escaped as the Actions toolkit does") {
  FileResult r = hand_made("a,b:c%d.txt", "x 20120\n", 2, 7, "100% sure: a, b\r\nnext", Severity::error);
  r.diagnostics[0].rule = "odd:rule,id";
  Diagnostic info = r.diagnostics[0];
  info.severity = Severity::info;
  r.diagnostics.push_back(info);
  CHECK(write("github", {r}) ==
        "::error file=a%2Cb%3Ac%25d.txt,line=1,col=3,endLine=1,endColumn=8,title=odd%3Arule%2Cid::"
        "100%25 sure: a, b%0D%0Anext\n"
        "::notice file=a%2Cb%3Ac%25d.txt,line=1,col=3,endLine=1,endColumn=8,title=odd%3Arule%2Cid::"
        "100%25 sure: a, b%0D%0Anext\n");
}

TEST_CASE("rdjson: columns are converted to UTF-8 bytes") {
  // "ab中文x": x is the 5th character but starts at byte 9 (2 ASCII + two 3-byte characters).
  FileResult r = hand_made("r.txt", "ab中文x\n", 8, 9, "m");
  const auto j = nlohmann::json::parse(write("rdjson", {r}));
  CHECK(j["source"]["name"] == "gklint");
  CHECK(j["severity"] == "WARNING");
  const auto& d = j["diagnostics"][0];
  CHECK(d["location"]["path"] == "r.txt");
  CHECK(d["location"]["range"]["start"] == nlohmann::json({{"line", 1}, {"column", 9}}));
  CHECK(d["location"]["range"]["end"] == nlohmann::json({{"line", 1}, {"column", 10}}));
  CHECK(d["severity"] == "WARNING");
  CHECK(d["code"]["value"] == "year.typo");
  // No findings: an empty list and no overall severity.
  const auto empty = nlohmann::json::parse(write("rdjson", {}));
  CHECK(empty["diagnostics"].empty());
  CHECK(!empty.contains("severity"));
}

TEST_CASE("junit: a failure at or above --fail-on, below it system-out; unreadable files are errors") {
  Catalog catalog;
  const FileResult r = lint_text(catalog, "a&b.txt", read_file(kSeed));
  const FileResult missing = unreadable_result("missing <1>\x01.txt", "文件不存在\n\xff");
  WriterOptions options;
  options.catalog = &catalog;
  const std::string xml = write("junit", {r, missing}, options);
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gklint\">\n", 0) == 0);
  // input.error plus the rules of gov-2019; the two sums are one failing testcase; the rules
  // across reports, without the other report, are skipped.
  std::vector<RuleError> errors;
  const auto& rules = catalog.get("gov-2019", &errors)->rules;
  const size_t tests = rules.size() + 1;
  const auto skipped = std::count_if(rules.begin(), rules.end(),
                                     [](const Rule& x) { return x.needs_previous || x.needs_other || x.needs_parts; });
  CHECK(skipped >= 2);
  CHECK(xml.find("<testsuite name=\"a&amp;b.txt\" tests=\"" + std::to_string(tests) +
                 "\" failures=\"1\" errors=\"0\" skipped=\"" + std::to_string(skipped) + "\">") != std::string::npos);
  CHECK(xml.find("<testcase name=\"cross.carry\" classname=\"a&amp;b.txt\">\n      <skipped message=") !=
        std::string::npos);
  CHECK(xml.find("<failure message=\"表三（七）总计（自然人）为 1，但（一）至（六）之和为 4：予以公开 3 + "
                 "无正当理由大量反复申请 1 (+1)\" type=\"error\">62:9: error: ") != std::string::npos);
  CHECK(xml.find("<system-out>1:203: warning: 疑似年份笔误") != std::string::npos);
  // Escaped, control characters and invalid bytes replaced: the XML stays valid UTF-8.
  CHECK(xml.find("<testsuite name=\"missing &lt;1&gt;\xEF\xBF\xBD.txt\" tests=\"1\" failures=\"0\" errors=\"1\"") !=
        std::string::npos);
  CHECK(xml.find("<error message=\"文件不存在 \xEF\xBF\xBD\" type=\"error\">") != std::string::npos);

  // --fail-on warning: the warnings fail too; never: nothing fails.
  options.fail_on = Severity::warning;
  CHECK(write("junit", {r}, options).find("failures=\"5\"") != std::string::npos);  // one per rule
  options.fail_on.reset();
  CHECK(write("junit", {r}, options).find("failures=\"0\"") != std::string::npos);
}

TEST_CASE("sarif: one run, every rule described, results pointing at them") {
  Catalog catalog;
  const FileResult r = lint_text(catalog, "报告 1.txt", read_file(kSeed));
  const FileResult missing = unreadable_result("/abs/missing.txt", "文件不存在");
  WriterOptions options;
  options.catalog = &catalog;
  const auto j = nlohmann::json::parse(write("sarif", {r, missing}, options));
  CHECK(j["version"] == "2.1.0");
  REQUIRE(j["runs"].size() == 1);
  const auto& run = j["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  const auto& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "gklint");
  CHECK(driver["version"] == GKLINT_VERSION);
  const auto& rules = driver["rules"];
  // The tool's own rules, then gov-2019's.
  std::vector<RuleError> errors;
  REQUIRE(rules.size() == kToolRules.size() + catalog.get("gov-2019", &errors)->rules.size());
  CHECK(rules[0]["id"] == "input.error");
  CHECK(rules[3]["defaultConfiguration"]["level"] == "note");  // ruleset.year is an info
  const auto sums =
      std::find_if(rules.begin(), rules.end(), [](const auto& x) { return x["id"] == "table.results-total"; });
  REQUIRE(sums != rules.end());
  CHECK((*sums)["name"] == "TableResultsTotal");
  CHECK((*sums)["defaultConfiguration"]["level"] == "error");
  CHECK(!(*sums)["shortDescription"]["text"].get<std::string>().empty());
  CHECK((*sums)["help"]["text"].get<std::string>().find("gov-2019: 国办公开办函〔2019〕60号") != std::string::npos);

  const auto& results = run["results"];
  REQUIRE(results.size() == 8);
  for (const auto& res : results) CHECK(rules[res["ruleIndex"].get<size_t>()]["id"] == res["ruleId"]);
  const auto& sum = results[5];
  CHECK(sum["ruleId"] == "table.results-total");
  CHECK(sum["level"] == "error");
  const auto& loc = sum["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "%E6%8A%A5%E5%91%8A%201.txt");
  CHECK(loc["region"] == nlohmann::json::parse(
                             R"({"startLine":62,"startColumn":9,"endLine":62,"endColumn":10,"snippet":{"text":"1"}})"));
  CHECK(sum["relatedLocations"].size() == r.diagnostics[5].related.size());
  CHECK(sum["relatedLocations"][0]["message"]["text"] == "予以公开/自然人 = 3");
  CHECK(sum["partialFingerprints"]["gklint/v1"] == "c3f62ee304257782");
  CHECK(sum["properties"]["kind"] == "table-sum");
  CHECK(sum["properties"]["column_id"] == "natural");
  CHECK(sum["properties"]["expected"] == 4);
  CHECK(sum["properties"]["actual"] == 1);

  // The file that could not be read: a result and a tool execution notification.
  CHECK(results[7]["ruleId"] == "input.error");
  CHECK(results[7]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file:///abs/missing.txt");
  const auto& invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  CHECK(invocation["toolExecutionNotifications"][0]["associatedRule"]["id"] == "input.error");
}

TEST_CASE("html: what a report or its path says is text, never markup") {
  const std::string hostile = "<script>alert(1)</script>&\"'";
  FileResult r = hand_made("a\"<img src=x onerror=alert(1)>.txt", "2019年" + hostile + "\n", 0, 7, hostile);
  r.agency = hostile;
  const std::string page = write("html", {r});
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;&amp;") != std::string::npos);
  CHECK(page.find("data-agency=\"&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;'\"") != std::string::npos);
  // One script: the page's own, at the end.
  const size_t script = page.find("<script>");
  REQUIRE(script != std::string::npos);
  CHECK(page.find("<script>", script + 1) == std::string::npos);
}

TEST_CASE("html and json: a declared total names the parts it was checked against") {
  FileResult r = hand_made("县.txt", "2020年\n", 0, 4, "m");
  r.parts = {"乡镇/甲.txt", "乡镇/<乙>.txt"};
  CHECK(write("html", {r}).find("<p class=\"parts\">合计核对的下级报告: 乡镇/甲.txt, 乡镇/&lt;乙&gt;.txt</p>") !=
        std::string::npos);
  const auto j = nlohmann::json::parse(write("json", {r}));
  CHECK(j["files"][0]["parts"] == nlohmann::json::parse(R"([{"path":"乡镇/甲.txt"},{"path":"乡镇/<乙>.txt"}])"));
  r.parts.clear();
  CHECK(write("html", {r}).find("class=\"parts\"") == std::string::npos);
  CHECK_FALSE(nlohmann::json::parse(write("json", {r}))["files"][0].contains("parts"));
}

TEST_CASE("html: a finding on a one-line page shows a window of its line, the span marked") {
  // A crawled page: 200,000 characters on one line, a finding in the middle.
  std::string line;
  for (int i = 0; i < 100000; ++i) line += "甲乙";
  const uint32_t at = 3 * 100000;  // bytes: character 100,001
  const FileResult r = hand_made("page.txt", line + "\n", at, at + 6, "m");
  const std::string page = write("html", {r});
  CHECK(page.size() < 20000);
  const size_t mark = page.find("<mark>");
  REQUIRE(mark != std::string::npos);
  CHECK(page.substr(mark, 19) == "<mark>甲乙</mark>");
  CHECK(page.find("…甲乙") != std::string::npos);
  CHECK(page.find("<span class=\"loc\">1:100001</span>") != std::string::npos);
}

TEST_CASE("html: a row per report with its counts; rules by the reports they hit") {
  FileResult a = hand_made("a.txt", "2019年\n", 0, 4, "m", Severity::error);
  a.diagnostics.push_back(a.diagnostics.front());
  a.agency = "甲县公安局";
  a.report_year = 2019;
  FileResult b = hand_made("b.txt", "2020年\n", 0, 4, "m", Severity::warning);
  b.previous_path = "a.txt";
  b.previous_year = 2019;
  FileResult c = unreadable_result("c.txt", "不是报告");
  const std::string page = write("html", {a, b, c});
  CHECK(page.find(
            "data-report=\"r1\" data-order=\"0\" data-path=\"a.txt\" data-agency=\"甲县公安局\" data-year=\"2019\"") !=
        std::string::npos);
  CHECK(page.find("data-errors=\"2\" data-warnings=\"0\"") != std::string::npos);
  CHECK(page.find("data-status=\"unreadable\"") != std::string::npos);
  // year.typo hit two reports with three findings.
  CHECK(page.find("<tr data-rule=\"year.typo\"><td><code>year.typo</code></td><td class=\"sev error\">错误</td><td "
                  "class=\"n\">2</td><td class=\"n\">3</td></tr>") != std::string::npos);
  CHECK(page.find("<td><a href=\"#r2\">b.txt</a></td><td class=\"n\">0</td><td>a.txt</td><td class=\"n\">2019</td>") !=
        std::string::npos);
  CHECK(page.find("id=\"r3\"") != std::string::npos);
}

TEST_CASE("summary: with pairing asked, the reports that had no year before are counted") {
  FileResult a = hand_made("a.txt", "x\n", 0, 1, "m");
  FileResult b = a;
  b.previous_year = 2019;
  FileResult c = unreadable_result("c.txt", "x");
  Summary s;
  s.without_previous = 0;
  for (const FileResult* r : {&a, &b, &c}) s.add(*r);
  CHECK(s.without_previous == 1);
  const auto said = [](const Summary& sum, Lang lang) {
    std::ostringstream out;
    write_text_summary(out, sum, TextStyle{false, lang});
    return out.str();
  };
  CHECK(said(s, Lang::zh).find("；1 份报告没有上一年度的报告可对照") != std::string::npos);
  CHECK(said(s, Lang::en).find("; 1 report had no previous year to compare with") != std::string::npos);
  Summary plain;
  plain.add(a);
  CHECK(plain.without_previous == -1);
  CHECK(said(plain, Lang::en).find("previous") == std::string::npos);
}
