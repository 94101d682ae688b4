#include "gklint/numerals.hpp"

#include <string>

namespace gklint {

namespace {

constexpr std::string_view kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::string_view kTen = "十";

int digit_at(std::string_view text, size_t pos) {
  for (int d = 1; d <= 9; ++d) {
    if (text.substr(pos, kDigits[d].size()) == kDigits[d]) return d;
  }
  return -1;
}

bool ten_at(std::string_view text, size_t pos) { return text.substr(pos, kTen.size()) == kTen; }

}  // namespace

bool parse_cn_numeral(std::string_view text, size_t pos, int* value, size_t* length) {
  size_t p = pos;
  int v = 0;
  int d = digit_at(text, p);
  if (d > 0) {
    p += 3;
    if (ten_at(text, p)) {  // 二十, 二十三
      p += 3;
      v = d * 10;
      int u = digit_at(text, p);
      if (u > 0) {
        v += u;
        p += 3;
      }
    } else {
      v = d;
    }
  } else if (ten_at(text, p)) {  // 十, 十二
    p += 3;
    v = 10;
    int u = digit_at(text, p);
    if (u > 0) {
      v += u;
      p += 3;
    }
  } else {
    return false;
  }
  *value = v;
  *length = p - pos;
  return true;
}

bool parse_small_arabic(std::string_view text, size_t pos, int* value, size_t* length) {
  size_t p = pos;
  int v = 0;
  while (p < text.size() && p - pos < 3 && text[p] >= '0' && text[p] <= '9') {
    v = v * 10 + (text[p] - '0');
    ++p;
  }
  if (p == pos || (p < text.size() && text[p] >= '0' && text[p] <= '9')) return false;
  *value = v;
  *length = p - pos;
  return true;
}

std::string_view cn_digit(int d) { return kDigits[d]; }

void append_cn_numeral(std::string& out, int n) {
  if (n <= 0 || n >= 100) {
    out += std::to_string(n);
    return;
  }
  if (n >= 10) {
    if (n >= 20) out += kDigits[n / 10];
    out += kTen;
    if (n % 10) out += kDigits[n % 10];
  } else {
    out += kDigits[n];
  }
}

}  // namespace gklint
