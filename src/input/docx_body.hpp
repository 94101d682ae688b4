// The document body (w:body of the main part): paragraphs, tables, text boxes and content
// controls walked in document order and written as the text gklint lints, one line per paragraph
// and one "cell | cell |" line per table row.
#pragma once

#include <pugixml.hpp>

#include <cstddef>

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

}  // namespace gklint::docx
