// The document body (w:body of the main part): paragraphs, tables, text boxes and content
// controls walked in document order and written as the text gklint lints, one line per paragraph
// and one "cell | cell |" line per table row.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "input/docx_numbering.hpp"
#include "input/docx_xml.hpp"
#include "input/extracted.hpp"

namespace gklint::docx {

constexpr int kMaxDepth = 200;  // nested tables, text boxes, content controls
// What the paragraphs may add beyond the XML's own text (numbering labels) and how many there may
// be: a list whose label is long, on millions of empty paragraphs, would otherwise multiply.
constexpr size_t kMaxParagraphs = 1'000'000;
constexpr size_t kMaxLabelBytes = size_t{16} << 20;  // a long report has some 100 KB

enum class BodyRead { ok, too_deep, too_many };

// Walks `body` and writes its text, origins and display lines into `out`, taking each numbered
// paragraph's label from `numbering`. A walk stopped by a limit (deeper than kMaxDepth, more than
// kMaxParagraphs or kMaxLabelBytes) writes nothing.
BodyRead read_body(pugi::xml_node body, const Ns& ns, Numbering& numbering, Extracted& out);

// Where each paragraph's text is in the XML, for writing into the document (gklint annotate): the
// w:p, and for each piece of its body the element it came from (a w:t, or a w:tab, w:br… that is
// one character), with the piece's first column in the body and its length, in code points. A
// paragraph's columns as findings give them count its numbering label first (`label_columns`).
struct Piece {
  pugi::xml_node node;
  uint32_t begin = 0;
  uint32_t length = 0;
};
struct ParagraphXml {
  pugi::xml_node p;
  uint32_t label_columns = 0;
  uint32_t columns = 0;  // the body's length
  std::vector<Piece> pieces;
};

// The same walk as read_body, numbering the same paragraphs, recording where their text is.
BodyRead map_body(pugi::xml_node body, const Ns& ns, Numbering& numbering, std::vector<ParagraphXml>& out);

}  // namespace gklint::docx
