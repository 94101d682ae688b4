// Where the report itself starts and ends inside a saved page: the crawler's header block and the
// site's navigation, share widgets and footer are not the report.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "gklint/report.hpp"
#include "report/lines.hpp"

namespace gklint {

struct BodyBounds {
  uint32_t begin = 0;  // view offsets; the whole text when there is no chrome
  uint32_t end = 0;
  // The title values of header lines (标题: …), without their labels, in file order.
  std::vector<ViewLine> header_titles;
};

// Leading chrome: header lines (whole lines) and leading pieces, one after another from the top,
// until text that is neither; trailing chrome: trailing pieces from the end backwards. Every
// pattern stays inside one line, so each step costs at most one line.
BodyBounds find_body(std::string_view view_text, const Chrome& chrome);

}  // namespace gklint
