// Reads an HTML page (a government site's article, Word's "Save as Web Page") as the text a reader
// sees: one line per block, a data table one line per row in the pipe layout the table reader
// takes, and every run of it mapped back to its line and column in the page source.
//
// The parts, each in its own file: the guard that keeps gumbo fast (html_guard), positions in the
// page source (html_positions), and what the text keeps of the page (html_elements). This file
// walks the parsed page and writes the text.
#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "input/extracted.hpp"
#include "input/html_elements.hpp"
#include "input/html_guard.hpp"
#include "input/html_positions.hpp"
#include "input/html_syntax.hpp"

namespace gklint {

using namespace html;

namespace {

class Extractor {
 public:
  // `page` is the user's page; `parsed` the copy gumbo read (GumboGuard disarmed some tags in it).
  Extractor(std::string_view page, std::string_view parsed, Extracted& out)
      : page_(page), parsed_(parsed), locator_(page), out_(out), builder_(out), budget_(8 * page.size() + (1u << 20)) {}

  void run(const GumboNode* document) {
    number_tables(document);
    walk(document);
    end_line();
  }

 private:
  struct TableInfo {
    uint32_t index = 0;
    bool holds_table = false;
  };

  // -- Writing ---------------------------------------------------------------------------------

  // Is the line (or, in a data cell, the cell) still without text? Blanks there are dropped.
  bool segment_empty() const { return cell_ ? !cell_started_ : run_.empty() && builder_.at_line_start(); }

  void flush() {
    if (run_.empty()) return;
    builder_.copy(run_, run_at_.line, run_at_.column, grid_);
    run_.clear();
  }

  // Consecutive code points of the source become one origin, not one each.
  void append(std::string_view bytes, Pos at, bool fixed) {
    if (fixed) {
      flush();
      builder_.insert(bytes, at.line, at.column, grid_);
    } else if (!run_.empty() && at.line == run_at_.line && at.column == run_next_column_) {
      run_ += bytes;
      ++run_next_column_;
    } else {
      flush();
      run_.assign(bytes);
      run_at_ = at;
      run_next_column_ = at.column + 1;
    }
  }

  void put_char(std::string_view bytes, char32_t cp, Pos at, bool fixed) {
    // A bar in a data cell would split the cell in the row's "a | b |" line: gklint writes the
    // full-width ｜ in its place, one character as well, mapped to the bar.
    if (cell_ && cp == U'|') {
      bytes = "\xEF\xBD\x9C";
      fixed = true;
    }
    if (space_.pending && !segment_empty() && !(space_.only_line_breaks() && prev_wide_ && is_wide(cp))) {
      if (space_.placed)
        append(" ", space_.at, space_.fixed);
      else
        append(" ", at, true);  // a block boundary inside a cell: the space goes with what follows
    }
    space_ = {};
    if (cell_ && !cell_started_) {
      cell_started_ = true;
      cell_at_ = at;
      if (!cell_first_) append(" ", at, true);
    }
    append(bytes, at, fixed);
    prev_wide_ = is_wide(cp);
  }

  void put_blank(Pos at, bool fixed, bool line_break, bool kept) {
    if (!space_.placed) {
      space_.placed = true;
      space_.at = at;
      space_.fixed = fixed;
    }
    space_.pending = true;
    space_.line_break = space_.line_break || line_break;
    space_.kept = space_.kept || kept;
  }

  // A block starts or ends: a new line, or within a data cell or caption one space.
  void separate() {
    if (joined_) {
      space_.pending = true;
      space_.kept = true;
    } else {
      end_line();
    }
  }

  void end_line() {
    space_ = {};
    flush();
    builder_.end_line();
    prev_wide_ = false;
  }

  void emit(std::string_view bytes, char32_t cp, Pos at, bool fixed) {
    if (cp == 0xFEFF) return;  // a byte order mark (or zero-width no-break space) is not seen
    if (is_blank(cp))
      put_blank(at, fixed, cp == '\n' || cp == '\r', fixed || cp == 0xA0);
    else
      put_char(bytes, cp, at, fixed);
  }

  // -- Text nodes ------------------------------------------------------------------------------
  // Gumbo gives a text node's decoded text and its original bytes. The two are walked side by
  // side: a code point found in both is copied from its place; an entity is one fixed character;
  // CR LF and CR (LF in the text) end a source line; anything else in the source alone (a tag
  // the parser ignored, a dropped newline after <pre>) is stepped over.

  static void step(std::string_view orig, size_t& j, Pos& at) {
    const char c = orig[j];
    utf8_next(orig, j);
    if (c == '\r' && j < orig.size() && orig[j] == '\n') ++j;
    if (c == '\n' || c == '\r')
      at = {at.line + 1, 1};
    else
      ++at.column;
  }

  // Do the text from i and the source from j read the same for the next few code points? Another
  // entity, a tag or a CR in the source ends the comparison: they are not compared byte by byte.
  static bool agrees(std::string_view text, size_t i, std::string_view orig, size_t j) {
    for (int n = 0; n < 8; ++n) {
      if (j >= orig.size()) return i >= text.size();
      if (orig[j] == '&' || orig[j] == '<' || orig[j] == '\r') return true;
      if (i >= text.size() || utf8_next(text, i) != utf8_next(orig, j)) return false;
    }
    return true;
  }

  // The source has '&' at j: if the text has it decoded at i, writes it and steps over both.
  bool entity(std::string_view text, size_t& i, std::string_view orig, size_t& j, Pos& at) {
    size_t k = j + 1;
    size_t end = 0;  // just after the reference
    size_t i2 = i;
    if (k < orig.size() && orig[k] == '#') {
      // &#...; and &#x...; always decode to one code point (U+FFFD when out of range).
      const bool hex = ++k < orig.size() && (orig[k] == 'x' || orig[k] == 'X');
      if (hex) ++k;
      const size_t digits = k;
      while (k < orig.size() && (hex ? is_hex(orig[k]) : is_digit(orig[k]))) ++k;
      if (k == digits) return false;  // "&#" alone is text
      end = k < orig.size() && orig[k] == ';' ? k + 1 : k;
      utf8_next(text, i2);
    } else {
      // A named reference decodes to one or two code points, and without its ';' a legacy name
      // may match only a prefix (&notit; is ¬it;). Left alone if it was no reference at all;
      // else the longest name whose replacement lines up with what follows.
      while (k < orig.size() && k - j <= 32 && (is_alpha(orig[k]) || is_digit(orig[k]))) ++k;
      if (k == j + 1) return false;
      const size_t full = k < orig.size() && orig[k] == ';' ? k + 1 : k;
      const std::string_view ref = orig.substr(j, full - j);
      if (text.substr(i, ref.size()) == ref && agrees(text, i + ref.size(), orig, full)) return false;
      // One code point first: "&noti" + "t;" as ¬i would line up too.
      for (int d = 1; d <= 2 && end == 0; ++d) {
        i2 = i;
        for (int n = 0; n < d && i2 < text.size(); ++n) utf8_next(text, i2);
        for (size_t e = full; e > j + 1 && end == 0; --e) {
          if (agrees(text, i2, orig, e)) end = e;
        }
      }
      if (end == 0) return false;
    }
    while (i < i2) {
      const size_t from = i;
      const char32_t cp = utf8_next(text, i);
      emit(text.substr(from, i - from), cp, at, true);
    }
    at.column += static_cast<uint32_t>(end - j);  // a reference is ASCII: one column a byte
    j = end;
    return true;
  }

  void text_node(const GumboText& t) {
    const std::string_view text(t.text != nullptr ? t.text : "");
    std::string_view orig;
    size_t base = std::min<size_t>(t.start_pos.offset, page_.size());
    const std::less<const char*> before;
    const char* data = t.original_text.data;
    if (data != nullptr && !before(data, parsed_.data()) &&
        !before(parsed_.data() + parsed_.size(), data + t.original_text.length)) {
      base = static_cast<size_t>(data - parsed_.data());
      orig = page_.substr(base, t.original_text.length);
    }
    Pos at = locator_.at(base);
    size_t i = 0, j = 0;
    if (orig.substr(0, 9) == "<![CDATA[") j = 9;  // (in SVG or MathML) the source keeps its brackets
    at.column += static_cast<uint32_t>(j);
    while (i < text.size()) {
      size_t i2 = i;
      const char32_t cp = utf8_next(text, i2);
      if (j >= orig.size()) {  // nothing left to map to: the rest sits where the source ended
        emit(text.substr(i, i2 - i), cp, at, true);
        i = i2;
        continue;
      }
      if (orig[j] == '\r') {
        if (cp == '\n') {
          emit("\n", cp, at, false);
          i = i2;
        }
        step(orig, j, at);
        continue;
      }
      if (orig[j] == '&' && entity(text, i, orig, j, at)) continue;
      size_t j2 = j;
      const char32_t source = utf8_next(orig, j2);
      if (source == cp || cp == 0xFFFD) {  // the same, or a bad byte / NUL the parser replaced
        emit(text.substr(i, i2 - i), cp, at, cp != source);
        i = i2;
        step(orig, j, at);
      } else if (orig[j] == '<') {
        const size_t close = orig.find('>', j);
        const size_t stop = close == std::string_view::npos ? orig.size() : close + 1;
        while (j < stop) step(orig, j, at);
      } else {
        step(orig, j, at);
      }
    }
  }

  // -- Elements --------------------------------------------------------------------------------

  // Every <table> element gets its number in document order, hidden or not, so numbers match a
  // count of the page's tables; a table that holds another is marked (a layout table).
  void number_tables(const GumboNode* document) {
    struct Frame {
      const GumboNode* node;
      size_t next;
      const GumboNode* table;  // the innermost table around it
    };
    uint32_t count = 0;
    std::vector<Frame> stack{{document, 0, nullptr}};
    while (!stack.empty()) {
      const Frame f = stack.back();
      const GumboVector* kids = children(f.node);
      if (kids == nullptr || f.next >= kids->length) {
        stack.pop_back();
        continue;
      }
      ++stack.back().next;
      const GumboNode* c = child(kids, f.next);
      if (children(c) == nullptr) continue;
      const GumboNode* table = f.table;
      if (is_html(c, GUMBO_TAG_TABLE)) {
        tables_[c].index = ++count;
        if (table != nullptr) tables_[table].holds_table = true;
        table = c;
      }
      stack.push_back({c, 0, table});
    }
  }

  // Whether to go into the node's children.
  bool enter(const GumboNode* n) {
    switch (n->type) {
      case GUMBO_NODE_DOCUMENT: return true;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA: text_node(n->v.text); return false;
      case GUMBO_NODE_ELEMENT: break;
      default:  // comments, template contents
        return false;
    }
    const GumboElement& e = n->v.element;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return e.tag != GUMBO_TAG_SVG;  // MathML text reads on
    // A <header> inside an article or section is the article's own (its title); elsewhere it is
    // the site's banner.
    if (is_left_out(e.tag) || (e.tag == GUMBO_TAG_HEADER && sectioning_ == 0) || is_hidden(e)) return false;
    if (e.tag == GUMBO_TAG_BR) {
      separate();
      return false;
    }
    if (e.tag == GUMBO_TAG_TABLE && data_table(n)) return false;
    if (e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_SECTION || e.tag == GUMBO_TAG_MAIN) ++sectioning_;
    if (is_block(e.tag)) separate();
    return true;
  }

  void leave(const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return;
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_MAIN) --sectioning_;
    if (is_block(tag)) separate();
  }

  // Depth-first without recursion: pages nest deeper than the C stack allows.
  void walk(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      size_t next;
    };
    std::vector<Frame> stack;
    if (enter(root)) stack.push_back({root, 0});
    while (!stack.empty()) {
      const Frame f = stack.back();
      const GumboVector* kids = children(f.node);
      if (kids != nullptr && f.next < kids->length) {
        ++stack.back().next;
        const GumboNode* c = child(kids, f.next);
        if (enter(c)) stack.push_back({c, 0});
      } else {
        leave(f.node);
        stack.pop_back();
      }
    }
  }

  // -- Tables ----------------------------------------------------------------------------------

  // Writes the table one line per row if it is a data table; false for a layout table.
  bool data_table(const GumboNode* table) {
    const TableInfo info = tables_[table];
    if (info.holds_table) return false;

    struct Row {
      const GumboNode* tr;
      uint32_t section_end;  // the section's last row: rowspan="0" runs to it
    };
    std::vector<const GumboNode*> captions;
    std::vector<Row> rows;
    const GumboVector* kids = children(table);
    for (size_t k = 0; k < kids->length; ++k) {
      const GumboNode* c = child(kids, k);
      const size_t first = rows.size();
      if (is_html(c, GUMBO_TAG_CAPTION)) captions.push_back(c);
      if (is_html(c, GUMBO_TAG_TR)) rows.push_back({c, 0});
      if (is_html(c, GUMBO_TAG_TBODY) || is_html(c, GUMBO_TAG_THEAD) || is_html(c, GUMBO_TAG_TFOOT)) {
        const GumboVector* trs = children(c);
        for (size_t r = 0; r < trs->length; ++r) {
          if (is_html(child(trs, r), GUMBO_TAG_TR)) rows.push_back({child(trs, r), 0});
        }
      }
      for (size_t r = first; r < rows.size(); ++r) rows[r].section_end = static_cast<uint32_t>(rows.size());
    }

    // The HTML table model: a cell takes the first grid column that no rowspan from above still
    // covers. The budget keeps hostile spans (colspan 1000 on every cell, rowspan 65534) linear.
    struct Cell {
      const GumboNode* td;
      uint32_t row;
      uint32_t column;
    };
    constexpr size_t kMaxColumns = 1u << 16;
    std::vector<Cell> cells;
    std::vector<uint32_t> covered;  // per grid column, the last row a cell from above reaches
    size_t width = 0;
    for (uint32_t r = 1; r <= rows.size(); ++r) {
      const GumboVector* tds = children(rows[r - 1].tr);
      size_t col = 0;
      for (size_t k = 0; k < tds->length; ++k) {
        const GumboNode* td = child(tds, k);
        if (!is_html(td, GUMBO_TAG_TD) && !is_html(td, GUMBO_TAG_TH)) continue;
        while (col < covered.size() && covered[col] >= r && budget_ > 0) {
          ++col;
          --budget_;
        }
        const size_t colspan = std::clamp<uint32_t>(span_attribute(td, "colspan", 1), 1, 1000);
        const uint32_t rowspan = std::min<uint32_t>(span_attribute(td, "rowspan", 1), 65534);
        const uint32_t last =
            rowspan == 0 ? rows[r - 1].section_end : std::min<uint32_t>(r + rowspan - 1, rows[r - 1].section_end);
        cells.push_back({td, r, static_cast<uint32_t>(std::min<size_t>(col + 1, UINT32_MAX))});
        if (last > r) {
          const size_t to = std::min(col + colspan, kMaxColumns);
          if (covered.size() < to) covered.resize(to, 0);
          for (size_t c = col; c < to && budget_ > 0; ++c, --budget_) covered[c] = last;
        }
        col += colspan;
        width = std::max(width, col);
      }
    }
    if (width <= 1) return false;  // one column: text laid out in a box, not a table

    end_line();
    joined_ = true;
    for (const GumboNode* caption : captions) {
      walk(caption);
      end_line();
    }
    size_t k = 0;
    for (uint32_t r = 1; r <= rows.size(); ++r) {
      // A row without any text (Word's zero-height row of column widths) writes no line.
      flush();
      const size_t text_size = out_.text.size(), origins_size = out_.origins.size();
      bool any = false;
      const bool hidden = is_hidden(rows[r - 1].tr->v.element);
      for (bool first = true; k < cells.size() && cells[k].row == r; ++k, first = false) {
        if (hidden) continue;
        const GumboNode* td = cells[k].td;
        cell_ = true;
        cell_first_ = first;
        cell_started_ = false;
        cell_at_ = locator_.at(td->v.element.start_pos.offset);
        grid_ = {info.index, r, cells[k].column};
        walk(td);
        flush();
        if (!cell_started_ && !first) builder_.insert(" ", cell_at_.line, cell_at_.column, grid_);
        builder_.insert(" |", cell_at_.line, cell_at_.column, grid_);
        any = any || cell_started_;
        cell_ = false;
        grid_ = {};
        space_ = {};
      }
      if (!any) {
        out_.text.resize(text_size);
        out_.origins.resize(origins_size);
      }
      end_line();
    }
    joined_ = false;
    return true;
  }

  // -- State -----------------------------------------------------------------------------------

  struct Space {
    bool pending = false;  // blanks (or a block boundary) since the last character
    bool placed = false;   // ...with a place in the source: the first blank
    Pos at;
    bool fixed = false;
    bool line_break = false;  // a line break of the source among them
    bool kept = false;        // &nbsp;, an entity or a block boundary: a space whatever surrounds it
    bool only_line_breaks() const { return line_break && !kept; }
  };

  std::string_view page_;
  std::string_view parsed_;
  Locator locator_;
  Extracted& out_;
  TextBuilder builder_;
  std::unordered_map<const GumboNode*, TableInfo> tables_;
  size_t budget_;       // grid steps left for placing table cells
  int sectioning_ = 0;  // open <article>, <section>, <main>

  std::string run_;  // source text not yet handed to the builder
  Pos run_at_;
  uint32_t run_next_column_ = 0;
  Space space_;
  bool prev_wide_ = false;

  bool joined_ = false;  // in a data table: blocks are joined by a space
  bool cell_ = false;    // in a data cell
  bool cell_first_ = false;
  bool cell_started_ = false;
  Pos cell_at_;  // the cell's first text, or its tag
  GridRef grid_;
};

}  // namespace

Extracted extract_html(std::string_view html) {
  Extracted out;
  out.display_lines = split_lines(html);
  if (html.size() >= std::numeric_limits<uint32_t>::max()) {
    out.problem = InputProblem{"网页过大，无法读取", "the page is too large to read", 0};
    return out;
  }
  std::string tamed(html);
  disarm_for_gumbo(tamed);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // each recorded error copies the stack of open elements
  GumboOutput* parsed = gumbo_parse_with_options(&options, tamed.data(), tamed.size());
  if (parsed == nullptr || parsed->document == nullptr) {
    out.problem = InputProblem{"无法解析网页", "the page could not be parsed", 0};
    if (parsed != nullptr) gumbo_destroy_output(&options, parsed);
    return out;
  }
  Extractor(html, tamed, out).run(parsed->document);
  gumbo_destroy_output(&options, parsed);
  return out;
}

}  // namespace gklint
