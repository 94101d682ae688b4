// Accuracy on generated crawled pages (bench/generator, layout `crawl`): the whole report on one
// line between page chrome, headings glued to the text before them, tables flattened. Every
// injected defect and table finding must be found at its (line, column, rule[, labels]) and
// nothing else reported. The second case checks the generator's own truth, so a failure of the
// first is gklint's, not the generator's.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "generator.hpp"
#include "gklint/lint.hpp"
#include "gklint/view.hpp"

using namespace gklint;

namespace {

bench::GenOptions crawl_options() {
  bench::GenOptions opt;
  opt.table_layout = bench::TableLayout::crawl;
  opt.defect_rate = 0.3;
  opt.table_error_rate = 0.5;
  opt.unfilled_rate = 0.3;
  opt.dropped_cell_rate = 0.25;
  return opt;  // allow_traditional: ~20% traditional script
}

// The reports both cases run over: 2007, 2019 and 2021 in turn.
constexpr int kReports = 1050;
bench::Regime regime_of(int i) {
  static constexpr std::array<bench::Regime, 3> kRegimes = {bench::Regime::gov2007, bench::Regime::gov2019,
                                                            bench::Regime::gov2021};
  return kRegimes[static_cast<size_t>(i % 3)];
}
bench::GeneratedReport crawl_report(int i) {
  return bench::generate_report(bench::mix_seed(2031, static_cast<uint64_t>(i)), regime_of(i), crawl_options());
}

// Line `n` (1-based) of `text`, without its '\n'.
std::string_view line_of(std::string_view text, int n) {
  size_t b = 0;
  for (int k = 1; k < n; ++k) b = text.find('\n', b) + 1;
  const size_t e = text.find('\n', b);
  return text.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
}

// `count` code points of `line` from 1-based code-point column `col` (fewer at the end of the line).
std::string_view at(std::string_view line, int col, int count) {
  size_t b = 0;
  int cp = 1;
  for (; b < line.size() && cp < col; ++b)
    if ((static_cast<unsigned char>(line[b]) & 0xC0) != 0x80) ++cp;
  while (b < line.size() && (static_cast<unsigned char>(line[b]) & 0xC0) == 0x80) ++b;
  size_t e = b;
  for (int k = 0; e < line.size() && k <= count;) {
    if ((static_cast<unsigned char>(line[e]) & 0xC0) != 0x80 && ++k > count) break;
    ++e;
  }
  return line.substr(b, e - b);
}

const bench::CrawlRow* blank_row_at(const bench::GeneratedReport& g, const std::string& label, int column) {
  for (const auto& r : g.crawl_rows)
    if (r.blank && r.label == label && r.label_end == column) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("crawl pages: injected defects and table findings found at their column, nothing else") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  struct Got {
    int line, column;
    std::string rule, row, col_label, table;
    bool inferred = false;
  };
  std::map<std::string, std::array<int, 3>> by_rule;  // rule -> injected, found, extra
  int reports = 0, traditional = 0;
  std::vector<std::string> problems;
  for (int i = 0; i < kReports; ++i) {
    const bench::GeneratedReport g = crawl_report(i);
    ++reports;
    traditional += g.traditional;
    FileResult r = linter.lint("gen", g.text);
    std::vector<Got> got;
    for (const Diagnostic& d : r.diagnostics) {
      Got x;
      const Position p = r.source->position(d.span.begin);
      x.line = static_cast<int>(p.line);
      x.column = static_cast<int>(p.column);
      x.rule = d.rule;
      x.inferred = d.inferred;
      for (const auto& [k, v] : d.fields) {
        if (k == "row_label") x.row = normalize_label(v);
        if (k == "column_label") x.col_label = normalize_label(v);
        if (k == "table") x.table = v;
      }
      got.push_back(std::move(x));
    }
    const std::string where =
        std::string(bench::regime_name(g.regime)) + " #" + std::to_string(i) + (g.traditional ? " (trad)" : "") + ": ";
    const auto problem = [&](const std::string& what) {
      if (problems.size() < 12) problems.push_back(where + what);
    };
    const auto take = [&](auto&& match) {
      auto it = std::find_if(got.begin(), got.end(), match);
      if (it == got.end()) return false;
      got.erase(it);
      return true;
    };
    for (const bench::Defect& d : g.defects) {
      auto& n = by_rule[d.rule];
      ++n[0];
      if (take([&](const Got& x) { return x.rule == d.rule && x.line == d.line && x.column == d.column; }))
        ++n[1];
      else
        problem("missed " + d.rule + " at " + std::to_string(d.line) + ":" + std::to_string(d.column) + " (" +
                d.detail + ")");
    }
    for (const bench::TableFinding& t : g.table_findings) {
      auto& n = by_rule[t.rule];
      ++n[0];
      const std::string row = normalize_label(t.row_label), col = normalize_label(t.column_label);
      // A whole blank row's cells are "at the end of its label": just past it, or its last character.
      const int slack = t.rule == "table.unfilled" && blank_row_at(g, t.row_label, t.column) ? 1 : 0;
      const bool ok = take([&](const Got& x) {
        if (x.rule != t.rule || x.line != t.line || std::abs(x.column - t.column) > slack) return false;
        if (t.rule == "table.unreadable") return x.table == t.table;
        // A sum read from cells cut out of run-together digits says so, and only then.
        if (t.rule != "table.unfilled" && x.inferred != t.inferred) return false;
        return x.row == row && x.col_label == col;
      });
      if (ok)
        ++n[1];
      else
        problem("missed " + t.rule + " at " + std::to_string(t.line) + ":" + std::to_string(t.column) + " " +
                t.row_label + "/" + t.column_label + (t.rule == "table.unreadable" ? " table " + t.table : ""));
    }
    for (const Got& x : got) {
      ++by_rule[x.rule][2];
      problem("unexpected " + x.rule + " at " + std::to_string(x.line) + ":" + std::to_string(x.column) +
              (x.row.empty() && x.col_label.empty() ? "" : " " + x.row + "/" + x.col_label));
    }
  }
  int injected = 0, found = 0, extra = 0;
  std::ostringstream summary, why;
  for (const auto& [rule, n] : by_rule) {
    injected += n[0];
    found += n[1];
    extra += n[2];
    summary << "\n  " << rule << ": injected " << n[0] << ", found " << n[1] << ", extra " << n[2];
  }
  for (const auto& p : problems) why << p << "\n";
  MESSAGE("crawl: reports " << reports << " (" << traditional << " traditional), injected " << injected << ", found "
                            << found << ", extra " << extra << summary.str());
  CHECK(injected > 800);
  CHECK_MESSAGE(found == injected, why.str());
  CHECK_MESSAGE(extra == 0, why.str());
}

namespace {

// The test's own split counter, by brute force over every set of cut positions (independent of
// the generator's pruned oracle): cuts `d` into groups × per parts, each group's last part the
// sum of the others. Parts may start with 0, as in the oracle.
int brute_splits(const std::string& d, int groups, int per) {
  const int parts = groups * per;
  std::vector<size_t> cut(static_cast<size_t>(parts) + 1, 0);
  cut.back() = d.size();
  int n = 0;
  const auto check = [&] {
    for (int g = 0; g < groups; ++g) {
      long long sum = 0;
      for (int k = 0; k < per; ++k) {
        const auto i = static_cast<size_t>(g * per + k);
        const long long v = std::stoll(d.substr(cut[i], cut[i + 1] - cut[i]));
        if (k + 1 < per)
          sum += v;
        else if (v != sum)
          return false;
      }
    }
    return true;
  };
  const auto place = [&](auto&& self, int k) -> void {  // chooses cut[k], k = 1 .. parts-1
    if (k == parts) {
      n += check();
      return;
    }
    for (size_t c = cut[static_cast<size_t>(k) - 1] + 1; c + static_cast<size_t>(parts - k) <= d.size(); ++c) {
      cut[static_cast<size_t>(k)] = c;
      self(self, k + 1);
    }
  };
  if (d.size() >= static_cast<size_t>(parts)) place(place, 1);
  return n;
}

std::string joined(const std::vector<std::string>& cells, std::string_view sep) {
  std::string s;
  for (size_t i = 0; i < cells.size(); ++i) s += (i ? std::string(sep) : "") + cells[i];
  return s;
}

bool starts_with_marker(std::string_view s) {
  static constexpr std::string_view kNumerals = "一二三四五六七八九十";
  size_t i = 0;
  const bool paren = s.substr(0, 3) == "（" || s.substr(0, 1) == "(";
  if (paren) i = s[0] == '(' ? 1 : 3;
  const size_t digits_from = i;
  while (i + 3 <= s.size() && kNumerals.find(s.substr(i, 3)) != std::string_view::npos) i += 3;
  if (i == digits_from) return false;
  if (paren) return s.substr(i, 3) == "）" || s.substr(i, 1) == ")";
  return s.substr(i, 3) == "、";
}

}  // namespace

TEST_CASE("crawl pages: the generator's own truth (one body line, unique splits, positions point at what they claim)") {
  // The oracle agrees with brute force on hand-picked rows.
  CHECK(bench::crawl_split_count("9000009", 1, 7) == 1);
  CHECK(bench::crawl_split_count("000000", 1, 7) == 0);  // a dropped cell: six digits cannot make seven
  // 1,1,00,0,0,0,2 … 1,1,0,0,0,0,02: parts with a leading 0 count, so this row is never run together.
  CHECK(bench::crawl_split_count("11000002", 1, 7, 10) == 5);
  CHECK(brute_splits("11000002", 1, 7) == 5);
  CHECK(bench::crawl_split_count("000000000000000", 3, 5) == 1);
  CHECK(bench::crawl_split_count("100010000000101", 3, 5) == 1);

  int rows_checked = 0, run_rows = 0, brute_checked = 0, blank_rows = 0, dropped = 0, findings = 0, defects = 0;
  std::vector<std::string> problems;
  for (int i = 0; i < kReports; i += 2) {  // half the reports of the first case, every regime
    const bench::GeneratedReport g = crawl_report(i);
    const auto bad = [&](const std::string& what) {
      if (problems.size() < 12)
        problems.push_back(std::string(bench::regime_name(g.regime)) + " #" + std::to_string(i) + ": " + what);
    };
    // One body line after the header block (if any), which ends with the 正文 separator.
    const auto newlines = std::count(g.text.begin(), g.text.end(), '\n');
    if (g.body_line < 1 || newlines != g.body_line || g.text.back() != '\n')
      bad("not a header block plus one body line");
    if (g.body_line > 1) {
      const std::string_view sep = line_of(g.text, g.body_line - 1);
      if (sep.find("====") != 0) bad("header block does not end with the separator line");
      if (line_of(g.text, 1).find(g.traditional ? "標題: " : "标题: ") != 0)
        bad("header block does not start with 标题:");
    }
    const std::string_view body = line_of(g.text, g.body_line);
    if (body.find(g.traditional ? "當前位置" : "当前位置") != 0) bad("body line does not start with the breadcrumb");
    if (bench::generate_report(bench::mix_seed(2031, static_cast<uint64_t>(i)), regime_of(i), crawl_options()).text !=
        g.text)
      bad("not deterministic");

    for (const bench::CrawlRow& r : g.crawl_rows) {
      ++rows_checked;
      const int groups = r.table == "review" ? 3 : 1, per = r.table == "review" ? 5 : 7;
      if (r.blank) {
        ++blank_rows;
        if (!r.cells.empty()) bad("blank row with cells");
        const std::string label = g.traditional ? bench::to_traditional(r.label) : r.label;
        const std::string_view before = at(body, r.label_column, r.label_end - r.label_column);
        if (before.size() < label.size() || before.substr(before.size() - label.size()) != label)
          bad("blank row's label_end is not past " + r.label);
        const std::string_view next = at(body, r.label_end, 1);
        if (next.empty() || next == " " || next == "/" ||
            (next[0] >= '0' && next[0] <= '9' && at(body, r.label_end + 1, 1) != "."))
          bad("blank row " + r.label + " followed by a cell, not a label: " + std::string(at(body, r.label_end, 8)));
        continue;
      }
      const size_t want = static_cast<size_t>(groups * per) - (r.dropped >= 0 ? 1 : 0);
      if (r.cells.size() != want || r.cell_columns.size() != want) {
        bad("row " + r.label + " has " + std::to_string(r.cells.size()) + " cells");
        continue;
      }
      // The cells are printed where recorded, run together or one blank apart.
      const std::string printed = joined(r.cells, r.run_together ? "" : " ");
      if (at(body, r.cell_columns[0], static_cast<int>(printed.size())) != printed)
        bad("row " + r.label + " is not printed at its columns");
      for (size_t k = 0; k < r.cells.size(); ++k)
        if (at(body, r.cell_columns[k], static_cast<int>(r.cells[k].size())) != r.cells[k])
          bad("cell " + std::to_string(k) + " of " + r.label + " misplaced");
      const std::string digits = joined(r.cells, "");
      if (r.dropped >= 0) {
        ++dropped;
        if (bench::crawl_split_count(digits, groups, per) != 0) bad("dropped row " + r.label + " still has a split");
      } else if (r.run_together) {
        ++run_rows;
        if (bench::crawl_split_count(digits, groups, per) != 1)
          bad("run-together row " + r.label + " is not uniquely splittable: " + digits);
      }
      if ((r.dropped >= 0 || r.run_together) && digits.size() <= 17) {
        ++brute_checked;
        const int expect = r.dropped >= 0 ? 0 : 1;
        if (brute_splits(digits, groups, per) != expect) bad("brute force disagrees with the oracle on " + digits);
      }
    }
    const auto row_named = [&](const std::string& table, const std::string& label) -> const bench::CrawlRow* {
      for (const auto& r : g.crawl_rows)
        if (r.table == table && r.label == label) return &r;
      return nullptr;
    };
    static constexpr std::array<std::string_view, 7> kCols = {"自然人",       "商业企业", "科研机构", "社会公益组织",
                                                              "法律服务机构", "其他",     "总计"};
    for (const bench::TableFinding& t : g.table_findings) {
      ++findings;
      if (t.line != g.body_line) bad(t.rule + " not on the body line");
      const bench::CrawlRow* r = row_named(t.table, t.row_label);
      if (t.rule == "table.unreadable") {
        const bench::CrawlRow* d = nullptr;
        for (const auto& x : g.crawl_rows)
          if (x.table == t.table && x.dropped >= 0) d = &x;
        if (!d || d->label_column != t.column) bad("table.unreadable not at the dropped row's label");
      } else if (t.rule == "table.unfilled") {
        if (!(at(body, t.column, 1) == "/" || blank_row_at(g, t.row_label, t.column)))
          bad("table.unfilled at neither '/' nor a blank row");
      } else {
        const auto c = static_cast<size_t>(std::find(kCols.begin(), kCols.end(), t.column_label) - kCols.begin());
        if (!r || c >= r->cell_columns.size() || r->cell_columns[c] != t.column)
          bad(t.rule + " not at cell " + t.row_label + "/" + t.column_label);
        const std::string_view ch = at(body, t.column, 1);
        if (ch.empty() || ch[0] < '0' || ch[0] > '9') bad(t.rule + " not at a digit");
      }
    }
    for (const bench::Defect& d : g.defects) {
      ++defects;
      if (d.line != g.body_line || d.column < 1) bad(d.rule + " without a position on the body line");
      const std::string_view s = at(body, d.column, 12);
      if (d.rule == "year.mismatch") {
        const std::string year = d.detail.substr(std::string_view("period ").size(), 4);
        if (s.substr(0, 7) != year + "年") bad("year.mismatch not at the period's end year: " + std::string(s));
      } else if (d.rule == "section.missing" && !starts_with_marker(s)) {
        // No required section after the dropped one: just past the report, before the footer.
        const std::string_view rest = at(body, d.column, 1000);
        const auto script = [&](std::string s2) { return g.traditional ? bench::to_traditional(s2) : s2; };
        if (!(rest.empty() || rest.find(script(" 附件下载")) == 0 || rest.find(script(" 打印本页")) == 0))
          bad("section.missing neither at a heading marker nor at the end of the report: " + std::string(s));
      } else if (d.rule != "section.missing" && !starts_with_marker(s)) {
        bad(d.rule + " not at a heading marker: " + std::string(s));
      }
    }
  }
  std::ostringstream why;
  for (const auto& p : problems) why << p << "\n";
  MESSAGE("ground truth: " << rows_checked << " table rows (" << run_rows << " run together, " << brute_checked
                           << " brute-forced, " << blank_rows << " blank, " << dropped << " dropped), " << findings
                           << " table findings, " << defects << " defects");
  CHECK(run_rows > 1000);
  CHECK(blank_rows > 20);
  CHECK(dropped > 20);
  CHECK_MESSAGE(problems.empty(), why.str());
}
