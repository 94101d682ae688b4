// Reads the national tables out of report text in the layouts real reports use: pipe rows (with
// labels wrapped onto their own line and trailing empty cells), Markdown tables, tab-separated
// rows, columns aligned with spaces, and one cell per line. A table is found by its row labels
// (or, for table 四, by its header), never by its position in the file.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "gklint/numbers.hpp"
#include "gklint/numerals.hpp"
#include "gklint/source.hpp"
#include "gklint/table.hpp"
#include "gklint/view.hpp"
#include "report/lines.hpp"

namespace gklint {

namespace {

// A piece of the text: a label (consecutive words of one cell merged), a value (a number or a
// not-filled marker), or an empty cell between separators.
// A word or a cell of the text, as the table reader sees it. Small (36 bytes: a 10 MB table-heavy
// report has a million): a value keeps its cell's state only, and its cell is parsed again when a
// table takes it (value_cell); a text's key is kept as a place in the view's text, or in
// TokenList::stored_keys when blanks were taken out of it.
struct Token {
  enum class Kind : uint8_t { text, value, empty };
  Kind kind = Kind::text;
  bool trailing = false;                      // an empty cell after the last filled cell of its line
  bool in_row = false;                        // a later cell of a separated line: a cell, whatever it holds
  bool joins = false;                         // text right after text on the same free line: may continue its label
  bool separated = false;                     // a cell between separators ('|', tab): never more than one cell
  bool key_stored = false;                    // text: its key is in TokenList::stored_keys, not in the view's text
  Cell::State state = Cell::State::unfilled;  // value: its cell's state
  uint32_t begin = 0, end = 0;                // view offsets
  uint32_t line = 0;                          // view line number, to keep a row's cells to its line
  char32_t first = 0, last = 0;       // text: the key's first and last characters (labels are looked up by them)
  uint32_t key_at = 0, key_size = 0;  // text: its key (blanks removed, numbering stripped), where it is
};

static_assert(sizeof(Token) <= 36, "a token's size is most of a table-heavy report's memory");

struct TokenList {
  std::vector<Token> tokens;
  std::string stored_keys;  // the keys that are not in the view's text, one after another

  std::string_view key(std::string_view text, const Token& tok) const {
    return std::string_view(tok.key_stored ? stored_keys : text).substr(tok.key_at, tok.key_size);
  }
};

char32_t first_char(std::string_view w) {
  size_t i = 0;
  return w.empty() ? char32_t{0} : utf8_next_valid(w, i);
}
// Where the last character of a non-empty word starts.
size_t last_char_start(std::string_view w) {
  size_t i = w.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) --i;
  return i;
}
char32_t last_char(std::string_view w) {
  if (w.empty()) return 0;
  size_t i = last_char_start(w);
  return utf8_next_valid(w, i);
}

bool is_markdown_rule(std::string_view cell) {
  size_t b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
  if (b == std::string_view::npos) return false;
  std::string_view c = cell.substr(b, e - b + 1);
  if (!c.empty() && c.front() == ':') c.remove_prefix(1);
  if (!c.empty() && c.back() == ':') c.remove_suffix(1);
  return c.size() >= 3 && c.find_first_not_of('-') == std::string_view::npos;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr size_t kMaxCellDigits = 17;  // parse_cell reads at most this many digits exactly

bool unit_word(std::string_view u) {
  static const char* kUnits[] = {"万元", "亿元", "元", "件", "个", "条", "项", "次", "人次", "万", "%"};
  return std::any_of(std::begin(kUnits), std::end(kUnits), [&](const char* k) { return u == k; });
}

// The unit printed right after a number inside run-together text ("1690.9913万元三、…"), or 0.
size_t unit_after(std::string_view t, size_t p, size_t end) {
  static const char* kGlued[] = {"万元", "亿元", "元", "%"};
  for (const char* u : kGlued) {
    const size_t n = std::char_traits<char>::length(u);
    if (p + n <= end && t.substr(p, n) == u) return n;
  }
  return 0;
}

// A measure word or a date unit at t[p]: what follows a number in prose, never a table cell.
bool measure_word_at(std::string_view t, size_t p) {
  static const std::u32string kMeasure = U"年月日时分秒条件个项次人家份篇期批场户名余多天周万亿元号部类岁位座所";
  return kMeasure.find(utf8_next_valid(t, p)) != std::u32string::npos;
}

// A numbering marker inside text, where a label starts: （一） or 一、 ("…办理结果（一）予以公开").
bool marker_at(std::string_view t, size_t p, size_t end) {
  int v;
  size_t len;
  if (t[p] == '(') {
    return parse_cn_numeral(t, p + 1, &v, &len) && p + 1 + len < end && t[p + 1 + len] == ')';
  }
  return parse_cn_numeral(t, p, &v, &len) && t.substr(p + len, 3) == "、" && p + len + 3 < end;
}

// One blank-free word of a free line, cut into text and numbers. Crawled pages run a table's
// labels and cells together ("数量9000009二、上年结转…", "国家秘密00000002.其他法律…"): digits
// start a number, except the one digit before "." or "、" and a non-digit, which numbers the next
// label ("2.其他法律"); a label also starts at a （一） or 一、 marker inside text.
struct Piece {
  uint32_t begin, end;
  bool number;
};
void cut_word(std::string_view t, uint32_t b, uint32_t e, std::vector<Piece>& out) {
  uint32_t text_from = b;  // start of the text piece being read
  const auto flush_text = [&](uint32_t to) {
    if (to > text_from) out.push_back({text_from, to, false});
  };
  // A label starts at the marker at q, unless it is a reference (第（一）项) or starts the piece.
  const auto marker_starts_label = [&](uint32_t q) {
    return q > text_from && q >= b && marker_at(t, q, e) && !(q >= 3 && t.substr(q - 3, 3) == "第");
  };
  uint32_t p = b;
  while (p < e) {
    const unsigned char lead = static_cast<unsigned char>(t[p]);
    if (lead >= 0x80) {
      // Most characters are Chinese: only 、 matters, after a numeral that starts a label
      // (一、 or 十一、 glued to the text before it).
      if (lead == 0xE3 && t.substr(p, 3) == "、") {
        for (uint32_t back : {6u, 3u}) {
          if (p >= back && marker_starts_label(p - back)) {
            flush_text(p - back);
            text_from = p - back;
            break;
          }
        }
      }
      // The view is valid UTF-8: the lead byte gives the length.
      p += lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      continue;
    }
    // A sign may follow digits: a signed column run together ("88-720" for 本年增/减).
    const bool sign = (t[p] == '-' || t[p] == '+') && p + 1 < e && is_digit(t[p + 1]);
    if (is_digit(t[p]) || sign) {
      uint32_t q = p + (sign ? 1 : 0);
      while (q < e && is_digit(t[q])) ++q;
      // "(1)": a marker, text.
      if (p > b && t[p - 1] == '(' && q < e && t[q] == ')' && !sign) {
        p = q;
        continue;
      }
      const bool numbering =
          !sign && q < e && ((t[q] == '.' && q + 1 < e && !is_digit(t[q + 1])) || t.substr(q, 3) == "、");
      if (numbering) {
        // The digit (two for 10.–99.) that numbers the label; what runs before it is a number.
        uint32_t n = q - 1;
        if (t[n] == '0' && n > p && t[n - 1] != '0') --n;
        flush_text(p);
        if (n > p) out.push_back({p, n, true});
        text_from = n;
        p = q + 1;
        continue;
      }
      // Thousands separators and decimals stay in the number; a glued unit too.
      while (q + 3 < e && t[q] == ',' && is_digit(t[q + 1]) && is_digit(t[q + 2]) && is_digit(t[q + 3]) &&
             (q + 4 >= e || !is_digit(t[q + 4]))) {
        q += 4;
      }
      if (q + 1 < e && t[q] == '.' && is_digit(t[q + 1])) {
        q += 1;
        while (q < e && is_digit(t[q])) ++q;
      }
      q += static_cast<uint32_t>(unit_after(t, q, e));
      // "2019年", "475条": a number glued to a measure word or a date unit is prose, left in
      // its text (a crawled table's value runs into a label, never into those).
      if (q < e && measure_word_at(t, q)) {
        p = q;
        continue;
      }
      flush_text(p);
      out.push_back({p, q, true});
      text_from = q;
      p = q;
      continue;
    }
    // A '/' for a cell not filled, run into a label ("0 0 /（二）部分公开…", "/3.其他", "…禁止公开/ 1").
    if (t[p] == '/' && (p == b || p + 1 == e || is_digit(t[p - 1])) && (p + 1 == e || t[p + 1] != '/')) {
      flush_text(p);
      out.push_back({p, p + 1, true});
      text_from = ++p;
      continue;
    }
    if (t[p] == '(' && marker_starts_label(p)) {
      flush_text(p);
      text_from = p;
    }
    ++p;
  }
  flush_text(e);
}

// The cell of a value word: parse_cell, except that more digits than one figure holds are a whole
// row run together (table 四's fifteen cells): a value to cut, never a cell as it is.
Cell value_cell(std::string_view w) {
  Cell c = parse_cell(w);
  if (c.state == Cell::State::text && w.size() > kMaxCellDigits && std::all_of(w.begin(), w.end(), is_digit)) {
    c.state = Cell::State::number;
    c.text = std::string(w);
  }
  return c;
}

// Words of a cell or of a free line: numbers and markers are values. In a cell, runs of other
// words merge into one label ("商业 企业"). On a free line they stay apart, marked `joins`: the
// reader finds where labels start there ("三、本年度办理结果  （一）予以公开  0 …" in an aligned table,
// whose double blank the view has collapsed), and a word is cut where text and digits meet.
void add_words(std::string_view t, uint32_t b, uint32_t e, bool in_cell, std::vector<Token>& out) {
  uint32_t p = b;
  bool open_text = false;
  std::vector<Piece> pieces;
  while (p < e) {
    while (p < e && t[p] == ' ') ++p;
    if (p >= e) break;
    uint32_t w = p;
    while (p < e && t[p] != ' ') ++p;
    pieces.clear();
    // Only a word starting like a number or a not-filled marker can be one whole; prose goes
    // straight to cutting (most words of a report are sentences).
    const char c0 = t[w];
    constexpr uint32_t kLongestValue = 40;  // bytes: "1,234,567.89万元" and the like
    const bool may_be_value = (is_digit(c0) || c0 == '+' || c0 == '-' || c0 == '/') && p - w <= kLongestValue;
    const Cell::State whole_state = in_cell || may_be_value ? parse_cell(t.substr(w, p - w)).state : Cell::State::text;
    const bool whole = whole_state != Cell::State::text;
    if (in_cell || whole)
      pieces.push_back({w, p, whole});
    else
      cut_word(t, w, p, pieces);
    for (size_t i = 0; i < pieces.size(); ++i) {
      const Piece& pc = pieces[i];
      // (A whole word is one piece, already parsed.)
      const Cell::State state = !pc.number ? Cell::State::unfilled
                                : whole    ? whole_state
                                           : value_cell(t.substr(pc.begin, pc.end - pc.begin)).state;
      if (pc.number && state != Cell::State::text) {
        Token tok;
        tok.kind = Token::Kind::value;
        tok.begin = pc.begin;
        tok.end = pc.end;
        tok.separated = in_cell;
        tok.state = state;
        out.push_back(tok);
        open_text = false;
      } else if (open_text && in_cell) {
        out.back().end = pc.end;
      } else {
        Token tok;
        tok.kind = Token::Kind::text;
        tok.begin = pc.begin;
        tok.end = pc.end;
        tok.joins = open_text;
        tok.separated = in_cell;
        out.push_back(tok);
        open_text = true;
      }
    }
  }
}

// At least as many tokens as `t` makes, as a rule (it is a reservation, not a limit): one per
// place where a token may start (a word, a change between digits and other characters, a marker's
// 、 or "(", a '/') and one per cell holding only blanks. Reserved at once, the token vector of a
// large text never grows by doubling, whose old and new buffers together were the peak of memory on
// a table-heavy one. What is reserved beyond what is used is never touched, so it takes no memory.
size_t token_estimate(std::string_view t) {
  size_t n = 1;
  bool digit_before = false, blank_before = true, cell_blank = true;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const bool separator = c == '|' || c == '\t' || c == '\n';
    const bool blank = c == ' ' || separator;
    const bool digit = is_digit(c);
    n += (!blank && (blank_before || digit != digit_before)) + (c == '/' || c == '(') + (separator && cell_blank) +
         (c == '\x81' && i >= 2 && t[i - 1] == '\x80' && t[i - 2] == '\xE3');  // 、
    cell_blank = separator || (cell_blank && c == ' ');
    blank_before = blank;
    digit_before = digit;
  }
  return n + cell_blank;
}

TokenList tokenize(std::string_view t) {
  TokenList list;
  std::vector<Token>& tokens = list.tokens;
  // Counting costs about 30 instructions a byte: worth it only where doubling costs memory.
  constexpr size_t kCountTokensFrom = 1 << 20;
  tokens.reserve(t.size() >= kCountTokensFrom ? token_estimate(t) : t.size() / 16);
  size_t start = 0;
  uint32_t line_no = 0;
  while (start < t.size()) {
    const size_t line_first_token = tokens.size();
    size_t nl = t.find('\n', start);
    if (nl == std::string_view::npos) nl = t.size();
    std::string_view line = t.substr(start, nl - start);
    if (is_separated_row(line)) {
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
            tok.separated = true;
            // An empty cell is located right after its separator.
            tok.begin = tok.end = b;
            tok.trailing = k > last;
            tokens.push_back(tok);
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
    if (tok.kind != Token::Kind::text) continue;
    const std::string_view word = t.substr(tok.begin, tok.end - tok.begin);
    if (std::any_of(word.begin(), word.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; })) {
      const std::string stripped = strip_blanks(word);
      const std::string_view key = strip_numbering(stripped);
      tok.key_stored = true;
      tok.key_at = static_cast<uint32_t>(list.stored_keys.size());
      tok.key_size = static_cast<uint32_t>(key.size());
      list.stored_keys += key;
    } else {
      const std::string_view key = strip_numbering(word);
      tok.key_at = static_cast<uint32_t>(key.data() - t.data());
      tok.key_size = static_cast<uint32_t>(key.size());
    }
    const std::string_view key = list.key(t, tok);
    tok.first = first_char(key);
    tok.last = last_char(key);
  }
  return list;
}

// A label matches a word when it starts with it; a word of one or two characters (总计, 其他, 规章)
// must be the whole label, or header words such as 其他结果 would match the row 其他.
bool starts_with_any(std::string_view key, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    if (w.empty()) return false;
    return w.size() <= 6 ? key == w : key.starts_with(w);
  });
}

// ---- cutting digits that ran together into a row's cells ------------------------------------
//
// A crawled page prints a row's cells without separators: "9000009" is 9,0,0,0,0,0,9. The cuts
// are enumerated (no leading zero except a lone 0, a sign only where the column is signed, decimals
// only where it holds amounts; blanks and separators are hard boundaries), and a cut is kept only
// when the row's own identities hold (总计 = the six applicant columns). Exactly one cut is read;
// none or several leave the row unreadable: ambiguity is never resolved by a guess.
class RowSplitter {
 public:
  struct Result {
    enum class Kind { unique, no_cut, several, too_few, too_many, too_hard } kind = Kind::no_cut;
    std::vector<std::pair<uint32_t, uint32_t>> cells;  // view ranges, one per column (unique)
    std::vector<bool> inferred;                        // the cell was cut out of a longer run
    int most = 0;                                      // the most cells the values can give
  };

  // `budget`: steps left for the whole file, shared by its rows, so that no input makes the
  // reading more than linear (a row that runs out is unreadable, never guessed).
  RowSplitter(std::string_view text, const std::vector<const Token*>& values, const TableDef& def, int64_t* budget)
      : text_(text), values_(values), def_(def), want_(static_cast<int>(def.columns.size())), budget_(budget) {}

  Result run() {
    Result r;
    for (const Token* v : values_) {
      uint32_t p = v->begin;
      if (text_[p] == '-' || text_[p] == '+') ++p;
      while (p < v->end && is_digit(text_[p])) ++p;
      int_end_.push_back(p);
    }
    int least = 0;
    for (const Token* v : values_) {
      // A cell holds at most kMaxCellDigits digits: a longer run gives at least that many cells.
      const int digits = splittable(*v) ? digits_of(*v) : 1;
      least += (digits + static_cast<int>(kMaxCellDigits) - 1) / static_cast<int>(kMaxCellDigits);
      r.most += digits;
    }
    if (r.most < want_) {
      r.kind = Result::Kind::too_few;
      return r;
    }
    if (least > want_) {
      r.kind = Result::Kind::too_many;
      r.most = least;
      return r;
    }
    suffix_most_.assign(values_.size() + 1, 0);
    for (size_t i = values_.size(); i-- > 0;)
      suffix_most_[i] = suffix_most_[i + 1] + (splittable(*values_[i]) ? digits_of(*values_[i]) : 1);
    cur_.assign(want_, Cut{});
    search(0, 0);
    *budget_ -= steps_;
    if (steps_ > limit_)
      r.kind = Result::Kind::too_hard;
    else if (found_ == 1)
      r.kind = Result::Kind::unique;
    else
      r.kind = found_ == 0 ? Result::Kind::no_cut : Result::Kind::several;
    if (r.kind == Result::Kind::unique) {
      for (const Cut& c : first_) {
        r.cells.emplace_back(c.begin, c.end);
        r.inferred.push_back(c.inferred);
      }
    }
    return r;
  }

 private:
  static constexpr int64_t kMaxSteps = 100000;  // per row: a hostile run of digits gives up, it never hangs

  struct Cut {
    uint32_t begin = 0, end = 0;
    bool inferred = false;
    bool number = false;  // takes part in identities
    int64_t units = 0;
    int decimals = 0;
  };

  // A value token that may hold several cells: digits printed on a free line.
  static bool splittable(const Token& v) {
    return v.kind == Token::Kind::value && !v.separated && v.state == Cell::State::number;
  }
  // Digits of the integer part (where cuts can go): "-720" 3, "1690.9913万元" 4.
  int digits_of(const Token& v) const {
    uint32_t p = v.begin;
    if (text_[p] == '-' || text_[p] == '+') ++p;
    int n = 0;
    while (p < v.end && is_digit(text_[p])) ++p, ++n;
    return std::max(n, 1);
  }

  // Is text_[b, e) a cell of column c? Fills its value.
  bool valid(uint32_t b, uint32_t e, int c, Cut* out) const {
    if (b < e && is_digit(text_[b]) && e - b <= kMaxCellDigits &&
        std::all_of(text_.begin() + b, text_.begin() + e, is_digit)) {
      if (e - b > 1 && text_[b] == '0') return false;  // the common case, without parse_cell
      int64_t u = 0;
      for (uint32_t k = b; k < e; ++k) u = u * 10 + (text_[k] - '0');
      out->number = true;
      out->units = u;
      out->decimals = 0;
      return true;
    }
    std::string_view s = text_.substr(b, e - b);
    size_t p = 0;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) ++p;
    const size_t digits_from = p;
    while (p < s.size() && is_digit(s[p])) ++p;
    const size_t int_digits = p - digits_from;
    if (int_digits == 0 || (int_digits > 1 && s[digits_from] == '0')) return false;
    const ValueKind kind = def_.columns[c].kind;
    if (digits_from > 0 && kind != ValueKind::signed_count) return false;
    const Cell cell = parse_cell(s);
    if (cell.state != Cell::State::number) return false;
    if (cell.decimals > 0 && kind != ValueKind::amount) return false;
    out->number = true;
    out->units = cell.units;
    out->decimals = cell.decimals;
    return true;
  }

  // Identities whose last column is c, checked once every term is known.
  bool identities_hold(int c) const {
    for (const auto& terms : def_.row_identities) {
      int last = -1;
      for (const auto& [col, sign] : terms) last = std::max(last, col);
      if (last != c) continue;
      int decimals = 0;
      bool known = true;
      for (const auto& [col, sign] : terms) {
        if (col >= want_ || !cur_[col].number)
          known = false;
        else
          decimals = std::max(decimals, cur_[col].decimals);
      }
      if (!known) continue;  // a text cell: the identity cannot help, nor hurt
      // Cells are at most 17 digits (parse_cell); in long double the sum of a row is exact enough
      // to tell zero from not.
      long double sum = 0;
      for (const auto& [col, sign] : terms) {
        long double u = static_cast<long double>(cur_[col].units);
        for (int d = cur_[col].decimals; d < decimals; ++d) u *= 10;
        sum += sign * u;
      }
      if (sum != 0) return false;
    }
    return true;
  }

  // Token i from byte `from` (its first cell starts there), filling cells from column c.
  void search(size_t i, int c) {
    if (found_ >= 2 || ++steps_ > limit_) return;
    if (i == values_.size()) {
      if (c == want_ && found_++ == 0) first_ = cur_;
      return;
    }
    // Cells still wanted must fit in what is left.
    const int left = want_ - c;
    if (left < static_cast<int>(values_.size() - i) || left > suffix_most_[i]) return;
    const Token& v = *values_[i];
    if (!splittable(v)) {
      Cut cut;
      cut.begin = v.begin;
      cut.end = v.end;
      if (v.kind == Token::Kind::value && v.state == Cell::State::number) {
        if (!valid(v.begin, v.end, c, &cut)) return;
      }
      cur_[c] = cut;
      if (identities_hold(c)) search(i + 1, c + 1);
      return;
    }
    cut_token(i, v.begin, c, false);
  }

  // The cells of a splittable token from `from`: each possible first cell, then the rest.
  void cut_token(size_t i, uint32_t from, int c, bool cut_before) {
    const Token& v = *values_[i];
    if (c >= want_) return;
    const uint32_t digits_end = int_end_[i];
    // The whole rest of the token as the last cell (it keeps the decimals and the unit).
    constexpr uint32_t kMaxCellBytes = kMaxCellDigits + 16;  // digits, sign, point, a unit
    if (v.end - from <= kMaxCellBytes) {
      Cut cut;
      cut.begin = from;
      cut.end = v.end;
      cut.inferred = cut_before;
      if (valid(from, v.end, c, &cut)) {
        cur_[c] = cut;
        if (identities_hold(c)) search(i + 1, c + 1);
      }
    }
    // Or a cell of the leading digits, and more cells after it.
    uint32_t start = from + ((text_[from] == '-' || text_[from] == '+') ? 1 : 0);
    // Each candidate cell is a step (not only each one taken): trying one costs as much.
    for (uint32_t end = start + 1;
         end < digits_end && end - start <= kMaxCellDigits && found_ < 2 && ++steps_ <= limit_; ++end) {
      Cut cut;
      cut.begin = from;
      cut.end = end;
      cut.inferred = true;
      if (!valid(from, end, c, &cut)) {
        if (text_[start] == '0') break;  // "0…" is only ever the lone 0
        continue;
      }
      cur_[c] = cut;
      if (!identities_hold(c)) continue;
      cut_token(i, end, c + 1, true);
    }
  }

  std::string_view text_;
  const std::vector<const Token*>& values_;
  const TableDef& def_;
  const int want_;
  int64_t* budget_;
  const int64_t limit_ = std::min(kMaxSteps, std::max<int64_t>(*budget_, 0));
  std::vector<uint32_t> int_end_;  // per value: end of its integer digits
  std::vector<int> suffix_most_;
  std::vector<Cut> cur_, first_;
  int found_ = 0;
  int64_t steps_ = 0;
};

class TableReader {
 public:
  TableReader(const View& view, const TokenList& tokens) : view_(view), list_(tokens), tokens_(tokens.tokens) {}

  // Every place a row label (or the header anchor) starts is a candidate; the reading with the
  // most rows that have values wins, the earliest on a tie. A column header such as 总计 also
  // names a row, so the first candidate is not always the table.
  std::optional<Table> read(const TableDef& def) const {
    const bool unlabeled = !def.rows.empty() && def.rows.front().unlabeled;
    const bool tail_labels = def.labels_unnumbered;
    const std::vector<char32_t>& first = def.label_first_chars;
    const std::vector<char32_t>& last = def.label_last_chars;
    std::optional<Table> best;
    int best_rows = 0;
    size_t read_to = 0;  // a start inside a reading already made gives only its tail: skip it
    const std::string_view text = view_.text();
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& tok = tokens_[i];
      if (tok.kind != Token::Kind::text || (i > 0 && i <= read_to)) continue;
      std::optional<Table> t;
      if (unlabeled) {
        // The header may run on from the section heading ("…诉讼情况行政复议行政诉讼结果维持…").
        if (def.anchor.empty()) continue;
        const size_t at = text.substr(tok.begin, tok.end - tok.begin).find(def.anchor.front());
        if (at == std::string_view::npos) continue;
        t = read_unlabeled(def, i, tok.begin + static_cast<uint32_t>(at));
      } else {
        const bool may_start = std::binary_search(first.begin(), first.end(), tok.first) ||
                               (tail_labels && std::binary_search(last.begin(), last.end(), tok.last));
        if (!may_start) continue;
        size_t last_tok;
        uint32_t label_begin;
        if (match_label(def, i, 0, &last_tok, &label_begin) >= 0) t = read_labeled(def, i, &read_to);
      }
      if (!t) continue;
      int rows = 0;
      for (const ReadRow& r : t->rows) rows += !def.rows[r.def].group && !r.cells.empty();
      rows += static_cast<int>(t->unreadable.size());
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

  // The shortest run of words from token k that is a row label: sets *last, *label_begin (view
  // offset where the label starts) and returns the row. A label of a table whose labels carry no
  // number may also end token k ("…总数量规章") when values follow it.
  int match_label(const TableDef& def, size_t k, int from, size_t* last, uint32_t* label_begin) const {
    const size_t end = run_end(k);
    *label_begin = tokens_[k].begin;
    for (size_t m = k; m <= end; ++m) {
      std::string key =
          m == k ? std::string(key_of(k))
                 : std::string(strip_numbering(strip_blanks(
                       std::string_view(view_.text()).substr(tokens_[k].begin, tokens_[m].end - tokens_[k].begin))));
      int j = match_row(def, key, from);
      if (j >= 0) {
        *last = m;
        return j;
      }
    }
    *last = end;
    const bool values_follow = k + 1 < tokens_.size() && tokens_[k + 1].kind == Token::Kind::value;
    if (values_follow && !tokens_[k].separated && def.labels_unnumbered) {
      const std::string_view key = key_of(k);
      for (int j = from; j < static_cast<int>(def.rows.size()); ++j) {
        for (const std::string& w : def.rows[j].match) {
          if (w.size() >= 6 && key.size() > w.size() && key.ends_with(w)) {
            *last = k;
            *label_begin = tokens_[k].end - static_cast<uint32_t>(w.size());
            return j;
          }
        }
      }
    }
    return -1;
  }

  Span span_of(const Token& tok) const { return view_.source_span(tok.begin, tok.end); }

  Cell cell_of(const Token& tok) const {
    Cell c;
    if (tok.kind == Token::Kind::value)
      c = value_cell(std::string_view(view_.text()).substr(tok.begin, tok.end - tok.begin));
    else if (tok.kind == Token::Kind::text)
      c = parse_cell(std::string_view(view_.text()).substr(tok.begin, tok.end - tok.begin));
    c.span = span_of(tok);
    return c;
  }

  // Closes a row: its values become its cells. Empty cells after the last value of its last line
  // pad a row short of its columns ("| 0 | |" writes an empty last cell). Digits that ran
  // together are cut by the row's identities; a row that cannot be read is recorded, without
  // cells, and the rest of the table is still read.
  void close_row(const TableDef& def, ReadRow& row, std::vector<const Token*>& values,
                 std::vector<const Token*>& optional, Table& t) const {
    const size_t want = def.columns.size();
    size_t k = 0;
    while (!values.empty() && values.size() < want && k < optional.size() && optional[k]->separated)
      values.push_back(optional[k++]);
    optional.clear();
    std::vector<const Token*> taken;
    taken.swap(values);
    // A row with no value at all is left blank, not unreadable: give_blank_rows_cells.
    if (def.rows[row.def].group || taken.empty()) return;
    const auto run_together = [&](const Token* v) {
      if (v->kind != Token::Kind::value || v->state != Cell::State::number) return false;
      const std::string s = value_cell(std::string_view(view_.text()).substr(v->begin, v->end - v->begin)).text;
      return s.size() > 1 && ((s[0] == '0' && s[1] != '.') || s.size() > kMaxCellDigits);
    };
    if (taken.size() == want && std::none_of(taken.begin(), taken.end(), run_together)) {
      for (const Token* v : taken) row.cells.push_back(cell_of(*v));
      return;
    }
    Table::Unreadable u;
    u.at = row.label;
    u.row = def.rows[row.def].name;
    u.expected = static_cast<int>(want);
    const RowSplitter::Result r = RowSplitter(view_.text(), taken, def, &split_budget_).run();
    using K = RowSplitter::Result::Kind;
    if (r.kind == K::unique) {
      for (size_t c = 0; c < r.cells.size(); ++c) {
        Cell cell =
            parse_cell(std::string_view(view_.text()).substr(r.cells[c].first, r.cells[c].second - r.cells[c].first));
        cell.span = view_.source_span(r.cells[c].first, r.cells[c].second);
        cell.inferred = r.inferred[c];
        row.cells.push_back(std::move(cell));
      }
      return;
    }
    u.found = r.kind == K::too_few || r.kind == K::too_many ? r.most : static_cast<int>(want);
    u.why = r.kind == K::several    ? Table::Unreadable::Why::several_cuts
            : r.kind == K::no_cut   ? Table::Unreadable::Why::no_cut
            : r.kind == K::too_hard ? Table::Unreadable::Why::gave_up
                                    : Table::Unreadable::Why::count;
    t.unreadable.push_back(std::move(u));
  }

  std::optional<Table> read_labeled(const TableDef& def, size_t start, size_t* read_to) const {
    Table t;
    t.def = &def;
    t.row_index.assign(def.rows.size(), -1);
    int next = 0, noise = 0;
    uint32_t label_line = 0;
    size_t last_label = start;  // token of the last row label read
    bool open = false;
    std::vector<const Token*> values, optional;
    uint32_t first_begin = 0;
    uint32_t last_end = tokens_[start].end;
    int rows_with_values = 0;
    const auto close = [&]() {
      rows_with_values += !values.empty() && !def.rows[t.rows.back().def].group;
      close_row(def, t.rows.back(), values, optional, t);
      open = false;
    };
    for (size_t k = start; k < tokens_.size(); ++k) {
      const Token& tok = tokens_[k];
      size_t last = k;
      if (tok.kind == Token::Kind::text) {
        uint32_t label_begin;
        int j = match_label(def, k, next, &last, &label_begin);
        if (j >= 0) {
          if (open) close();
          if (t.rows.empty()) first_begin = label_begin;
          ReadRow row;
          row.def = j;
          row.label = view_.source_span(label_begin, tokens_[last].end);
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
        if (open && values.empty() && optional.empty() && noise == 0) continue;
        // Anything else ends the open row: values after it belong to something else.
        if (open) close();
        if (++noise >= 3) break;
        continue;
      }
      if (!open) continue;
      noise = 0;
      if (tok.kind == Token::Kind::empty && tok.trailing) {
        optional.push_back(&tok);
        continue;
      }
      // An empty cell between filled cells of the label's own line is the first column, not
      // filled ("label\t\t0\t0"); one on a later line before any value is layout.
      if (tok.kind == Token::Kind::empty && values.empty() && tok.line != label_line) continue;
      optional.clear();  // empties that ended an earlier line were layout
      values.push_back(&tok);
      last_end = tok.end;
      // The last row ends with its columns, unless more cells follow on the same line (then the
      // row has too many and cannot be read: taking the first ones would be a guess).
      const bool more_on_line =
          k + 1 < tokens_.size() && tokens_[k + 1].line == tok.line && tokens_[k + 1].kind != Token::Kind::text;
      if (t.rows.back().def == static_cast<int>(def.rows.size()) - 1 && values.size() >= def.columns.size() &&
          !more_on_line) {
        close();
        break;
      }
    }
    if (open) close();
    // A label in prose, or a header word that is also a row name (总计), is not a table: a table
    // of three or more rows needs two rows with values.
    if (rows_with_values < std::min(2, def.data_rows() >= 3 ? 2 : 1)) return std::nullopt;
    t.span = view_.source_span(first_begin, last_end);
    *read_to = std::max(*read_to, last_label);
    return t;
  }

  // Table 四: a header, then one row of values. `from`: where the anchor word starts.
  std::optional<Table> read_unlabeled(const TableDef& def, size_t start, uint32_t from) const {
    Table t;
    t.def = &def;
    t.row_index.assign(def.rows.size(), -1);
    ReadRow row;
    row.def = 0;
    std::vector<const Token*> values, optional;
    uint32_t last_end = tokens_[start].end;
    size_t k = start;
    for (; k < tokens_.size(); ++k) {
      const Token& tok = tokens_[k];
      if (tok.kind == Token::Kind::text && !(tok.in_row && !values.empty())) {
        if (!values.empty() || !optional.empty()) break;
        continue;  // the header
      }
      if (tok.kind == Token::Kind::empty && tok.trailing) {
        optional.push_back(&tok);
        continue;
      }
      if (tok.kind == Token::Kind::empty && values.empty()) continue;
      if (values.empty()) row.label = span_of(tok);
      optional.clear();  // empties that ended an earlier line were layout
      values.push_back(&tok);
      last_end = tok.end;
      const bool more_on_line =
          k + 1 < tokens_.size() && tokens_[k + 1].line == tok.line && tokens_[k + 1].kind != Token::Kind::text;
      if (values.size() >= def.columns.size() && !more_on_line) break;
    }
    if (values.empty()) return std::nullopt;
    t.row_index[0] = 0;
    t.rows.push_back(std::move(row));
    close_row(def, t.rows.back(), values, optional, t);
    t.span = view_.source_span(from, last_end);
    return t;
  }

  // Token k's key.
  std::string_view key_of(size_t k) const { return list_.key(view_.text(), tokens_[k]); }

  const View& view_;
  const TokenList& list_;
  const std::vector<Token>& tokens_;
  // Steps left for cutting run-together digits in this file (RowSplitter).
  static constexpr int64_t kSplitBudget = 300000;  // a real table needs a few hundred
  mutable int64_t split_budget_ = kSplitBudget;
};

}  // namespace

void index_labels(TableDef& def) {
  def.labels_unnumbered = !def.rows.empty() && !def.rows.front().unlabeled &&
                          std::all_of(def.rows.begin(), def.rows.end(), [](const RowDef& r) {
                            const std::string l = normalize_label(r.label);
                            return strip_numbering(l).size() == l.size();
                          });
  def.label_first_chars.clear();
  def.label_last_chars.clear();
  // A rule file's labels are only as valid as its bytes (a file read as UTF-8 is decoded, but a
  // caller may pass any text): decoded with checks here, at load time, not in the hot path.
  for (const RowDef& r : def.rows) {
    for (const std::string& m : r.match) {
      size_t first = 0, last = m.empty() ? 0 : last_char_start(m);
      def.label_first_chars.push_back(m.empty() ? char32_t{0} : utf8_next(m, first));
      def.label_last_chars.push_back(m.empty() ? char32_t{0} : utf8_next(m, last));
    }
  }
  std::sort(def.label_first_chars.begin(), def.label_first_chars.end());
  std::sort(def.label_last_chars.begin(), def.label_last_chars.end());
}

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
    // NOLINTNEXTLINE(misc-redundant-expression): two parsers of the same text, not one expression twice
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
  Decimal d;
  if (!read_decimal(s, p, &d)) return c;
  p += d.length;
  std::string_view unit = s.substr(p);
  if (!unit.empty() && !unit_word(unit)) return c;
  c.units = negative ? -d.units : d.units;
  c.value = static_cast<double>(c.units) / std::pow(10.0, d.decimals);
  c.decimals = d.decimals;
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
  const auto start_of_line = [&](size_t pos) {       // start of the line holding text[pos]
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
    // A row whose values could not be cut has no cells either, but it is not blank.
    if (std::any_of(t.unreadable.begin(), t.unreadable.end(),
                    [&](const Table::Unreadable& u) { return u.at.begin == row.label.begin; }))
      continue;
    Cell blank;  // Cell::State::unfilled, empty text
    blank.span = {row.label.end, row.label.end};
    row.cells.assign(def.columns.size(), blank);
  }
}

}  // namespace

std::vector<Table> read_tables(const View& view, const std::vector<TableDef>& defs) {
  std::vector<Table> tables;
  if (defs.empty()) return tables;
  const TokenList tokens = tokenize(view.text());
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
