#include <algorithm>
#include <charconv>

#include "gklint/regex.hpp"
#include "gklint/report.hpp"
#include "gklint/source.hpp"
#include "gklint/view.hpp"
#include "report/chrome.hpp"
#include "report/lines.hpp"

namespace gklint {

namespace {

int to_int(std::string_view digits) {
  int v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

// The span of named group `name` of the first match of `pattern` in text[from, to), in view offsets.
bool find_group(const Regex& pattern, std::string_view text, size_t from, size_t to, const std::string& name,
                uint32_t* begin, uint32_t* end) {
  // Search the range itself so that ^ and $ mean its start and end (RE2 anchors to the whole
  // text, not to a start position).
  const std::string_view range = text.substr(from, to - from);
  if (!pattern.may_match(range)) return false;  // (not compiled: ^关于… and a title without 关于)
  const re2::RE2& re = *pattern;
  int g = re_group(re, name);
  if (g < 0) return false;
  std::vector<re2::StringPiece> groups;
  if (!re_search(re, range, 0, groups) || groups[g].data() == nullptr) return false;
  *begin = static_cast<uint32_t>(re_offset(text, groups[g]));
  *end = *begin + static_cast<uint32_t>(groups[g].size());
  return true;
}

std::optional<YearMention> year_in(const Regex& re, const View& view, size_t from, size_t to) {
  uint32_t b, e;
  if (!find_group(re, view.text(), from, to, "year", &b, &e)) return std::nullopt;
  return YearMention{to_int(std::string_view(view.text()).substr(b, e - b)), view.source_span(b, e)};
}

// The first sentence of a line: a title inside a line is at its start or quoted in its first
// sentence; a 《…报告》 further on is a reference to some report, and taking it as the title would
// hide every heading before it (crawled one-line pages are a single line).
ViewLine first_sentence(std::string_view t, ViewLine line) {
  size_t stop = t.substr(0, line.end).find("。", line.begin);
  if (stop != std::string_view::npos) line.end = static_cast<uint32_t>(stop);
  return line;
}

// The title among `candidates` (non-empty lines, in order): a line that is the title wins over a
// title inside a line (at its start, or quoted: 《…年度报告》). Returns the candidate's index.
std::optional<size_t> find_title(const DocumentModel& m, std::string_view t, const std::vector<ViewLine>& candidates,
                                 uint32_t* tb, uint32_t* te) {
  for (size_t i = 0; i < candidates.size(); ++i) {
    std::string_view line = t.substr(candidates[i].begin, candidates[i].end - candidates[i].begin);
    for (const auto& re : m.title_standalone) {
      if (re2::RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), *re)) {
        *tb = candidates[i].begin;
        *te = candidates[i].end;
        return i;
      }
    }
  }
  for (size_t i = 0; i < candidates.size(); ++i) {
    const ViewLine first = first_sentence(t, candidates[i]);
    for (const auto& re : m.title_embedded) {
      if (find_group(re, t, first.begin, first.end, "title", tb, te)) return i;
    }
  }
  return std::nullopt;
}

}  // namespace

Facts read_facts(const Source&, const View& view, const DocumentModel& m, int year_override) {
  Facts f;
  const std::string_view t = view.text();
  const BodyBounds body = find_body(t, m.chrome);
  f.body = view.source_span(body.begin, body.end);

  // Title candidates: the first lines of the body, cut to it (a crawled page's line starts with
  // navigation, and the body starts mid-line).
  std::vector<ViewLine> candidates;
  for (ViewLine line : view_lines(t)) {
    if (candidates.size() >= static_cast<size_t>(m.title_search_lines)) break;
    if (line.end <= body.begin || line.begin >= body.end) continue;
    line.begin = std::max(line.begin, body.begin);
    line.end = std::min(line.end, body.end);
    while (line.begin < line.end && (t[line.begin] == ' ' || t[line.begin] == '\t')) ++line.begin;
    while (line.end > line.begin && (t[line.end - 1] == ' ' || t[line.end - 1] == '\t')) --line.end;
    line = strip_markup(t, line);
    if (!line.empty()) candidates.push_back(line);
  }
  uint32_t tb = 0, te = 0;
  std::optional<size_t> title_line = find_title(m, t, candidates, &tb, &te);
  // No title in the report itself: the title a crawler recorded (标题: …), as a value without its
  // label, when it reads as a title.
  const bool from_header = !title_line && find_title(m, t, body.header_titles, &tb, &te);

  if (title_line || from_header) {
    f.title = view.source_span(tb, te);
    if (m.year) f.title_year = year_in(m.year, view, tb, te);
    uint32_t ab, ae;
    for (const auto& re : m.agency_in_title) {
      if (find_group(re, t, tb, te, "agency", &ab, &ae) && ae > ab) {
        f.agency = view.source_span(ab, ae);
        break;
      }
    }
    // The line before the title, inside the body (a header line or navigation is no agency).
    if (!f.agency && m.agency_line && title_line && *title_line > 0) {
      const ViewLine& before = candidates[*title_line - 1];
      if (find_group(m.agency_line, t, before.begin, before.end, "agency", &ab, &ae)) {
        f.agency = view.source_span(ab, ae);
      }
    }
  }

  // The period and the years are read in the body: a crawler's dates and paths are not the report's.
  // (`body_text` points into `t`, so offsets of its matches are taken against `t`.)
  const std::string_view body_text = t.substr(body.begin, body.end - body.begin);
  if (m.period) {
    std::vector<re2::StringPiece> g;
    if (re_search(*m.period, body_text, 0, g)) {
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
  if (m.year) f.first_year = year_in(m.year, view, body.begin, body.end);

  if (m.year_typo) {
    int g = re_group(*m.year_typo, "digits");
    std::vector<re2::StringPiece> groups;
    for (size_t from = 0; g >= 0 && re_search(*m.year_typo, body_text, from, groups);) {
      uint32_t b = static_cast<uint32_t>(re_offset(t, groups[g]));
      f.year_typos.push_back({view.source_span(b, b + static_cast<uint32_t>(groups[g].size())),
                              std::string(groups[g].data(), groups[g].size())});
      from = re_offset(body_text, groups[0]) + std::max<size_t>(groups[0].size(), 1);
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

}  // namespace gklint
