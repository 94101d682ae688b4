// What the input readers produce besides text: where each piece of it came from in the user's
// file, and why a file could not be read. The readers (src/input/) make these; Source keeps them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  uint32_t line = 1;    // 1-based line of the HTML file, or paragraph number of the .docx
  uint32_t column = 1;  // 1-based, in code points of that line or paragraph
  bool fixed = false;
  GridRef grid;  // the table cell the text is in, if any
};

struct Extracted;  // input/extracted.hpp: a structured file's text and where each piece came from

// A kind of file gklint reads as a report, or knows by name to refuse with a reason. The registry
// (src/source/formats.cpp) chooses each file's reader, gives the extensions a folder's default
// --include takes, and is README's table of inputs (gklint-docs).
struct InputFormat {
  std::string name;                          // Source::format(): "text", "html", "docx"; or a refused one
  std::vector<std::string> extensions;       // lower case, with the dot; a folder's default --include
  std::vector<std::string> also_named = {};  // extensions read as this format but not looked for in folders
  std::string doc = {};                      // README's table: how it is read (Markdown)
  std::string located = {};                  // README's table: where a finding points
  // Reads the file (or, with `decode_first`, the file decoded to UTF-8 like a text file). Null for
  // plain text, which Source decodes itself, and for a format it cannot read.
  Extracted (*extract)(std::string_view bytes) = nullptr;
  bool decode_first = false;
  // Content that is this format whatever the file's name says (a .docx's zip signature).
  bool (*magic)(std::string_view head) = nullptr;
  // Content that is this format when the name says nothing (a page saved without .html).
  bool (*looks_like)(std::string_view head) = nullptr;
  // False for a format gklint knows but cannot read: a file of it is refused by its content
  // (Source::read says why), and its extensions are listed in folders so that message is seen.
  bool readable = true;
};
// Every format; plain text ("text") first: the reader of anything not recognised as another.
const std::vector<InputFormat>& input_formats();
// The format a file is read as: by its content when that is certain, else by its extension, else
// by a look at its content; plain text when nothing says otherwise.
const InputFormat& input_format_of(const std::string& path, std::string_view bytes);
// The format a path's extension names (case-insensitive), or nullptr.
const InputFormat* input_format_by_name(const std::string& path);

// Whether ICU knows a converter by this name (for --encoding).
bool encoding_known(const std::string& name);
// UTF-8 text encoded in `encoding` as Source::encoding() names it ("GB18030", "UTF-8 (BOM)", …; a
// byte order mark is not written), for writing a file back as it came; nothing when a character
// has no encoding there or the encoding is unknown.
std::optional<std::string> encode_text(std::string_view utf8, const std::string& encoding);

}  // namespace gklint
