// Crawled pages: the crawler's header block and the site's navigation and footer are not the
// report. The pages here are short synthetic ones, written in the style of ../shared/corpus-dev.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gklint/lint.hpp"
#include "gklint/view.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

struct Read {
  Catalog catalog;
  FileResult result;
  explicit Read(const std::string& text, const std::string& rules = "") {
    std::vector<RuleError> errors;
    std::shared_ptr<const RuleSet> set;
    if (!rules.empty()) {
      set = catalog.get(rules, &errors);
      REQUIRE(set);
    }
    result = Linter(catalog, set, {}).lint("t.txt", text);
  }
  const Facts& facts() const { return result.report.facts; }
  std::string text(Span s) const { return std::string(span_text(*result.source, s)); }
  std::string body() const { return text(facts().body); }
  std::string title() const { return facts().title ? text(*facts().title) : ""; }
  std::string agency() const { return facts().agency ? text(*facts().agency) : ""; }
};

// A crawler's header block, as the corpus files have it.
std::string header(const std::string& title) {
  return "标题: " + title +
         "\n发布时间: 2022-01-10 09:00\n文号: \n发布机构: \n栏目: 政府信息公开年报\n"
         "原文链接: https://www.example.gov.cn/zwgk/zfxxgknb/202201/t20220110_1.htm\n"
         "本地目录: zwgk/zfxxgknb/202201/1_" +
         title +
         "\n页面链接与图片详见 links.tsv(同目录)\n"
         "==================== 正文 ====================\n";
}

const std::string kTitle = "某某县交通运输局2021年政府信息公开工作年度报告";
const std::string kReport =
    "根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止"
    "。"
    "一、总体情况 2021年，我局扎实推进政务公开。二、主动公开政府信息情况 全年公开信息120条。"
    "三、收到和处理政府信息公开申请情况 全年收到申请2件。四、政府信息公开行政复议、行政诉讼情况 无。"
    "五、存在的主要问题及改进情况 公开内容有待丰富。六、其他需要报告的事项 无。 某某县交通运输局 2022年1月10日";

// The page line of a crawled page: breadcrumb, title, source and time, share widgets.
std::string page_top(const std::string& title) {
  return "当前位置： 首页政务公开政府信息公开某某县交通运输局政府信息公开年报 " + title +
         " 来源： 时间：2022-01-10 09:00 --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： ";
}

}  // namespace

TEST_CASE("chrome: the crawler's 标题: line is not the title") {
  // The page has no title of its own: the header's value stands in, without its label.
  Read r(header(kTitle) + kReport + "\n");
  CHECK(r.title() == kTitle);
  CHECK(r.agency() == "某某县交通运输局");
  CHECK(r.result.report_year == 2021);
  CHECK(r.result.source->position(r.facts().title->begin).column == 5);  // after "标题: "
  CHECK(r.body().starts_with("根据《中华人民共和国"));
  CHECK(r.result.source->position(r.facts().body.begin).line == 10);
  REQUIRE_FALSE(r.result.report.headings.empty());
  CHECK(r.result.report.headings[0].key == "总体情况");
  CHECK(r.result.report.headings.size() == 6);

  // A title of the report's own wins over the header's.
  Read own(header("页面标题不同2020年政府信息公开工作年度报告") + kTitle + "\n" + kReport + "\n");
  CHECK(own.title() == kTitle);
  CHECK(own.result.source->position(own.facts().title->begin).line == 10);
  CHECK(own.result.report_year == 2021);

  // A header title that is no report title (a cover letter's) is not taken.
  Read letter(header("关于报送《某某县公安局2016年政府信息公开工作情况》的函") + "县政府办公室：" + kReport + "\n");
  CHECK_FALSE(letter.facts().title);
  CHECK(letter.result.report_year == 2021);  // from the period, in the body
}

TEST_CASE("chrome: title and agency of a crawled one-line page") {
  Read r(header(kTitle) + page_top(kTitle) + kReport + " 附件下载");
  CHECK(r.title() == kTitle);
  CHECK(r.result.source->position(r.facts().title->begin).line == 10);
  CHECK(r.agency() == "某某县交通运输局");
  CHECK(r.result.report_year == 2021);
  CHECK(r.result.year_source == "title");
  // The body starts at the title, after the breadcrumb, and ends before the footer.
  CHECK(r.body().starts_with(kTitle + " 来源"));
  CHECK(r.body().ends_with("2022年1月10日"));
  // Headings start after the title, and none is lost to the chrome.
  const auto& h = r.result.report.headings;
  REQUIRE(h.size() == 6);
  CHECK(h[0].key == "总体情况");
  CHECK(h[0].span.begin >= r.facts().title->end);
  CHECK(h[0].span.begin >= r.facts().body.begin);
  for (const Diagnostic& d : r.result.diagnostics) CHECK_MESSAGE(d.rule.rfind("section.", 0) != 0, d.message);
}

TEST_CASE("chrome: a title glued to the first sentence ends at 报告") {
  SUBCASE("after the breadcrumb") {
    Read r(
        "当前位置： 首页 > 政务公开 > 年报 "
        "某某市民政局2012年度政府信息公开年度报告根据《中华人民共和国政府信息公开条例》，"
        "现公布本报告。一、概述 全年公开信息20条。\n");
    CHECK(r.title() == "某某市民政局2012年度政府信息公开年度报告");
    CHECK(r.agency() == "某某市民政局");
    CHECK(r.result.report_year == 2012);
    CHECK(r.body().starts_with("某某市民政局2012年度"));
  }
  SUBCASE("at the start of the page line, with a year after it") {
    Read r(header("某某县司法局2012年度政府信息公开年度报告") +
           "某某县司法局2012年度政府信息公开年度报告2012年，我局推进政府信息公开工作。一、概述 全年公开信息26条。");
    CHECK(r.title() == "某某县司法局2012年度政府信息公开年度报告");
    CHECK(r.result.source->position(r.facts().title->begin).line == 10);
    CHECK(r.agency() == "某某县司法局");
  }
  SUBCASE("a sentence is no title") {
    Read r("根据《中华人民共和国政府信息公开条例》，编制2021年政府信息公开工作年度报告。\n");
    CHECK_FALSE(r.facts().title);
  }
  SUBCASE("a report quoted after the first sentence is no title") {
    Read r(page_top("") + "根据条例编制。一、总体情况 按照《某市2020年政府信息公开工作年度报告》的安排推进。\n");
    CHECK_FALSE(r.facts().title);
    REQUIRE(r.result.report.headings.size() == 1);
    CHECK(r.result.report.headings[0].key == "总体情况");
  }
}

TEST_CASE("chrome: footer chrome is not in the body") {
  SUBCASE("on the page line") {
    Read r(header(kTitle) + page_top(kTitle) + kReport +
           " 附件下载 打印本页 关闭窗口 主办单位：某某县人民政府办公室 网站标识码：3500000000 闽ICP备12345678号");
    CHECK(r.body().ends_with("某某县交通运输局 2022年1月10日"));
  }
  SUBCASE("on lines of their own") {
    Read r(
        kTitle + "\n" + kReport +
        "\n\n【打印本页】【关闭窗口】\n网站地图 | 联系我们\n"
        "主办：某某县人民政府办公室 承办：某某县政务服务中心\n版权所有：某某县人民政府 闽公网安备 35010202000123号\n");
    CHECK(r.body().ends_with("2022年1月10日"));
    CHECK(r.result.source->position(r.facts().body.end).line == 2);
  }
  SUBCASE("a report's own closing words stay") {
    Read r(kTitle + "\n" + kReport + "（联系人：张三，联系电话：0591-12345678）\n");
    CHECK(r.body().ends_with("0591-12345678）\n"));
  }
}

TEST_CASE("chrome: no chrome, the body is the whole text and the facts are as without chrome patterns") {
  const std::string text =
      "萝北县人民政府\n关于2018年度政府信息公开工作的报告\n统计期限自2018年1月1日起至2018年12月31\n"
      "一、概述\n现将20120年度工作报告如下。\n";
  Catalog catalog;
  std::vector<RuleError> errors;
  auto set = catalog.get("gov-2007", &errors);
  REQUIRE(set);
  DocumentModel bare = set->model;
  bare.chrome = {};
  const Source source = Source::decode("t.txt", text);
  const View view = View::build(source.text(), true);
  const Facts with = read_facts(source, view, set->model, 0);
  const Facts without = read_facts(source, view, bare, 0);
  CHECK(with.body.begin == 0);
  CHECK(with.body.end == source.text().size());
  REQUIRE(with.title);
  REQUIRE(without.title);
  CHECK(with.title->begin == without.title->begin);
  CHECK(with.title->end == without.title->end);
  REQUIRE(with.agency);
  CHECK(span_text(source, *with.agency) == "萝北县人民政府");
  CHECK(with.agency->begin == without.agency->begin);
  REQUIRE(with.period);
  CHECK(with.period->begin == without.period->begin);
  CHECK(with.period_end_has_day == without.period_end_has_day);
  CHECK(with.year_typos.size() == 1);
  CHECK(with.year_typos.size() == without.year_typos.size());
  CHECK(with.report_year == without.report_year);
  CHECK(with.year_source == without.year_source);
}

TEST_CASE("chrome: the body never starts after a heading") {
  // Navigation, then the report without a title: its first heading is in the body.
  Read r("当前位置：首页 > 政务公开 > 年报\n【字体：大 中 小】 打印本页\n一、总体情况\n2021年，我县推进政务公开。\n");
  CHECK(r.body().starts_with("一、总体情况"));
  REQUIRE(r.result.report.headings.size() == 1);
  CHECK(r.result.report.headings[0].key == "总体情况");
}

TEST_CASE("chrome: patterns are rule data, checked and inherited like facts:") {
  const fs::path dir = fs::temp_directory_path() / ("gklint-chrome-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  };
  Catalog catalog;
  SUBCASE("a bad pattern is located") {
    std::vector<RuleError> errors;
    CHECK_FALSE(
        catalog.get(write("bad.yaml", "id: x\ntitle: t\nchrome:\n  leading:\n    - '当前位置(?=:)'\n"), &errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("RE2") != std::string::npos);
    const Position p = Source::decode(errors[0].file, errors[0].file_text).position(errors[0].offset);
    CHECK(p.line == 5);
    CHECK(p.column == 7);
  }
  SUBCASE("a trailing pattern is checked as written, before it is wrapped to end where the text ends") {
    std::vector<RuleError> errors;
    // "(?:" + "打印)|(关闭" + ")$" would parse; the pattern as written does not.
    CHECK_FALSE(
        catalog.get(write("wrap.yaml", "id: x\ntitle: t\nchrome:\n  trailing:\n    - '打印)|(关闭'\n"), &errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("unexpected )") != std::string::npos);
    // One that parses is compiled, however large; one too large for RE2 is said to be.
    errors.clear();
    CHECK(catalog.get(write("big.yaml", "id: x\ntitle: t\nchrome:\n  trailing: ['(?:^| )版权.{0,1000}']\n"), &errors));
    CHECK(errors.empty());
    CHECK_FALSE(
        catalog.get(write("huge.yaml", "id: x\ntitle: t\nchrome:\n  trailing: ['\\pL{1000}\\pN{1000}']\n"), &errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("too large") != std::string::npos);
  }
  SUBCASE("an unknown key, a list expected") {
    std::vector<RuleError> errors;
    CHECK_FALSE(catalog.get(write("keys.yaml", "id: x\ntitle: t\nchrome:\n  footer: []\n"), &errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("footer") != std::string::npos);
    errors.clear();
    CHECK_FALSE(catalog.get(write("list.yaml", "id: x\ntitle: t\nchrome:\n  header: '标题:'\n"), &errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("list") != std::string::npos);
  }
  SUBCASE("a trailing pattern is anchored at the end, a leading one at the start") {
    std::vector<RuleError> errors;
    auto set = catalog.get(write("mine.yaml",
                                 "id: mine\nextends: gov-2021\ntitle: t\n"
                                 "chrome:\n  trailing: ['(?:^| )本页完']\n  leading: ['导航']\n"),
                           &errors);
    REQUIRE(set);
    // header: inherited from base; trailing and leading: this file's.
    CHECK_FALSE(set->model.chrome.header.empty());
    Linter linter(catalog, set, {});
    FileResult r = linter.lint("t.txt", header(kTitle) + "导航 " + kTitle + " 本页完 " + kReport + " 本页完");
    CHECK(std::string(span_text(*r.source, r.report.facts.body)).starts_with(kTitle + " 本页完 根据"));
    CHECK(std::string(span_text(*r.source, r.report.facts.body)).ends_with("2022年1月10日"));
    CHECK(r.title == kTitle);
    r = linter.lint("t.txt", kTitle + " 附件下载");  // base's trailing list was replaced
    CHECK(std::string(span_text(*r.source, r.report.facts.body)).ends_with("附件下载"));
  }
  fs::remove_all(dir);
}

// The real crawled pages of ../shared/corpus-dev: titles and agencies come from the reports, not
// from the crawler's header lines, and the report year is the hand-labelled one.
TEST_CASE("chrome: corpus-dev titles, agencies and years") {
  const fs::path dir = fs::path(GKLINT_SHARED_DIR) / "corpus-dev";
  if (!fs::exists(dir / "labels.yaml")) {
    MESSAGE("no corpus-dev at " << dir.string() << ": skipped");
    return;
  }
  const YAML::Node labels = YAML::LoadFile((dir / "labels.yaml").string());
  Catalog catalog;
  const Linter linter(catalog, nullptr, {});
  int files = 0, titled = 0;
  for (const auto& kv : labels) {
    const std::string name = kv.first.as<std::string>();
    std::ifstream in(dir / name, std::ios::binary);
    REQUIRE_MESSAGE(in, name);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const FileResult r = linter.lint(name, bytes.str());
    INFO(name << ": title " << r.title << ", agency " << r.agency);
    ++files;
    CHECK_FALSE(r.title.starts_with("标题"));
    CHECK_FALSE(r.agency.starts_with("标题"));
    if (!r.title.empty()) {
      ++titled;
      CHECK(r.title.find("报告") != std::string::npos);
    }
    CHECK(r.report_year == kv.second["report_year"].as<int>());
    // Nothing of the crawler's header block is in the body.
    CHECK(r.source->position(r.report.facts.body.begin).line >= 10);
  }
  CHECK(files == 12);
  CHECK(titled >= 11);  // 053 is a cover letter (…的函) with no report title of its own
}
