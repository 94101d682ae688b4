// Lines of the normalized view, trimmed of blanks: the unit the fact and outline readers scan.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gklint {

struct ViewLine {
  uint32_t begin = 0;  // first non-blank byte
  uint32_t end = 0;    // one past the last non-blank byte
  bool empty() const { return begin == end; }
};

inline std::vector<ViewLine> view_lines(std::string_view text) {
  std::vector<ViewLine> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    size_t b = start, e = nl;
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    lines.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    if (nl == text.size()) break;
    start = nl + 1;
  }
  return lines;
}

// Is a line a table row of cells between separators ('|' or tab)? A crawled page on one line may
// hold a '|' in its prose or navigation ("首页 | 政务公开", "办实事|食用…"); a row has a separator
// every few dozen characters.
inline bool is_separated_row(std::string_view line) {
  // Most lines have no separator (two memchr, no character loop).
  if (line.find('|') == std::string_view::npos && line.find('\t') == std::string_view::npos) return false;
  size_t separators = 0, chars = 0;
  for (char c : line) {
    separators += c == '|' || c == '\t';
    chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  constexpr size_t kMaxCharsPerCell = 80;
  return separators > 0 && chars <= kMaxCharsPerCell * (separators + 1);
}

// The line without Markdown around a title or heading: "## 一、总体情况", "**概述**", "> 一、…".
inline ViewLine strip_markup(std::string_view t, ViewLine line) {
  size_t b = line.begin, e = line.end;
  while (b < e && (t[b] == '#' || t[b] == '>')) ++b;
  if (b > line.begin) {
    while (b < e && t[b] == ' ') ++b;
  }
  while (e - b >= 4 && t[b] == '*' && t[b + 1] == '*' && t[e - 1] == '*' && t[e - 2] == '*') {
    b += 2;
    e -= 2;
    while (b < e && t[b] == ' ') ++b;
    while (e > b && t[e - 1] == ' ') --e;
  }
  return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

}  // namespace gklint
