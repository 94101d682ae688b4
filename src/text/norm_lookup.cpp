#include <algorithm>
#include <vector>

#include "text/norm_table.hpp"

namespace gklint::norm_table {

// Built once, on first use.
Index::Index() : bmp(0x10000, 0) {
  mapped.reserve(kEntryCount);
  for (size_t i = 0; i < kEntryCount; ++i) {
    mapped.emplace_back(kPool + kEntries[i].offset, kEntries[i].length);
    if (kEntries[i].cp < 0x10000) bmp[kEntries[i].cp] = static_cast<uint16_t>(i + 1);
  }
}

const Index& index() {
  static const Index idx;
  return idx;
}

const std::string_view* lookup(char32_t cp) {
  const Index& idx = index();
  if (cp < 0x10000) {
    uint16_t n = idx.bmp[cp];
    return n == 0 ? nullptr : &idx.mapped[n - 1];
  }
  const Entry* end = kEntries + kEntryCount;
  const Entry* it = std::lower_bound(kEntries, end, cp, [](const Entry& e, char32_t c) { return e.cp < c; });
  if (it == end || it->cp != cp) return nullptr;
  return &idx.mapped[it - kEntries];
}

}  // namespace gklint::norm_table
