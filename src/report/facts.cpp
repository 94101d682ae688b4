#include <charconv>

#include "gklint/report.hpp"
#include "gklint/source.hpp"
#include "gklint/view.hpp"
#include "report/lines.hpp"
#include "text/regex.hpp"

namespace gklint {

namespace {

int to_int(std::string_view digits) {
  int v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

// The span of named group `name` of the first match of `re` in text[from, to), in view offsets.
bool find_group(const re2::RE2& re, std::string_view text, size_t from, size_t to,
                const std::string& name, uint32_t* begin, uint32_t* end) {
  int g = re_group(re, name);
  if (g < 0) return false;
  // Search the range itself so that ^ and $ mean its start and end (RE2 anchors to the whole
  // text, not to a start position).
  std::vector<re2::StringPiece> groups;
  if (!re_search(re, text.substr(from, to - from), 0, groups) || groups[g].data() == nullptr) return false;
  *begin = static_cast<uint32_t>(re_offset(text, groups[g]));
  *end = *begin + static_cast<uint32_t>(groups[g].size());
  return true;
}

std::optional<YearMention> year_in(const re2::RE2& re, const View& view, size_t from, size_t to) {
  uint32_t b, e;
  if (!find_group(re, view.text(), from, to, "year", &b, &e)) return std::nullopt;
  return YearMention{to_int(std::string_view(view.text()).substr(b, e - b)), view.source_span(b, e)};
}

}  // namespace

Facts read_facts(const Source&, const View& view, const DocumentModel& m, int year_override) {
  Facts f;
  const std::string_view t = view.text();
  std::vector<ViewLine> lines = view_lines(t);
  for (ViewLine& line : lines) line = strip_markup(t, line);

  // Title: a line that is the title wins over a title quoted inside a sentence (《…年度报告》).
  std::vector<size_t> candidates;
  for (size_t i = 0; i < lines.size() && candidates.size() < static_cast<size_t>(m.title_search_lines); ++i) {
    if (!lines[i].empty()) candidates.push_back(i);
  }
  size_t title_line = lines.size();
  uint32_t tb = 0, te = 0;
  for (size_t i : candidates) {
    std::string_view line = t.substr(lines[i].begin, lines[i].end - lines[i].begin);
    for (const auto& re : m.title_standalone) {
      if (re2::RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), *re)) {
        title_line = i;
        tb = lines[i].begin;
        te = lines[i].end;
        break;
      }
    }
    if (title_line != lines.size()) break;
  }
  if (title_line == lines.size()) {
    for (size_t i : candidates) {
      for (const auto& re : m.title_embedded) {
        if (find_group(*re, t, lines[i].begin, lines[i].end, "title", &tb, &te)) {
          title_line = i;
          break;
        }
      }
      if (title_line != lines.size()) break;
    }
  }

  if (title_line != lines.size()) {
    f.title = view.source_span(tb, te);
    if (m.year) f.title_year = year_in(*m.year, view, tb, te);
    uint32_t ab, ae;
    for (const auto& re : m.agency_in_title) {
      if (find_group(*re, t, tb, te, "agency", &ab, &ae) && ae > ab) {
        f.agency = view.source_span(ab, ae);
        break;
      }
    }
    if (!f.agency && m.agency_line) {
      for (size_t i = title_line; i-- > 0;) {
        if (lines[i].empty()) continue;
        if (find_group(*m.agency_line, t, lines[i].begin, lines[i].end, "agency", &ab, &ae)) {
          f.agency = view.source_span(ab, ae);
        }
        break;
      }
    }
  }

  if (m.period) {
    std::vector<re2::StringPiece> g;
    if (re_search(*m.period, t, 0, g)) {
      const auto mention = [&](int idx) -> std::optional<YearMention> {
        if (idx < 0 || g[idx].data() == nullptr) return std::nullopt;
        uint32_t b = static_cast<uint32_t>(re_offset(t, g[idx]));
        return YearMention{to_int(std::string_view(g[idx].data(), g[idx].size())),
                           view.source_span(b, b + static_cast<uint32_t>(g[idx].size()))};
      };
      uint32_t b = static_cast<uint32_t>(re_offset(t, g[0]));
      f.period = view.source_span(b, b + static_cast<uint32_t>(g[0].size()));
      f.period_start = mention(re_group(*m.period, "start"));
      f.period_end = mention(re_group(*m.period, "end"));
      if (!f.period_end) f.period_end = f.period_start;  // "2019年1月1日至12月31日"
      int day = re_group(*m.period, "day");
      f.period_end_has_day = day < 0 || g[day].data() != nullptr;
    }
  }
  if (m.year) f.first_year = year_in(*m.year, view, 0, t.size());

  if (m.year_typo) {
    int g = re_group(*m.year_typo, "digits");
    std::vector<re2::StringPiece> groups;
    for (size_t from = 0; g >= 0 && re_search(*m.year_typo, t, from, groups);) {
      uint32_t b = static_cast<uint32_t>(re_offset(t, groups[g]));
      f.year_typos.push_back({view.source_span(b, b + static_cast<uint32_t>(groups[g].size())),
                              std::string(groups[g].data(), groups[g].size())});
      from = re_offset(t, groups[0]) + std::max<size_t>(groups[0].size(), 1);
    }
  }

  if (year_override > 0) {
    f.report_year = year_override;
    f.year_source = "option";
  } else if (f.title_year) {
    f.report_year = f.title_year->year;
    f.year_source = "title";
  } else if (f.period_end) {
    f.report_year = f.period_end->year;
    f.year_source = "period";
  } else if (f.first_year) {
    f.report_year = f.first_year->year;
    f.year_source = "text";
  }
  return f;
}

std::string_view span_text(const Source& source, Span span) {
  return std::string_view(source.text()).substr(span.begin, span.end - span.begin);
}

}  // namespace gklint
