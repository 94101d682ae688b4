// The rules across years (--previous): what they compare, and that last year's report, however it
// is, never makes them guess, crash or take long.
#include <doctest/doctest.h>

#include <string>

#include "gklint/lint.hpp"

namespace gklint {
namespace {

std::string table3(int year, int new_count, int carried_in, int total, int carried_out) {
  const auto row = [](const std::string& label, int n) {
    return label + " | " + std::to_string(n) + " | 0 | 0 | 0 | 0 | 0 | " + std::to_string(n) + " |\n";
  };
  return "某某县" + std::to_string(year) +
         "年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况 | 自然人 | 商业企业 | 科研机构 | "
         "社会公益组织 | 法律服务机构 | 其他 | 总计 |\n" +
         row("一、本年新收政府信息公开申请数量", new_count) + row("二、上年结转政府信息公开申请数量", carried_in) +
         "三、本年度办理结果 |\n" + row("（一）予以公开", total) + row("（七）总计", total) +
         row("四、结转下年度继续办理", carried_out);
}

std::vector<std::string> cross_rules(const FileResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule.starts_with("cross.")) out.push_back(d.rule + " " + d.message);
  }
  return out;
}

}  // namespace

TEST_CASE("cross: a blank cell on either side is not compared; the figures that are, are") {
  Catalog catalog;
  const Linter linter(catalog, nullptr, LintOptions{});
  std::string last = table3(2019, 5, 0, 3, 2);
  const FileResult before = linter.lint("2019.txt", last);
  // 上年结转 left blank this year: nothing said about the carry (table.unfilled says it is blank).
  std::string now = table3(2020, 4, 2, 6, 0);
  const std::string filled = "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |";
  const size_t at = now.find(filled);
  REQUIRE(at != std::string::npos);
  now.replace(at, filled.size(), "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | / |");
  const FileResult blank = linter.lint("2020.txt", now, nullptr, Partners::last_year(&before));
  CHECK(cross_rules(blank).empty());
  CHECK(blank.previous_year == 2019);
  // Filled and different: one finding per column that differs, at this year's cell, with last
  // year's cell in related.
  const FileResult differs = linter.lint("2020.txt", table3(2020, 4, 1, 5, 0), nullptr, Partners::last_year(&before));
  REQUIRE(cross_rules(differs).size() == 2);
  for (const Diagnostic& d : differs.diagnostics) {
    if (d.rule != "cross.carry") continue;
    CHECK(d.expected->value == 2);
    CHECK(d.actual->value == 1);
    REQUIRE(d.related.size() == 1);
    CHECK(d.related[0].source == before.source);
    CHECK(d.related[0].value == "2");
  }
}

TEST_CASE("cross: last year's report unreadable, of another year, or without a year: one warning, nothing compared") {
  Catalog catalog;
  const Linter linter(catalog, nullptr, LintOptions{});
  const std::string now = table3(2020, 4, 1, 5, 0);
  const FileResult unreadable = unreadable_result("gone.txt", "文件不存在");
  const FileResult older = linter.lint("2018.txt", table3(2018, 5, 0, 3, 2));
  const FileResult no_year = linter.lint("x.txt", "三、收到和处理政府信息公开申请情况\n");
  for (const FileResult* prev : {&unreadable, &older, &no_year}) {
    const FileResult r = linter.lint("2020.txt", now, nullptr, Partners::last_year(prev));
    const std::vector<std::string> said = cross_rules(r);
    REQUIRE(said.size() == 1);
    CHECK(said[0].starts_with("cross.previous 未做跨年度核对"));
    CHECK(r.previous_year == 0);
  }
}

TEST_CASE("cross: a hostile previous report (one line of megabytes, repeated sentences) is read in linear time") {
  Catalog catalog;
  const Linter linter(catalog, nullptr, LintOptions{});
  std::string huge = "某某县2019年政府信息公开工作年度报告";
  const std::string sentence = "本机关认真贯彻落实政府信息公开条例，不断完善政府信息公开工作机制。";
  while (huge.size() < 2'000'000) huge += sentence;
  const FileResult before = linter.lint("2019.txt", huge);
  std::string now = "某某县2020年政府信息公开工作年度报告\n一、总体情况\n";
  for (int i = 0; i < 12; ++i) now += sentence + "\n";
  const FileResult r = linter.lint("2020.txt", now, nullptr, Partners::last_year(&before));
  // Every sentence of this year's is in last year's: reused, and said once.
  const std::vector<std::string> said = cross_rules(r);
  REQUIRE(said.size() == 1);
  CHECK(said[0].starts_with("cross.reuse 本报告有 100% 的句子（12/12 句"));
}

TEST_CASE("cross: a sentence ends at ；！？ as at 。 (the view has them as ; ! ?)") {
  Catalog catalog;
  const Linter linter(catalog, nullptr, LintOptions{});
  // Each line holds two sentences parted by ；: the first the same in both years, the second not (it
  // ends with ！ or ？ this year).
  const char* same[] = {"本机关认真贯彻落实政府信息公开条例，不断完善政府信息公开工作机制",
                        "我们进一步健全主动公开目录，及时更新政府信息公开指南和公开目录",
                        "全年通过门户网站主动公开各类政府信息，公开内容涵盖机构职能和政策文件",
                        "我们加强政策解读工作，采用图文解读和新闻发布等多种形式解读重要政策",
                        "依申请公开工作严格按照法定程序和时限办理，做到每一件申请都有答复"};
  const char* numbers[] = {"一", "二", "三", "四", "五"};
  std::string before = "某某县2019年政府信息公开工作年度报告\n一、总体情况\n";
  std::string now = "某某县2020年政府信息公开工作年度报告\n一、总体情况\n";
  for (int i = 0; i < 5; ++i) {
    before += std::string(same[i]) + "；第" + numbers[i] + "项往年工作已经全部完成并通过上级部门的检查验收。\n";
    now += std::string(same[i]) + "；第" + numbers[i] + "项新增工作按照年度计划有序开展并取得明显成效" +
           (i % 2 ? "！" : "？") + "\n";
  }
  const FileResult prev = linter.lint("2019.txt", before);
  const std::vector<std::string> said = cross_rules(linter.lint("2020.txt", now, nullptr, Partners::last_year(&prev)));
  // 5 of 10 sentences reused; read as whole lines, none would be.
  REQUIRE(said.size() == 1);
  CHECK(said[0].starts_with("cross.reuse 本报告有 50% 的句子（5/10 句"));
}

}  // namespace gklint
