#include "input/extracted.hpp"

namespace gklint {

void TextBuilder::mark(uint32_t line, uint32_t column, bool fixed, GridRef grid) {
  const auto at = static_cast<uint32_t>(out_.text.size());
  Origin o{at, line, column, fixed, grid};
  // A run that added no text is replaced, so offsets stay strictly ascending.
  if (!out_.origins.empty() && out_.origins.back().text_offset == at)
    out_.origins.back() = o;
  else
    out_.origins.push_back(o);
}

void TextBuilder::copy(std::string_view s, uint32_t line, uint32_t column, GridRef grid) {
  if (s.empty()) return;
  mark(line, column, false, grid);
  out_.text += s;
}

void TextBuilder::insert(std::string_view s, uint32_t line, uint32_t column, GridRef grid) {
  if (s.empty()) return;
  mark(line, column, true, grid);
  out_.text += s;
}

void TextBuilder::end_line() {
  if (at_line_start()) return;
  // The line end belongs to the run before it: a finding at the end of a line stays on that line.
  out_.text += '\n';
}

}  // namespace gklint
