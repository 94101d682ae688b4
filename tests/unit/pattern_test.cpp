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
  Linter linter(catalog, set, {});
  // The title on a line of its own: the fallback is not needed.
  FileResult r = linter.lint("tidy.txt", "某某县交通运输局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n");
  CHECK(r.title == "某某县交通运输局2021年政府信息公开工作年度报告");
  CHECK_FALSE(embedded.compiled());
  // A crawled page on one line: it is, and finds the title.
  r = linter.lint("crawled.txt", "某某县交通运输局2021年政府信息公开工作年度报告 一、总体情况 正文。\n");
  CHECK(embedded.compiled());
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
