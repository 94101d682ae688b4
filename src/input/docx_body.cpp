#include "input/docx_body.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gklint/utf8.hpp"

namespace gklint::docx {

namespace {

struct Para {
  std::string label, suffix, body;  // shown as label + suffix + body
};

struct Cell {
  std::vector<uint32_t> paras;  // paragraph numbers
  uint32_t first = 1;           // where the cell is located: its first paragraph
  GridRef grid;
};

// What the text is made of, in order: a paragraph's line, or a table row.
struct Item {
  uint32_t para = 0;  // a paragraph's number, or 0 for a row
  std::vector<Cell> row;
};

class Walker {
 public:
  Walker(const Ns& ns, Numbering& numbering) : ns_(ns), numbering_(numbering) {}

  std::vector<Para> paras;  // paras[n - 1] is paragraph n
  std::vector<Item> items;
  std::vector<ParagraphXml>* map = nullptr;  // map_body: where each paragraph's text is in the XML
  bool too_deep = false;
  bool too_many = false;  // past kMaxParagraphs or kMaxLabelBytes: the walk stops

  // Block content: paragraphs and tables. In a data table's cell, the paragraphs go to `cell`.
  void blocks(pugi::xml_node parent, int depth, Cell* cell) {
    if (!deeper(depth)) return;
    for (pugi::xml_node c : parent.children()) {
      if (ns_.is(c, "p"))
        paragraph(c, depth, cell);
      else if (ns_.is(c, "tbl"))
        table(c, depth + 1);
      else if (ns_.is(c, "sdt"))
        blocks(ns_.child(c, "sdtContent"), depth + 1, cell);
      else if (ns_.is(c, "customXml"))
        blocks(c, depth + 1, cell);
      else if (ns_.is_mc(c, "AlternateContent"))
        blocks(ns_.branch(c), depth + 1, cell);
    }
  }

 private:
  bool deeper(int depth) {
    if (depth <= kMaxDepth) return true;
    too_deep = true;
    return false;
  }

  void paragraph(pugi::xml_node p, int depth, Cell* cell) {
    if (paras.size() >= kMaxParagraphs || label_bytes_ > kMaxLabelBytes) too_many = true;
    if (too_many) return;
    const size_t index = paras.size();
    const auto number = static_cast<uint32_t>(index + 1);
    paras.emplace_back();
    // The paragraph's line is placed before any text box it anchors is walked.
    if (cell)
      cell->paras.push_back(number);
    else
      items.push_back(Item{number, {}});
    auto [label, suffix] = numbering_.next(ns_.child(p, "pPr"), ns_);
    label_bytes_ += label.size() + suffix.size();
    if (map) {
      map->push_back(ParagraphXml{p, static_cast<uint32_t>(utf8_code_points(label) + utf8_code_points(suffix)), 0, {}});
    }
    paras[index].label = std::move(label);
    paras[index].suffix = std::move(suffix);
    inline_content(p, index, depth + 1);
    // A field's instructions end within their paragraph in any document Word makes; one left open
    // (a damaged file) must not hide the rest of the document. A result may go on (a contents).
    if (instructions_ > 0) {
      std::erase(fields_, false);
      instructions_ = 0;
    }
  }

  void inline_content(pugi::xml_node parent, size_t para, int depth) {
    if (!deeper(depth)) return;
    for (pugi::xml_node c : parent.children()) {
      if (ns_.is(c, "r")) {
        run(c, para, depth + 1);
      } else if (ns_.is(c, "hyperlink") || ns_.is(c, "smartTag") || ns_.is(c, "ins") || ns_.is(c, "moveTo") ||
                 ns_.is(c, "fldSimple") || ns_.is(c, "customXml") || ns_.is(c, "dir") || ns_.is(c, "bdo")) {
        inline_content(c, para, depth + 1);
      } else if (ns_.is(c, "sdt")) {
        inline_content(ns_.child(c, "sdtContent"), para, depth + 1);
      } else if (ns_.is_mc(c, "AlternateContent")) {
        inline_content(ns_.branch(c), para, depth + 1);
      }
      // Not read: w:del and w:moveFrom (deleted), w:pPr, bookmarks, comments, math (m:oMath).
    }
  }

  void run(pugi::xml_node r, size_t para, int depth) {
    if (!deeper(depth)) return;
    const bool hidden = ns_.on(ns_.child(ns_.child(r, "rPr"), "vanish"));
    for (pugi::xml_node c : r.children()) {
      if (ns_.is_mc(c, "AlternateContent")) {
        run(ns_.branch(c), para, depth + 1);
      } else if (ns_.is(c, "drawing") || ns_.is(c, "pict") || ns_.is(c, "object")) {
        text_boxes(c, depth + 1);
      } else if (ns_.is(c, "ruby")) {
        inline_content(ns_.child(c, "rubyBase"), para, depth + 1);
      } else if (ns_.is(c, "fldChar")) {
        field(ns_.attr(c, "fldCharType"));
      } else if (!hidden && instructions_ == 0) {
        // Text shown: not hidden, and not a field's instructions (only its result is shown).
        std::string& body = paras[para].body;
        const size_t before = body.size();
        if (ns_.is(c, "t")) {
          for (pugi::xml_node t : c.children()) {
            if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) append_clean(body, t.value());
          }
        } else if (ns_.is(c, "tab") || ns_.is(c, "ptab")) {
          body += '\t';
        } else if (ns_.is(c, "br") || ns_.is(c, "cr")) {
          body += ' ';  // a line break inside a paragraph: the paragraph stays one line
        } else if (ns_.is(c, "noBreakHyphen")) {
          body += '-';
        }
        // Not read: w:sym, w:softHyphen, w:delText, w:instrText, note and comment references.
        if (map && body.size() > before) {
          ParagraphXml& at = (*map)[para];
          const auto n = static_cast<uint32_t>(utf8_code_points(std::string_view(body).substr(before)));
          at.pieces.push_back(Piece{c, at.columns, n});
          at.columns += n;
        }
      }
    }
  }

  // Complex fields (w:fldChar begin, separate, end) nest; their instructions are not shown.
  void field(std::string_view type) {
    if (type == "begin") {
      fields_.push_back(false);
      ++instructions_;
    } else if (type == "separate") {
      if (!fields_.empty() && !fields_.back()) {
        fields_.back() = true;
        --instructions_;
      }
    } else if (type == "end" && !fields_.empty()) {
      if (!fields_.back()) --instructions_;
      fields_.pop_back();
    }
  }

  // The text boxes (w:txbxContent) in a drawing, VML picture or object, in document order; a text
  // box inside a text box is reached when its own paragraphs are walked.
  void text_boxes(pugi::xml_node object, int depth) {
    if (!deeper(depth)) return;
    std::vector<pugi::xml_node> stack{object};
    while (!stack.empty()) {
      const pugi::xml_node n = stack.back();
      stack.pop_back();
      if (ns_.is(n, "txbxContent")) {
        blocks(n, depth + 1, nullptr);
        continue;
      }
      if (ns_.is_mc(n, "AlternateContent")) {
        if (pugi::xml_node b = ns_.branch(n)) stack.push_back(b);
        continue;
      }
      for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) {
        if (c.type() == pugi::node_element) stack.push_back(c);
      }
    }
  }

  // The rows of a table or the cells of a row, also when wrapped in a content control.
  void collect(pugi::xml_node parent, std::string_view local, std::vector<pugi::xml_node>& out, int depth) {
    if (!deeper(depth)) return;
    for (pugi::xml_node c : parent.children()) {
      if (ns_.is(c, local))
        out.push_back(c);
      else if (ns_.is(c, "sdt"))
        collect(ns_.child(c, "sdtContent"), local, out, depth + 1);
      else if (ns_.is(c, "customXml"))
        collect(c, local, out, depth + 1);
      else if (ns_.is_mc(c, "AlternateContent"))
        collect(ns_.branch(c), local, out, depth + 1);
    }
  }

  // Whether a table holds another table (outside text boxes).
  bool holds_table(pugi::xml_node tbl) const {
    std::vector<pugi::xml_node> stack;
    for (pugi::xml_node c : tbl.children()) stack.push_back(c);
    while (!stack.empty()) {
      const pugi::xml_node n = stack.back();
      stack.pop_back();
      if (ns_.is(n, "tbl")) return true;
      if (ns_.is(n, "txbxContent")) continue;
      for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_element) stack.push_back(c);
      }
    }
    return false;
  }

  static uint32_t count(std::string_view v, uint32_t fallback) {
    const auto n = to_int(v);
    return n ? static_cast<uint32_t>(std::clamp<int64_t>(*n, 0, 1000)) : fallback;
  }

  void table(pugi::xml_node tbl, int depth) {
    if (!deeper(depth)) return;
    const uint32_t index = ++tables_;  // every table counts, layout ones too, in document order
    std::vector<pugi::xml_node> rows;
    collect(tbl, "tr", rows, depth + 1);
    std::vector<std::vector<pugi::xml_node>> cells(rows.size());
    bool several_columns = false;
    for (size_t r = 0; r < rows.size(); ++r) {
      collect(rows[r], "tc", cells[r], depth + 1);
      several_columns = several_columns || cells[r].size() > 1;
    }
    // A one-column table is a frame around text, and a table holding a table is page layout:
    // their paragraphs are ordinary lines (an inner table is still a table).
    if (!several_columns || holds_table(tbl)) {
      for (const auto& row : cells) {
        for (pugi::xml_node tc : row) blocks(tc, depth + 1, nullptr);
      }
      return;
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      uint32_t column = 1 + count(ns_.val(ns_.child(ns_.child(rows[r], "trPr"), "gridBefore")), 0);
      const size_t at = items.size();
      items.emplace_back();  // the row's line, before the lines of text boxes in its cells
      std::vector<Cell> row;
      for (pugi::xml_node tc : cells[r]) {
        const pugi::xml_node pr = ns_.child(tc, "tcPr");
        const uint32_t span = std::max<uint32_t>(1, count(ns_.val(ns_.child(pr, "gridSpan")), 1));
        // A merged cell is written once, where it starts: w:vMerge without val="restart" (and the
        // legacy w:hMerge) continues the cell above (or to the left).
        const pugi::xml_node vmerge = ns_.child(pr, "vMerge"), hmerge = ns_.child(pr, "hMerge");
        const bool continues = (vmerge && ns_.val(vmerge) != "restart") || (hmerge && ns_.val(hmerge) != "restart");
        Cell cell;
        cell.grid = GridRef{index, static_cast<uint32_t>(r + 1), column};
        blocks(tc, depth + 1, &cell);
        // A cell without a paragraph (not valid, but seen) is located at the paragraph before it.
        cell.first =
            cell.paras.empty() ? std::max<uint32_t>(1, static_cast<uint32_t>(paras.size())) : cell.paras.front();
        if (!continues) row.push_back(std::move(cell));
        column = std::min<uint32_t>(column + span, 1'000'000);
      }
      items[at].row = std::move(row);
    }
  }

  const Ns& ns_;
  Numbering& numbering_;
  std::vector<bool> fields_;  // open complex fields: true once past `separate`
  int instructions_ = 0;      // how many of them are still in their instructions
  uint32_t tables_ = 0;
  size_t label_bytes_ = 0;
};

// The paragraph's line in the text: its display text, except that the tab after a number becomes a
// space (a tab separates cells, and "一、<tab>总体情况" is a heading, not a row), and in a table
// cell every tab does, and a bar becomes the full-width ｜ (a "|" would split the cell). Each is
// still one character, so columns stay those of the display text.
std::string text_line(const Para& p, bool in_cell) {
  std::string s = p.label + (p.suffix == "\t" ? " " : p.suffix) + p.body;
  if (!in_cell) return s;
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\t')
      out += ' ';
    else if (c == '|')
      out += "\xEF\xBD\x9C";
    else
      out += c;
  }
  return out;
}

void render(const Walker& w, Extracted& out) {
  out.display_lines.reserve(w.paras.size());
  for (const Para& p : w.paras) out.display_lines.push_back(p.label + p.suffix + p.body);
  TextBuilder tb(out);
  for (const Item& item : w.items) {
    if (item.para != 0) {
      tb.copy(text_line(w.paras[item.para - 1], false), item.para, 1);
      tb.end_line();
      continue;
    }
    for (size_t k = 0; k < item.row.size(); ++k) {
      const Cell& cell = item.row[k];
      if (k > 0) tb.insert(" ", cell.first, 1, cell.grid);
      uint32_t previous = 0;
      size_t previous_columns = 0;
      for (uint32_t n : cell.paras) {
        const std::string s = text_line(w.paras[n - 1], true);
        if (s.empty()) continue;
        // The space joining a cell's paragraphs is at the end of the first of them.
        if (previous != 0) tb.insert(" ", previous, static_cast<uint32_t>(previous_columns + 1), cell.grid);
        tb.copy(s, n, 1, cell.grid);
        previous = n;
        previous_columns = utf8_code_points(s);
      }
      tb.insert(" |", cell.first, 1, cell.grid);
    }
    tb.end_line();
  }
}

}  // namespace

BodyRead map_body(pugi::xml_node body, const Ns& ns, Numbering& numbering, std::vector<ParagraphXml>& out) {
  Walker walker(ns, numbering);
  walker.map = &out;
  walker.blocks(body, 0, nullptr);
  if (walker.too_deep) return BodyRead::too_deep;
  if (walker.too_many) return BodyRead::too_many;
  return BodyRead::ok;
}

BodyRead read_body(pugi::xml_node body, const Ns& ns, Numbering& numbering, Extracted& out) {
  Walker walker(ns, numbering);
  walker.blocks(body, 0, nullptr);
  if (walker.too_deep) return BodyRead::too_deep;
  if (walker.too_many) return BodyRead::too_many;
  render(walker, out);
  return BodyRead::ok;
}

}  // namespace gklint::docx
