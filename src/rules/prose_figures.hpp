// Figures in a report's prose, as the content checks that compare them read them: a figure in
// Arabic digits and its unit (475条), the marks that cut a list and end a sentence, and a list's
// total found before it. On the normalized view text (， ； ！ ？ are ASCII there).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/numbers.hpp"
#include "rules/check.hpp"

namespace gklint {

bool contains_any(std::string_view text, const std::vector<std::string>& words);

// A computed figure as a message prints it: `decimals` digits after the point.
std::string format_decimals(double value, int decimals);

// A few words found quickly. memchr looks for the last byte of a word's first character: for a
// Chinese word a continuation byte, one of 64 values, so memchr stops at a few characters in a
// hundred; a find per word stops at every character sharing the word's lead byte (E6, E7: a third
// of Chinese text) and compares there.
class WordScan {
 public:
  explicit WordScan(std::vector<std::string> words) : words_(std::move(words)) {}
  const std::vector<std::string>& words() const { return words_; }
  // Calls f(position, word index) for each word starting in [from, to): word by word, each in the
  // text's order.
  template <typename F>
  void each(std::string_view t, size_t from, size_t to, F&& f) const {
    to = std::min(to, t.size());
    for (size_t w = 0; w < words_.size(); ++w) {
      const std::string& word = words_[w];
      if (word.empty()) continue;
      const auto lead = static_cast<unsigned char>(word[0]);
      const size_t k = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;  // the key byte
      if (k >= word.size()) continue;
      for (size_t i = from + k; i < to; ++i) {
        const void* hit = std::memchr(t.data() + i, word[k], to - i);
        if (!hit) break;
        i = static_cast<size_t>(static_cast<const char*>(hit) - t.data());
        const size_t start = i - k;
        if (start + word.size() <= to && t.compare(start, word.size(), word) == 0) f(start, w);
      }
    }
  }

 private:
  std::vector<std::string> words_;
};

// Marks that cut a list into segments (、 , ;), and marks that end a sentence (。 ! ? and a line
// break). `_at`: the mark starting at t[i]; `_before`: a mark ending just before t[c].
inline bool separator_at(std::string_view t, size_t i) { return t[i] == ',' || t[i] == ';' || t.substr(i, 3) == "、"; }
inline bool sentence_end_at(std::string_view t, size_t i) {
  return t[i] == '\n' || t[i] == '!' || t[i] == '?' || t.substr(i, 3) == "。";
}
inline bool separator_before(std::string_view t, size_t c) {
  return c > 0 && (t[c - 1] == ',' || t[c - 1] == ';' || (c >= 3 && t.substr(c - 3, 3) == "、"));
}
inline bool sentence_end_before(std::string_view t, size_t c) {
  return c > 0 && (t[c - 1] == '\n' || t[c - 1] == '!' || t[c - 1] == '?' || (c >= 3 && t.substr(c - 3, 3) == "。"));
}
inline size_t mark_length(std::string_view t, size_t i) { return static_cast<unsigned char>(t[i]) < 0x80 ? 1 : 3; }
// Cheap first tests for the two above: the first and the last byte of a sentence end.
inline bool may_start_end(char c) { return c == '\n' || c == '!' || c == '?' || c == '\xE3'; }
inline bool may_finish_end(char c) { return c == '\n' || c == '!' || c == '?' || c == '\x82'; }

// The sentences of [from, to) holding a word of `near`, as view ranges in order, overlapping ones
// merged: where a pattern that needs such a word is worth running (a sentence ends at 。 ! ? or a
// line break, and is cut at `max_bytes` either side of the word).
std::vector<std::pair<size_t, size_t>> sentences_near(std::string_view t, size_t from, size_t to, const WordScan& near,
                                                      size_t max_bytes = 600);

// A figure in Arabic digits and the unit right after it (empty when none), in view offsets.
struct Figure {
  size_t begin = 0, end = 0;  // the figure (with 余, %, a range's second number …)
  size_t unit_end = 0;        // after the unit
  ProseNumber number;
  std::string unit;
};

// The units a rule counts in, longest first (人次 before 人).
class Units {
 public:
  explicit Units(std::vector<std::string> words);
  std::string_view at(std::string_view t, size_t i) const;
  // Every figure in Arabic digits in [b, e).
  std::vector<Figure> figures(std::string_view t, size_t b, size_t e) const;

 private:
  std::vector<std::string> words_;
};

// The total a list after t[at] (其中 …) is counted from: the nearest figure of `unit` before `at`
// in the same paragraph, within `max_back` characters, outside tables and headings, passing over
// figures whose clause has a word of `not_totals` (累计, 同比 …).
struct Total {
  Figure figure;
  bool passed_over = false;   // a figure of the unit was passed over
  bool same_sentence = true;  // no sentence end between it and `at`
};
std::optional<Total> total_before(std::string_view t, const Prose& prose, size_t at, const std::string& unit,
                                  const Units& units, const std::vector<std::string>& not_totals, size_t max_back);

}  // namespace gklint
