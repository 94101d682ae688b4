#include "gklint/view.hpp"

#include <algorithm>

#include "gklint/source.hpp"
#include "text/norm_table.hpp"

namespace gklint {

namespace {

bool is_blank(char32_t c) {
  return c == ' ' || c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
         c == 0xFEFF || c == '\f' || c == '\v';
}

bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F);
}

bool is_pinyin_letter(char32_t c, bool* toned) {
  if (c >= 'a' && c <= 'z') return true;
  static const char32_t kToned[] = {U'ā', U'á', U'ǎ', U'à', U'ē', U'é', U'ě', U'è', U'ī', U'í', U'ǐ', U'ì', U'ō',
                                    U'ó', U'ǒ', U'ò', U'ū', U'ú', U'ǔ', U'ù', U'ǖ', U'ǘ', U'ǚ', U'ǜ', U'ü'};
  for (char32_t t : kToned) {
    if (c == t) {
      *toned = true;
      return true;
    }
  }
  return false;
}

// Length in bytes of a pinyin annotation such as "(shù)" starting at text[i], or 0. A tone mark
// is required so that ordinary parenthesised words are never taken for one.
size_t pinyin_annotation_length(std::string_view text, size_t i) {
  size_t k = i;
  char32_t open = utf8_next(text, k);
  if (open != '(' && open != 0xFF08) return 0;
  bool toned = false;
  int letters = 0;
  while (k < text.size()) {
    char32_t c = utf8_next(text, k);
    if (c == ')' || c == 0xFF09) return (toned && letters > 0) ? k - i : 0;
    if (!is_pinyin_letter(c, &toned) || ++letters > 7) return 0;
  }
  return 0;
}

}  // namespace

View View::build(std::string_view src, bool valid) {
  View v;
  v.text_.reserve(src.size());
  v.source_.reserve(src.size() + 1);
  const auto emit = [&v](std::string_view bytes, uint32_t from) {
    v.text_.append(bytes);
    v.source_.insert(v.source_.end(), bytes.size(), from);
  };
  const auto emit_byte = [&v](char c, uint32_t from) {
    v.text_.push_back(c);
    v.source_.push_back(from);
  };
  bool prev_blank = false;
  bool prev_han = false;
  for (size_t i = 0; i < src.size();) {
    const uint32_t at = static_cast<uint32_t>(i);
    char32_t c = valid ? utf8_next_valid(src, i) : utf8_next(src, i);
    // Most of a report's ASCII (digits, '|', punctuation) maps to itself: one byte out.
    if (c < 0x80 && c != '\r' && c != '\n' && c != ' ' && c != '\f' && c != '\v' && c != '(') {
      emit_byte(static_cast<char>(c), at);
      prev_blank = prev_han = false;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i < src.size() && src[i] == '\n') ++i;
      emit_byte('\n', at);
      prev_blank = prev_han = false;
      continue;
    }
    if (is_blank(c)) {
      if (!prev_blank) emit_byte(' ', at);
      prev_blank = true;
      continue;
    }
    if (prev_han) {
      if (size_t n = pinyin_annotation_length(src, at)) {
        i = at + n;
        continue;  // keep prev_han: 數(shù)據(jù) has two annotations in a row
      }
    }
    prev_blank = false;
    prev_han = is_han(c);
    if (const std::string_view* mapped = norm_table::lookup(c)) {
      emit(*mapped, at);
    } else {
      emit(src.substr(at, i - at), at);
    }
  }
  v.source_.push_back(static_cast<uint32_t>(src.size()));
  return v;
}

Span View::source_span(uint32_t begin, uint32_t end) const {
  Span s{source_offset(begin), source_offset(end)};
  // The end of a span is the start of the next view character; when several view bytes come
  // from one source character (㈠ -> "(一)"), that is still the right exclusive end.
  if (s.end < s.begin) s.end = s.begin;
  return s;
}

uint32_t View::view_offset(uint32_t source) const {
  return static_cast<uint32_t>(std::lower_bound(source_.begin(), source_.end() - 1, source) - source_.begin());
}

std::string strip_blanks(std::string_view normalized) {
  std::string out;
  out.reserve(normalized.size());
  for (char c : normalized) {
    if (c != ' ' && c != '\t' && c != '\n') out += c;
  }
  return out;
}

std::string normalize_label(std::string_view text) { return strip_blanks(View::build(text).text()); }

}  // namespace gklint
