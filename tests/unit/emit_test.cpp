#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "gklint/emit.hpp"

using namespace gklint;

namespace {

const char* kReport =
    "某县2021年政府信息公开工作年度报告\n"
    "统计期限自2021年1月1日起至2021年12月31日止。\n"
    "一、总体情况\n"
    "二、主动公开政府信息情况\n"
    "三、收到和处理政府信息公开申请情况\n"
    "五、政府信息公开行政复议、行政诉讼情况\n"
    "六、存在的主要问题及改进情况\n"
    "七、其他需要报告的事项\n";

// A prose-only report checked for its sections and numbering (tests/fixtures/sections-only.yaml).
FileResult lint_sample(Lang lang = Lang::zh) {
  Catalog c;
  std::vector<RuleError> errors;
  auto rules = c.get(std::string(GKLINT_SOURCE_DIR) + "/tests/fixtures/sections-only.yaml", &errors);
  REQUIRE(rules);
  LintOptions o;
  o.lang = lang;
  return Linter(c, rules, o).lint("dir/report.txt", kReport);
}

}  // namespace

TEST_CASE("json: the documented contract") {
  FileResult r = lint_sample();
  std::ostringstream out;
  JsonWriter w(out);
  Summary s;
  s.add(r);
  w.file(r);
  w.finish(s);
  const auto j = nlohmann::json::parse(out.str());
  CHECK(j["version"] == 1);
  REQUIRE(j["files"].size() == 1);
  const auto& f = j["files"][0];
  CHECK(f["path"] == "dir/report.txt");
  CHECK(f["status"] == "checked");
  CHECK(f["ruleset"] == "sections-only");
  CHECK(f["report_year"] == 2021);
  CHECK(f["year_source"] == "title");
  CHECK(f["encoding"] == "UTF-8");
  CHECK(f["title"] == "某县2021年政府信息公开工作年度报告");
  CHECK(f["agency"] == "某县");
  REQUIRE(f["diagnostics"].size() == 1);
  const auto& d = f["diagnostics"][0];
  CHECK(d["rule"] == "heading.numbering");
  CHECK(d["kind"] == "heading-numbering");
  CHECK(d["severity"] == "warning");
  CHECK(d["line"] == 6);
  CHECK(d["column"] == 1);
  CHECK(d["end_line"] == 6);
  CHECK(d["end_column"] == 20);  // exclusive: just after the heading's last character
  CHECK(d["message"] == "标题编号从“三、”跳到“五、”，应为“四、”");
  CHECK(d["cite"].get<std::string>().find("GB/T 9704") != std::string::npos);
  CHECK(d["problem"] == "skip");
  CHECK(j["summary"] == nlohmann::json::parse(R"({"files":1,"unreadable":0,"errors":0,"warnings":1,"infos":0,
                                                  "by_rule":{"heading.numbering":1},"unreadable_paths":[],"suppressed":0})"));
}

TEST_CASE("json: an unreadable file and an empty batch are still valid documents") {
  std::ostringstream out;
  JsonWriter w(out);
  Summary s;
  FileResult r = unreadable_result("missing.txt", "文件不存在");
  s.add(r);
  w.file(r);
  w.finish(s);
  const auto j = nlohmann::json::parse(out.str());
  CHECK(j["files"][0]["status"] == "unreadable");
  CHECK(j["files"][0]["ruleset"].is_null());
  CHECK(j["files"][0]["diagnostics"][0]["kind"] == "input-error");
  CHECK(j["summary"]["unreadable"] == 1);

  std::ostringstream empty;
  JsonWriter(empty).finish(Summary{});
  CHECK(nlohmann::json::parse(empty.str())["files"].empty());
}

TEST_CASE("text: path:line:col: severity: message [rule], the line, a caret under the span") {
  FileResult r = lint_sample();
  std::ostringstream out;
  write_text(out, r, TextStyle{});
  const std::string expected =
      "dir/report.txt:6:1: 警告: 标题编号从“三、”跳到“五、”，应为“四、” [heading.numbering]\n"
      " 6 | 五、政府信息公开行政复议、行政诉讼情况\n"
      "   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
      "   = 依据：《党政机关公文格式》GB/T 9704—2012 7.3.3（结构层次序数依次用“一、”“（一）”“1.”“（1）”）\n";
  CHECK(out.str() == expected);

  std::ostringstream en;
  write_text(en, lint_sample(Lang::en), TextStyle{false, Lang::en});
  CHECK(en.str().rfind("dir/report.txt:6:1: warning: heading numbers jump from \"三、\" to \"五、\"; expected \"四、\" "
                       "[heading.numbering]\n",
                       0) == 0);
  CHECK(en.str().find("= basis: ") != std::string::npos);
}

TEST_CASE("text: colour only when asked, and a summary line") {
  FileResult r = lint_sample();
  std::ostringstream plain, color;
  write_text(plain, r, TextStyle{false, Lang::zh});
  write_text(color, r, TextStyle{true, Lang::zh});
  CHECK(plain.str().find('\033') == std::string::npos);
  CHECK(color.str().find("\033[1;33m") != std::string::npos);
  Summary s;
  s.add(r);
  std::ostringstream sum;
  write_text_summary(sum, s, TextStyle{});
  CHECK(sum.str() == "共检查 1 个文件：0 个错误，1 个警告，0 条提示\n");
}

TEST_CASE("display width: CJK and full-width take two columns") {
  CHECK(display_width(U'a') == 1);
  CHECK(display_width(U'中') == 2);
  CHECK(display_width(U'（') == 2);
  CHECK(display_width(U'𠀀') == 2);
}
