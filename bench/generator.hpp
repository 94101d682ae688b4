// Synthetic corpus generator for benchmarking and accuracy-testing gklint.
//
// generate_report() turns a 64-bit seed into one plain-text 政府信息公开工作年度报告
// that looks like the real ones (title line, 统计期限 sentence, 一、/（一）/1. headings,
// prose, tables 二/三/四 for the 2019/2021 formats in one of several text layouts), optionally
// with known defects whose exact line numbers are returned so a harness can score the linter
// against them, and optionally with table-arithmetic errors and unfilled cells whose exact
// line and column are returned the same way. The `crawl` layout writes the whole report as a
// crawled web page instead: an optional crawler header block, then ONE line holding navigation,
// the report with its headings glued to the text before them and its tables flattened, and a
// footer; positions then live in the columns of that line.
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
// `rule` is one of: section.missing, section.order, heading.numbering, year.mismatch, and with
// GenOptions::content_defect_rate the content defects text.sum, text.percent, text.table,
// period.missing, text.duplicate, text.garbled (README.md, "Content defects": each is at the
// line that holds the named figure, the period sentence, the doubled phrase or the first
// instance of its kind of garbling).
// `detail` is human-readable (simplified Chinese / ASCII, never tabs or newlines);
// harnesses should match on (file, line, rule) and treat detail as a comment.
// `column` is 0 in the line-broken layouts (the line is the position). In the `crawl` layout the
// whole report is one line, so the column carries the position: 1-based, in code points, at the
// heading's number marker (三、 （二）) for section.order / heading.numbering / section.missing,
// at the first digit of the period's end year for year.mismatch, and for a section.missing with
// no required section after it just past the last character of the report (README.md); for a
// content defect at the figure, the period sentence's first character, the doubled phrase's first
// character or the garbling's first character (the Han character a pinyin annotation follows).
struct Defect {
  std::string rule;
  int line;
  std::string detail;
  int column = 0;
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
//   crawl          the whole report as a crawled page (not only the tables): header block, then
//                  one line with the headings glued and each table row's cells run together or
//                  separated by single blanks. Never drawn by `random`, so the draws of the
//                  other layouts (and the tests built on them) are unchanged.
enum class TableLayout { pipe, markdown, tab, aligned, cell_per_line, random, crawl };

// One broken table invariant or unfilled cell (GenOptions::table_error_rate / unfilled_rate).
// `rule` is one of: table.balance, table.results-total, table.row-total, table.review-total,
// table.cell, and in the `crawl` layout also table.unfilled (one per table, instead of
// table.cell) and table.unreadable. `line` is 1-based in GeneratedReport::text; `column` is
// 1-based in Unicode code points (not bytes) and points at the first character of the number in
// the cell where the invariant is reported (README.md, "at" conventions), or at the unfilled cell.
// `row_label` is the row's label without its numbering (予以公开, 总计, 结转下年度继续办理, …;
// for table 四 the group: 行政复议, 未经复议直接起诉, 复议后起诉); `column_label` is
// 自然人 … 总计 (table 三) or 结果维持 … 总计 (table 四). Labels are simplified script even
// in a traditional report.
// Crawl layout only: `table` is the rule-set id of the table ("applications" = 三, "review" =
// 四; gklint's rules/gov-2019.yaml), set on every finding and the field to match for
// table.unreadable; `inferred` is true when a cell that feeds the sum came from a row whose
// digits run together (read by the one split that satisfies the row's own total).
struct TableFinding {
  std::string rule;
  int line;
  int column;
  std::string row_label;
  std::string column_label;
  std::string table = {};
  bool inferred = false;
};

// Crawl layout only: one rendered row of table 三 or 四 (for table 四 the one row of 15 numbers),
// so a test can check the flattening against an oracle of its own.
struct CrawlRow {
  std::string table;               // "applications" or "review"
  std::string label;               // without numbering, simplified script; "" for table 四
  int label_column = 0;            // first character of the row's own label (its number); table 四: = cell_columns[0]
  int label_end = 0;               // column just past the label (where a blank row's cells are located)
  std::vector<std::string> cells;  // as printed ("/" for an unfilled cell); empty for a blank row
  std::vector<int> cell_columns;   // first character of each printed cell
  bool run_together = false;       // cells with no separator (else single blanks between them)
  bool blank = false;              // whole row left blank: the label is followed by the next label
  int dropped = -1;                // column index of the cell left out (table.unreadable), else -1
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
  // Crawl layout: the line holding the page (1 + the header block's lines), else 0.
  int body_line = 0;
  std::vector<CrawlRow> crawl_rows;  // crawl layout, tables 三 and 四 as rendered, in document order
};

struct GenOptions {
  double defect_rate = 0.0;       // probability of each defect kind, independently
  bool allow_traditional = true;  // ~20% of reports in traditional script when true
  TableLayout table_layout = TableLayout::pipe;
  // Per gov-2019/2021 report: probability that one number of table 三 or 四 is off by 1..5.
  double table_error_rate = 0.0;
  // Per gov-2019/2021 report: probability that one number cell of table 三 is left unfilled
  // ("/", "—" or empty). Crawl layout: 1–3 whole rows of table 三 left blank and/or one "/" cell.
  double unfilled_rate = 0.0;
  // Crawl layout only, per gov-2019/2021 report: probability that one row of table 三 or 四
  // loses one cell, chosen so that no split of the damaged row satisfies its total
  // (table.unreadable). Such a table gets no other table change.
  double dropped_cell_rate = 0.0;
  // Content sentences (README.md, "Content defects"): a total with its parts in 主动公开, a part
  // of a base with its percentage, a count of applications received in the applications section
  // (2019/2021). They are written, correct, when content_sentences is true or
  // content_defect_rate > 0; then each content defect kind (wrong total, wrong percentage, prose
  // count != table 三, blank 统计期限 years, a doubled phrase, garbling) is injected with
  // probability content_defect_rate, independently. All of it comes from RNG streams of its own:
  // the base text of a seed does not change, and with both off the output is that of earlier
  // versions byte for byte.
  double content_defect_rate = 0.0;
  bool content_sentences = false;
};

GeneratedReport generate_report(uint64_t seed, Regime regime, const GenOptions& opt);

// ---- Series: one agency over consecutive years (README.md, "Series") -------------------------

// Options of generate_series. The thresholds are those of the rules across years (rules/base.yaml
// cross.reuse, rules/gov-2019.yaml cross.jump); a harness that has the rule sets passes theirs.
struct SeriesOptions {
  int years = 3;             // reports in the series, 2..6 (all within 2020..2025)
  int first_year = 0;        // 0: drawn; either way every year is within 2020..2025
  double defect_rate = 0.0;  // per report after the first, each cross defect kind independently
  double reuse_share = 0.2;  // share of a report's sentences copied from last year's (kept below reuse_percent)
  int jump_factor = 5;       // cross.jump: `factor` times apart or more …
  int jump_least = 10;       // … the larger at least `least`
  int reuse_percent = 50;    // cross.reuse: `percent`
  int sentence_min = 15;     // cross.reuse / cross.identical: `sentence_min` (Chinese characters)
  int least_sentences = 10;  // cross.reuse / cross.identical: `least_sentences`
};

// The reports of one agency, one per year, oldest first. Each report's `defects` are the cross
// findings it must give when linted with the report before it as the previous one (the first
// report's are empty): rule cross.carry, cross.stock, cross.jump (line and column of this year's
// cell, as TableFinding), cross.reuse (line and column where the longest run of reused sentences
// starts) or cross.identical (the title: its line, column 1). Apart from those the reports carry
// no defect: table layout pipe, simplified script, every table invariant holds.
struct GeneratedSeries {
  std::string agency;
  std::vector<GeneratedReport> reports;
};

GeneratedSeries generate_series(uint64_t seed, const SeriesOptions& opt);

// The regime whose table formats a report of `year` uses (gov-2019 for 2019–2020, gov-2021 from 2021).
Regime regime_of_year(int year);

// "gov-2007", "gov-2019", "gov-2021" (the rule-set names used in REGULATION.md).
const char* regime_name(Regime r);

// Accepts "2007", "gov2007" or "gov-2007" (and the same for 2019/2021).
std::optional<Regime> parse_regime(std::string_view s);

// "pipe", "markdown", "tab", "aligned", "cell_per_line", "random", "crawl"; parse accepts the same.
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

// The crawl layout's split oracle: in how many ways (counting up to `cap`) `digits` can be cut
// into groups × per_group non-empty parts such that in every group the last part is the sum of
// the others (table 三 row: 1 × 7; table 四 row: 3 × 5). Parts may start with 0: a reader that
// refuses "05" finds a subset of these splits, so "exactly one" and "none" hold for it too.
int crawl_split_count(std::string_view digits, int groups, int per_group, int cap = 2);

// Deterministic per-file seed derivation (SplitMix64 finaliser), shared by tools so
// that file i of a corpus can be regenerated on its own.
uint64_t mix_seed(uint64_t seed, uint64_t index);

}  // namespace gklint::bench
