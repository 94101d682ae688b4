#include <doctest/doctest.h>

#include "gklint/lint.hpp"
#include "gklint/view.hpp"

using namespace gklint;

namespace {

struct Read {
  Catalog catalog;
  FileResult result;
  explicit Read(const std::string& text, const std::string& rules = "gov-2021") {
    std::vector<RuleError> errors;
    auto set = catalog.get(rules, &errors);
    REQUIRE(set);
    result = Linter(catalog, set, {}).lint("t.txt", text);
  }
  const std::vector<Heading>& headings() const { return result.report.headings; }
  std::string text(Span s) const { return std::string(span_text(*result.source, s)); }
};

}  // namespace

TEST_CASE("outline: every numbering style, with levels and parents") {
  Read r(
      "某县2021年政府信息公开工作年度报告\n第一部分 总体\n一、总体情况\n（一）主动公开\n1. "
      "网站\n（1）首页\n2、微信\n㈡依申请公开\n二、主动公开政府信息情况\n");
  const auto& h = r.headings();
  REQUIRE(h.size() == 8);
  CHECK(h[0].style == NumberStyle::part);
  CHECK(h[0].level == 0);
  CHECK(h[1].style == NumberStyle::cn_dun);
  CHECK(h[1].parent == 0);
  CHECK(h[2].style == NumberStyle::cn_paren);
  CHECK(h[2].parent == 1);
  CHECK(h[3].style == NumberStyle::arabic_dot);
  CHECK(h[4].style == NumberStyle::arabic_paren);
  CHECK(h[4].parent == 3);
  CHECK(h[5].number == 2);
  CHECK(h[5].parent == 2);
  CHECK(h[6].number == 2);  // ㈡
  CHECK(h[6].style == NumberStyle::cn_paren);
  CHECK(r.text(h[6].title) == "依申请公开");
  CHECK(h[7].parent == 0);
  CHECK(h[2].key == "主动公开");
}

TEST_CASE("outline: a numbered paragraph's heading is its first sentence") {
  Read r("某县2021年政府信息公开工作年度报告\n（一）紧扣节点，高标准推进工作。审定通过了方案。\n");
  REQUIRE(r.headings().size() == 1);
  CHECK(r.text(r.headings()[0].title) == "紧扣节点，高标准推进工作");
}

TEST_CASE("outline: numbers that are not headings") {
  Read r(
      "某县2021年政府信息公开工作年度报告\n2.5亿元用于建设\n2018.12 完成\n一是加强领导。\n1.属于国家秘密 | 0 | 0 "
      "|\n一、本年新收\t1\t0\n（一）\n");
  CHECK(r.headings().empty());
}

TEST_CASE("outline: bare lines are headings only when they name a known section") {
  Read r("某县2016年政府信息公开工作年度报告\n概述\n全年没有召开新闻发布会\n主动公开政府信息情况\n萝北县人民政府\n无\n",
         "gov-2007");
  REQUIRE(r.headings().size() == 2);
  CHECK(r.headings()[0].key == "概述");
  CHECK(r.headings()[1].style == NumberStyle::none);
}

TEST_CASE("outline: a table's header row read as a line of words is no bare heading") {
  // "行政复议 行政诉讼" names the review section, but two words parted by a blank are the header of
  // table 四 read across (a PDF's borderless table, a crawled page's flattened one). A title spaced
  // out a character at a time is still one.
  Read r("某县2021年政府信息公开工作年度报告\n行政复议 行政诉讼\n总 体 情 况\n");
  REQUIRE(r.headings().size() == 1);
  CHECK(r.headings()[0].key == "总体情况");
  // A section's whole wording with a blank in it is still its heading.
  Read spaced("某县2021年政府信息公开工作年度报告\n主动公开 政府信息情况\n");
  REQUIRE(spaced.headings().size() == 1);
  CHECK(spaced.headings()[0].key == "主动公开政府信息情况");
}

TEST_CASE("outline: nothing before the title is a heading") {
  Read r("一、封面说明\n某县2021年政府信息公开工作年度报告\n一、总体情况\n");
  REQUIRE(r.headings().size() == 1);
  CHECK(r.headings()[0].key == "总体情况");
}

TEST_CASE("facts: year from the title, else the period, else the text; --year wins") {
  CHECK(Read("某县2021年政府信息公开工作年度报告\n自2020年1月1日至2020年12月31日。\n").result.year_source == "title");
  Read p("政府信息公开工作年度报告\n本报告统计期限为2019年1月1日至12月31日。\n");
  CHECK(p.result.report_year == 2019);
  CHECK(p.result.year_source == "period");
  Read t("政府信息公开工作年度报告\n2018年，我县推进政务公开。\n");
  CHECK(t.result.report_year == 2018);
  CHECK(t.result.year_source == "text");
  Catalog c;
  LintOptions o;
  o.year = 2015;
  FileResult f = Linter(c, nullptr, o).lint("t", "某县2021年政府信息公开工作年度报告\n");
  CHECK(f.report_year == 2015);
  CHECK(f.year_source == "option");
  CHECK(f.ruleset == "gov-2007");
}

TEST_CASE("facts: the period end without 日 is noted; the agency comes from the title or the line before") {
  Read a("萝北县人民政府\n关于2018年度政府信息公开工作的报告\n统计期限自2018年1月1日起至2018年12月31\n");
  CHECK(a.result.agency == "萝北县人民政府");
  CHECK_FALSE(a.result.report.facts.period_end_has_day);
  Read b("羅平縣2020年政府信息公開工作年度報告\n");
  CHECK(b.result.agency == "羅平縣");  // printed as in the report, not normalized
  Read c("关于2018年度政府信息公开工作的报告\n");
  CHECK(c.result.agency.empty());
}

TEST_CASE("lint: the rule set is chosen by the report year") {
  Catalog c;
  Linter l(c, nullptr, {});
  CHECK(l.lint("a", "某县2012年政府信息公开工作年度报告\n").ruleset == "gov-2007");
  CHECK(l.lint("a", "某县2019年政府信息公开工作年度报告\n").ruleset == "gov-2019");
  CHECK(l.lint("a", "某县2020年政府信息公开工作年度报告\n").ruleset == "gov-2019");
  CHECK(l.lint("a", "某县2024年政府信息公开工作年度报告\n").ruleset == "gov-2021");
  CHECK(l.lint("a", "某县2005年政府信息公开工作年度报告\n").ruleset == "gov-2007");
  CHECK(l.lint("a", "政府信息公开工作年度报告\n").ruleset == "gov-2021");  // no year: the newest
}

TEST_CASE("facts and outline: Markdown markup is not part of a title or heading") {
  Read r("# 某市2021年政府信息公开工作年度报告\n\n## 一、总体情况\n**概述**\n");
  CHECK(r.result.title == "某市2021年政府信息公开工作年度报告");
  CHECK(r.result.agency == "某市");
  REQUIRE(r.headings().size() == 2);
  CHECK(r.headings()[0].key == "总体情况");
  CHECK(r.headings()[1].key == "概述");
}
