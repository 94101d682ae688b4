#include "input/html_elements.hpp"

#include <algorithm>
#include <string>

#include "input/html_syntax.hpp"

namespace gklint::html {

bool is_wide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_block(GumboTag t) {
  // Tag tables read best packed, several cases a line.
  // clang-format off
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
  // clang-format on
}

bool is_left_out(GumboTag t) {
  // Tag tables read best packed, several cases a line.
  // clang-format off
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
  // clang-format on
}

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

}  // namespace gklint::html
