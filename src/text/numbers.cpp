#include "gklint/numbers.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace gklint {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr int kMaxDigits = 17;

// The value of a Chinese numeral character at text[pos] (3 bytes in UTF-8): a digit 0–9, or a
// multiplier 十 百 千 万 亿 as a negative power (-1 … -4, -8); kNone when it is neither.
constexpr int kNone = 100;
int cn_char(std::string_view text, size_t pos) {
  struct Entry {
    std::string_view text;
    int value;
  };
  static constexpr std::array<Entry, 16> kChars = {{{"零", 0},
                                                    {"〇", 0},
                                                    {"一", 1},
                                                    {"二", 2},
                                                    {"两", 2},
                                                    {"三", 3},
                                                    {"四", 4},
                                                    {"五", 5},
                                                    {"六", 6},
                                                    {"七", 7},
                                                    {"八", 8},
                                                    {"九", 9},
                                                    {"十", -1},
                                                    {"百", -2},
                                                    {"千", -3},
                                                    {"万", -4}}};
  if (pos + 3 > text.size()) return kNone;
  const std::string_view c = text.substr(pos, 3);
  for (const Entry& e : kChars) {
    if (c == e.text) return e.value;
  }
  return c == "亿" ? -8 : kNone;
}

int64_t pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Chinese numerals at text[pos]: 十二, 两, 一百零五, 三千二百, 三万五千. Two digits in a row without a
// multiplier between them (二零二零, a year) are not a count; 百 千 万 亿 need a digit before them.
bool read_chinese(std::string_view text, size_t pos, int64_t* value, size_t* length) {
  int64_t yi = 0, wan = 0, section = 0;  // what the 亿, the 万 and the last multipliers hold
  int digit = -1;                        // a digit read and not yet multiplied
  bool any = false, zero_pending = false;
  size_t p = pos;
  for (;; p += 3) {
    const int v = cn_char(text, p);
    if (v == kNone) break;
    if (v >= 0) {
      if (digit > 0 && !zero_pending) return false;  // 二二: not a count
      zero_pending = v == 0;
      digit = v;
      any = true;
      continue;
    }
    if (v == -1 && digit < 0 && !any) {
      digit = 1;  // 十 alone, 十二
    } else if (digit < 0 && !(v <= -4 && section + wan > 0)) {
      break;  // 万一, 千方百计: no digit before the multiplier
    }
    const int64_t d = digit > 0 ? digit : 0;
    if (v >= -3) {
      section += d * pow10(-v);
    } else if (v == -4) {
      wan = (section + d) * pow10(4);
      section = 0;
    } else {
      yi = (yi + wan + section + d) * pow10(8);
      wan = section = 0;
    }
    digit = -1;
    zero_pending = false;
    any = true;
    if (yi + wan + section > pow10(kMaxDigits - 1)) return false;
  }
  if (!any) return false;
  *value = yi + wan + section + (digit > 0 ? digit : 0);
  *length = p - pos;
  return true;
}

bool at(std::string_view text, size_t pos, std::string_view word) { return text.substr(pos, word.size()) == word; }

bool ends_with_at(std::string_view text, size_t pos, std::string_view word) {
  return pos >= word.size() && text.substr(pos - word.size(), word.size()) == word;
}

}  // namespace

bool read_decimal(std::string_view text, size_t pos, Decimal* out) {
  size_t p = pos;
  int64_t units = 0;
  int digits = 0, group = 0, decimals = 0;
  bool grouped = false;
  for (; p < text.size() && (is_digit(text[p]) || text[p] == ','); ++p) {
    if (text[p] == ',') {
      // Thousands separators: groups of exactly three digits after the first.
      if (digits == 0 || (grouped && group != 3) || (!grouped && group > 3)) return false;
      grouped = true;
      group = 0;
      continue;
    }
    if (++digits > kMaxDigits) return false;
    units = units * 10 + (text[p] - '0');
    ++group;
  }
  if (digits == 0 || (grouped && group != 3)) return false;
  if (p + 1 < text.size() && text[p] == '.' && is_digit(text[p + 1])) {
    for (++p; p < text.size() && is_digit(text[p]); ++p) {
      if (++digits > kMaxDigits) return false;
      units = units * 10 + (text[p] - '0');
      ++decimals;
    }
  }
  *out = Decimal{units, decimals, p - pos};
  return true;
}

bool number_starts(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  if (is_digit(text[pos])) return true;
  const int v = cn_char(text, pos);
  return v != kNone && v >= -1;
}

bool read_number(std::string_view text, size_t pos, ProseNumber* out) {
  ProseNumber n;
  size_t p = pos;
  if (pos < text.size() && is_digit(text[pos])) {
    Decimal d;
    if (!read_decimal(text, pos, &d)) {
      // "3,5": a list, not a thousands separator; the first number alone.
      size_t q = pos;
      while (q < text.size() && is_digit(text[q])) ++q;
      if (!read_decimal(text.substr(0, q), pos, &d)) return false;
    }
    n.units = d.units;
    n.decimals = d.decimals;
    p += d.length;
  } else {
    int64_t v = 0;
    size_t len = 0;
    if (!read_chinese(text, pos, &v, &len)) return false;
    n.units = v;
    n.chinese = true;
    p += len;
  }
  // A scale after Arabic digits: 1.2万, 3亿.
  if (!n.chinese) {
    const int v = cn_char(text, p);
    if (v == -4 || v == -8) {
      n.units *= pow10(-v);
      p += 3;
      while (n.decimals > 0 && n.units % 10 == 0) {
        n.units /= 10;
        --n.decimals;
      }
    }
  }
  n.value = static_cast<double>(n.units) / std::pow(10.0, n.decimals);
  if (at(text, p, "余") || at(text, p, "多")) {
    n.approximate = true;
    p += 3;
  }
  for (std::string_view word : {"约", "近", "逾", "超过", "不到", "不足"}) {
    if (ends_with_at(text, pos, word)) n.approximate = true;
  }
  if (at(text, p, "%")) {
    n.percent = true;
    p += 1;
  }
  for (std::string_view dash : {"-", "~", "至", "到", "—"}) {
    ProseNumber second;
    if (at(text, p, dash) && number_starts(text, p + dash.size()) &&
        read_number(text.substr(0, std::min(text.size(), p + dash.size() + 64)), p + dash.size(), &second)) {
      n.range = true;
      n.percent = n.percent || second.percent;
      p += dash.size() + second.length;
      break;
    }
  }
  if (!n.percent && at(text, p, "个百分点")) {
    n.points = true;
    p += 12;
  }
  n.length = p - pos;
  *out = n;
  return true;
}

}  // namespace gklint
