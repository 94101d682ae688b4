#include "gklint/fix.hpp"

#include <algorithm>

namespace gklint {

FixedText apply_fixes(std::string_view text, const std::vector<Diagnostic>& findings) {
  FixedText out;
  std::vector<size_t> order;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].fix) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Span& x = findings[a].fix->span;
    const Span& y = findings[b].fix->span;
    return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
  });
  size_t copied = 0;  // text before this is in out.text
  bool inserted_at_copied = false;
  for (size_t i : order) {
    const Fix& f = *findings[i].fix;
    const bool insertion = f.span.begin == f.span.end;
    if (f.span.begin > f.span.end || f.span.end > text.size() || f.span.begin < copied ||
        (insertion && inserted_at_copied && f.span.begin == copied)) {
      out.skipped.push_back(i);
      continue;
    }
    out.text.append(text.substr(copied, f.span.begin - copied));
    out.text += f.replacement;
    inserted_at_copied = insertion;
    copied = f.span.end;
    out.applied.push_back(i);
  }
  out.text.append(text.substr(copied));
  return out;
}

}  // namespace gklint
