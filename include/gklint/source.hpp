// The input file as text: decoding, and positions (line, column) for any byte offset.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/diagnostic.hpp"

namespace gklint {

// 1-based line; 1-based column counted in code points (an invalid byte counts as one).
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
};

// Why a file could not be read as text. `offset` is where the problem is (for invalid UTF-8, the
// first bad byte), so it can be shown with a line and column.
struct InputProblem {
  std::string message_zh;
  std::string message_en;
  uint32_t offset = 0;
};

class Source {
 public:
  // Decodes `bytes` (UTF-8, with or without BOM; CRLF, CR or LF line ends). The Source is always
  // made so a problem can be located; `problem` is set when the bytes are not usable text
  // (empty, binary, invalid UTF-8).
  static Source decode(std::string path, std::string bytes);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }     // decoded text, BOM removed
  const std::string& encoding() const { return encoding_; }
  const std::optional<InputProblem>& problem() const { return problem_; }

  Position position(uint32_t offset) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // The text of a 1-based line without its line end.
  std::string_view line_text(uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::string encoding_;
  std::optional<InputProblem> problem_;
  std::vector<uint32_t> line_starts_;
};

// Bytes of the UTF-8 sequence starting at s[i] if it is valid, else 0.
int utf8_sequence_length(std::string_view s, size_t i);
// Decodes one code point at s[i], advancing i; invalid bytes yield U+FFFD and advance by one.
char32_t utf8_next(std::string_view s, size_t& i);
void utf8_append(std::string& out, char32_t cp);

// Decodes one code point of text already known to be valid UTF-8 (a Source without a problem),
// without checking it again: the normalizer's hot loop.
inline char32_t utf8_next_valid(std::string_view s, size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return s[i++];
  const int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

}  // namespace gklint
