// UTF-8, the one text encoding inside gklint: decoding and appending code points, and lines and
// columns of raw text. Every stage uses these; they depend on nothing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace gklint {

// Bytes of the UTF-8 sequence starting at s[i] if it is valid, else 0.
int utf8_sequence_length(std::string_view s, size_t i);
// utf8_next past ASCII.
char32_t utf8_next_multibyte(std::string_view s, size_t& i);
// Decodes one code point at s[i], advancing i; invalid bytes yield U+FFFD and advance by one.
// (Inline for ASCII: columns and counts of long lines walk it once per character.)
inline char32_t utf8_next(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return utf8_next_multibyte(s, i);
}
void utf8_append(std::string& out, char32_t cp);
// Code points in s, counted as utf8_next steps (an invalid byte is one): a column's width.
size_t utf8_code_points(std::string_view s);
// 1-based line and column (in code points: UTF-8 continuation bytes not counted) of a byte offset
// in raw text, for a parse error in a file that is not a report (XML in a .docx, a JSON baseline).
std::pair<size_t, size_t> line_column(std::string_view s, size_t offset);

// The length of the UTF-8 sequence a byte starts, read from that byte alone (1 for ASCII and for a
// byte that starts none).
inline size_t utf8_lead_length(char b) {
  const auto c = static_cast<unsigned char>(b);
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

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
