// The per-code-point normalization table generated at build time by tools/gen_norm_table.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace gklint::norm_table {

struct Entry {
  uint32_t cp;
  uint32_t offset;  // into kPool
  uint32_t length;  // bytes of UTF-8
};

extern const char kPool[];
extern const Entry kEntries[];  // sorted by cp
extern const size_t kEntryCount;

// The normalized UTF-8 for `cp`, or nullptr when cp maps to itself.
const std::string_view* lookup(char32_t cp);

// The direct index behind lookup for the Basic Multilingual Plane (where nearly all report text
// lives), for a caller that looks up every character: bmp[cp] is the entry number + 1, 0 when cp
// maps to itself; mapped[n] is entry n's UTF-8.
struct Index {
  std::vector<std::string_view> mapped;
  std::vector<uint16_t> bmp;
  Index();
};
const Index& index();

}  // namespace gklint::norm_table
