// Positions as the client counts them: LSP's 0-based line and `character` in the encoding agreed
// at initialize (UTF-16 unless the client offers only UTF-8 or UTF-32), to and from gklint's
// 1-based line and code-point column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "gklint/source.hpp"

namespace gklint::lsp {

// What a position's `character` counts (LSP 3.17 positionEncoding).
enum class Encoding { utf8, utf16, utf32 };

const char* encoding_name(Encoding e);

ColumnWalker::Units units_of(Encoding e);

// The lines of the document as the client holds it (LSP: \n, \r\n and \r end a line, as they do
// for gklint's Source), to count a line's characters in the client's units.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  size_t count() const { return starts_.size(); }
  size_t start(size_t line) const { return starts_[line]; }
  // Line `line` (0-based) without its line end.
  std::string_view line(size_t line) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

struct LspPosition {
  uint32_t line = 0;
  uint32_t character = 0;
};
struct LspRange {
  LspPosition start, end;
};

nlohmann::json to_json(const LspPosition& p);
nlohmann::json to_json(const LspRange& r);

// gklint's 1-based line and code-point column -> 0-based line and the client's units, counted on
// the client's own line. A position past the end of its line (or of the text) is clamped to it.
// A leading U+FEFF is a character in the client's text but removed by gklint as a byte order mark.
// `walker` counts in the client's units; diagnostics come sorted, so it walks each line once.
LspPosition to_lsp(const LineIndex& lines, const Position& p, ColumnWalker& walker);

// The byte offset in the client's text of an LSP position (incremental changes), clamped to the
// line's end; a character inside a surrogate pair or a UTF-8 sequence rounds up past it.
size_t to_offset(const LineIndex& lines, const LspPosition& p, Encoding e, size_t text_size);

// The LSP position of a byte offset in the client's text (an edit to a file the server read);
// an offset inside a line end or past the text is clamped to the end of its line or of the text.
LspPosition to_lsp_position(const LineIndex& lines, size_t offset, Encoding e);

}  // namespace gklint::lsp
