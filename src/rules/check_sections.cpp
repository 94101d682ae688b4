// Rule kinds about required contents: section-missing and section-order.
#include <algorithm>
#include <map>

#include "gklint/regex.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

// Which heading stands for each section. Reports nest their contents at different depths (seed
// 002 has them as （一）…（六） under 一、), so the level where most sections are found is taken as
// the sections' level, and a section's heading is its first match there (else its shallowest
// match, skipping headings inside another section's when the rule set says sections do not nest).
}  // namespace

bool section_view_range(const CheckContext& ctx, const std::string& id, bool with_heading, size_t* from, size_t* to) {
  const RuleSet& set = ctx.rules;
  const std::vector<int>& hs = ctx.section_heading;
  for (size_t i = 0; i < set.sections.size(); ++i) {
    if (set.sections[i].id != id || hs[i] < 0) continue;
    const auto& headings = ctx.report.headings;
    const Heading& h = headings[hs[i]];
    // The last section ends with the report's body, not with the page's footer after it.
    const uint32_t body_end = ctx.report.facts.body.end;
    uint32_t end_source = body_end > h.span.end ? body_end : static_cast<uint32_t>(ctx.source.text().size());
    for (size_t k = hs[i] + 1; k < headings.size(); ++k) {
      if (headings[k].level <= h.level) {
        end_source = std::min(end_source, headings[k].span.begin);
        break;
      }
    }
    *from = ctx.view.view_offset(with_heading ? h.span.begin : h.span.end);
    *to = ctx.view.view_offset(end_source);
    return *from <= *to;
  }
  return false;
}

Prose prose_of(const View& view, const Report& report) {
  Prose p;
  p.from = view.view_offset(report.facts.body.begin);
  p.to = std::max(p.from, static_cast<size_t>(view.view_offset(report.facts.body.end)));
  for (const Table& t : report.tables)
    p.tables.emplace_back(view.view_offset(t.span.begin), view.view_offset(t.span.end));
  std::sort(p.tables.begin(), p.tables.end());
  std::vector<std::pair<size_t, size_t>> gaps = p.tables;
  for (const Heading& h : report.headings)
    gaps.emplace_back(view.view_offset(h.span.begin), view.view_offset(h.span.end));
  std::sort(gaps.begin(), gaps.end());
  // Merged into disjoint ranges (a table holds headings' words), so in_gap is a binary search.
  for (const auto& g : gaps) {
    if (!p.gaps.empty() && g.first <= p.gaps.back().second) {
      p.gaps.back().second = std::max(p.gaps.back().second, g.second);
    } else {
      p.gaps.push_back(g);
    }
  }
  return p;
}

bool Prose::in_gap(size_t begin, size_t end) const {
  // The first gap ending after `begin`; the ranges are disjoint and sorted, so their ends are too.
  const auto it = std::upper_bound(gaps.begin(), gaps.end(), begin,
                                   [](size_t b, const std::pair<size_t, size_t>& g) { return b < g.second; });
  return it != gaps.end() && it->first < end;
}

bool Prose::in_table(size_t begin, size_t end) const {
  return std::any_of(tables.begin(), tables.end(), [&](const auto& t) { return begin < t.second && end > t.first; });
}

size_t Prose::next_gap(size_t at) const {
  const auto it = std::lower_bound(gaps.begin(), gaps.end(), std::pair<size_t, size_t>{at, 0});
  return it == gaps.end() ? to : std::min(to, it->first);
}

std::vector<int> section_headings(const RuleSet& rules, const Report& report) {
  const auto& hs = report.headings;
  const size_t n = rules.sections.size();
  std::vector<std::vector<int>> matches(n);
  for (size_t s = 0; s < n; ++s) {
    for (int h = 0; h < static_cast<int>(hs.size()); ++h) {
      if (rules.sections[s].matches(hs[h].key)) matches[s].push_back(h);
    }
  }
  std::map<int, int> found_at_level;  // level -> sections with a match there
  for (size_t s = 0; s < n; ++s) {
    std::vector<int> levels;
    for (int h : matches[s]) levels.push_back(hs[h].level);
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    for (int l : levels) ++found_at_level[l];
  }
  int level = -1, best = 0;
  for (const auto& [l, count] : found_at_level) {
    if (count > best) {  // ties keep the shallower level (map order)
      best = count;
      level = l;
    }
  }
  std::vector<int> heading(n, -1);
  std::vector<int> owner(hs.size(), -1);  // heading -> section it was given to
  for (size_t s = 0; s < n; ++s) {
    for (int h : matches[s]) {
      if (hs[h].level == level) {
        heading[s] = h;
        owner[h] = static_cast<int>(s);
        break;
      }
    }
  }
  // A heading inside another section's heading, where the rule set forbids that.
  const auto nested_in_other = [&](int h, size_t s) {
    for (int p = hs[h].parent; p >= 0; p = hs[p].parent) {
      if (owner[p] >= 0 && owner[p] != static_cast<int>(s)) return true;
    }
    return false;
  };
  for (size_t s = 0; s < n; ++s) {
    if (heading[s] >= 0) continue;
    int shallowest = -1;
    for (int h : matches[s]) {
      if (!rules.sections_may_nest && nested_in_other(h, s)) continue;
      if (shallowest < 0 || hs[h].level < hs[shallowest].level) shallowest = h;
    }
    heading[s] = shallowest;
  }
  return heading;
}

namespace {

std::string title_of(const Section& s, Lang lang) { return s.title.in(lang); }

// Where a content missing from the end of the report belongs: the start of the last line with
// text; but when the report's headings are on that line too (a crawled page on one line), the end
// of its text, never the start of the page.
Span report_end(const Source& src, const Report& report) {
  for (uint32_t line = src.line_count(); line >= 1; --line) {
    std::string_view t = src.line_text(line);
    const size_t last = t.find_last_not_of(" \t\r");
    if (last == std::string_view::npos) continue;
    const uint32_t begin = static_cast<uint32_t>(t.data() - src.text().data());
    const uint32_t end = begin + static_cast<uint32_t>(last + 1);
    const bool headings_here = !report.headings.empty() && report.headings.front().span.begin >= begin;
    if (!headings_here) return {begin, begin};
    const uint32_t body_end = report.facts.body.end;
    const uint32_t at = body_end > begin && body_end < end ? body_end : end;
    return {at, at};
  }
  return {0, 0};
}

class SectionMissing : public Check {
 public:
  explicit SectionMissing(std::optional<Severity> in_body) : in_body_(in_body) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const auto& sections = ctx.rules.sections;
    const std::vector<int>& heading = ctx.section_heading;
    // The content is looked for where headings are: after the title, in the report's body.
    const Facts& facts = ctx.report.facts;
    const Span body{std::max(facts.title ? facts.title->end : 0, facts.body.begin), facts.body.end};
    for (size_t s = 0; s < sections.size(); ++s) {
      const Section& sec = sections[s];
      if (!sec.required || heading[s] >= 0) continue;
      if (sec.body && in_body_) {
        if (std::optional<Span> at = find_in_body(ctx, *sec.body, body)) {
          Diagnostic d =
              make_diagnostic(rule, ctx, "section-in-body", "in_body", *at, {{"section", title_of(sec, ctx.lang)}});
          d.severity = *in_body_;
          d.cite = sec.cite.empty() ? rule.cite : sec.cite;
          d.fields = {{"section", sec.id}};
          out.push_back(std::move(d));
          continue;
        }
      }
      // Point where the content belongs: at the heading of the next required content present.
      Span at = report_end(ctx.source, ctx.report);
      std::string next;
      for (size_t t = s + 1; t < sections.size(); ++t) {
        if (heading[t] >= 0) {
          const Heading& h = ctx.report.headings[heading[t]];
          at = h.span;
          next = std::string(span_text(ctx.source, h.span));
          break;
        }
      }
      Diagnostic d = make_diagnostic(rule, ctx, "section-missing", next.empty() ? "at_end" : "default", at,
                                     {{"section", title_of(sec, ctx.lang)}, {"next", next}});
      d.cite = sec.cite.empty() ? rule.cite : sec.cite;
      d.fields = {{"section", sec.id}};
      out.push_back(std::move(d));
    }
  }

 private:
  static std::optional<Span> find_in_body(const CheckContext& ctx, const re2::RE2& re, Span body) {
    std::vector<re2::StringPiece> g;
    const std::string_view t = std::string_view(ctx.view.text()).substr(0, ctx.view.view_offset(body.end));
    const size_t from = ctx.view.view_offset(body.begin);
    if (!re_search(re, t, from, g)) return std::nullopt;
    uint32_t b = static_cast<uint32_t>(re_offset(t, g[0]));
    return ctx.view.source_span(b, b + static_cast<uint32_t>(g[0].size()));
  }

  std::optional<Severity> in_body_;  // nullopt: content in a paragraph does not count
};

class SectionOrder : public Check {
 public:
  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const auto& sections = ctx.rules.sections;
    const std::vector<int>& heading = ctx.section_heading;
    struct Item {
      int heading;
      int section;
    };
    std::vector<Item> items;  // present sections in document order
    for (size_t s = 0; s < sections.size(); ++s) {
      if (heading[s] >= 0) items.push_back({heading[s], static_cast<int>(s)});
    }
    std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
      return x.heading != y.heading ? x.heading < y.heading : x.section < y.section;
    });
    // Longest run in the required order (non-decreasing section index); the rest are misplaced.
    std::vector<int> tails, pred(items.size(), -1);
    for (int i = 0; i < static_cast<int>(items.size()); ++i) {
      auto it = std::upper_bound(tails.begin(), tails.end(), items[i].section,
                                 [&](int v, int idx) { return v < items[idx].section; });
      if (it != tails.begin()) pred[i] = *(it - 1);
      if (it == tails.end())
        tails.push_back(i);
      else
        *it = i;
    }
    std::vector<bool> kept(items.size(), false);
    for (int i = tails.empty() ? -1 : tails.back(); i >= 0; i = pred[i]) kept[i] = true;

    for (size_t i = 0; i < items.size(); ++i) {
      if (kept[i]) continue;
      const Item& x = items[i];
      int other = -1;
      std::string key;
      for (size_t j = i + 1; j < items.size(); ++j) {  // a later content that should come first
        if (kept[j] && items[j].section < x.section) {
          other = static_cast<int>(j);
          key = "after";
        }
      }
      for (size_t j = 0; other < 0 && j < i; ++j) {  // an earlier content that should come later
        if (kept[j] && items[j].section > x.section) {
          other = static_cast<int>(j);
          key = "before";
        }
      }
      if (other < 0) continue;
      const Heading& h = ctx.report.headings[x.heading];
      const Heading& oh = ctx.report.headings[items[other].heading];
      Diagnostic d = make_diagnostic(rule, ctx, "section-order", key, h.span,
                                     {{"section", title_of(sections[x.section], ctx.lang)},
                                      {"heading", std::string(span_text(ctx.source, h.span))},
                                      {"other", title_of(sections[items[other].section], ctx.lang)},
                                      {"other_heading", std::string(span_text(ctx.source, oh.span))}});
      d.fields = {{"section", sections[x.section].id}};
      out.push_back(std::move(d));
    }
  }
};

}  // namespace

void register_section_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(
      RuleKind{"section-missing",
               {"section-missing", "section-in-body"},
               {"default", "at_end", "in_body"},
               {"in_body"},
               [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 std::optional<Severity> in_body = Severity::info;
                 if (const RuleNode n = params["in_body"]) {
                   std::string v = n.IsScalar() ? n.Scalar() : "";
                   Severity s;
                   if (v == "ignore")
                     in_body.reset();
                   else if (parse_severity(v, &s))
                     in_body = s;
                   else {
                     error(n, "in_body 应为 info、warning、error 或 ignore (expected info, warning, error or ignore)");
                     return nullptr;
                   }
                 }
                 return std::make_shared<SectionMissing>(in_body);
               }});
  kinds.back().placeholders = {
      {"default", {"section", "next"}}, {"at_end", {"section", "next"}}, {"in_body", {"section"}}};
  kinds.back().finds = "a required section with no heading";
  kinds.back().param_docs = {{"in_body",
                              "severity for content found only in a paragraph (`info`, `warning`, "
                              "`error`), or `ignore` (then it is missing)"}};
  kinds.push_back(RuleKind{"section-order",
                           {"section-order"},
                           {"after", "before"},
                           {},
                           [](const RuleNode&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
                             return std::make_shared<SectionOrder>();
                           }});
  kinds.back().placeholders = {{"after", {"section", "heading", "other", "other_heading"}},
                               {"before", {"section", "heading", "other", "other_heading"}}};
  kinds.back().finds = "sections out of the set's order";
}

}  // namespace gklint
