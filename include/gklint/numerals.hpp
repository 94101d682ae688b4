// Chinese and Arabic numerals as used in heading markers and years.
#pragma once

#include <cstddef>
#include <string_view>

namespace gklint {

// Parses a Chinese numeral from 一 to 九十九 at text[pos] (UTF-8). On success sets *value and
// *length (bytes) and returns true.
bool parse_cn_numeral(std::string_view text, size_t pos, int* value, size_t* length);
// Parses 1 to 3 ASCII digits at text[pos].
bool parse_small_arabic(std::string_view text, size_t pos, int* value, size_t* length);
// 1 -> "一", 12 -> "十二", 25 -> "二十五" (1..99).
std::string_view cn_digit(int d);
void append_cn_numeral(std::string& out, int n);

}  // namespace gklint
