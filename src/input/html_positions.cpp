#include "input/html_positions.hpp"

#include <algorithm>

#include "gklint/utf8.hpp"

namespace gklint::html {

Locator::Locator(std::string_view s) : s_(s) {
  line_starts_.push_back(0);
  line_start_cps_.push_back(0);
  uint32_t cps = 0;
  for (size_t i = 0; i < s.size(); ++cps) {
    while (step_offset_.size() * kStep <= i) {
      step_offset_.push_back(static_cast<uint32_t>(i));
      step_cps_.push_back(cps);
    }
    const char c = s[i];
    utf8_next(s, i);
    // "\r\n" is one line end: the '\n' records it.
    if (c == '\n' || (c == '\r' && (i == s.size() || s[i] != '\n'))) {
      line_starts_.push_back(static_cast<uint32_t>(i));
      line_start_cps_.push_back(cps + 1);
    }
  }
  while (step_offset_.size() * kStep <= s.size()) {
    step_offset_.push_back(static_cast<uint32_t>(s.size()));
    step_cps_.push_back(cps);
  }
}

Pos Locator::at(size_t offset) const {
  offset = std::min(offset, s_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<uint32_t>(offset));
  const auto line = static_cast<uint32_t>(it - line_starts_.begin());
  return {line, code_points_before(offset) - line_start_cps_[line - 1] + 1};
}

uint32_t Locator::code_points_before(size_t offset) const {
  const size_t k = offset / kStep;
  size_t p = step_offset_[k];
  uint32_t cps = step_cps_[k];
  while (p < offset) {
    utf8_next(s_, p);
    ++cps;
  }
  return cps;
}

std::vector<std::string> split_lines(std::string_view s) {
  std::vector<std::string> lines;
  size_t begin = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n' && s[i] != '\r') continue;
    lines.emplace_back(s.substr(begin, i - begin));
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    begin = i + 1;
  }
  lines.emplace_back(s.substr(begin));  // after a final line end, an empty last line (as editors show)
  return lines;
}

}  // namespace gklint::html
