// Synthetic corpus generator for benchmarking and accuracy-testing gklint.
//
// generate_report() turns a 64-bit seed into one plain-text 政府信息公开工作年度报告
// that looks like the real ones (title line, 统计期限 sentence, 一、/（一）/1. headings,
// prose, tables 二/三/四 for the 2019/2021 formats in one of several text layouts), optionally
// with known defects whose exact line numbers are returned so a harness can score the linter
// against them, and optionally with table-arithmetic errors and unfilled cells whose exact
// line and column are returned the same way.
//
// Only the C++ standard library is used, and nothing depends on the platform's
// distribution implementations: the same seed yields the same bytes everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gklint::bench {

enum class Regime { gov2007, gov2019, gov2021 };

// One injected defect. `line` is 1-based in GeneratedReport::text.
// `rule` is one of: section.missing, section.order, heading.numbering, year.mismatch.
// `detail` is human-readable (simplified Chinese / ASCII, never tabs or newlines);
// harnesses should match on (file, line, rule) and treat detail as a comment.
struct Defect {
    std::string rule;
    int line;
    std::string detail;
};

// How tables 二/三/四 are written as text (README.md shows each one).
//   pipe           cells joined by " | ", closed by " |" (seed 001); the default, and exactly
//                  the rendering of earlier versions
//   markdown       "| a | b |" rows, the first row followed by a "| --- | --- |" separator
//   tab            cells joined by one '\t'
//   aligned        cells padded to column widths (CJK counts 2), runs of >= 2 spaces between
//   cell_per_line  every cell on a line of its own
//   random         one of the five per report; `pipe` then also uses the seed-001 quirks
//                  (long row label alone on its line, trailing "||") in some reports
enum class TableLayout { pipe, markdown, tab, aligned, cell_per_line, random };

// One broken table invariant or unfilled cell (GenOptions::table_error_rate / unfilled_rate).
// `rule` is one of: table.balance, table.results-total, table.row-total, table.review-total,
// table.cell. `line` is 1-based in GeneratedReport::text; `column` is 1-based in Unicode code
// points (not bytes) and points at the first character of the number in the cell where the
// invariant is reported (README.md, "at" conventions), or at the unfilled cell.
// `row_label` is the row's label without its numbering (予以公开, 总计, 结转下年度继续办理, …;
// for table 四 the group: 行政复议, 未经复议直接起诉, 复议后起诉); `column_label` is
// 自然人 … 总计 (table 三) or 结果维持 … 总计 (table 四). Labels are simplified script even
// in a traditional report.
struct TableFinding {
    std::string rule;
    int line;
    int column;
    std::string row_label;
    std::string column_label;
};

struct GeneratedReport {
    std::string text;  // UTF-8, '\n' line ends, ends with '\n'
    Regime regime;
    int year;
    std::vector<Defect> defects;  // sorted by line
    bool traditional = false;     // whole text converted to traditional script
    // Layout of the tables (never `random`; gov-2007 reports have no tables, the value is then
    // only the draw that a 2019/2021 report with the same seed would use).
    TableLayout table_layout = TableLayout::pipe;
    std::vector<TableFinding> table_findings;  // sorted by line, then column, then rule
};

struct GenOptions {
    double defect_rate = 0.0;       // probability of each defect kind, independently
    bool allow_traditional = true;  // ~20% of reports in traditional script when true
    TableLayout table_layout = TableLayout::pipe;
    // Per gov-2019/2021 report: probability that one number of table 三 or 四 is off by 1..5.
    double table_error_rate = 0.0;
    // Per gov-2019/2021 report: probability that one number cell of table 三 is left unfilled
    // ("/", "—" or empty).
    double unfilled_rate = 0.0;
};

GeneratedReport generate_report(uint64_t seed, Regime regime, const GenOptions& opt);

// "gov-2007", "gov-2019", "gov-2021" (the rule-set names used in REGULATION.md).
const char* regime_name(Regime r);

// Accepts "2007", "gov2007" or "gov-2007" (and the same for 2019/2021).
std::optional<Regime> parse_regime(std::string_view s);

// "pipe", "markdown", "tab", "aligned", "cell_per_line", "random"; parse accepts the same.
const char* table_layout_name(TableLayout l);
std::optional<TableLayout> parse_table_layout(std::string_view s);

// Character-by-character simplified→traditional conversion with the generator's
// embedded map. Line structure and ASCII are preserved, so line numbers do not move.
std::string to_traditional(std::string_view simplified);

// Self-check of the embedded map: generates `samples` simplified reports per regime
// (all defect kinds on) and returns every CJK ideograph they contain that is neither a
// key of the simplified→traditional map nor listed as identical in both scripts.
// Empty result = the map covers the generator's whole vocabulary.
std::vector<std::string> unclassified_characters(int samples = 400);

// Deterministic per-file seed derivation (SplitMix64 finaliser), shared by tools so
// that file i of a corpus can be regenerated on its own.
uint64_t mix_seed(uint64_t seed, uint64_t index);

}  // namespace gklint::bench
