// The national tables: their definitions (from a rule set's `tables:`) and what was read from a
// report's text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gklint/diagnostic.hpp"

namespace gklint {

class Source;
class View;

// What a column holds: whole non-negative counts, signed changes (本年增/减), or amounts that
// may have decimals (万元).
enum class ValueKind { count, signed_count, amount };

struct ColumnDef {
  std::string id;
  std::string label;  // as in the template: 自然人
  std::string group;  // a heading over several columns (table 四: 行政复议); may be empty
  ValueKind kind = ValueKind::count;
};

struct RowDef {
  std::string id;
  std::string label;               // as in the template, with its number: （七）总计
  std::string name;                // without the number: 总计
  bool group = false;              // a label over sub-rows, with no numbers of its own
  bool unlabeled = false;          // the values follow the header directly (table 四)
  std::vector<std::string> match;  // normalized words: a label matches when it starts with one
};

struct TableDef {
  std::string id;
  std::string title;    // 收到和处理政府信息公开申请情况
  std::string section;  // the section it belongs to, for placing table-missing
  bool required = true;
  std::string cite;
  std::vector<std::string> anchor;  // header words that locate a table whose row has no label
  // Normalized words of the header lines above the rows (column labels and groups count too):
  // those lines belong to the table, so a header word is never taken for a heading.
  std::vector<std::string> header;
  std::vector<ColumnDef> columns;
  std::vector<RowDef> rows;
  // What holds along every data row, as (column, sign) terms adding up to 0: 总计 - 自然人 - … = 0.
  // Taken from the rule set's `each: row` equations; the reader cuts digits that ran together
  // ("9000009") only where these hold.
  std::vector<std::vector<std::pair<int, int>>> row_identities;
  // Computed once when the rule set is loaded (index_labels):
  // Rows labelled without numbers (表二: 规章, 行政许可): in a crawled page such a label may end a run
  // of header text ("…对外公开总数量规章000"), so it is also looked for at the end of a word.
  bool labels_unnumbered = false;
  // The characters a row label can start and end with, sorted: most words are prose and are passed
  // over without trying every row.
  std::vector<char32_t> label_first_chars, label_last_chars;
  int data_rows() const;
};

// A cell as read. `unfilled`: blank, "/", "—" or "-" alone: not zero, and never counted as one.
struct Cell {
  enum class State : uint8_t { number, unfilled, text };
  State state = State::unfilled;
  double value = 0;
  int64_t units = 0;      // the exact value: value == units / 10^decimals
  int decimals = 0;       // digits after the point, for the comparison tolerance
  std::string unit;       // 万元, 元, 件 … when printed in the cell
  std::string text;       // normalized cell text
  Span span;              // in the Source; empty for an empty cell (its position)
  bool inferred = false;  // cut out of digits that ran together ("9000009"), by the row's identities
};

struct ReadRow {
  int def = -1;             // index into TableDef::rows
  Span label;               // the row label in the Source (the first value for an unlabeled row)
  std::vector<Cell> cells;  // one per column when the table is readable
};

struct Table {
  const TableDef* def = nullptr;
  Span span;                   // from the first label to the last value
  std::vector<int> row_index;  // per TableDef row: index into rows, or -1 when not found
  std::vector<ReadRow> rows;
  // Rows whose cells cannot be read unambiguously. They keep no cells, so nothing that needs them
  // is checked; the rest of the table is.
  struct Unreadable {
    enum class Why {
      count,         // too few or too many values for the columns
      no_cut,        // digits ran together and no cut satisfies the row's identities
      several_cuts,  // digits ran together and more than one cut does
      gave_up,       // digits ran together in more ways than gklint tries (hostile input)
    };
    Span at;           // the row label
    std::string row;   // the row label (short)
    int found = 0;     // values the row gives (the most it can give, for `count`)
    int expected = 0;  // columns
    Why why = Why::count;
  };
  std::vector<Unreadable> unreadable;

  const Cell* cell(int row_def, int column) const;
};

// Fills a table definition's derived fields (labels_unnumbered, label_first_chars,
// label_last_chars) once its rows are known.
void index_labels(TableDef& def);

// Reads every defined table that the text contains. Tables not found are absent from the result.
std::vector<Table> read_tables(const View& view, const std::vector<TableDef>& defs);

// Parses one normalized cell text: a number (signs, thousands separators, decimals, a unit), a
// not-filled marker, or text.
Cell parse_cell(std::string_view normalized);

// Strips a row label's numbering: "(七)总计" -> "总计", "1.属于国家秘密" -> "属于国家秘密".
std::string_view strip_numbering(std::string_view normalized);

}  // namespace gklint
