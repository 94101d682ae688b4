#include "lsp/positions.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace gklint::lsp {

namespace {

uint32_t utf8_units(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }
uint32_t utf16_units(char32_t c) { return c >= 0x10000 ? 2 : 1; }  // a supplementary character is a surrogate pair
uint32_t utf32_units(char32_t) { return 1; }

}  // namespace

const char* encoding_name(Encoding e) {
  return e == Encoding::utf8 ? "utf-8" : e == Encoding::utf32 ? "utf-32" : "utf-16";
}

ColumnWalker::Units units_of(Encoding e) {
  switch (e) {
    case Encoding::utf8: return utf8_units;
    case Encoding::utf16: return utf16_units;
    case Encoding::utf32: return utf32_units;
  }
  return utf16_units;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) starts_.push_back(i + 1);
  }
}

std::string_view LineIndex::line(size_t line) const {
  size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
  if (end > starts_[line] && text_[end - 1] == '\n') --end;
  if (end > starts_[line] && text_[end - 1] == '\r') --end;
  return text_.substr(starts_[line], end - starts_[line]);
}

nlohmann::json to_json(const LspPosition& p) { return {{"line", p.line}, {"character", p.character}}; }
nlohmann::json to_json(const LspRange& r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

LspPosition to_lsp(const LineIndex& lines, const Position& p, ColumnWalker& walker) {
  if (lines.count() == 0 || p.line == 0) return {};
  if (p.line > lines.count()) {
    const auto last = static_cast<uint32_t>(lines.count() - 1);
    return to_lsp(lines, Position{last + 1, UINT32_MAX, {}}, walker);
  }
  const std::string_view t = lines.line(p.line - 1);
  ColumnWalker::At start;
  if (p.line == 1 && lines.start(0) == 0 && t.starts_with("\xEF\xBB\xBF")) {
    start.byte = 3;
    start.units = walker.count(0xFEFF);
  }
  return {p.line - 1, walker.walk(t, p.line, p.column, start).units};
}

size_t to_offset(const LineIndex& lines, const LspPosition& p, Encoding e, size_t text_size) {
  if (p.line >= lines.count()) return text_size;
  const std::string_view t = lines.line(p.line);
  size_t i = 0;
  uint32_t n = 0;
  const ColumnWalker::Units units = units_of(e);
  while (n < p.character && i < t.size()) n += units(utf8_next(t, i));
  return lines.start(p.line) + i;
}

LspPosition to_lsp_position(const LineIndex& lines, size_t offset, Encoding e) {
  if (lines.count() == 0) return {};
  size_t line = lines.count() - 1;
  while (line > 0 && lines.start(line) > offset) --line;
  const std::string_view t = lines.line(line);
  const size_t end = std::min(offset - lines.start(line), t.size());
  const ColumnWalker::Units units = units_of(e);
  uint32_t n = 0;
  for (size_t i = 0; i < end;) n += units(utf8_next(t, i));
  return {static_cast<uint32_t>(line), n};
}

}  // namespace gklint::lsp
