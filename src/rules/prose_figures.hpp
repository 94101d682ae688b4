// Figures in a report's prose, as the content checks that compare them read them: a figure in
// Arabic digits and its unit (475条), the marks that cut a list and end a sentence, and a list's
// total found before it. On the normalized view text (， ； ！ ？ are ASCII there).
#pragma once

#include <algorithm>
#include <bitset>
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

// A few words found quickly: memchr finds their first bytes (one pass per distinct first byte),
// and the character there is looked up in a table of the words' first characters before any word
// is compared. A find per word would stop and compare at every character sharing a word's lead
// byte (a third of Chinese text); a loop over every character costs more than memchr's.
class WordScan {
 public:
  explicit WordScan(std::vector<std::string> words);
  const std::vector<std::string>& words() const { return words_; }
  // Calls f(position, word index) for each word starting in [from, to): in the text's order for
  // words of one first byte, else first byte by first byte.
  template <typename F>
  void each(std::string_view t, size_t from, size_t to, F&& f) const {
    to = std::min(to, t.size());
    for (const char lead : leads_) {
      for (size_t i = from; i < to; ++i) {
        const void* hit = std::memchr(t.data() + i, lead, to - i);
        if (!hit) break;
        i = static_cast<size_t>(static_cast<const char*>(hit) - t.data());
        if (!first_[key(t, i, char_length(t, i))]) continue;
        for (size_t w = 0; w < words_.size(); ++w) {
          if (i + words_[w].size() <= to && t.compare(i, words_[w].size(), words_[w]) == 0) f(i, w);
        }
      }
    }
  }

 private:
  static size_t char_length(std::string_view t, size_t i) {
    const auto b = static_cast<unsigned char>(t[i]);
    const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    return std::min(len, t.size() - i);
  }
  // The character's code point, folded to 16 bits (a 4-byte one may share a key: compared anyway).
  static size_t key(std::string_view t, size_t i, size_t len) {
    size_t cp = static_cast<unsigned char>(t[i]) & (len == 1 ? 0x7F : 0x3F >> (len - 1));
    for (size_t k = 1; k < len; ++k) cp = cp << 6 | (static_cast<unsigned char>(t[i + k]) & 0x3F);
    return cp & 0xFFFF;
  }

  std::vector<std::string> words_;
  std::string leads_;         // the words' distinct first bytes (a character's first byte, always)
  std::bitset<65536> first_;  // the words' first characters
};

// Marks that cut a list into segments (、 , ;), and marks that end a sentence (。 ! ? and a line
// break). `_at`: the mark starting at t[i]; `_before`: a mark ending just before t[c].
bool separator_at(std::string_view t, size_t i);
bool sentence_end_at(std::string_view t, size_t i);
bool separator_before(std::string_view t, size_t c);
bool sentence_end_before(std::string_view t, size_t c);
size_t mark_length(std::string_view t, size_t i);

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
