// What a structured input (an HTML page, a .docx) becomes: the text gklint lints, and for every
// piece of it the place in the user's file it came from. The linter only ever sees `text`; the
// origins turn its byte offsets back into lines and columns the user can find.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/input.hpp"
#include "gklint/utf8.hpp"

namespace gklint {

struct Extracted {
  // UTF-8, '\n' line ends. One line per block (paragraph, heading, list item, <br>); a table is
  // one line per row, "cell | cell | cell |", with a merged cell written once, in the row and
  // column where it starts (the layout the table reader takes for pipe tables).
  std::string text;
  std::vector<Origin> origins;  // (gklint/input.hpp) ascending text_offset; the first is at 0
  // The user's file as it is shown beside a finding, one entry per line number: the decoded HTML
  // source lines, or the .docx paragraphs' visible text (numbering included).
  std::vector<std::string> display_lines;
  // A PDF: for each display line, its page and its line on that page (both 1-based). Empty for
  // other formats.
  std::vector<std::pair<uint32_t, uint32_t>> display_pages;
  // Set when nothing could be read (not a .docx, encrypted, malformed XML, too large...).
  std::optional<InputProblem> problem;
};

// Appends text and records where it came from: what the HTML and DOCX readers share.
class TextBuilder {
 public:
  explicit TextBuilder(Extracted& out) : out_(out) {}
  // Text copied from (line, column) onwards, one code point per column.
  void copy(std::string_view s, uint32_t line, uint32_t column, GridRef grid = {});
  // Text gklint writes itself (a separator, a decoded entity), all mapped to (line, column).
  void insert(std::string_view s, uint32_t line, uint32_t column, GridRef grid = {});
  // Ends the current line unless it is already empty.
  void end_line();
  bool at_line_start() const { return out_.text.empty() || out_.text.back() == '\n'; }

 private:
  void mark(uint32_t line, uint32_t column, bool fixed, GridRef grid);
  Extracted& out_;
};

// The readers. Both always return; on failure `problem` is set and the rest may be empty.
// `html` is the page already decoded to UTF-8 (the caller detects its charset).
Extracted extract_html(std::string_view html);
Extracted extract_docx(std::string_view bytes);
Extracted extract_pdf(std::string_view bytes);
// What the PDF module (gklint-pdf.so) and the executable that loads it must agree on: the version
// and the layout of what the module fills in.
inline std::string pdf_module_tag() {
  return std::string(GKLINT_VERSION) + "/" + std::to_string(sizeof(Extracted)) + "/" + std::to_string(sizeof(Origin)) +
         "/" + std::to_string(sizeof(InputProblem));
}

}  // namespace gklint
