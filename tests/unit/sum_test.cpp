// cross.sum (a .gklint.yaml's sums): a declared total's table 三 against the sum of its parts'.
// Property: for random parts and their exact sum nothing is found; one figure of the total changed
// is found exactly there, with the numbers; a part's blank cell keeps that cell from being checked
// and is said once.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "gklint/lint.hpp"

namespace gklint {
namespace {

using Figures = std::vector<std::vector<int>>;  // per data row of table 三: its six applicant columns

// Table 三 as a report prints it, from the rule set's own labels; a row's 总计 is its sum. A figure
// below 0, -1 - x, is x left blank ("/"): the row's 总计 still counts it.
std::string report(const std::string& agency, int year, const TableDef& def, const Figures& f) {
  std::string t =
      agency + std::to_string(year) + "年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况 |";
  for (const ColumnDef& c : def.columns) t += " " + c.label + " |";
  t += "\n";
  size_t k = 0;
  for (const RowDef& r : def.rows) {
    t += r.label + " |";
    if (!r.group) {
      int sum = 0;
      for (const int v : f[k]) {
        t += v < 0 ? " / |" : " " + std::to_string(v) + " |";
        sum += v < 0 ? -1 - v : v;
      }
      t += " " + std::to_string(sum) + " |";
      ++k;
    }
    t += "\n";
  }
  return t;
}

std::vector<Diagnostic> sums_of(const FileResult& r) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule == "cross.sum") out.push_back(d);
  }
  return out;
}

std::string field(const Diagnostic& d, const std::string& key) {
  for (const auto& [k, v] : d.fields) {
    if (k == key) return v;
  }
  return "";
}

const char* const kTowns[] = {"甲镇", "乙镇", "丙乡", "丁乡", "戊镇", "己镇"};

}  // namespace

TEST_CASE("cross.sum: random parts and their sum; one figure changed is found there; a blank is not guessed") {
  Catalog catalog;
  std::vector<RuleError> errors;
  const TableDef& def = *catalog.get("gov-2019", &errors)->table("applications");
  const auto data_rows = static_cast<size_t>(def.data_rows());
  const Linter linter(catalog, nullptr, LintOptions{});
  std::mt19937 random(20261206);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  for (int trial = 0; trial < 40; ++trial) {
    const int count = pick(1, 6);
    std::vector<Figures> parts(static_cast<size_t>(count), Figures(data_rows, std::vector<int>(6)));
    Figures total(data_rows, std::vector<int>(6, 0));
    for (Figures& p : parts) {
      for (size_t r = 0; r < data_rows; ++r) {
        for (size_t c = 0; c < 6; ++c) total[r][c] += p[r][c] = pick(0, 1) ? pick(0, 30) : 0;
      }
    }
    std::vector<FileResult> linted;
    linted.reserve(parts.size());
    for (int k = 0; k < count; ++k)
      linted.push_back(linter.lint("part" + std::to_string(k) + ".txt",
                                   report(kTowns[k], 2020, def, parts[static_cast<size_t>(k)])));
    Partners partners;
    for (const FileResult& p : linted) partners.parts.push_back(&p);
    CAPTURE(trial);
    REQUIRE(sums_of(linter.lint("total.txt", report("某县", 2020, def, total), nullptr, partners)).empty());

    // One figure of the total changed: that cell alone (its row's 总计 changes with it, and so
    // differs from the parts' 总计 too).
    const size_t row = static_cast<size_t>(pick(0, static_cast<int>(data_rows) - 1));
    const size_t column = static_cast<size_t>(pick(0, 5));
    Figures changed = total;
    changed[row][column] += pick(1, 9);
    const FileResult wrong = linter.lint("total.txt", report("某县", 2020, def, changed), nullptr, partners);
    const std::vector<Diagnostic> found = sums_of(wrong);
    REQUIRE(found.size() == 2);
    for (const Diagnostic& d : found) {
      CHECK(d.severity == Severity::error);
      CHECK(d.related.size() == static_cast<size_t>(count));
      CHECK(d.actual->value - d.expected->value == changed[row][column] - total[row][column]);
    }
    CHECK(field(found[0], "column_id") == def.columns[column].id);
    CHECK(field(found[1], "column_id") == "total");
    CHECK(found[0].expected->value == total[row][column]);

    // A part leaves that cell blank: the cell is not checked, and one warning at the title says how
    // many cells of which part were not. Its row's 总计, printed in every part, still is.
    std::vector<Figures> blanked = parts;
    blanked[0][row][column] = -1 - blanked[0][row][column];
    linted[0] = linter.lint("part0.txt", report(kTowns[0], 2020, def, blanked[0]));
    const std::vector<Diagnostic> unchecked =
        sums_of(linter.lint("total.txt", report("某县", 2020, def, changed), nullptr, partners));
    REQUIRE(unchecked.size() == 2);  // in order of position: the title first
    CHECK(unchecked[0].kind == "cross-sum-unchecked");
    CHECK(unchecked[0].severity == Severity::warning);
    CHECK(field(unchecked[0], "count") == "1");
    CHECK(field(unchecked[0], "part") == "part0.txt");
    CHECK(unchecked[1].kind == "cross-sum");
    CHECK(field(unchecked[1], "column_id") == "total");
  }
}

TEST_CASE("cross.sum: nothing without parts; a part of another year or without the table checks nothing") {
  Catalog catalog;
  std::vector<RuleError> errors;
  const TableDef& def = *catalog.get("gov-2019", &errors)->table("applications");
  const auto data_rows = static_cast<size_t>(def.data_rows());
  const Figures ones(data_rows, std::vector<int>(6, 1));
  const Linter linter(catalog, nullptr, LintOptions{});
  const std::string total = report("某县", 2020, def, ones);
  CHECK(sums_of(linter.lint("total.txt", total)).empty());
  const FileResult old = linter.lint("old.txt", report("乡镇", 2019, def, ones));
  const FileResult bare = linter.lint("bare.txt", "乡镇2020年政府信息公开工作年度报告\n一、总体情况\n");
  for (const FileResult* part : {&old, &bare}) {
    Partners partners;
    partners.parts = {part};
    const std::vector<Diagnostic> found = sums_of(linter.lint("total.txt", total, nullptr, partners));
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == "cross-sum-unchecked");
    CHECK(found[0].message.find(part->path) != std::string::npos);
  }
  // Several parts kept out for one reason: one warning naming them all, in order.
  const FileResult older = linter.lint("older.txt", report("乡镇", 2018, def, ones));
  Partners both;
  both.parts = {&old, &older};
  const std::vector<Diagnostic> found = sums_of(linter.lint("total.txt", total, nullptr, both));
  REQUIRE(found.size() == 1);
  CHECK(field(found[0], "part") == "old.txt、older.txt");
  CHECK(field(found[0], "part_year") == "2019、2018");
}

}  // namespace gklint
