// What the input readers produce besides text: where each piece of it came from in the user's
// file, and why a file could not be read. The readers (src/input/) make these; Source keeps them.
#pragma once

#include <cstdint>
#include <string>

namespace gklint {

// A table cell of an HTML page or a .docx: 1-based table (in document order), row and column of
// the grid. All zero when the text is not in a table.
struct GridRef {
  uint32_t table = 0;
  uint32_t row = 0;
  uint32_t column = 0;
};

// Why a file could not be read as text. `offset` is where the problem is (for invalid UTF-8, the
// first bad byte), so it can be shown with a line and column.
struct InputProblem {
  std::string message_zh;
  std::string message_en;
  uint32_t offset = 0;
};

// A run of linted text copied from one place in the user's file (an HTML page, a .docx). From
// `text_offset` until the next origin, each code point advances the column by one, unless `fixed`:
// then every byte of the run maps to (line, column) itself (separators gklint inserted, an entity
// such as &nbsp; that is one character in the text but six in the file).
struct Origin {
  uint32_t text_offset = 0;
  uint32_t line = 1;     // 1-based line of the HTML file, or paragraph number of the .docx
  uint32_t column = 1;   // 1-based, in code points of that line or paragraph
  bool fixed = false;
  GridRef grid;          // the table cell the text is in, if any
};

// Whether ICU knows a converter by this name (for --encoding).
bool encoding_known(const std::string& name);

}  // namespace gklint
