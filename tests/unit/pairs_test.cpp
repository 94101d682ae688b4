// Pairing a batch's reports with last year's (gklint pairs, --pair-years): by agency and year, never
// by a guess.
#include "cli/pairs.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace gklint {
namespace {

ReportId id(std::string path, std::string agency, int year) {
  ReportId r;
  r.path = std::move(path);
  r.agency = std::move(agency);
  r.year = year;
  return r;
}

}  // namespace

TEST_CASE("pairs: agency names compared without blanks, punctuation and width") {
  CHECK(agency_key("平潭综合实验区 自然资源与生态环境局") == agency_key("平潭综合实验区自然资源与生态环境局"));
  CHECK(agency_key("（平潭）公安局") == agency_key("平潭公安局"));
  CHECK(agency_key("ＡＢＣ县人民政府") == agency_key("ABC县人民政府"));
  CHECK(agency_key("—").empty());
}

TEST_CASE("pairs: consecutive years of one agency, exactly one report each") {
  const std::vector<ReportId> reports = {
      id("a/2019.txt", "平潭综合实验区自然资源与生态环境局", 2019),
      id("a/2020.txt", "平潭综合实验区 自然资源与生态环境局", 2020),
      id("a/2021.txt", "平潭综合实验区自然资源与生态环境局", 2021),
      id("b/2020.txt", "平潭综合实验区公安局", 2020),        // no 2019 of its own
      id("c/2022.txt", "平潭综合实验区交通与建设局", 2022),  // two for 2022: neither is paired
      id("c/2022-copy.txt", "平潭综合实验区交通与建设局", 2022),
      id("c/2023.txt", "平潭综合实验区交通与建设局", 2023),  // last year has two: not paired
      id("d/x.txt", "", 2020),                               // no agency
      id("d/y.txt", "平潭综合实验区社会事业局", 0),          // no year
  };
  const Pairing p = pair_years(reports, Lang::en);
  CHECK(p.previous == std::vector<int>{-1, 0, 1, -1, -1, -1, -1, -1, -1});
  CHECK(p.why[0] == "no report of this agency for 2018");
  CHECK(p.why[1].empty());
  CHECK(p.why[3] == "no report of this agency for 2019");
  CHECK(p.why[4] == "2 reports of this agency for 2022");
  CHECK(p.why[6] == "2 reports of this agency for 2022");
  CHECK(p.why[7] == "no agency found in the title or before it");
  CHECK(p.why[8] == "no report year found");
}

TEST_CASE("pairs: a short agency name (公安局) is one agency only within a folder") {
  const std::vector<ReportId> reports = {
      id("county-a/2019.txt", "公安局", 2019),
      id("county-b/2020.txt", "公安局", 2020),
      id("county-b/2021.txt", "公安局", 2021),
  };
  const Pairing p = pair_years(reports, Lang::zh);
  CHECK(p.previous == std::vector<int>{-1, -1, 1});
  CHECK(p.why[1] == "没有本机关 2019 年度的报告");
}

TEST_CASE("pairs: a pair named in .gklint.yaml wins; one naming a report outside the batch pairs nothing") {
  const std::vector<ReportId> reports = {
      id("/r/old-name/2019.txt", "平潭综合实验区国土资源局", 2019),  // renamed in 2020: agencies differ
      id("/r/new-name/2020.txt", "平潭综合实验区自然资源局", 2020),
      id("/r/x/2020.txt", "平潭综合实验区公安局", 2020),
      id("/r/x/2019.txt", "平潭综合实验区公安局", 2019),
  };
  Config config;
  config.pairs = {{"/r/old-name/2019.txt", "/r/new-name/2020.txt"}, {"/r/gone/2019.txt", "/r/x/2020.txt"}};
  std::vector<std::string> paths;
  for (const ReportId& r : reports) paths.push_back(r.path);
  const ConfiguredPairs configured = configured_pairs(paths, [&](const std::string&) { return &config; });
  CHECK(configured.previous == std::vector<int>{-1, 0, -1, -1});
  CHECK(configured.missing[2] == "/r/gone/2019.txt");
  const Pairing p = pair_years(reports, Lang::en, &configured);
  // By agency alone, 2020 of 公安局 would pair with its 2019; the config's pair (whose previous is
  // missing) says otherwise, and the renamed agency is paired as named.
  CHECK(p.previous == std::vector<int>{-1, 0, -1, -1});
  CHECK(p.configured == std::vector<bool>{false, true, true, false});
  CHECK(p.why[2] == ".gklint.yaml pairs it with /r/gone/2019.txt, which is not in this batch");
  CHECK(pair_years(reports, Lang::en).previous == std::vector<int>{-1, -1, 3, -1});
}

TEST_CASE("sums: a declared total's parts among the batch, never itself; globs matching nothing said") {
  Config config;
  config.dir = "/r";
  config.sums = {{"/r/县.txt", {"*.txt", "乡镇/*", "部门/*", "乡镇/甲.txt", "县.txt"}}, {"/r/gone.txt", {"*"}}};
  const std::vector<std::string> paths = {"/r/乡镇/乙.txt", "/r/县.txt", "/r/乡镇/甲.txt", "/elsewhere/丙.txt", "-"};
  const ConfiguredSums sums = configured_sums(paths, [&](const std::string&) { return &config; });
  CHECK(sums.totals == 1);
  // `*.txt` crosses folders and matches both townships; the total is not its own part; a file
  // outside the config's folder and standard input are never parts.
  CHECK(sums.parts == std::vector<std::vector<int>>{{}, {0, 2}, {}, {}, {}});
  // A part named without a wildcard is looked up; the total itself is never one of its parts.
  CHECK(sums.missing[1] == std::vector<std::string>{"部门/*", "县.txt"});
  // Without a config, nothing is a total.
  const ConfiguredSums none = configured_sums(paths, [](const std::string&) { return nullptr; });
  CHECK(none.totals == 0);
}

TEST_CASE("copies: the other agency's report of the same year sharing the most sentences; common wording picks none") {
  const auto with = [](ReportId r, std::vector<uint64_t> prints) {
    r.prints = std::move(prints);
    return r;
  };
  std::vector<ReportId> reports = {
      with(id("a.txt", "甲县交通运输局", 2020), {1, 2, 3, 4, 5}),
      with(id("b.txt", "甲县农业农村局", 2020), {1, 2, 3, 9}),     // shares 3 with a
      with(id("c.txt", "甲县卫生健康局", 2020), {4, 5, 8}),        // shares 2 with a
      with(id("d.txt", "甲县交通运输局", 2020), {1, 2, 3, 4, 5}),  // a's own agency: not a copy between agencies
      with(id("e.txt", "甲县水利局", 2019), {1, 2, 3, 4, 5}),      // another year
      with(id("f.txt", "", 2020), {1, 2, 3, 4, 5}),                // no agency read
  };
  std::vector<int> best = find_copies(reports);
  CHECK(best == std::vector<int>{1, 0, 0, 1, -1, -1});
  // A sentence that more than kCommonSentence reports hold is nobody's copy.
  for (size_t k = 0; k <= kCommonSentence; ++k) {
    reports.push_back(with(id("g" + std::to_string(k) + ".txt", "乙县局" + std::to_string(k), 2021), {77}));
  }
  best = find_copies(reports);
  CHECK(std::all_of(best.begin() + 6, best.end(), [](int j) { return j == -1; }));
}

}  // namespace gklint
