#include "gklint/view.hpp"

#include <algorithm>
#include <cstring>

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
  v.source_size_ = static_cast<uint32_t>(src.size());
  // Written through `out` up to `w` (the text's size at the end): a character's bytes go in
  // without a call or a size check each. Mapped characters may be longer than they were
  // (㈠ -> (一)), so the buffer grows when one would not fit.
  std::string& out = v.text_;
  out.resize(src.size() + 16);
  size_t w = 0;
  // `n` view bytes for the character at source `from` of `len` bytes; `one`: they are one
  // character as long as the source one, so its bytes keep the run's difference.
  const auto note = [&](size_t n, uint32_t from, size_t len, bool one) {
    const auto k = static_cast<uint32_t>(w);
    if (one && n == len && !v.runs_.empty()) {
      const Run& last = v.runs_.back();
      if (last.same_length && from - last.source == k - last.view) return;  // goes on with the run
    }
    if (n > 0) v.runs_.push_back({k, from, one && n == len});
  };
  const auto emit = [&](std::string_view bytes, uint32_t from, size_t len, bool one) {
    note(bytes.size(), from, len, one);
    if (w + bytes.size() > out.size()) out.resize(2 * out.size() + bytes.size());
    for (const char b : bytes) out[w++] = b;
  };
  const norm_table::Index& table = norm_table::index();
  const auto emit_byte = [&](char c, uint32_t from, size_t len) {
    note(1, from, len, true);
    if (w + 1 > out.size()) out.resize(2 * out.size() + 1);
    out[w++] = c;
  };
  // Characters that come out as they are (most of a report: CJK, ASCII) are not written one by
  // one: a range of them is copied when something else comes, with one run noted at its start.
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t copy_from = kNone;
  bool prev_blank = false;
  bool prev_han = false;  // the last character was Han (a pinyin annotation may follow it)
  const auto flush = [&](size_t to) {
    if (copy_from == kNone) return;
    const size_t n = to - copy_from;
    if (w + n > out.size()) out.resize(2 * out.size() + n);
    std::memcpy(out.data() + w, src.data() + copy_from, n);
    w += n;
    size_t last = to - 1;  // the range's last character decides prev_han
    while (last > copy_from && (static_cast<unsigned char>(src[last]) & 0xC0) == 0x80) --last;
    const char32_t c = valid ? utf8_next_valid(src, last) : utf8_next(src, last);
    prev_han = c >= 0x80 && is_han(c);
    prev_blank = false;
    copy_from = kNone;
  };
  const auto copy = [&](uint32_t at) {
    if (copy_from != kNone) return;
    note(1, at, 1, true);  // a character as long as it was: the run's difference
    copy_from = at;
  };
  for (size_t i = 0; i < src.size();) {
    const uint32_t at = static_cast<uint32_t>(i);
    char32_t c = valid ? utf8_next_valid(src, i) : utf8_next(src, i);
    // Most of a report's ASCII (digits, '|', punctuation) maps to itself.
    if (c < 0x80 && c != '\r' && c != '\n' && c != ' ' && c != '\f' && c != '\v' && c != '(') {
      copy(at);
      continue;
    }
    if (c == '\r' || c == '\n') {
      flush(at);
      if (c == '\r' && i < src.size() && src[i] == '\n') ++i;
      emit_byte('\n', at, i - at);
      prev_blank = prev_han = false;
      continue;
    }
    if (c <= 0x3000 ? is_blank(c) : c == 0xFEFF) {  // (is_blank's others are all below U+3000)
      flush(at);
      if (!prev_blank) emit_byte(' ', at, i - at);
      prev_blank = true;
      continue;
    }
    if (c == '(' || c == 0xFF08) {
      flush(at);
      if (prev_han) {
        if (size_t n = pinyin_annotation_length(src, at)) {
          i = at + n;
          continue;  // keep prev_han: 數(shù)據(jù) has two annotations in a row
        }
      }
    }
    const uint16_t entry = c < 0x10000 ? table.bmp[c] : 0;
    if (const std::string_view* mapped =
            c < 0x10000 ? (entry == 0 ? nullptr : &table.mapped[entry - 1u]) : norm_table::lookup(c)) {
      flush(at);
      emit(*mapped, at, i - at, !mapped->empty() && utf8_lead_length(mapped->front()) == mapped->size());
      prev_blank = false;
      prev_han = is_han(c);
    } else if (c == 0xFFFD && i - at == 1) {
      // An invalid byte (read as U+FFFD, one byte long), passed on as it is, a run of its own.
      flush(at);
      emit(src.substr(at, 1), at, 1, false);
      prev_blank = prev_han = false;
    } else {
      copy(at);
    }
  }
  flush(src.size());
  out.resize(w);
  v.block_run_.resize((v.text_.size() >> kBlockBits) + 1);
  for (size_t b = 0, r = 0; b < v.block_run_.size(); ++b) {
    while (r + 1 < v.runs_.size() && v.runs_[r + 1].view <= (b << kBlockBits)) ++r;
    v.block_run_[b] = static_cast<uint32_t>(r);
  }
  return v;
}

uint32_t View::in_run(size_t r, uint32_t k) const {
  const Run& run = runs_[r];
  if (!run.same_length) return run.source;
  // Every byte of a character maps to where the character starts.
  while (k > run.view && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80) --k;
  return run.source + (k - run.view);
}

uint32_t View::last_of(size_t r) const {
  const uint32_t end = r + 1 < runs_.size() ? runs_[r + 1].view : static_cast<uint32_t>(text_.size());
  return in_run(r, end - 1);
}

uint32_t View::source_offset(uint32_t offset) const {
  if (offset >= text_.size()) return source_size_;
  // The last run starting at or before `offset`, from its block's first.
  size_t r = block_run_[offset >> kBlockBits];
  while (r + 1 < runs_.size() && runs_[r + 1].view <= offset) ++r;
  return in_run(r, offset);
}

Span View::source_span(uint32_t begin, uint32_t end) const {
  Span s{source_offset(begin), source_offset(end)};
  // The end of a span is the start of the next view character; when several view bytes come
  // from one source character (㈠ -> "(一)"), that is still the right exclusive end.
  if (s.end < s.begin) s.end = s.begin;
  return s;
}

uint32_t View::view_offset(uint32_t source) const {
  // The first run whose last source offset is at or after `source`; in it, the first byte at or
  // after it.
  size_t lo = 0, hi = runs_.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (last_of(mid) < source) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == runs_.size()) return static_cast<uint32_t>(text_.size());
  const Run& run = runs_[lo];
  if (!run.same_length || source <= run.source) return run.view;
  uint32_t k = run.view + (source - run.source);
  // Inside a character: the next one starts after it (its bytes map to where it starts).
  while (k < text_.size() && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80) ++k;
  return k;
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
