// Accuracy on generated reports (bench/generator): every injected defect is found at its line
// with its rule, and nothing else is reported, for all three regimes, simplified and traditional.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>

#include "generator.hpp"
#include "gklint/lint.hpp"

using namespace gklint;

namespace {

struct Score {
  int reports = 0, injected = 0, found = 0, extra = 0;
  std::vector<std::string> problems;  // first few, for the failure message
};

void score(const Linter& linter, bench::Regime regime, int count, double rate, uint64_t seed, Score& s) {
  bench::GenOptions opt;
  opt.defect_rate = rate;
  for (int i = 0; i < count; ++i) {
    bench::GeneratedReport g = bench::generate_report(bench::mix_seed(seed, i), regime, opt);
    FileResult r = linter.lint("gen", g.text);
    std::multiset<std::pair<int, std::string>> got;
    for (const Diagnostic& d : r.diagnostics) got.insert({static_cast<int>(r.source->position(d.span.begin).line), d.rule});
    ++s.reports;
    for (const bench::Defect& d : g.defects) {
      ++s.injected;
      auto it = got.find({d.line, d.rule});
      if (it != got.end()) {
        ++s.found;
        got.erase(it);
      } else if (s.problems.size() < 12) {
        s.problems.push_back(std::string(bench::regime_name(regime)) + " seed " + std::to_string(i) + ": missed " +
                             d.rule + " at line " + std::to_string(d.line) + " (" + d.detail + ")");
      }
    }
    for (const auto& [line, rule] : got) {
      ++s.extra;
      if (s.problems.size() < 12) {
        s.problems.push_back(std::string(bench::regime_name(regime)) + " seed " + std::to_string(i) +
                             ": unexpected " + rule + " at line " + std::to_string(line));
      }
    }
  }
}

}  // namespace

TEST_CASE("generated reports: injected defects found at the right line, nothing else reported") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  Score s;
  for (bench::Regime regime : {bench::Regime::gov2007, bench::Regime::gov2019, bench::Regime::gov2021}) {
    score(linter, regime, 150, 0.0, 7, s);   // clean
    score(linter, regime, 250, 0.3, 11, s);  // with defects
  }
  std::ostringstream why;
  for (const auto& p : s.problems) why << p << "\n";
  MESSAGE("reports " << s.reports << ", injected " << s.injected << ", found " << s.found << ", extra " << s.extra);
  CHECK(s.injected > 500);
  CHECK_MESSAGE(s.found == s.injected, why.str());
  CHECK_MESSAGE(s.extra == 0, why.str());
}
