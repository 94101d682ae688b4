// Accuracy on generated reports (bench/generator): every injected defect is found at its line
// with its rule, and nothing else is reported, for all three regimes, simplified and traditional.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "generator.hpp"
#include "gklint/fix.hpp"
#include "gklint/lint.hpp"
#include "gklint/view.hpp"

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
    for (const Diagnostic& d : r.diagnostics)
      got.insert({static_cast<int>(r.source->position(d.span.begin).line), d.rule});
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
        s.problems.push_back(std::string(bench::regime_name(regime)) + " seed " + std::to_string(i) + ": unexpected " +
                             rule + " at line " + std::to_string(line));
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

TEST_CASE("generated reports: their certain fixes applied, linted again, those findings gone and nothing new") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  bench::GenOptions opt;
  opt.defect_rate = 0.4;
  opt.content_defect_rate = 0.3;
  int fixed = 0, reports = 0;
  std::vector<std::string> problems;
  for (bench::Regime regime : {bench::Regime::gov2007, bench::Regime::gov2019, bench::Regime::gov2021}) {
    for (int i = 0; i < 150; ++i) {
      const bench::GeneratedReport g = bench::generate_report(bench::mix_seed(23, i), regime, opt);
      const FileResult r = linter.lint("gen", g.text);
      const FixedText f = apply_fixes(r.source->text(), r.diagnostics);
      if (f.applied.empty()) continue;
      ++reports;
      fixed += static_cast<int>(f.applied.size());
      CHECK(f.skipped.empty());
      // What is left, by rule and message: the findings before, less those fixed.
      std::multiset<std::pair<std::string, std::string>> want, got;
      for (size_t k = 0; k < r.diagnostics.size(); ++k) {
        if (std::find(f.applied.begin(), f.applied.end(), k) == f.applied.end())
          want.insert({r.diagnostics[k].rule, r.diagnostics[k].message});
      }
      for (const Diagnostic& d : linter.lint("gen", f.text).diagnostics) got.insert({d.rule, d.message});
      if (got != want && problems.size() < 8) {
        problems.push_back(std::string(bench::regime_name(regime)) + " seed " + std::to_string(i));
      }
    }
  }
  std::ostringstream why;
  for (const auto& p : problems) why << p << "\n";
  MESSAGE("reports fixed " << reports << ", fixes " << fixed);
  CHECK(fixed > 50);
  CHECK_MESSAGE(problems.empty(), why.str());
}

TEST_CASE("generated tables: every layout, injected sum errors and blank cells found at their cell, nothing else") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  struct Key {
    int line;
    std::string rule, row, column;
    bool operator<(const Key& o) const {
      return std::tie(line, rule, row, column) < std::tie(o.line, o.rule, o.row, o.column);
    }
  };
  std::map<std::string, std::array<int, 3>> by_layout;  // layout -> reports, injected, found
  int reports = 0, injected = 0, found = 0, extra = 0;
  std::vector<std::string> problems;
  bench::GenOptions opt;
  opt.table_layout = bench::TableLayout::random;
  opt.table_error_rate = 0.5;
  opt.unfilled_rate = 0.2;
  opt.defect_rate = 0.1;
  for (bench::Regime regime : {bench::Regime::gov2019, bench::Regime::gov2021}) {
    for (int i = 0; i < 300; ++i) {
      bench::GeneratedReport g = bench::generate_report(bench::mix_seed(2026, i), regime, opt);
      FileResult r = linter.lint("gen", g.text);
      // What gklint found: (line, rule, row, column) -> column on the line, and the finding.
      struct Found {
        int column;
        const Diagnostic* diagnostic;
      };
      std::multimap<Key, Found> got;
      for (const Diagnostic& d : r.diagnostics) {
        std::string row, column;
        for (const auto& [k, v] : d.fields) {
          if (k == "row_label") row = normalize_label(v);
          if (k == "column_label") column = normalize_label(v);
        }
        Position p = r.source->position(d.span.begin);
        got.insert({{static_cast<int>(p.line), d.rule, row, column}, {static_cast<int>(p.column), &d}});
      }
      auto& layout = by_layout[bench::table_layout_name(g.table_layout)];
      ++reports;
      ++layout[0];
      const auto take = [&](const Key& k, int column, bool exact_column) -> const Diagnostic* {
        auto [lo, hi] = got.equal_range(k);
        for (auto it = lo; it != hi; ++it) {
          if (exact_column ? it->second.column == column : std::abs(it->second.column - column) <= 1) {
            const Diagnostic* d = it->second.diagnostic;
            got.erase(it);
            return d;
          }
        }
        return nullptr;
      };
      const auto miss = [&](const std::string& what) {
        if (problems.size() < 12)
          problems.push_back(std::string(bench::regime_name(regime)) + " #" + std::to_string(i) + " (" +
                             bench::table_layout_name(g.table_layout) + "): " + what);
      };
      // The generator's blank cells (its rule table.cell) are all in table 三. gklint gives one
      // table.unfilled for them, at the first in document order, and lists every one in `related`.
      // An empty cell is located right after its separator (the generator counts one blank more).
      std::vector<const bench::TableFinding*> blanks;
      for (const bench::TableFinding& t : g.table_findings) {
        if (t.rule == "table.cell") {
          blanks.push_back(&t);
          continue;
        }
        ++injected;
        ++layout[1];
        if (take({t.line, t.rule, normalize_label(t.row_label), normalize_label(t.column_label)}, t.column, true)) {
          ++found;
          ++layout[2];
        } else {
          miss("missed " + t.rule + " at " + std::to_string(t.line) + ":" + std::to_string(t.column) + " " +
               t.row_label + "/" + t.column_label);
        }
      }
      std::sort(blanks.begin(), blanks.end(), [](const auto* a, const auto* b) {
        return std::tie(a->line, a->column) < std::tie(b->line, b->column);
      });
      if (!blanks.empty()) {
        injected += static_cast<int>(blanks.size());
        layout[1] += static_cast<int>(blanks.size());
        const bench::TableFinding& first = *blanks.front();
        const Diagnostic* d =
            take({first.line, "table.unfilled", normalize_label(first.row_label), normalize_label(first.column_label)},
                 first.column, false);
        for (const bench::TableFinding* b : blanks) {
          const bool listed =
              d && d->related.size() == blanks.size() &&
              std::any_of(d->related.begin(), d->related.end(), [&](const Related& rel) {
                const Position p = r.source->position(rel.span.begin);
                return static_cast<int>(p.line) == b->line && std::abs(static_cast<int>(p.column) - b->column) <= 1;
              });
          if (listed) {
            ++found;
            ++layout[2];
          } else {
            miss("blank not in table.unfilled's related at " + std::to_string(b->line) + ":" +
                 std::to_string(b->column) + " " + b->row_label + "/" + b->column_label);
          }
        }
      }
      for (const bench::Defect& d : g.defects) {
        auto it = std::find_if(got.begin(), got.end(),
                               [&](const auto& e) { return e.first.line == d.line && e.first.rule == d.rule; });
        if (it != got.end())
          got.erase(it);
        else
          miss("missed structural " + d.rule + " at line " + std::to_string(d.line));
      }
      for (const auto& [k, f] : got) {
        ++extra;
        miss("unexpected " + k.rule + " at " + std::to_string(k.line) + ":" + std::to_string(f.column) + " " + k.row +
             "/" + k.column);
      }
    }
  }
  std::ostringstream summary, why;
  for (const auto& [name, n] : by_layout)
    summary << " " << name << ": " << n[0] << " reports, " << n[2] << "/" << n[1] << " found;";
  for (const auto& p : problems) why << p << "\n";
  MESSAGE("reports " << reports << ", table errors injected " << injected << ", found " << found << ", extra " << extra
                     << ";" << summary.str());
  CHECK(injected > 200);
  CHECK(by_layout.size() == 5);
  CHECK_MESSAGE(found == injected, why.str());
  CHECK_MESSAGE(extra == 0, why.str());
}

namespace {

// The content rules of issue 13 whose defects the generator injects (GenOptions::content_defect_rate).
constexpr std::array<std::string_view, 6> kContentRules = {"text.sum",       "text.percent",   "text.table",
                                                           "period.missing", "text.duplicate", "text.garbled"};

bool is_content_rule(std::string_view rule) {
  return std::find(kContentRules.begin(), kContentRules.end(), rule) != kContentRules.end();
}

}  // namespace

TEST_CASE("generated content defects: each found at its line with its rule, no other content finding") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  struct Count {
    int injected = 0, found = 0, extra = 0;
    std::vector<std::string> problems;  // the first few, for the failure message
  };
  std::map<std::string, Count> by_rule;  // content rules
  Count other;                           // the structural defects of defect_rate, and every other rule
  int reports = 0;
  const auto run = [&](bench::Regime regime, int count, uint64_t seed, const bench::GenOptions& opt) {
    // The crawl layout is one line: there the column is the position.
    const bool crawl = opt.table_layout == bench::TableLayout::crawl;
    for (int i = 0; i < count; ++i) {
      const bench::GeneratedReport g = bench::generate_report(bench::mix_seed(seed, i), regime, opt);
      const FileResult r = linter.lint("gen", g.text);
      std::multiset<std::tuple<int, int, std::string>> got;  // line, column (crawl only), rule
      for (const Diagnostic& d : r.diagnostics) {
        const Position p = r.source->position(d.span.begin);
        got.insert({static_cast<int>(p.line), crawl ? static_cast<int>(p.column) : 0, d.rule});
      }
      ++reports;
      const auto note = [&](Count& c, const std::string& what) {
        if (c.problems.size() < 6)
          c.problems.push_back(std::string(bench::regime_name(regime)) + " seed " + std::to_string(seed) + " #" +
                               std::to_string(i) + (crawl ? " (crawl)" : "") + ": " + what);
      };
      for (const bench::Defect& d : g.defects) {
        Count& c = is_content_rule(d.rule) ? by_rule[d.rule] : other;
        ++c.injected;
        if (auto it = got.find({d.line, crawl ? d.column : 0, d.rule}); it != got.end()) {
          ++c.found;
          got.erase(it);
        } else {
          note(c, "missed " + d.rule + " at " + std::to_string(d.line) + (crawl ? ":" + std::to_string(d.column) : "") +
                      " (" + d.detail + ")");
        }
      }
      for (const auto& [line, column, rule] : got) {
        Count& c = is_content_rule(rule) ? by_rule[rule] : other;
        ++c.extra;
        note(c, "unexpected " + rule + " at " + std::to_string(line) + (crawl ? ":" + std::to_string(column) : ""));
      }
    }
  };
  for (bench::Regime regime : {bench::Regime::gov2007, bench::Regime::gov2019, bench::Regime::gov2021}) {
    bench::GenOptions opt;
    opt.content_sentences = true;  // the sentences, all correct
    run(regime, 60, 1301, opt);
    opt.content_defect_rate = 0.3;  // each kind in 30% of the reports, with structural defects too
    opt.defect_rate = 0.1;
    run(regime, 250, 1302, opt);
    opt.content_defect_rate = 1.0;  // every kind at once
    opt.defect_rate = 0.0;
    run(regime, 40, 1303, opt);
    opt.content_defect_rate = 0.5;  // the other layouts (tables as they are: no table finding)
    opt.defect_rate = 0.1;
    opt.table_layout = bench::TableLayout::random;
    if (regime != bench::Regime::gov2007) run(regime, 50, 1304, opt);
    opt.table_layout = bench::TableLayout::crawl;
    run(regime, 50, 1305, opt);
  }
  std::ostringstream summary;
  for (std::string_view rule : kContentRules) {
    const Count& c = by_rule[std::string(rule)];
    summary << " " << rule << " " << c.found << "/" << c.injected << " found, " << c.extra << " extra;";
  }
  const auto why = [](const Count& c) {
    std::string s;
    for (const auto& p : c.problems) s += p + "\n";
    return s;
  };
  MESSAGE("reports " << reports << ";" << summary.str() << " other rules " << other.found << "/" << other.injected
                     << " found, " << other.extra << " extra");
  CHECK(reports >= 1000);
  for (std::string_view rule : kContentRules) {
    const Count& c = by_rule[std::string(rule)];
    INFO(rule);
    CHECK(c.injected >= 50);
    CHECK_MESSAGE(c.found == c.injected, why(c));
    CHECK_MESSAGE(c.extra == 0, why(c));
  }
  CHECK_MESSAGE(other.found == other.injected, why(other));
  CHECK_MESSAGE(other.extra == 0, why(other));
}
