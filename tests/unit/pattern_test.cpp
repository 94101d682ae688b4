// Regex: a rule set's pattern, compiled on first use, once, whichever thread asks.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "gklint/lint.hpp"
#include "gklint/pattern.hpp"
#include "gklint/ruleset.hpp"

using namespace gklint;

TEST_CASE("Regex: none is false; one made is compiled when first used, once, and shared by its copies") {
  CHECK_FALSE(Regex());
  const Regex later("(?P<year>20\\d{2})年");
  REQUIRE(later);
  Regex copy;
  copy = later;
  CHECK(&*copy == &*later);  // one RE2 for both
  CHECK(re2::RE2::PartialMatch("2021年", *later));
  CHECK(later->NamedCapturingGroups().count("year") == 1);
  // A pattern that does not parse is a Regex all the same; RE2 says what is wrong when it is used.
  const Regex bad("(");
  CHECK_FALSE(bad->ok());
  CHECK(bad->error().find("missing )") != std::string::npos);
}

TEST_CASE("Regex: the named groups a rule reads are found by their place when it is compiled") {
  const Regex joined("(?P<gklint_n_0>\\d+)件|(?P<x>年)(?P<gklint_n_1>\\d+)条", {"gklint_n_0", "gklint_n_1", "none"});
  CHECK_FALSE(joined.compiled());
  CHECK(joined.group(1) == 3);  // (the group before it, x, is 2)
  CHECK(joined.compiled());
  CHECK(joined.group(0) == 1);
  CHECK(joined.group(2) == -1);
  // A pattern that does not compile has none of them.
  const Regex bad("(?P<gklint_n_0>(", {"gklint_n_0"});
  CHECK(bad.group(0) == -1);
  CHECK_FALSE(bad->ok());
}

TEST_CASE("Regex: a pattern's leading literals rule out a start without compiling it") {
  const Regex crumb("(?:当前位置|您的位置) ?(?:是)? ?: ?[^ \\n]{0,60}");
  CHECK(crumb.may_start("当前位置: 首页>政务公开"));
  CHECK(crumb.may_start("您的位置:首页"));
  CHECK_FALSE(crumb.may_start("某某县2021年政府信息公开工作年度报告"));
  CHECK_FALSE(crumb.may_start("当前"));  // too short to hold one
  CHECK_FALSE(crumb.compiled());
  const Regex widget("【(?:打印本页|关闭)】");
  CHECK(widget.may_start("【关闭】"));
  CHECK_FALSE(widget.may_start("打印本页"));
  // Each alternative of the group gives the literals it starts with.
  const Regex field("(?:发布时间|文 ?号|日期) ?: ?.{0,120}");
  CHECK(field.may_start("文号：2021-1"));
  CHECK(field.may_start("文 号：2021-1"));
  CHECK(field.may_start("日期:"));
  CHECK_FALSE(field.may_start("号：2021-1"));
  CHECK_FALSE(field.may_start("某某县2021年报告"));
  // A last literal made optional or repeated is not required; the ones before it are.
  CHECK(Regex("年度?报告").may_start("年报告"));
  CHECK_FALSE(Regex("年度?报告").may_start("度报告"));
  CHECK(Regex("年{2}").may_start("x"));
  // No literal is known: an optional or repeated group, an alternative at the top level, an empty
  // alternative, a class, an escape, flags, \Q…\E.
  for (const char* p : {"(?:当前|您的)?位置", "(?:当前|您的)+位置", "(?:当前|您的)位置|导航", "(?:当前|)位置",
                        "[当您]前", "(?:当\\|前)位", "\\d年", "(?i)abc", "(?:a(?:b))c", "\\Qa|b\\E", "", "."}) {
    CAPTURE(p);
    CHECK(Regex(p).may_start("xyz"));
  }
  CHECK(Regex("(?:当前|a{2})位").may_start("xyz"));
  CHECK(Regex("(?:当前|[ab])位").may_start("xyz"));
  // A pattern that starts at the start of the text (^) matches nowhere in a subject that does not
  // start with its literals; one that does not start with ^ may match anywhere.
  const Regex about("^关于(?P<agency>[^\\d]{2,30}?)20\\d{2}年");
  CHECK_FALSE(about.may_match("某某县2021年政府信息公开工作年度报告"));
  CHECK(about.may_match("关于某某县2021年政府信息公开工作的报告"));
  CHECK_FALSE(about.compiled());
  CHECK(Regex("关于").may_match("某某县关于"));
  CHECK(Regex("^(?:关于)?20").may_match("某某县"));
  // A | inside a class, a group or escaped is no alternative of the whole.
  CHECK_FALSE(Regex("(?:当前)[|]位").may_start("xyz"));
  CHECK_FALSE(Regex("当前(?:a|b)").may_start("xyz"));
  CHECK_FALSE(Regex("当前\\|").may_start("xyz"));
  CHECK(Regex("当前[[:alpha:]|]|x").may_start("xyz"));
}

// Held to RE2 itself: the chrome (header, leading) and title and agency patterns of every built-in
// set, at every start of the fixtures' lines and of crawled pages' furniture: when may_start says
// no, RE2 finds no match starting there; when may_match says no, none in the rest of the line.
TEST_CASE("Regex: may_start never rules out a start where the built-in chrome patterns match") {
  Catalog catalog;
  std::vector<RuleError> errors;
  std::vector<std::string> texts = {"当前位置：首页 > 政务公开 > 年度报告",
                                    "当前位置:首页>>信息公开",
                                    "来源: 时间: 2021-01-28 09:16",
                                    "发布时间:2021-01-28",
                                    "【字体: 大 中 小】",
                                    "【打印本页】【关闭窗口】",
                                    "标题: 某某县2021年政府信息公开工作年度报告",
                                    "====正文====",
                                    "分享到: 微信 微博",
                                    "<!-- x -->",
                                    "关于某某县2021年度政府信息公开工作的报告"};
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::string(GKLINT_SOURCE_DIR) + "/tests/fixtures")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) texts.push_back(line);
  }
  size_t checked = 0, ruled_out = 0;
  for (const std::string& id : catalog.builtin_ids()) {
    const auto set = catalog.get(id, &errors);
    REQUIRE(set);
    std::vector<const Regex*> patterns;
    for (const Regex& re : set->model.chrome.header) patterns.push_back(&re);
    for (const Regex& re : set->model.chrome.leading) patterns.push_back(&re);
    for (const Regex& re : set->model.agency_in_title) patterns.push_back(&re);
    for (const Regex& re : set->model.title_standalone) patterns.push_back(&re);
    for (const Regex& re : set->model.title_embedded) patterns.push_back(&re);
    for (const Regex* re : patterns) {
      for (const std::string& text : texts) {
        // Every start within the first 12 characters of the line.
        for (size_t at = 0, n = 0; at < text.size() && n < 12; ++n) {
          const std::string_view rest = std::string_view(text).substr(at);
          if (!re->may_start(rest)) {
            ++ruled_out;
            CHECK_FALSE((*re)->Match(re2::StringPiece(rest.data(), rest.size()), 0, rest.size(), re2::RE2::ANCHOR_START,
                                     nullptr, 0));
          }
          if (!re->may_match(rest))
            CHECK_FALSE(re2::RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), **re));
          ++checked;
          do ++at;
          while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);
        }
      }
    }
  }
  CHECK(ruled_out > checked / 2);  // most starts are ruled out: the check is used
}

TEST_CASE("Regex: threads that use a pattern first at the same time get the one RE2") {
  for (int round = 0; round < 20; ++round) {
    const Regex shared("[^。\\n ]{0,40}(?:政府信息公开|政务公开)[^。\\n ]{0,16}报告");
    std::vector<const re2::RE2*> seen(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < seen.size(); ++t) {
      threads.emplace_back([&, t] {
        seen[t] = &*shared;
        CHECK(re2::RE2::PartialMatch("2021年政府信息公开工作年度报告", *seen[t]));
      });
    }
    for (std::thread& t : threads) t.join();
    for (const re2::RE2* re : seen) CHECK(re == seen[0]);
  }
}

TEST_CASE("Regex: a built-in set compiles a pattern when a report first needs it; a user's file, when it loads") {
  Catalog catalog;
  std::vector<RuleError> errors;
  const auto set = catalog.get("gov-2021", &errors);
  REQUIRE(set);
  REQUIRE_FALSE(set->model.title_embedded.empty());
  const Regex& embedded = set->model.title_embedded.front();  // a title inside a line: the fallback
  CHECK_FALSE(embedded.compiled());
  REQUIRE_FALSE(set->model.chrome.leading.empty());
  const Regex& crumb = set->model.chrome.leading.front();  // 当前位置: 首页 > …
  Linter linter(catalog, set, {});
  // The title on a line of its own: the fallback is not needed, nor the breadcrumb of a page.
  FileResult r = linter.lint("tidy.txt", "某某县交通运输局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n");
  CHECK(r.title == "某某县交通运输局2021年政府信息公开工作年度报告");
  CHECK_FALSE(embedded.compiled());
  CHECK_FALSE(crumb.compiled());
  // A crawled page on one line: it is, and finds the title.
  r = linter.lint("crawled.txt", "某某县交通运输局2021年政府信息公开工作年度报告 一、总体情况 正文。\n");
  CHECK(embedded.compiled());
  CHECK(r.title == "某某县交通运输局2021年政府信息公开工作年度报告");
  // A page that starts with its breadcrumb: it is, and the title after it is found.
  r = linter.lint("page.txt",
                  "当前位置：首页 > 政务公开\n某某县交通运输局2021年政府信息公开工作年度报告\n一、总体情况\n");
  CHECK(crumb.compiled());
  CHECK(r.title == "某某县交通运输局2021年政府信息公开工作年度报告");

  // A pattern of a user's file is compiled (and checked) as the file loads.
  const std::string path = (std::filesystem::temp_directory_path() / "gklint-pattern-test.yaml").string();
  std::ofstream(path) << "id: mine\nextends: gov-2021\ntitle: t\nchrome:\n  leading: ['导航']\n";
  const auto mine = catalog.get(path, &errors);
  std::filesystem::remove(path);
  REQUIRE(mine);
  REQUIRE(mine->model.chrome.leading.size() == 1);
  CHECK(mine->model.chrome.leading.front().compiled());
}
