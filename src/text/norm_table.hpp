// The per-code-point normalization table generated at build time by tools/gen_norm_table.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

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

}  // namespace gklint::norm_table
