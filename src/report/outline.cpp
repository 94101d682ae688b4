#include <algorithm>
#include <array>
#include <cstring>

#include "gklint/numerals.hpp"
#include "gklint/report.hpp"
#include "gklint/source.hpp"
#include "gklint/view.hpp"
#include "report/lines.hpp"

namespace gklint {

// The view's text is always valid UTF-8 (the view makes it), so it is decoded without checks.
namespace {

constexpr int kMaxLevel = 4;
constexpr size_t kMaxTitleChars = 60;  // a numbered paragraph's heading is its first sentence
constexpr size_t kMaxInlineTitleChars = 40;
constexpr size_t kMaxShortTitleChars = 20;  // "（二）依申请公开。": a heading, though glued to its paragraph

struct Marker {
  NumberStyle style = NumberStyle::none;
  int number = 0;
  size_t length = 0;  // bytes, including the trailing 、 or . and blanks
};

int level_of(NumberStyle s) {
  switch (s) {
    case NumberStyle::part: return 0;
    case NumberStyle::cn_dun: return 1;
    case NumberStyle::cn_paren: return 2;
    case NumberStyle::arabic_dot: return 3;
    case NumberStyle::arabic_paren: return 4;
    case NumberStyle::none: return 1;
  }
  return 1;
}

// Called for every character of a paragraph: no substr (it may throw), no call.
inline bool starts(std::string_view t, size_t p, std::string_view s) {
  return p <= t.size() && t.size() - p >= s.size() && std::memcmp(t.data() + p, s.data(), s.size()) == 0;
}

size_t skip_blanks(std::string_view t, size_t p, size_t end) {
  while (p < end && (t[p] == ' ' || t[p] == '\t')) ++p;
  return p;
}

bool is_terminator(std::string_view t, size_t p) {
  // Full-width ！？；： are already ASCII in the view.
  return starts(t, p, "。") || t[p] == '!' || t[p] == '?' || t[p] == ';' || t[p] == ':';
}

// A heading number at t[p]: 第一部分, (一), (1), 一、, 1. or 1、 (the view has ASCII brackets).
bool parse_marker(std::string_view t, size_t p, size_t end, Marker* m) {
  int n = 0;
  size_t len = 0;
  size_t q = p;
  if (starts(t, p, "第") && parse_cn_numeral(t, p + 3, &n, &len) && starts(t, p + 3 + len, "部分")) {
    m->style = NumberStyle::part;
    q = p + 3 + len + 6;
  } else if (t[p] == '(' && parse_cn_numeral(t, p + 1, &n, &len) && p + 1 + len < end && t[p + 1 + len] == ')') {
    m->style = NumberStyle::cn_paren;
    q = p + 2 + len;
  } else if (t[p] == '(' && parse_small_arabic(t, p + 1, &n, &len) && p + 1 + len < end && t[p + 1 + len] == ')') {
    m->style = NumberStyle::arabic_paren;
    q = p + 2 + len;
  } else if (parse_cn_numeral(t, p, &n, &len) && (starts(t, p + len, "、") || starts(t, p + len, "."))) {
    m->style = NumberStyle::cn_dun;
    q = p + len + (t[p + len] == '.' ? 1 : 3);
  } else if (parse_small_arabic(t, p, &n, &len) && (starts(t, p + len, "、") || starts(t, p + len, "."))) {
    q = p + len + (t[p + len] == '.' ? 1 : 3);
    // "2.5亿元" and "2018.12" are numbers, not headings.
    if (q < end && t[q] >= '0' && t[q] <= '9') return false;
    m->style = NumberStyle::arabic_dot;
  } else {
    return false;
  }
  if (m->style == NumberStyle::cn_paren || m->style == NumberStyle::arabic_paren) {
    if (starts(t, q, "、"))
      q += 3;  // "（一）、"
    else if (q < end && t[q] == '.')
      q += 1;
  }
  q = skip_blanks(t, q, end);
  if (q >= end || is_terminator(t, q)) return false;  // a number with no title
  m->number = n;
  m->length = q - p;
  return true;
}

// Cheap test before parse_marker, which most positions of a paragraph fail: a （一） or 一、 marker
// starts with '(' or has its 、 one or two characters on.
inline bool may_start_marker(std::string_view t, size_t p) {
  const auto dun_at = [&](size_t q) {  // 、 is E3 80 81
    return q + 3 <= t.size() && t[q] == '\xE3' && t[q + 1] == '\x80' && t[q + 2] == '\x81';
  };
  const unsigned char lead = static_cast<unsigned char>(t[p]);
  // Chinese numerals 一…十 are encoded with lead byte E4 or E5.
  return t[p] == '(' || ((lead == 0xE4 || lead == 0xE5) && (dun_at(p + 3) || dun_at(p + 6)));
}

// A （一） or 一、 marker inside a title starts a heading of its own ("…改进情况（一）存在的主要问题"),
// unless it is a reference ("第（一）项").
bool inner_marker(std::string_view t, size_t p, size_t end) {
  int n;
  size_t len;
  if (p >= 3 && starts(t, p - 3, "第")) return false;
  if (t[p] == '(') return parse_cn_numeral(t, p + 1, &n, &len) && p + 1 + len < end && t[p + 1 + len] == ')';
  return parse_cn_numeral(t, p, &n, &len) && starts(t, p + len, "、");
}

// End of a title starting at `p`: the first sentence terminator (or blank, for titles found
// inside crawled one-line text), or a heading marker glued after it, capped at `max_chars` code
// points.
size_t title_end(std::string_view t, size_t p, size_t end, size_t max_chars, bool stop_at_blank) {
  size_t chars = 0;
  const size_t from = p;
  while (p < end && chars < max_chars) {
    if (is_terminator(t, p) || (stop_at_blank && t[p] == ' ') ||
        (p > from && may_start_marker(t, p) && inner_marker(t, p, end)))
      break;
    utf8_next_valid(t, p);
    ++chars;
  }
  while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == ',')) --p;
  return p;
}

size_t count_han(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = utf8_next_valid(s, i);
    if (c >= 0x4E00 && c <= 0x9FFF) ++n;
  }
  return n;
}

// Words of two or more Chinese characters parted by blanks ("行政复议 行政诉讼"): a table's header
// row read as a line (a PDF's borderless table, a crawled page's flattened one), not a title. A
// title spaced out a character at a time ("总 体 情 况") has one such word at most.
bool is_row_of_words(std::string_view s) {
  size_t words = 0;
  for (size_t begin = 0; begin < s.size();) {
    size_t end = s.find(' ', begin);
    if (end == std::string_view::npos) end = s.size();
    if (count_han(s.substr(begin, end - begin)) >= 2) ++words;
    begin = end + 1;
  }
  return words >= 2;
}

bool has_sentence_punctuation(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (is_terminator(s, i) || s[i] == ',') return true;
  }
  return false;
}

class OutlineReader {
 public:
  OutlineReader(const View& view, const DocumentModel& model, const std::vector<Table>& tables)
      : view_(view), model_(model) {
    for (const Table& tb : tables) {
      tables_.emplace_back(view.view_offset(tb.span.begin), view.view_offset(tb.span.end));
    }
    std::sort(tables_.begin(), tables_.end());
  }

  std::vector<Heading> read(uint32_t skip_before_source, uint32_t stop_at_source, const std::vector<Table>& tables) {
    const std::string_view t = view_.text();
    const uint32_t stop = view_.view_offset(stop_at_source);
    for (ViewLine line : view_lines(t)) {
      if (line.begin >= stop) break;
      line.end = std::min(line.end, stop);  // a footer on the report's last line is not read
      if (line.empty()) continue;
      const uint32_t at = view_.source_offset(line.begin);
      if (std::any_of(tables.begin(), tables.end(),
                      [&](const Table& tb) { return at >= tb.span.begin && at < tb.span.end; })) {
        // A table starting in the middle of a crawled line leaves the text around it to read.
        if (line.end > line.begin && table_end_at(line.begin) < line.end)
          scan_inline(table_end_at(line.begin), line.end);
        continue;
      }
      if (at < skip_before_source) {
        // The title's own line: only what follows the title (crawled one-line text) can hold headings.
        size_t after = line.begin;
        while (after < line.end && view_.source_offset(static_cast<uint32_t>(after)) < skip_before_source) ++after;
        if (after < line.end) scan_inline(after, line.end);
        continue;
      }
      ViewLine content = strip_markup(t, line);
      std::string_view text = t.substr(content.begin, content.end - content.begin);
      // Table rows (pipe- or tab-separated) hold labels like 一、本年新收… that are not headings.
      if (is_separated_row(text)) continue;
      Marker m;
      if (parse_marker(t, content.begin, content.end, &m)) {
        size_t title_begin = content.begin + m.length;
        size_t end = title_end(t, title_begin, content.end, kMaxTitleChars, false);
        // A known wording followed by a long run of text is a heading glued to its paragraph.
        const size_t known = known_length(title_begin, content.end);
        if (known > 0 && title_begin + known < end &&
            count_chars(t.substr(title_begin, end - title_begin)) >= kMaxInlineTitleChars) {
          end = title_begin + known;
        }
        add(m.style, m.number, content.begin, title_begin, end, false);
        scan_inline(end, content.end);
      } else if (is_bare_heading(text)) {
        add(NumberStyle::none, 0, content.begin, content.begin, content.end, false);
      } else {
        scan_inline(content.begin, content.end);
      }
    }
    link_parents();
    return std::move(headings_);
  }

 private:
  static size_t count_chars(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size(); utf8_next_valid(s, i)) ++n;
    return n;
  }

  bool is_bare_heading(std::string_view text) const {
    if (!model_.known_heading || has_sentence_punctuation(text) || count_han(text) < 2) return false;
    // Words parted by blanks name a section only as a whole wording ("总体 情况"), not by a keyword.
    if (is_row_of_words(text) && !is_whole_wording(text)) return false;
    return count_chars(text) <= static_cast<size_t>(model_.bare_heading_max_chars) &&
           model_.known_heading(strip_blanks(text));
  }

  bool is_whole_wording(std::string_view text) const {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return model_.known_title_length && !text.empty() && model_.known_title_length(text) == text.size();
  }

  size_t known_length(size_t title_begin, size_t end) const {
    if (!model_.known_title_length) return 0;
    constexpr size_t kLongestWording = 240;  // bytes: no wording is longer
    return model_.known_title_length(view_.text().substr(title_begin, std::min(end - title_begin, kLongestWording)));
  }

  // The end of the table holding view offset p, or p when none does.
  size_t table_end_at(size_t p) const {
    for (const auto& [b, e] : tables_) {
      if (p >= b && p < e) return e;
    }
    return p;
  }
  // The start of the first table after p (before `end`), or `end`.
  size_t next_table(size_t p, size_t end) const {
    for (const auto& [b, e] : tables_) {
      if (b > p && b < end) return b;
    }
    return end;
  }

  // An unknown title run into its paragraph ends after the first word that ends titles (情况, 事项…).
  size_t cut_at_title_end_word(size_t title_begin, size_t stop) const {
    const std::string_view t = view_.text();
    size_t best = stop;
    for (const std::string& w : model_.title_ends) {
      const size_t at = t.substr(title_begin, stop - title_begin).find(w);
      if (at != std::string_view::npos) best = std::min(best, title_begin + at + w.size());
    }
    return best;
  }

  // Headings run into a paragraph, as in crawled one-line text. A 一、 or （一） marker followed by a
  // known section wording is a heading wherever it stands ("…2090万元三、收到和处理…"), and its title
  // ends where the wording ends. Any other marker is taken only where a sentence, a blank, a heading
  // or a table ended, and only when it continues the numbering (or skips one to a title that names
  // a section: a report that lacks 五 still has 六、其他需要报告的事项). Table cells are never headings.
  void scan_inline(size_t from, size_t end) {
    const std::string_view t = view_.text();
    bool boundary = true;  // p follows a sentence end, a blank, a heading title or a table
    size_t next_tbl = 0;   // the first table not yet passed
    for (size_t p = from; p < end;) {
      // Tables in order: skip the one p has reached.
      while (next_tbl < tables_.size() && tables_[next_tbl].second <= p) ++next_tbl;
      if (next_tbl < tables_.size() && tables_[next_tbl].first <= p) {
        p = tables_[next_tbl].second;
        boundary = true;
        continue;
      }
      Marker m;
      if (may_start_marker(t, p) && parse_marker(t, p, end, &m) &&
          (m.style == NumberStyle::cn_dun || m.style == NumberStyle::cn_paren) && !(p >= 3 && starts(t, p - 3, "第"))) {
        const size_t title_begin = p + m.length;
        const size_t limit = next_table(p, end);
        size_t known = known_length(title_begin, limit);
        if (known > 0) {
          add(m.style, m.number, p, title_begin, title_begin + known, true);
          p = title_begin + known;
          boundary = true;
          continue;
        }
        size_t stop = title_end(t, title_begin, limit, kMaxInlineTitleChars, true);
        if (stop > title_begin) {
          const std::string_view title = t.substr(title_begin, stop - title_begin);
          const int next = last_number_[level_of(m.style)] + 1;
          // A short title closed by a sentence end or by a sub-heading reads as a heading
          // ("（二）依申请公开。…", "…责任四、政府信息公开收费与减免情况（一）…"): taken glued to the text
          // before it too, and when it repeats or skips a number (the numbering check reports
          // that, and reading goes on).
          const bool closed = stop < limit && (is_terminator(t, stop) || inner_marker(t, stop, limit)) &&
                              count_chars(title) <= kMaxShortTitleChars;
          const bool names_section = model_.known_heading && model_.known_heading(strip_blanks(title));
          const bool near = std::abs(m.number - next) <= 1 && m.number >= 1;
          const bool skips_to_section = names_section && m.style == NumberStyle::cn_dun && m.number == next + 1;
          const bool take = boundary ? (m.number == next || (closed && near) || skips_to_section)
                                     : closed && (near || skips_to_section);
          if (take) {
            stop = cut_at_title_end_word(title_begin, stop);
            add(m.style, m.number, p, title_begin, stop, true);
            p = stop;
            boundary = true;
            continue;
          }
        }
      }
      boundary = is_terminator(t, p) || t[p] == ' ';
      utf8_next_valid(t, p);
    }
  }

  void add(NumberStyle style, int number, size_t begin, size_t title_begin, size_t title_end_at, bool in_paragraph) {
    Heading h;
    h.style = style;
    h.level = level_of(style);
    h.number = number;
    h.span = view_.source_span(static_cast<uint32_t>(begin), static_cast<uint32_t>(title_end_at));
    h.title = view_.source_span(static_cast<uint32_t>(title_begin), static_cast<uint32_t>(title_end_at));
    h.key = strip_blanks(view_.text().substr(title_begin, title_end_at - title_begin));
    h.in_paragraph = in_paragraph;
    const int level = h.level;
    headings_.push_back(std::move(h));
    // A heading restarts the numbering of every deeper level.
    last_number_[level] = number == 0 ? last_number_[level] + 1 : number;
    for (int l = level + 1; l <= kMaxLevel; ++l) last_number_[l] = 0;
  }

  void link_parents() {
    std::vector<int> stack;
    for (int i = 0; i < static_cast<int>(headings_.size()); ++i) {
      while (!stack.empty() && headings_[stack.back()].level >= headings_[i].level) stack.pop_back();
      headings_[i].parent = stack.empty() ? -1 : stack.back();
      stack.push_back(i);
    }
  }

  const View& view_;
  const DocumentModel& model_;
  std::vector<std::pair<size_t, size_t>> tables_;  // view ranges of the tables read, in order
  std::vector<Heading> headings_;
  std::array<int, kMaxLevel + 1> last_number_{};
};

}  // namespace

std::vector<Heading> read_outline(const Source&, const View& view, const DocumentModel& model, const Facts& facts,
                                  const std::vector<Table>& tables) {
  // Headings follow the title; what comes before it is a cover letter or page metadata. They are
  // in the body: the title may come from a crawler's header, before the page's navigation.
  uint32_t skip = std::max(facts.title ? facts.title->end : 0, facts.body.begin);
  return OutlineReader(view, model, tables).read(skip, facts.body.end, tables);
}

std::string heading_marker(const Source& source, const Heading& h) {
  std::string_view m = span_text(source, Span{h.span.begin, h.title.begin});
  while (!m.empty() && (m.back() == ' ' || m.back() == '\t')) m.remove_suffix(1);
  return std::string(m);
}

}  // namespace gklint
