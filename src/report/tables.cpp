// Reads the national tables out of report text in the layouts real reports use: pipe rows (with
// labels wrapped onto their own line and trailing empty cells), Markdown tables, tab-separated
// rows, columns aligned with spaces, and one cell per line. A table is found by its row labels
// (or, for table 四, by its header), never by its position in the file.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "gklint/source.hpp"
#include "gklint/table.hpp"
#include "gklint/view.hpp"
#include "text/numerals.hpp"

namespace gklint {

namespace {

// A piece of the text: a label (consecutive words of one cell merged), a value (a number or a
// not-filled marker), or an empty cell between separators.
struct Token {
  enum class Kind { text, value, empty };
  Kind kind = Kind::text;
  uint32_t begin = 0, end = 0;  // view offsets
  bool trailing = false;        // an empty cell after the last filled cell of its line
  bool in_row = false;          // a later cell of a separated line: a cell, whatever it holds
  bool joins = false;           // text right after text on the same free line: may continue its label
  uint32_t line = 0;            // view line number, to keep a row's cells to its line
  std::string key;              // text: blanks removed, numbering stripped
  Cell cell;                    // value: parsed
};

bool is_markdown_rule(std::string_view cell) {
  size_t b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
  if (b == std::string_view::npos) return false;
  std::string_view c = cell.substr(b, e - b + 1);
  if (!c.empty() && c.front() == ':') c.remove_prefix(1);
  if (!c.empty() && c.back() == ':') c.remove_suffix(1);
  return c.size() >= 3 && c.find_first_not_of('-') == std::string_view::npos;
}

// Words of a cell or of a free line: numbers and markers are values. In a cell, runs of other
// words merge into one label ("商业 企业"). On a free line they stay apart, marked `joins`: the
// reader finds where labels start there ("三、本年度办理结果  （一）予以公开  0 …" in an aligned table,
// whose double blank the view has collapsed).
void add_words(std::string_view t, uint32_t b, uint32_t e, bool merge, std::vector<Token>& out) {
  uint32_t p = b;
  bool open_text = false;
  while (p < e) {
    while (p < e && t[p] == ' ') ++p;
    if (p >= e) break;
    uint32_t w = p;
    while (p < e && t[p] != ' ') ++p;
    Cell c = parse_cell(t.substr(w, p - w));
    if (c.state != Cell::State::text) {
      Token tok;
      tok.kind = Token::Kind::value;
      tok.begin = w;
      tok.end = p;
      tok.cell = std::move(c);
      out.push_back(std::move(tok));
      open_text = false;
    } else if (open_text && merge) {
      out.back().end = p;
    } else {
      Token tok;
      tok.kind = Token::Kind::text;
      tok.begin = w;
      tok.end = p;
      tok.joins = open_text;
      out.push_back(std::move(tok));
      open_text = true;
    }
  }
}

std::vector<Token> tokenize(std::string_view t) {
  std::vector<Token> tokens;
  size_t start = 0;
  uint32_t line_no = 0;
  while (start < t.size()) {
    const size_t line_first_token = tokens.size();
    size_t nl = t.find('\n', start);
    if (nl == std::string_view::npos) nl = t.size();
    std::string_view line = t.substr(start, nl - start);
    if (line.find('|') != std::string_view::npos || line.find('\t') != std::string_view::npos) {
      // Cells between separators; empties before the first and after the last filled cell are
      // layout (a Markdown border, "||" at the end), empties between filled cells are not filled.
      std::vector<std::pair<uint32_t, uint32_t>> cells;
      size_t c = 0;
      for (size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == '|' || line[i] == '\t') {
          cells.emplace_back(static_cast<uint32_t>(start + c), static_cast<uint32_t>(start + i));
          c = i + 1;
        }
      }
      bool rule_line = true, any = false;
      for (const auto& [b, e] : cells) {
        std::string_view cell = t.substr(b, e - b);
        if (cell.find_first_not_of(' ') == std::string_view::npos) continue;
        any = true;
        rule_line = rule_line && is_markdown_rule(cell);
      }
      if (any && !rule_line) {
        size_t first = cells.size(), last = 0;
        for (size_t k = 0; k < cells.size(); ++k) {
          std::string_view cell = t.substr(cells[k].first, cells[k].second - cells[k].first);
          if (cell.find_first_not_of(' ') != std::string_view::npos) {
            first = std::min(first, k);
            last = k;
          }
        }
        for (size_t k = first; k < cells.size(); ++k) {
          auto [b, e] = cells[k];
          std::string_view cell = t.substr(b, e - b);
          if (cell.find_first_not_of(' ') == std::string_view::npos) {
            // After a closing '|' there is no cell ("| a | b |"); after a final tab there is one.
            if (k + 1 == cells.size() && cell.empty() && line.back() == '|') continue;
            Token tok;
            tok.kind = Token::Kind::empty;
            // An empty cell is located right after its separator.
            tok.begin = tok.end = b;
            tok.trailing = k > last;
            tokens.push_back(std::move(tok));
          } else {
            const size_t before = tokens.size();
            add_words(t, b, e, true, tokens);
            for (size_t x = before; x < tokens.size(); ++x) tokens[x].in_row = k > first;
          }
        }
      }
    } else {
      add_words(t, static_cast<uint32_t>(start), static_cast<uint32_t>(nl), false, tokens);
    }
    for (size_t x = line_first_token; x < tokens.size(); ++x) tokens[x].line = line_no;
    ++line_no;
    start = nl + 1;
  }
  for (Token& tok : tokens) {
    if (tok.kind == Token::Kind::text) tok.key = std::string(strip_numbering(strip_blanks(t.substr(tok.begin, tok.end - tok.begin))));
  }
  return tokens;
}

// A label matches a word when it starts with it; a word of one or two characters (总计, 其他, 规章)
// must be the whole label, or header words such as 其他结果 would match the row 其他.
bool starts_with_any(std::string_view key, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    if (w.empty()) return false;
    return w.size() <= 6 ? key == w : key.starts_with(w);
  });
}

class TableReader {
 public:
  TableReader(const View& view, const std::vector<Token>& tokens) : view_(view), tokens_(tokens) {}

  // Every place a row label (or the header anchor) starts is a candidate; the reading with the
  // most rows that have values wins, the earliest on a tie. A column header such as 总计 also
  // names a row, so the first candidate is not always the table.
  std::optional<Table> read(const TableDef& def) const {
    const bool unlabeled = !def.rows.empty() && def.rows.front().unlabeled;
    // The characters a label of this table can start with: most tokens are prose and are passed
    // over without trying every row.
    std::vector<char32_t> first;
    const auto first_char = [](std::string_view w) {
      size_t i = 0;
      return w.empty() ? char32_t{0} : utf8_next_valid(w, i);
    };
    for (const RowDef& r : def.rows) {
      for (const std::string& m : r.match) first.push_back(first_char(m));
    }
    for (const std::string& a : def.anchor) first.push_back(first_char(a));
    std::sort(first.begin(), first.end());
    std::optional<Table> best;
    int best_rows = 0;
    size_t read_to = 0;  // a start inside a reading already made gives only its tail: skip it
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& tok = tokens_[i];
      if (tok.kind != Token::Kind::text || (i > 0 && i <= read_to)) continue;
      if (!std::binary_search(first.begin(), first.end(), first_char(tok.key))) continue;
      std::optional<Table> t;
      if (unlabeled) {
        if (!def.anchor.empty() && tok.key.starts_with(def.anchor.front())) t = read_unlabeled(def, i);
      } else {
        size_t last;
        if (match_label(def, i, 0, &last) >= 0) t = read_labeled(def, i, &read_to);
      }
      if (!t) continue;
      int rows = 0;
      for (const ReadRow& r : t->rows) rows += !def.rows[r.def].group && !r.cells.empty();
      if (rows > best_rows) {
        best_rows = rows;
        best = std::move(t);
      }
      if (unlabeled) break;  // the header is followed by the one row: the first reading is it
    }
    return best;
  }

 private:
  static int match_row(const TableDef& def, std::string_view key, int from) {
    for (int j = from; j < static_cast<int>(def.rows.size()); ++j) {
      if (starts_with_any(key, def.rows[j].match)) return j;
    }
    return -1;
  }

  // The last token of the text run starting at k: the words that follow it on its free line.
  size_t run_end(size_t k) const {
    size_t m = k;
    while (m + 1 < tokens_.size() && tokens_[m + 1].kind == Token::Kind::text && tokens_[m + 1].joins) ++m;
    return m;
  }

  // The shortest run of words from token k that is a row label: sets *last and returns the row.
  int match_label(const TableDef& def, size_t k, int from, size_t* last) const {
    const size_t end = run_end(k);
    for (size_t m = k; m <= end; ++m) {
      std::string key = m == k ? tokens_[k].key
                               : std::string(strip_numbering(strip_blanks(std::string_view(view_.text()).substr(
                                     tokens_[k].begin, tokens_[m].end - tokens_[k].begin))));
      int j = match_row(def, key, from);
      if (j >= 0) {
        *last = m;
        return j;
      }
    }
    *last = end;
    return -1;
  }

  Span span_of(const Token& tok) const { return view_.source_span(tok.begin, tok.end); }

  Cell cell_of(const Token& tok) const {
    Cell c;
    if (tok.kind == Token::Kind::value) c = tok.cell;
    else if (tok.kind == Token::Kind::text) c = parse_cell(std::string_view(view_.text()).substr(tok.begin, tok.end - tok.begin));
    c.span = span_of(tok);
    return c;
  }

  // Closes a row: pads with the empty cells after the last value of its last line when (and only
  // when) the row has values and is short of the columns: "| 0 | |" writes an empty last cell.
  void close_row(const TableDef& def, ReadRow& row, std::vector<const Token*>& optional, Table& t) const {
    const size_t want = def.columns.size();
    size_t k = 0;
    while (!row.cells.empty() && row.cells.size() < want && k < optional.size()) row.cells.push_back(cell_of(*optional[k++]));
    optional.clear();
    // A row with no value at all is left blank, not unreadable: give_blank_rows_cells.
    if (def.rows[row.def].group || t.unreadable || row.cells.empty()) return;
    bool run_together = std::any_of(row.cells.begin(), row.cells.end(), [](const Cell& c) {
      return c.state == Cell::State::number && c.text.size() > 1 && c.text[0] == '0' && c.text[1] != '.';
    });
    if (row.cells.size() != want || run_together) {
      t.unreadable = Table::Unreadable{row.label, def.rows[row.def].name, static_cast<int>(row.cells.size()),
                                       static_cast<int>(want)};
    }
  }

  std::optional<Table> read_labeled(const TableDef& def, size_t start, size_t* read_to) const {
    Table t;
    t.def = &def;
    t.row_index.assign(def.rows.size(), -1);
    int next = 0, noise = 0;
    uint32_t label_line = 0;
    size_t last_label = start;  // token of the last row label read
    bool open = false;
    std::vector<const Token*> optional;
    uint32_t last_end = tokens_[start].end;
    for (size_t k = start; k < tokens_.size(); ++k) {
      const Token& tok = tokens_[k];
      size_t last = k;
      if (tok.kind == Token::Kind::text) {
        int j = match_label(def, k, next, &last);
        if (j >= 0) {
          if (open) close_row(def, t.rows.back(), optional, t);
          ReadRow row;
          row.def = j;
          row.label = view_.source_span(tok.begin, tokens_[last].end);
          t.row_index[j] = static_cast<int>(t.rows.size());
          t.rows.push_back(std::move(row));
          open = true;
          next = j + 1;
          noise = 0;
          label_line = tokens_[last].line;
          last_label = last;
          last_end = tokens_[last].end;
          k = last;
          continue;
        }
      }
      // A later cell of a separated row is a cell even when it is text ("| 1 | 无 |"), unless it
      // is the next row's label (a merged group cell: "三、本年度办理结果 | （一）予以公开 | 0 |").
      const bool text_cell = tok.kind == Token::Kind::text && tok.in_row && open;
      if (tok.kind == Token::Kind::text && !text_cell) {
        k = last;  // the words of a free line that are no label go together
        // A label's second half ("一、本年新收政府信息公开 / 申请数量"), before any value.
        if (open && t.rows.back().cells.empty() && optional.empty() && noise == 0) continue;
        // Anything else ends the open row: values after it belong to something else.
        if (open) close_row(def, t.rows.back(), optional, t);
        open = false;
        if (++noise >= 3) break;
        continue;
      }
      if (!open) continue;
      noise = 0;
      ReadRow& row = t.rows.back();
      if (tok.kind == Token::Kind::empty && tok.trailing) {
        optional.push_back(&tok);
        continue;
      }
      // An empty cell between filled cells of the label's own line is the first column, not
      // filled ("label\t\t0\t0"); one on a later line before any value is layout.
      if (tok.kind == Token::Kind::empty && row.cells.empty() && tok.line != label_line) continue;
      optional.clear();  // empties that ended an earlier line were layout
      row.cells.push_back(cell_of(tok));
      last_end = tok.end;
      // The last row ends with its columns, unless more cells follow on the same line (then the
      // row has too many and the table is unreadable: taking the first ones would be a guess).
      const bool more_on_line = k + 1 < tokens_.size() && tokens_[k + 1].line == tok.line &&
                                tokens_[k + 1].kind != Token::Kind::text;
      if (row.def == static_cast<int>(def.rows.size()) - 1 && row.cells.size() >= def.columns.size() && !more_on_line) {
        close_row(def, row, optional, t);
        open = false;
        break;
      }
    }
    if (open) close_row(def, t.rows.back(), optional, t);
    // A label in prose, or a header word that is also a row name (总计), is not a table: a table
    // of three or more rows needs two rows with values.
    int with_values = 0;
    for (const ReadRow& r : t.rows) with_values += !def.rows[r.def].group && !r.cells.empty();
    if (with_values < std::min(2, def.data_rows() >= 3 ? 2 : 1)) return std::nullopt;
    t.span = view_.source_span(tokens_[start].begin, last_end);
    *read_to = std::max(*read_to, last_label);
    return t;
  }

  std::optional<Table> read_unlabeled(const TableDef& def, size_t start) const {
    Table t;
    t.def = &def;
    t.row_index.assign(def.rows.size(), -1);
    ReadRow row;
    row.def = 0;
    std::vector<const Token*> optional;
    uint32_t last_end = tokens_[start].end;
    size_t k = start;
    for (; k < tokens_.size(); ++k) {
      const Token& tok = tokens_[k];
      if (tok.kind == Token::Kind::text && !(tok.in_row && !row.cells.empty())) {
        if (!row.cells.empty() || !optional.empty()) break;
        continue;  // the header
      }
      if (tok.kind == Token::Kind::empty && tok.trailing) {
        optional.push_back(&tok);
        continue;
      }
      if (tok.kind == Token::Kind::empty && row.cells.empty()) continue;
      if (row.cells.empty()) row.label = span_of(tok);
      optional.clear();  // empties that ended an earlier line were layout
      row.cells.push_back(cell_of(tok));
      last_end = tok.end;
      const bool more_on_line = k + 1 < tokens_.size() && tokens_[k + 1].line == tok.line &&
                                tokens_[k + 1].kind != Token::Kind::text;
      if (row.cells.size() >= def.columns.size() && !more_on_line) break;
    }
    if (row.cells.empty()) return std::nullopt;
    t.row_index[0] = 0;
    t.rows.push_back(std::move(row));
    close_row(def, t.rows.back(), optional, t);
    t.span = view_.source_span(tokens_[start].begin, last_end);
    return t;
  }

  const View& view_;
  const std::vector<Token>& tokens_;
};

bool unit_word(std::string_view u) {
  static const char* kUnits[] = {"万元", "亿元", "元", "件", "个", "条", "项", "次", "人次", "万", "%"};
  return std::any_of(std::begin(kUnits), std::end(kUnits), [&](const char* k) { return u == k; });
}

}  // namespace

int TableDef::data_rows() const {
  return static_cast<int>(std::count_if(rows.begin(), rows.end(), [](const RowDef& r) { return !r.group; }));
}

const Cell* Table::cell(int row_def, int column) const {
  if (row_def < 0 || row_def >= static_cast<int>(row_index.size()) || row_index[row_def] < 0) return nullptr;
  const ReadRow& r = rows[row_index[row_def]];
  if (column < 0 || column >= static_cast<int>(r.cells.size())) return nullptr;
  return &r.cells[column];
}

std::string_view strip_numbering(std::string_view s) {
  int v;
  size_t len;
  if (!s.empty() && s.front() == '(') {
    size_t close = s.find(')');
    if (close != std::string_view::npos && close <= 8 &&
        (parse_cn_numeral(s, 1, &v, &len) || parse_small_arabic(s, 1, &v, &len)) && 1 + len == close) {
      s.remove_prefix(close + 1);
      if (s.starts_with("、")) s.remove_prefix(3);
      return s;
    }
  }
  if (parse_cn_numeral(s, 0, &v, &len) || parse_small_arabic(s, 0, &v, &len)) {
    if (s.substr(len).starts_with("、")) return s.substr(len + 3);
    if (s.substr(len).starts_with(".")) return s.substr(len + 1);
  }
  return s;
}

Cell parse_cell(std::string_view s) {
  Cell c;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  c.text = std::string(s);
  if (s.empty() || (s.size() <= 3 && s.find_first_not_of("/-") == std::string_view::npos)) {
    c.state = Cell::State::unfilled;
    return c;
  }
  c.state = Cell::State::text;
  size_t p = 0;
  bool negative = false;
  if (s[p] == '+' || s[p] == '-') negative = s[p++] == '-';
  std::string digits;
  size_t group = 0;
  bool grouped = false, any = false;
  while (p < s.size() && ((s[p] >= '0' && s[p] <= '9') || s[p] == ',')) {
    if (s[p] == ',') {
      // Thousands separators: groups of exactly three digits after the first.
      if (!any || (grouped && group != 3) || (!grouped && group > 3)) return c;
      grouped = true;
      group = 0;
    } else {
      digits += s[p];
      ++group;
      any = true;
    }
    ++p;
  }
  if (!any || (grouped && group != 3)) return c;
  int decimals = 0;
  if (p < s.size() && s[p] == '.') {
    ++p;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
      digits += s[p++];
      ++decimals;
    }
    if (decimals == 0) return c;
  }
  std::string_view unit = s.substr(p);
  if (!unit.empty() && !unit_word(unit)) return c;
  int64_t units = 0;
  if (digits.size() > 17 || std::from_chars(digits.data(), digits.data() + digits.size(), units).ec != std::errc()) {
    return c;  // beyond exact arithmetic: not a figure a report prints
  }
  c.units = negative ? -units : units;
  c.value = static_cast<double>(c.units) / std::pow(10.0, decimals);
  c.decimals = decimals;
  c.unit = std::string(unit);
  c.state = Cell::State::number;
  return c;
}

namespace {

// Extends a table's span back over the lines just above it made only of header words (every
// word starts with one): 行政复议 / 行政诉讼 over table 四, 自然人 … 总计 over table 三, in any layout.
void take_header(const View& view, const TableDef& def, Table& t) {
  const std::string_view text = view.text();
  const size_t lo = view.view_offset(t.span.begin);  // the table's start in the view
  const auto start_of_line = [&](size_t pos) {  // start of the line holding text[pos]
    size_t nl = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  };
  for (size_t line = start_of_line(lo); line > 0;) {
    const size_t prev = start_of_line(line - 1);  // line - 1 is the '\n' ending the line above
    const std::string_view above = text.substr(prev, line - 1 - prev);
    bool any = false, all = true;
    for (size_t p = 0; p < above.size() && all;) {
      while (p < above.size() && (above[p] == ' ' || above[p] == '|' || above[p] == '\t')) ++p;
      const size_t w = p;
      while (p < above.size() && above[p] != ' ' && above[p] != '|' && above[p] != '\t') ++p;
      const std::string_view word = above.substr(w, p - w);
      if (word.empty() || is_markdown_rule(word)) continue;
      any = true;
      all = std::any_of(def.header.begin(), def.header.end(),
                        [&](const std::string& h) { return !h.empty() && word.starts_with(h); });
    }
    if (!any || !all) break;
    t.span.begin = view.source_offset(static_cast<uint32_t>(prev));
    line = prev;
  }
}

// A row whose label stands with no value at all ("（六）其他处理" followed by the next label, or
// "| 2.逾期未缴费 | | | |") was left blank: each of its cells is unfilled, located at the end of
// the label. Done once the table is read, so that a blank row never counts as a row with values
// when telling a table from labels quoted in prose.
void give_blank_rows_cells(const TableDef& def, Table& t) {
  for (ReadRow& row : t.rows) {
    if (!row.cells.empty() || def.rows[row.def].group) continue;
    Cell blank;  // Cell::State::unfilled, empty text
    blank.span = {row.label.end, row.label.end};
    row.cells.assign(def.columns.size(), blank);
  }
}

}  // namespace

std::vector<Table> read_tables(const View& view, const std::vector<TableDef>& defs) {
  std::vector<Table> tables;
  if (defs.empty()) return tables;
  const std::vector<Token> tokens = tokenize(view.text());
  TableReader reader(view, tokens);
  for (const TableDef& def : defs) {
    if (auto t = reader.read(def)) {
      take_header(view, def, *t);
      give_blank_rows_cells(def, *t);
      tables.push_back(std::move(*t));
    }
  }
  return tables;
}

}  // namespace gklint
