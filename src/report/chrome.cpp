#include "report/chrome.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "gklint/regex.hpp"

namespace gklint {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }

size_t line_end(std::string_view t, size_t p) {
  size_t nl = t.find('\n', p);
  return nl == std::string_view::npos ? t.size() : nl;
}

size_t line_start(std::string_view t, size_t p) {
  size_t nl = p == 0 ? std::string_view::npos : t.rfind('\n', p - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

re2::StringPiece piece(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

// A header line: the whole line matches. Records the title value when the pattern has one.
bool header_line(const Chrome& chrome, std::string_view t, size_t begin, size_t end, BodyBounds* out) {
  const std::string_view line = t.substr(begin, end - begin);
  for (const auto& re : chrome.header) {
    // A line that starts with none of the pattern's leading words is no such header, and the
    // pattern need not be compiled. Whether it matches at all is the DFA's quick answer; the groups
    // cost more, and most lines are no header.
    if (!re.may_start(line)) continue;
    if (!re->Match(piece(line), 0, line.size(), re2::RE2::ANCHOR_BOTH, nullptr, 0)) continue;
    std::vector<re2::StringPiece> g(static_cast<size_t>(re->NumberOfCapturingGroups()) + 1);
    if (!re->Match(piece(line), 0, line.size(), re2::RE2::ANCHOR_BOTH, g.data(), static_cast<int>(g.size()))) {
      continue;
    }
    const int title = re_group(*re, "title");
    if (title >= 0 && g[title].data() != nullptr) {
      size_t b = re_offset(t, g[title]), e = b + g[title].size();
      while (b < e && is_blank(t[b])) ++b;
      while (e > b && is_blank(t[e - 1])) --e;
      if (e > b) out->header_titles.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    }
    return true;
  }
  return false;
}

// Length of the longest leading piece at the start of `line` (0: none). The longest, so that the
// order of the patterns in the rule file does not matter.
size_t leading_piece(const Chrome& chrome, std::string_view line) {
  size_t n = 0;
  for (const auto& re : chrome.leading) {
    if (!re.may_start(line)) continue;  // (not compiled: a tidy report starts with its title)
    re2::StringPiece m;
    if (re->Match(piece(line), 0, line.size(), re2::RE2::ANCHOR_START, &m, 1)) n = std::max(n, m.size());
  }
  return n;
}

// Where the earliest-starting trailing piece ending at the end of `line` starts (npos: none).
size_t trailing_piece(const Chrome& chrome, std::string_view line) {
  size_t cut = std::string_view::npos;
  // Page furniture holds no sentence end: a piece starts after the line's last 。 (the report's
  // own last sentence). Most reports end with one, and are then not searched at all.
  const size_t stop = line.rfind("。");
  const size_t from = stop == std::string_view::npos ? 0 : stop + std::string_view("。").size();
  if (from >= line.size()) return cut;
  for (const auto& re : chrome.trailing) {
    re2::StringPiece m;
    // The loader anchors trailing patterns at the end; RE2 sees the text before `from` as
    // context, so ^ still means the line's start.
    if (re->Match(piece(line), from, line.size(), re2::RE2::UNANCHORED, &m, 1) && !m.empty()) {
      cut = std::min(cut, static_cast<size_t>(m.data() - line.data()));
    }
  }
  return cut;
}

}  // namespace

BodyBounds find_body(std::string_view t, const Chrome& chrome) {
  BodyBounds b;
  b.end = static_cast<uint32_t>(t.size());

  bool leading = false;
  bool line_start_here = true;  // only blanks since the line began: a header line may start here
  size_t p = 0;
  while (true) {
    for (; p < t.size() && is_space(t[p]); ++p) line_start_here |= t[p] == '\n';
    if (p >= t.size()) break;
    size_t e = line_end(t, p);
    while (e > p && is_blank(t[e - 1])) --e;
    if (line_start_here && header_line(chrome, t, p, e, &b)) {
      p = e;
      leading = true;
      continue;
    }
    const size_t n = leading_piece(chrome, t.substr(p, e - p));
    if (n == 0) break;
    p += n;
    leading = true;
    line_start_here = false;
  }
  if (leading) b.begin = static_cast<uint32_t>(p);

  bool trailing = false;
  size_t e = t.size();
  size_t ls = std::string_view::npos;  // start of the line `e` is in, found again only on a new line
  while (true) {
    while (e > b.begin && is_space(t[e - 1])) --e;
    if (e <= b.begin) break;
    if (ls == std::string_view::npos || e <= ls) ls = std::max<size_t>(line_start(t, e), b.begin);
    const size_t cut = trailing_piece(chrome, t.substr(ls, e - ls));
    if (cut == std::string_view::npos) break;
    e = ls + cut;
    trailing = true;
  }
  if (trailing) b.end = static_cast<uint32_t>(e);
  return b;
}

}  // namespace gklint
