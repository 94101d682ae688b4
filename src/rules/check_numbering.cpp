// Rule kind heading-numbering: siblings numbered 1, 2, 3… with no gap, repeat or mix of numbered
// and unnumbered headings.
#include <map>
#include <optional>

#include "gklint/numerals.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

bool is_numeral_byte_start(std::string_view s, size_t i) {
  if (s[i] >= '0' && s[i] <= '9') return true;
  int v;
  size_t len;
  return parse_cn_numeral(s, i, &v, &len);
}

// The marker as the report prints it, with its number replaced: "(三)" -> "(四)", "五、" -> "四、".
std::string renumber(const std::string& marker, NumberStyle style, int n) {
  for (size_t i = 0; i < marker.size(); ++i) {
    if (!is_numeral_byte_start(marker, i)) continue;
    size_t end = i;
    int v;
    size_t len;
    if (marker[i] >= '0' && marker[i] <= '9') {
      while (end < marker.size() && marker[end] >= '0' && marker[end] <= '9') ++end;
    } else if (parse_cn_numeral(marker, i, &v, &len)) {
      end = i + len;
    }
    std::string number;
    if (style == NumberStyle::arabic_dot || style == NumberStyle::arabic_paren)
      number = std::to_string(n);
    else
      append_cn_numeral(number, n);
    return marker.substr(0, i) + number + marker.substr(end);
  }
  return marker;
}

class HeadingNumbering : public Check {
 public:
  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const auto& hs = ctx.report.headings;
    // Siblings: same parent, same level, in document order.
    std::map<std::pair<int, int>, std::vector<int>> groups;
    std::vector<std::pair<int, int>> order;
    for (int i = 0; i < static_cast<int>(hs.size()); ++i) {
      auto key = std::make_pair(hs[i].parent, hs[i].level);
      if (groups.find(key) == groups.end()) order.push_back(key);
      groups[key].push_back(i);
    }
    for (const auto& key : order) check_group(rule, ctx, groups[key], out);
  }

 private:
  void check_group(const Rule& rule, const CheckContext& ctx, const std::vector<int>& group,
                   std::vector<Diagnostic>& out) const {
    const auto& hs = ctx.report.headings;
    int first_bare = -1, first_numbered = -1, bare_count = 0;
    for (int i : group) {
      if (hs[i].style == NumberStyle::none) {
        if (first_bare < 0) first_bare = i;
        ++bare_count;
      } else if (first_numbered < 0) {
        first_numbered = i;
      }
    }
    if (first_bare >= 0 && first_numbered >= 0) {
      const Heading& bare = hs[first_bare];
      const Heading& num = hs[first_numbered];
      out.push_back(make(rule, ctx, "mixed", bare,
                         {{"title", std::string(span_text(ctx.source, bare.span))},
                          {"count", std::to_string(bare_count)},
                          {"numbered", std::string(span_text(ctx.source, num.span))}}));
    }
    // Each heading's offset is its number minus its place (unnumbered siblings take a place too,
    // so 五、 after four bare headings is in place). A finding is where the offset changes, except
    // a return to the offset before a one-heading slip: 1 2 2 4 and 1 2 3 5 5 6 are one finding each.
    // The numbered headings, each with its place among the siblings.
    std::vector<std::pair<int, int>> numbered;
    for (size_t k = 0; k < group.size(); ++k) {
      if (hs[group[k]].style != NumberStyle::none) numbered.emplace_back(group[k], static_cast<int>(k) + 1);
    }
    int previous = 0, offset = 0;
    std::optional<int> offset_before;
    std::string previous_marker;
    for (size_t k = 0; k < numbered.size(); ++k) {
      const auto [i, place] = numbered[k];
      const Heading& h = hs[i];
      const int own = h.number - place;
      const int expected = place + offset;
      if (own != offset && !(offset_before && own == *offset_before)) {
        const std::string marker = heading_marker(ctx.source, h);
        const char* key = previous == 0          ? "start"
                          : h.number == previous ? "repeat"
                          : h.number > expected  ? "skip"
                                                 : "backwards";
        const std::string renumbered = renumber(marker, h.style, expected);
        Diagnostic d = make(rule, ctx, key, h,
                            {{"marker", marker},
                             {"expected", renumbered},
                             {"previous", previous_marker},
                             {"heading", std::string(span_text(ctx.source, h.span))}});
        // A slip of this one heading (the next numbered sibling, if any, is in step again) has a
        // certain fix: its number. Where the headings after it follow it (1 2 4 5), whether a
        // section is missing or the numbers are wrong is the writer's call.
        const bool alone =
            k + 1 == numbered.size() || hs[numbered[k + 1].first].number - numbered[k + 1].second == offset;
        if (alone && renumbered != marker) {
          d.fix = Fix{Span{h.span.begin, h.span.begin + static_cast<uint32_t>(marker.size())}, renumbered};
        }
        out.push_back(std::move(d));
      }
      offset_before = offset;
      offset = own;
      previous = h.number;
      previous_marker = heading_marker(ctx.source, h);
    }
  }

  static Diagnostic make(const Rule& rule, const CheckContext& ctx, const std::string& key, const Heading& h,
                         const std::vector<std::pair<std::string, std::string>>& args) {
    Diagnostic d = make_diagnostic(rule, ctx, "heading-numbering", key, h.span, args);
    d.fields = {{"problem", key}};
    return d;
  }
};

}  // namespace

void register_numbering_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{"heading-numbering",
                           {"heading-numbering"},
                           {"mixed", "start", "repeat", "skip", "backwards"},
                           {},
                           [](const RuleNode&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
                             return std::make_shared<HeadingNumbering>();
                           }});
  kinds.back().placeholders = {{"mixed", {"title", "count", "numbered"}},
                               {"start", {"marker", "expected", "previous", "heading"}},
                               {"repeat", {"marker", "expected", "previous", "heading"}},
                               {"skip", {"marker", "expected", "previous", "heading"}},
                               {"backwards", {"marker", "expected", "previous", "heading"}}};
  kinds.back().finds =
      "sibling numbering that starts wrong, skips, repeats, steps back, or mixes numbered and bare headings";
}

}  // namespace gklint
