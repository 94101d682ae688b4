// Figures as printed in a report, in its prose and in its tables: one reader for both.
// The text is the normalized view (full-width digits, ％ and ， are ASCII there).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gklint {

// Digits at text[pos] with optional thousands separators (1,234: groups of exactly three after
// the first) and decimals (12.5). `units` is the exact value times 10^decimals. False when no digit
// starts there, when the separators are malformed ("1,23"), or beyond 17 digits (not a figure a
// report prints, and beyond exact arithmetic). A '.' not followed by a digit is not read.
struct Decimal {
  int64_t units = 0;
  int decimals = 0;
  size_t length = 0;  // bytes read
};
bool read_decimal(std::string_view text, size_t pos, Decimal* out);

// A number in prose at text[pos]: Arabic (read_decimal, or plain digits when the separators are
// not thousands separators: "3,5" reads 3), or Chinese numerals (十二, 两, 一百零五, 三千二百), either
// scaled by a following 万 or 亿 (1.2万, 三万), and what follows it:
//   `approximate`: 余 or 多 after it (300余件, 十多个) or 约, 近, 超过, 逾 … just before it;
//   `range`: a second number after -, ~, 至 or 到 (3-5件): neither bound is the figure;
//   `percent`: % after it (read into length); `points`: 个百分点 after it (read).
// A figure to compare is one that is none of approximate and range.
struct ProseNumber {
  double value = 0;
  int64_t units = 0;  // value == units / 10^decimals when exact
  int decimals = 0;
  size_t length = 0;  // bytes read, with 余/多, %, 个百分点 and a range's second number
  bool chinese = false;
  bool approximate = false;
  bool range = false;
  bool percent = false;
  bool points = false;
  bool exact() const { return !approximate && !range; }
};
bool read_number(std::string_view text, size_t pos, ProseNumber* out);

// Does a number start at text[pos] (an ASCII digit, or a Chinese numeral character)?
bool number_starts(std::string_view text, size_t pos);

}  // namespace gklint
