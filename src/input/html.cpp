// Reads an HTML page (a government site's article, Word's "Save as Web Page") as the text a reader
// sees: one line per block, a data table one line per row in the pipe layout the table reader
// takes, and every run of it mapped back to its line and column in the page source.
#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "input/extracted.hpp"

namespace gklint {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_heading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

// ---------------------------------------------------------------------------------------------
// What gumbo must not be given. Gumbo 0.10.1 is quadratic (or worse) on some inputs, and they
// are cheap to write. Before parsing, a copy of the page is scanned with a rough model of the
// tree builder, and the tags that would cause that are disarmed in place, keeping every byte
// offset and line break: a start tag becomes a bogus comment ("<div>" becomes "<?iv>"), which
// keeps the text inside; surplus attributes become blanks. The depth model errs towards fewer
// open elements, so that ordinary pages are never touched; formatting elements are counted
// generously instead, as disarming one changes no text.
//
// Depth: gumbo walks its stack of open elements for most start tags, so a page nested N deep
// costs O(N²) (40,000 nested <div> take seconds), and it overflows the C stack somewhere below a
// million levels. Browsers cap the depth as well (Chrome at 512).
constexpr size_t kMaxDepth = 512;

// Formatting elements (<b>, <font>...) left open: each stays on the parser's
// list of active formatting elements and is re-created, nested, before every later run of text,
// so 5,000 paragraphs like <p><font id=N>x</p> make 12 million elements. Past this many open,
// further formatting start tags become comments too; they carry nothing the text needs.
constexpr size_t kMaxFormatting = 64;

// Gumbo checks each attribute of a tag against all the earlier ones: quadratic in their number.
// Past this many, the rest of the tag is blanked out (the text needs none of them).
constexpr size_t kMaxAttributes = 256;

constexpr size_t kMaxRepeats = 16;  // of <html>, <head>, <body>

bool is_formatting(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

// The HTML spec's "special" elements: an end tag for anything else does not close them.
bool is_special(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_APPLET: case GUMBO_TAG_AREA: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_BR: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_EMBED: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEAD: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_IFRAME: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_ISINDEX: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LI: case GUMBO_TAG_LINK:
    case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_MENU:
    case GUMBO_TAG_MENUITEM: case GUMBO_TAG_META: case GUMBO_TAG_NAV: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_OBJECT: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PARAM: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SECTION: case GUMBO_TAG_SELECT: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_STYLE: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_TR: case GUMBO_TAG_TRACK:
    case GUMBO_TAG_UL: case GUMBO_TAG_WBR: case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

// Elements that end the search for an element "in scope": an end tag does not reach past them.
bool is_scope_boundary(GumboTag t) {
  return t == GUMBO_TAG_APPLET || t == GUMBO_TAG_CAPTION || t == GUMBO_TAG_HTML || t == GUMBO_TAG_TABLE ||
         t == GUMBO_TAG_TD || t == GUMBO_TAG_TH || t == GUMBO_TAG_MARQUEE || t == GUMBO_TAG_OBJECT ||
         t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_BUTTON;
}

bool is_void(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BR: case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME: case GUMBO_TAG_HR:
    case GUMBO_TAG_IMAGE: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_SPACER:
    case GUMBO_TAG_NEXTID:
      return true;
    default:
      return false;
  }
}

// Elements whose content the tokenizer reads as text up to their end tag.
bool is_raw_text(GumboTag t) {
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_XMP || t == GUMBO_TAG_IFRAME ||
         t == GUMBO_TAG_NOEMBED || t == GUMBO_TAG_NOFRAMES || t == GUMBO_TAG_TEXTAREA || t == GUMBO_TAG_TITLE;
}

// Start tags that close an open <p> first.
bool closes_p(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_HR: case GUMBO_TAG_XMP: case GUMBO_TAG_LI: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
      return true;
    default:
      return is_heading(t);
  }
}

class GumboGuard {
 public:
  explicit GumboGuard(std::string& page) : page_(page), by_tag_(GUMBO_TAG_LAST + 1) {}

  void run() {
    const size_t n = page_.size();
    size_t i = 0;
    while ((i = page_.find('<', i)) != std::string::npos) {
      if (page_.compare(i, 4, "<!--") == 0) {
        const size_t e = page_.find("-->", i + 2);  // from i + 2: "<!-->" is a whole comment
        i = e == std::string::npos ? n : e + 3;
        continue;
      }
      if (i + 1 < n && (page_[i + 1] == '!' || page_[i + 1] == '?')) {
        const size_t e = page_.find('>', i + 2);
        i = e == std::string::npos ? n : e + 1;
        continue;
      }
      const bool end = i + 1 < n && page_[i + 1] == '/';
      const size_t name = i + 1 + (end ? 1 : 0);
      if (name >= n || !is_alpha(page_[name])) {
        ++i;
        continue;
      }
      size_t k = name;
      while (k < n && !is_space(page_[k]) && page_[k] != '/' && page_[k] != '>') ++k;
      const std::string_view tag_name = std::string_view(page_).substr(name, k - name);
      // The tag ends at the first '>' outside a quoted attribute value.
      size_t attributes = 0, excess = 0;
      for (bool gap = true; k < n && page_[k] != '>';) {
        const char c = page_[k];
        if (c == '=') {
          for (++k; k < n && is_space(page_[k]);) ++k;
          if (k < n && (page_[k] == '"' || page_[k] == '\'')) {
            const size_t q = page_.find(page_[k], k + 1);
            k = q == std::string::npos ? n : q + 1;
          }
          gap = false;
          continue;
        }
        if (gap && !is_space(c) && c != '/' && ++attributes == kMaxAttributes + 1) excess = k;
        gap = is_space(c) || c == '/';
        ++k;
      }
      if (k >= n) break;  // a tag cut off by the end of the page makes no element
      for (size_t b = excess; b > 0 && b < k; ++b) {
        if (page_[b] != '\n' && page_[b] != '\r') page_[b] = ' ';
      }
      const GumboTag tag = gumbo_tagn_enum(tag_name.data(), static_cast<unsigned>(tag_name.size()));
      if (end) {
        end_tag(tag_name, tag);
        i = k + 1;
      } else {
        i = start_tag(tag_name, tag, i, k);
      }
    }
  }

 private:
  struct Open {
    std::vector<uint32_t>* same;  // where elements of this name are open
    bool special;
    bool boundary;
  };

  static long top(const std::vector<uint32_t>& v) { return v.empty() ? -1 : static_cast<long>(v.back()); }
  long last(GumboTag t) const { return top(by_tag_[t]); }
  long current() const { return static_cast<long>(stack_.size()) - 1; }

  // Known tags by number; others (Word's o:p, st1:chsdate...) by their lowercase name.
  std::vector<uint32_t>& same(std::string_view name, GumboTag tag) {
    if (tag != GUMBO_TAG_UNKNOWN) return by_tag_[tag];
    std::string key;
    for (char c : name) key += lower(c);
    return unknown_[key];
  }

  void pop_to(long index) {  // closes the element at index and everything opened after it
    while (index >= 0 && current() >= index) {
      const Open& o = stack_.back();
      o.same->pop_back();
      if (o.special) specials_.pop_back();
      if (o.boundary) boundaries_.pop_back();
      stack_.pop_back();
    }
  }

  void end_tag(std::string_view name, GumboTag tag) {
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML) return;
    if (is_formatting(tag) && formatting_[tag] > 0) {
      --formatting_[tag];
      --formatting_open_;
    }
    const long at = top(same(name, tag));
    if (at < 0) return;
    const bool table_part = tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD ||
                            tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_CAPTION;
    // A special element's end tag closes it unless a scope boundary is in the way; any other end
    // tag only closes it if no special element is (for misnested formatting, the adoption agency
    // keeps the stack as deep as it was).
    const long blocker = table_part ? last(GUMBO_TAG_TABLE) : is_special(tag) ? top(boundaries_) : top(specials_);
    if (at >= blocker) pop_to(at);
  }

  // Returns where scanning goes on.
  size_t start_tag(std::string_view name, GumboTag tag, size_t at, size_t close) {
    const size_t next = close + 1;
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY) {
      // Each repeat adds its attributes to the first, comparing them with all it has: thousands
      // of repeats are quadratic. (A page pasted into a page repeats them once or twice.)
      return ++seen_[tag] <= kMaxRepeats ? next : make_comment(at, close);
    }
    implied_end_tags(tag);
    if (tag == GUMBO_TAG_PLAINTEXT) return page_.size();  // the rest of the page is text
    if (is_raw_text(tag)) return raw_text_end(name, next);
    if (is_void(tag)) return next;
    if (page_[close - 1] == '/' && (last(GUMBO_TAG_SVG) >= 0 || last(GUMBO_TAG_MATH) >= 0)) return next;  // <x/>
    if (tag == GUMBO_TAG_FORM && last(GUMBO_TAG_FORM) >= 0) return next;  // a nested form is dropped
    if (stack_.size() >= kMaxDepth || (is_formatting(tag) && formatting_open_ >= kMaxFormatting)) {
      return make_comment(at, close);
    }
    // A second <a> or <nobr> replaces the open one on the list.
    if (is_formatting(tag) && (formatting_[tag] == 0 || (tag != GUMBO_TAG_A && tag != GUMBO_TAG_NOBR))) {
      ++formatting_[tag];
      ++formatting_open_;
    }
    std::vector<uint32_t>& where = same(name, tag);
    const auto index = static_cast<uint32_t>(stack_.size());
    where.push_back(index);
    const bool special = is_special(tag), boundary = is_scope_boundary(tag);
    if (special) specials_.push_back(index);
    if (boundary) boundaries_.push_back(index);
    stack_.push_back({&where, special, boundary});
    return next;
  }

  void implied_end_tags(GumboTag tag) {
    const long boundary = top(boundaries_);
    const long table = last(GUMBO_TAG_TABLE);
    if (closes_p(tag) && last(GUMBO_TAG_P) > boundary) pop_to(last(GUMBO_TAG_P));
    if (is_heading(tag)) {
      for (int h = GUMBO_TAG_H1; h <= GUMBO_TAG_H6; ++h) {
        if (last(static_cast<GumboTag>(h)) == current()) pop_to(current());
      }
    }
    if (tag == GUMBO_TAG_LI && last(GUMBO_TAG_LI) > std::max({last(GUMBO_TAG_UL), last(GUMBO_TAG_OL), boundary})) {
      pop_to(last(GUMBO_TAG_LI));
    }
    if (tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) {
      const long item = std::max(last(GUMBO_TAG_DD), last(GUMBO_TAG_DT));
      if (item > std::max(last(GUMBO_TAG_DL), boundary)) pop_to(item);
    }
    if ((tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) && last(GUMBO_TAG_OPTION) == current()) {
      pop_to(current());
    }
    if (tag == GUMBO_TAG_OPTGROUP && last(GUMBO_TAG_OPTGROUP) > last(GUMBO_TAG_SELECT)) {
      pop_to(last(GUMBO_TAG_OPTGROUP));
    }
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_TR) {
      const long cell = std::max(last(GUMBO_TAG_TD), last(GUMBO_TAG_TH));
      if (cell > table) pop_to(cell);
    }
    if (tag == GUMBO_TAG_TR && last(GUMBO_TAG_TR) > table) pop_to(last(GUMBO_TAG_TR));
    if (tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT) {
      const long section = std::max({last(GUMBO_TAG_TBODY), last(GUMBO_TAG_THEAD), last(GUMBO_TAG_TFOOT)});
      if (section > table) pop_to(section);
    }
    if (tag == GUMBO_TAG_TABLE &&
        table > std::max({last(GUMBO_TAG_TD), last(GUMBO_TAG_TH), last(GUMBO_TAG_CAPTION)})) {
      pop_to(table);  // a table straight inside a table closes it
    }
    if ((tag == GUMBO_TAG_A || tag == GUMBO_TAG_NOBR) && last(tag) > top(specials_)) pop_to(last(tag));
    if (tag == GUMBO_TAG_BUTTON || tag == GUMBO_TAG_SELECT) pop_to(last(tag));
  }

  // "<div ...>" becomes "<?iv ...>", a bogus comment up to its first '>'.
  size_t make_comment(size_t at, size_t close) {
    page_[at + 1] = '?';
    for (size_t k = at + 2; k < close; ++k) {
      if (page_[k] == '>') page_[k] = ' ';
    }
    return close + 1;
  }

  // Where the end tag of a raw text element starts (its content holds no tags).
  size_t raw_text_end(std::string_view name, size_t from) const {
    for (size_t k = from; (k = page_.find("</", k)) != std::string::npos; k += 2) {
      size_t m = 0;
      while (m < name.size() && k + 2 + m < page_.size() && lower(page_[k + 2 + m]) == lower(name[m])) ++m;
      const size_t after = k + 2 + m;
      if (m == name.size() && (after == page_.size() || is_space(page_[after]) || page_[after] == '/' ||
                               page_[after] == '>')) {
        return k;
      }
    }
    return page_.size();
  }

  std::string& page_;
  std::vector<Open> stack_;
  std::vector<std::vector<uint32_t>> by_tag_;
  std::unordered_map<std::string, std::vector<uint32_t>> unknown_;  // node-stable: Open keeps pointers
  std::vector<uint32_t> specials_, boundaries_;
  std::vector<size_t> formatting_ = std::vector<size_t>(GUMBO_TAG_LAST + 1);  // open, per tag
  size_t formatting_open_ = 0;
  std::vector<size_t> seen_ = std::vector<size_t>(GUMBO_TAG_LAST + 1);  // <html>, <head>, <body>
};

// ---------------------------------------------------------------------------------------------
// Positions. Gumbo's own columns count a tab as up to eight; ours count code points, from byte
// offsets, in O(1) each: the page may be a single long line, and table cells and foster-parented
// text are not met in offset order.

struct Pos {
  uint32_t line = 1;
  uint32_t column = 1;
};

class Locator {
 public:
  explicit Locator(std::string_view s) : s_(s) {
    line_starts_.push_back(0);
    line_start_cps_.push_back(0);
    uint32_t cps = 0;
    for (size_t i = 0; i < s.size(); ++cps) {
      while (step_offset_.size() * kStep <= i) {
        step_offset_.push_back(static_cast<uint32_t>(i));
        step_cps_.push_back(cps);
      }
      const char c = s[i];
      utf8_next(s, i);
      // "\r\n" is one line end: the '\n' records it.
      if (c == '\n' || (c == '\r' && (i == s.size() || s[i] != '\n'))) {
        line_starts_.push_back(static_cast<uint32_t>(i));
        line_start_cps_.push_back(cps + 1);
      }
    }
    while (step_offset_.size() * kStep <= s.size()) {
      step_offset_.push_back(static_cast<uint32_t>(s.size()));
      step_cps_.push_back(cps);
    }
  }

  Pos at(size_t offset) const {
    offset = std::min(offset, s_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<uint32_t>(offset));
    const auto line = static_cast<uint32_t>(it - line_starts_.begin());
    return {line, code_points_before(offset) - line_start_cps_[line - 1] + 1};
  }

 private:
  static constexpr size_t kStep = 64;

  uint32_t code_points_before(size_t offset) const {
    const size_t k = offset / kStep;
    size_t p = step_offset_[k];
    uint32_t cps = step_cps_[k];
    while (p < offset) {
      utf8_next(s_, p);
      ++cps;
    }
    return cps;
  }

  std::string_view s_;
  std::vector<uint32_t> line_starts_;
  std::vector<uint32_t> line_start_cps_;  // code points before each line
  std::vector<uint32_t> step_offset_;  // the first code point at or after byte k * kStep...
  std::vector<uint32_t> step_cps_;     // ...and how many code points come before it
};

std::vector<std::string> split_lines(std::string_view s) {
  std::vector<std::string> lines;
  size_t begin = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n' && s[i] != '\r') continue;
    lines.emplace_back(s.substr(begin, i - begin));
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    begin = i + 1;
  }
  lines.emplace_back(s.substr(begin));  // after a final line end, an empty last line (as editors show)
  return lines;
}

// ---------------------------------------------------------------------------------------------
// What the text keeps and how it breaks.

// East Asian wide characters (Hangul aside): a line break of the source between two of them is
// dropped rather than read as a space (CSS Text 3 segment breaks), because Word and CMS editors
// wrap long Chinese paragraphs anywhere and no reader sees a space there.
bool is_wide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// HTML's collapsible white space, and U+00A0: Word and CMS editors indent with &nbsp;, which a
// reader sees as blanks like any other.
bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0; }

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MARQUEE: case GUMBO_TAG_MENU: case GUMBO_TAG_MULTICOL: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return is_heading(t);
  }
}

// Not part of the report: the document head, scripts, embedded things, form controls, and the
// page chrome around the article.
bool is_left_out(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_OUTPUT: case GUMBO_TAG_PROGRESS: case GUMBO_TAG_METER:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_SVG:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
      return true;
    default:
      return false;
  }
}

// style="display:none" (and Word's mso-hide:all), or the hidden attribute.
bool is_hidden(const GumboElement& e) {
  if (gumbo_get_attribute(&e.attributes, "hidden") != nullptr) return true;
  const GumboAttribute* style = gumbo_get_attribute(&e.attributes, "style");
  if (style == nullptr || style->value == nullptr) return false;
  std::string s;
  for (const char* p = style->value; *p != '\0'; ++p) {
    if (!is_space(*p)) s += lower(*p);
  }
  return s.find("display:none") != std::string::npos || s.find("mso-hide:all") != std::string::npos;
}

const GumboVector* children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return &n->v.element.children;
  return nullptr;
}

const GumboNode* child(const GumboVector* v, size_t i) { return static_cast<const GumboNode*>(v->data[i]); }

bool is_html(const GumboNode* n, GumboTag t) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == t && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

// colspan / rowspan by HTML's rules for non-negative integers; `fallback` when there is none.
uint32_t span_attribute(const GumboNode* cell, const char* name, uint32_t fallback) {
  const GumboAttribute* a = gumbo_get_attribute(&cell->v.element.attributes, name);
  if (a == nullptr || a->value == nullptr) return fallback;
  const char* p = a->value;
  while (is_space(*p)) ++p;
  if (*p == '+') ++p;
  if (!is_digit(*p)) return fallback;
  uint64_t v = 0;
  for (; is_digit(*p); ++p) v = std::min<uint64_t>(v * 10 + static_cast<uint64_t>(*p - '0'), 1u << 30);
  return static_cast<uint32_t>(v);
}

// ---------------------------------------------------------------------------------------------

class Extractor {
 public:
  // `page` is the user's page; `parsed` the copy gumbo read (GumboGuard disarmed some tags in it).
  Extractor(std::string_view page, std::string_view parsed, Extracted& out)
      : page_(page),
        parsed_(parsed),
        locator_(page),
        out_(out),
        builder_(out),
        budget_(8 * page.size() + (1u << 20)) {}

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
      if (space_.placed) append(" ", space_.at, space_.fixed);
      else append(" ", at, true);  // a block boundary inside a cell: the space goes with what follows
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
    if (is_blank(cp)) put_blank(at, fixed, cp == '\n' || cp == '\r', fixed || cp == 0xA0);
    else put_char(bytes, cp, at, fixed);
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
    if (c == '\n' || c == '\r') at = {at.line + 1, 1};
    else ++at.column;
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
      case GUMBO_NODE_DOCUMENT:
        return true;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        text_node(n->v.text);
        return false;
      case GUMBO_NODE_ELEMENT:
        break;
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
        const uint32_t last = rowspan == 0 ? rows[r - 1].section_end
                                           : std::min<uint32_t>(r + rowspan - 1, rows[r - 1].section_end);
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
  size_t budget_;        // grid steps left for placing table cells
  int sectioning_ = 0;   // open <article>, <section>, <main>

  std::string run_;      // source text not yet handed to the builder
  Pos run_at_;
  uint32_t run_next_column_ = 0;
  Space space_;
  bool prev_wide_ = false;

  bool joined_ = false;  // in a data table: blocks are joined by a space
  bool cell_ = false;    // in a data cell
  bool cell_first_ = false;
  bool cell_started_ = false;
  Pos cell_at_;          // the cell's first text, or its tag
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
  GumboGuard(tamed).run();
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
