// What the text keeps of the parsed page and where it breaks: block elements, elements left out
// (head, scripts, page chrome) or hidden, a table cell's spans, and the characters that decide
// whether a line break of the source reads as a space.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <cstdint>

namespace gklint::html {

// East Asian wide characters (Hangul aside): a line break of the source between two of them is
// dropped rather than read as a space (CSS Text 3 segment breaks), because Word and CMS editors
// wrap long Chinese paragraphs anywhere and no reader sees a space there.
bool is_wide(char32_t c);

// HTML's collapsible white space, and U+00A0: Word and CMS editors indent with &nbsp;, which a
// reader sees as blanks like any other.
inline bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0; }

bool is_block(GumboTag t);

// Not part of the report: the document head, scripts, embedded things, form controls, and the
// page chrome around the article.
bool is_left_out(GumboTag t);

// style="display:none" (and Word's mso-hide:all), or the hidden attribute.
bool is_hidden(const GumboElement& e);

inline const GumboVector* children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return &n->v.element.children;
  return nullptr;
}

inline const GumboNode* child(const GumboVector* v, size_t i) { return static_cast<const GumboNode*>(v->data[i]); }

inline bool is_html(const GumboNode* n, GumboTag t) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == t && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

// colspan / rowspan by HTML's rules for non-negative integers; `fallback` when there is none.
uint32_t span_attribute(const GumboNode* cell, const char* name, uint32_t fallback);

}  // namespace gklint::html
