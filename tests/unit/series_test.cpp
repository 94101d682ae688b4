// Across years on generated series (bench/generator: generate_series): one agency's reports of
// consecutive years, each linted with the one before as its previous report. Every injected cross
// defect is found at its cell, sentence or title, no other cross finding is made and no finding of
// any other rule (the tables balance, the copied and changed sentences break nothing); pairing a
// batch of several series and distractors pairs exactly each series' consecutive years.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "cli/pairs.hpp"
#include "generator.hpp"
#include "gklint/lint.hpp"

using namespace gklint;

namespace {

// A param of a rule of a built-in rule set, as the rule set gives it: the test uses the rules'
// thresholds, not copies of them.
int rule_param(Catalog& catalog, const std::string& set, const std::string& rule, const std::string& key) {
  const std::string_view* text = catalog.builtin_text(set);
  REQUIRE(text);
  const YAML::Node root = YAML::Load(std::string(*text));
  for (const YAML::Node& r : root["rules"]) {
    if (r["id"].as<std::string>() == rule) return r["params"][key].as<int>();
  }
  FAIL("no rule " << rule << " in " << set);
  return 0;
}

bench::SeriesOptions options_from_rules(Catalog& catalog) {
  bench::SeriesOptions o;
  o.jump_factor = rule_param(catalog, "gov-2019", "cross.jump", "factor");
  o.jump_least = rule_param(catalog, "gov-2019", "cross.jump", "least");
  o.reuse_percent = rule_param(catalog, "base", "cross.reuse", "percent");
  o.sentence_min = rule_param(catalog, "base", "cross.reuse", "sentence_min");
  o.least_sentences = rule_param(catalog, "base", "cross.reuse", "least_sentences");
  // cross.identical reads sentences as cross.reuse does: the generator assumes the same settings.
  CHECK(rule_param(catalog, "base", "cross.identical", "sentence_min") == o.sentence_min);
  return o;
}

}  // namespace

TEST_CASE("series: each report against last year's gives exactly the injected cross findings") {
  Catalog catalog;
  const Linter linter(catalog, nullptr, {});
  bench::SeriesOptions opt = options_from_rules(catalog);
  std::map<std::string, std::array<int, 2>> by_rule;  // rule -> injected, found
  int series = 0, pairs = 0, extra = 0, other_findings = 0;
  std::vector<std::string> problems;
  const auto note = [&](const std::string& what) {
    if (problems.size() < 12) problems.push_back(what);
  };
  for (int i = 0; i < 200; ++i) {
    opt.years = 2 + i % 4;                               // 2 to 5 years
    opt.defect_rate = i % 3 == 0 ? 0.0 : 0.45;           // a third of the series clean
    opt.reuse_share = 0.1 * static_cast<double>(i % 4);  // 0% to 30% copied, below the threshold
    const bench::GeneratedSeries s = bench::generate_series(bench::mix_seed(17, static_cast<uint64_t>(i)), opt);
    ++series;
    std::vector<FileResult> results;
    for (size_t k = 0; k < s.reports.size(); ++k) {
      const bench::GeneratedReport& g = s.reports[k];
      const std::string name = "series " + std::to_string(i) + " " + std::to_string(g.year);
      // The table formats the rule sets choose for the year are the generator's.
      CHECK(catalog.for_year(g.year)->id == bench::regime_name(g.regime));
      if (k > 0) CHECK(g.year == s.reports[k - 1].year + 1);
      results.push_back(linter.lint(std::to_string(g.year) + ".txt", g.text, nullptr,
                                    Partners::last_year(k ? &results[k - 1] : nullptr)));
      const FileResult& r = results.back();
      std::multiset<std::tuple<std::string, int, int>> got;
      for (const Diagnostic& d : r.diagnostics) {
        const Position p = r.source->position(d.span.begin);
        if (d.rule.starts_with("cross."))
          got.insert({d.rule, static_cast<int>(p.line), static_cast<int>(p.column)});
        else {  // every report balances on its own, and is clean for every rule within a year
          ++other_findings;
          note(name + ": " + d.rule + " at " + std::to_string(p.line) + ":" + std::to_string(p.column) + " " +
               d.message);
        }
      }
      if (k > 0) ++pairs;
      for (const bench::Defect& d : g.defects) {
        auto& n = by_rule[d.rule];
        ++n[0];
        if (auto it = got.find({d.rule, d.line, d.column}); it != got.end()) {
          ++n[1];
          got.erase(it);
        } else {
          note(name + ": missed " + d.rule + " at " + std::to_string(d.line) + ":" + std::to_string(d.column) + " (" +
               d.detail + ")");
        }
      }
      for (const auto& [rule, line, column] : got) {
        ++extra;
        note(name + ": unexpected " + rule + " at " + std::to_string(line) + ":" + std::to_string(column));
      }
    }
  }
  std::ostringstream summary, why;
  for (const auto& [rule, n] : by_rule) summary << " " << rule << " " << n[1] << "/" << n[0] << ";";
  for (const auto& p : problems) why << p << "\n";
  MESSAGE("series " << series << ", pairs " << pairs << ", found/injected:" << summary.str() << " extra " << extra);
  for (const char* rule : {"cross.carry", "cross.stock", "cross.jump", "cross.reuse", "cross.identical"}) {
    INFO(rule);
    CHECK(by_rule[rule][0] >= 3);
    CHECK_MESSAGE(by_rule[rule][1] == by_rule[rule][0], why.str());
  }
  CHECK_MESSAGE(extra == 0, why.str());
  CHECK_MESSAGE(other_findings == 0, why.str());
}

TEST_CASE("series: pairing a batch of several series and distractors pairs each series' consecutive years") {
  Catalog catalog;
  const Linter linter(catalog, nullptr, {});
  bench::SeriesOptions opt = options_from_rules(catalog);
  opt.defect_rate = 0.3;
  struct Entry {
    std::string text;
    int series = -1;  // -1: a distractor
    int year = 0;
  };
  std::vector<Entry> batch;
  std::set<std::string> agencies;  // agency_key of every series: one agency, one series
  for (int j = 0; batch.size() < 14; ++j) {
    opt.years = 2 + j % 4;
    const bench::GeneratedSeries s = bench::generate_series(bench::mix_seed(91, static_cast<uint64_t>(j)), opt);
    if (!agencies.insert(agency_key(s.agency)).second) continue;
    for (const bench::GeneratedReport& g : s.reports) batch.push_back({g.text, j, g.year});
  }
  // Distractors: single reports of other agencies, in the same years.
  bench::GenOptions gopt;
  gopt.allow_traditional = false;
  std::set<std::string> distractor_agencies;
  for (int i = 0; distractor_agencies.size() < 8; ++i) {
    const bench::Regime regime = i % 2 ? bench::Regime::gov2021 : bench::Regime::gov2019;
    const bench::GeneratedReport g =
        bench::generate_report(bench::mix_seed(92, static_cast<uint64_t>(i)), regime, gopt);
    std::string agency;
    int year = 0;
    REQUIRE(linter.identify("x.txt", g.text, &agency, &year));
    const std::string key = agency_key(agency);
    if (key.empty() || agencies.count(key) || !distractor_agencies.insert(key).second) continue;
    batch.push_back({g.text, -1, year});
  }
  std::vector<ReportId> ids;
  for (size_t i = 0; i < batch.size(); ++i) {
    ReportId id;
    id.path = (batch[i].series >= 0 ? "series" + std::to_string(batch[i].series) : std::string("other")) + "/" +
              std::to_string(i) + ".txt";
    REQUIRE(linter.identify(id.path, batch[i].text, &id.agency, &id.year));
    CHECK(id.year == batch[i].year);
    ids.push_back(id);
  }
  const Pairing p = pair_years(ids, Lang::en);
  REQUIRE(p.previous.size() == batch.size());
  int paired = 0;
  for (size_t i = 0; i < batch.size(); ++i) {
    int want = -1;
    for (size_t k = 0; k < batch.size(); ++k) {
      if (batch[i].series >= 0 && batch[k].series == batch[i].series && batch[k].year == batch[i].year - 1)
        want = static_cast<int>(k);
    }
    INFO(ids[i].path << " " << ids[i].agency << " " << ids[i].year << ": " << p.why[i]);
    CHECK(p.previous[i] == want);
    paired += want >= 0;
  }
  MESSAGE("batch " << batch.size() << " reports, " << paired << " pairs");
  CHECK(paired >= 8);
}
