#include "input/html_guard.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "input/html_syntax.hpp"

namespace gklint::html {

namespace {

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
  // Tag tables read best packed, several cases a line.
  // clang-format off
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
  // clang-format on
}

// The HTML spec's "special" elements: an end tag for anything else does not close them.
bool is_special(GumboTag t) {
  // Tag tables read best packed, several cases a line.
  // clang-format off
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
  // clang-format on
}

// Elements that end the search for an element "in scope": an end tag does not reach past them.
bool is_scope_boundary(GumboTag t) {
  return t == GUMBO_TAG_APPLET || t == GUMBO_TAG_CAPTION || t == GUMBO_TAG_HTML || t == GUMBO_TAG_TABLE ||
         t == GUMBO_TAG_TD || t == GUMBO_TAG_TH || t == GUMBO_TAG_MARQUEE || t == GUMBO_TAG_OBJECT ||
         t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_BUTTON;
}

bool is_void(GumboTag t) {
  // Tag tables read best packed, several cases a line.
  // clang-format off
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
  // clang-format on
}

// Elements whose content the tokenizer reads as text up to their end tag.
bool is_raw_text(GumboTag t) {
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_XMP || t == GUMBO_TAG_IFRAME ||
         t == GUMBO_TAG_NOEMBED || t == GUMBO_TAG_NOFRAMES || t == GUMBO_TAG_TEXTAREA || t == GUMBO_TAG_TITLE;
}

// Start tags that close an open <p> first.
bool closes_p(GumboTag t) {
  // Tag tables read best packed, several cases a line.
  // clang-format off
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
  // clang-format on
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
    if (tag == GUMBO_TAG_TABLE && table > std::max({last(GUMBO_TAG_TD), last(GUMBO_TAG_TH), last(GUMBO_TAG_CAPTION)})) {
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
      if (m == name.size() &&
          (after == page_.size() || is_space(page_[after]) || page_[after] == '/' || page_[after] == '>')) {
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

}  // namespace

void disarm_for_gumbo(std::string& page) { GumboGuard(page).run(); }

}  // namespace gklint::html
