// Figures in a report's prose, as the content checks that compare them read them: a figure in
// Arabic digits and its unit (475条), the marks that cut a list and end a sentence, and a list's
// total found before it. On the normalized view text (， ； ！ ？ are ASCII there).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/numbers.hpp"
#include "rules/check.hpp"

namespace gklint {

bool contains_any(std::string_view text, const std::vector<std::string>& words);

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
