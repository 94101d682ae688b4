// Positions in the page source. Gumbo's own columns count a tab as up to eight; ours count code
// points, from byte offsets, in O(1) each: the page may be a single long line, and table cells and
// foster-parented text are not met in offset order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gklint::html {

struct Pos {
  uint32_t line = 1;
  uint32_t column = 1;
};

class Locator {
 public:
  explicit Locator(std::string_view s);

  Pos at(size_t offset) const;

 private:
  static constexpr size_t kStep = 64;

  uint32_t code_points_before(size_t offset) const;

  std::string_view s_;
  std::vector<uint32_t> line_starts_;
  std::vector<uint32_t> line_start_cps_;  // code points before each line
  std::vector<uint32_t> step_offset_;     // the first code point at or after byte k * kStep...
  std::vector<uint32_t> step_cps_;        // ...and how many code points come before it
};

// The page's source lines, as shown beside a finding ("\r\n", "\r" and "\n" each end one).
std::vector<std::string> split_lines(std::string_view s);

}  // namespace gklint::html
