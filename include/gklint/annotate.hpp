// Findings written into a copy of a .docx as Word comments (批注), anchored on the text they are
// about: `gklint annotate`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/input.hpp"

namespace gklint {

// A comment, placed by the positions findings have in a .docx (Position::line is the paragraph
// number, Position::column the character in its text, numbering label included). A range that is
// empty, lies in the numbering label, or leaves its paragraph anchors on the whole paragraph (a
// missing section's finding on the heading it belongs before; a blank table cell on its cell).
struct DocxComment {
  uint32_t paragraph = 1;
  uint32_t column = 1;
  uint32_t end_paragraph = 1;
  uint32_t end_column = 1;
  std::vector<std::string> lines;  // the comment's text, a paragraph each
};

// `bytes` (a .docx) with `comments` added, by `author`: the main part gets each comment's range and
// reference, the comments part (created, or extended keeping the comments it has) their text, and
// the relationships and content types name it. Every other part is copied as it is. The problem,
// in both languages, when the file cannot be read or written as a .docx.
std::optional<InputProblem> annotate_docx(std::string_view bytes, const std::vector<DocxComment>& comments,
                                          const std::string& author, std::string* out);

}  // namespace gklint
