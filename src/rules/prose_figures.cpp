#include "rules/prose_figures.hpp"

#include <algorithm>
#include <cstdio>

namespace gklint {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool contains_any(std::string_view text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return text.find(w) != text.npos; });
}

std::string format_decimals(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::vector<std::pair<size_t, size_t>> sentences_near(std::string_view t, size_t from, size_t to, const WordScan& near,
                                                      size_t max_bytes) {
  std::vector<size_t> hits;
  near.each(t, from, to, [&](size_t at, size_t) { hits.push_back(at); });
  std::sort(hits.begin(), hits.end());  // the hits come word by word
  std::vector<std::pair<size_t, size_t>> out;
  for (const size_t at : hits) {
    if (!out.empty() && at < out.back().second) continue;  // inside the sentence just taken
    const size_t floor = at > from + max_bytes ? at - max_bytes : from;
    // Byte by byte, most passed over on one byte: an end starts with \n ! ? or E3 (。 is E3 80 82)
    // and finishes with \n ! ? or 82.
    size_t b = at;
    while (b > floor && !(may_finish_end(t[b - 1]) && sentence_end_before(t, b))) --b;
    const size_t ceiling = std::min(to, at + max_bytes);
    size_t e = at;
    while (e < ceiling && !(may_start_end(t[e]) && sentence_end_at(t, e))) ++e;
    if (e < ceiling) e += mark_length(t, e);
    if (!out.empty() && b <= out.back().second) {
      out.back().second = std::max(out.back().second, e);
    } else {
      out.emplace_back(b, e);
    }
  }
  return out;
}

Units::Units(std::vector<std::string> words) : words_(std::move(words)) {
  std::sort(words_.begin(), words_.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
}

std::string_view Units::at(std::string_view t, size_t i) const {
  for (const std::string& u : words_) {
    if (t.substr(i, u.size()) == u) return u;
  }
  return {};
}

std::vector<Figure> Units::figures(std::string_view t, size_t b, size_t e) const {
  std::vector<Figure> list;
  for (size_t i = b; i < e;) {
    // A figure starts at a digit that does not continue one (2,979 is one figure, not 979).
    if (!is_digit(t[i]) || (i > 0 && (is_digit(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == ','))) {
      ++i;
      continue;
    }
    Figure f;
    if (!read_number(t.substr(0, e), i, &f.number)) {
      ++i;
      continue;
    }
    f.begin = i;
    f.end = i + f.number.length;
    f.unit = std::string(at(t, f.end));
    f.unit_end = f.end + f.unit.size();
    list.push_back(f);
    i = f.end;
  }
  return list;
}

std::optional<Total> total_before(std::string_view t, const Prose& prose, size_t at, const std::string& unit,
                                  const Units& units, const std::vector<std::string>& not_totals, size_t max_back) {
  size_t back = at;
  for (size_t n = 0; back > prose.from && n < max_back; ++n) {
    size_t prev = back - 1;
    while (prev > prose.from && (static_cast<unsigned char>(t[prev]) & 0xC0) == 0x80) --prev;
    if (t[prev] == '\n' || prose.in_gap(prev, back)) break;
    back = prev;
  }
  const std::vector<Figure> before = units.figures(t, back, at);
  Total total;
  for (auto it = before.rbegin(); it != before.rend(); ++it) {
    if (it->unit != unit) continue;
    // The clause the figure is said in: from the mark before it.
    size_t clause = it->begin;
    while (clause > back && !separator_before(t, clause) && !sentence_end_before(t, clause)) --clause;
    if (contains_any(t.substr(clause, it->begin - clause), not_totals)) {
      total.passed_over = true;
      continue;
    }
    total.figure = *it;
    for (size_t i = it->unit_end; i < at; ++i) {
      if (sentence_end_at(t, i)) total.same_sentence = false;
    }
    return total;
  }
  return std::nullopt;
}

}  // namespace gklint
