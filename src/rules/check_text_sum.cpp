// Rule kind text-sum: a total stated in the prose and the parts listed with it
// (主动公开政府信息475条……其中公示公告类159条，政策文件类12条……) that do not add up to it.
//
// Precision first. The parts are read only when the list is plain: after an introducer (其中,
// 包括 …), segments cut at 、，； each holding exactly one figure in Arabic digits followed by the
// same unit (a segment that only gives the previous part's share, 占1.53%, is passed over), up to
// the sentence's end or the first segment without a figure; a segment with two figures, an approximate or a range, or a
// word of change (同比, 新增 …) drops the list. The total is the nearest figure of that unit before the introducer, in
// the same paragraph and within `max_back` characters, passing over figures said to be cumulative or a change (累计,
// 增长 …). A sum above the total is always a contradiction. A sum below it is one only when the list says it is whole:
// a part is the rest (其他, 其余 …), or the sentence before the list names exactly as many categories
// (类别主要涉及A、B、C。其中A…B…C…); otherwise a 其中 list may be a selection. Error when the total is in the list's
// own sentence and nothing was passed over; else warning.
#include <algorithm>
#include <cmath>
#include <set>

#include "gklint/utf8.hpp"
#include "rules/prose_figures.hpp"

namespace gklint {

namespace {

// One part of a list: where its segment starts, and its figure.
struct Part {
  size_t label = 0;
  Figure figure;
};

class TextSum : public Check {
 public:
  struct Params {
    std::vector<std::string> introducers, units, not_totals, not_parts, rest, share_words;
    size_t min_parts = 2, max_back = 120, max_list = 400;
  };
  explicit TextSum(Params p) : p_(std::move(p)), units_(p_.units), introducers_(p_.introducers) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const std::string_view t = ctx.view.text();
    const Prose& prose = *ctx.prose;
    std::set<size_t> totals;  // reported, so 其中包括… is reported once
    introducers_.each(t, prose.from, prose.to, [&](size_t at, size_t w) {
      const size_t end = at + introducers_.words()[w].size();
      if (!prose.in_gap(at, end)) check_list(rule, ctx, prose, at, end, totals, out);
    });
  }

 private:
  void check_list(const Rule& rule, const CheckContext& ctx, const Prose& prose, size_t intro, size_t after,
                  std::set<size_t>& totals, std::vector<Diagnostic>& out) const {
    const std::string_view t = ctx.view.text();
    // The parts: segments after the introducer, each with one figure and the unit.
    std::vector<Part> parts;
    size_t seg = after;
    if (seg < t.size() && (t[seg] == ':' || t[seg] == ',')) ++seg;  // 其中：… 其中，…
    const size_t limit = std::min(prose.next_gap(after), after + p_.max_list);
    while (seg < limit) {
      size_t e = seg;
      while (e < limit && !separator_at(t, e) && !sentence_end_at(t, e))
        e += static_cast<size_t>(std::max(1, utf8_sequence_length(t, e)));
      if (prose.in_gap(seg, e)) return;
      const std::vector<Figure> fs = units_.figures(t, seg, e);
      if (fs.empty()) break;  // the list ended
      const Figure& f = fs.front();
      const bool share = fs.size() == 1 && f.number.percent && !parts.empty() &&
                         contains_any(t.substr(seg, f.begin - seg), p_.share_words);
      if (share) {  // 概况类239条,占1.53%: the previous part's share, not a part
        if (e >= limit || sentence_end_at(t, e)) break;
        seg = e + mark_length(t, e);
        continue;
      }
      if (fs.size() > 1 || f.unit.empty() || !f.number.exact() || f.number.percent ||
          contains_any(t.substr(seg, f.begin - seg), p_.not_parts))
        return;  // not a plain part
      parts.push_back({seg, f});
      if (e >= limit || sentence_end_at(t, e)) break;
      seg = e + mark_length(t, e);
    }
    if (parts.size() < p_.min_parts) return;
    const std::string& unit = parts.front().figure.unit;
    if (!std::all_of(parts.begin(), parts.end(), [&](const Part& x) { return x.figure.unit == unit; })) return;

    const std::optional<Total> found = total_before(t, prose, intro, unit, units_, p_.not_totals, p_.max_back);
    if (!found || !found->figure.number.exact() || found->figure.number.percent) return;
    const Figure* total = &found->figure;
    const bool same_sentence = found->same_sentence, passed_over = found->passed_over;

    int decimals = total->number.decimals;
    for (const Part& x : parts) decimals = std::max(decimals, x.figure.number.decimals);
    double sum = 0;
    for (const Part& x : parts) sum += x.figure.number.value;
    const double tolerance = 0.5 * std::pow(10.0, -decimals);
    const double stated = total->number.value;
    if (std::fabs(sum - stated) < tolerance) return;
    if (sum < stated && !whole(t, parts, prose, intro, same_sentence)) return;
    // Another figure of the unit before the list: when the parts add up to it, they are its parts
    // (受理30件，办结28件，其中公开20件、不予公开10件); when it is in the list's sentence, the total is
    // not certain.
    bool other_in_sentence = false;
    const size_t lo = std::max(prose.from, intro > 3 * p_.max_back ? intro - 3 * p_.max_back : 0);
    for (const Figure& f : units_.figures(t, lo, intro)) {
      if (f.unit != unit || f.begin == total->begin || !f.number.exact()) continue;
      if (std::fabs(f.number.value - sum) < tolerance) return;
      bool same = true;
      for (size_t i = f.unit_end; i < intro && same; ++i) same = !sentence_end_at(t, i);
      other_in_sentence = other_in_sentence || (same && f.begin < total->begin);
    }

    if (!totals.insert(total->begin).second) return;
    const bool certain = same_sentence && !passed_over && !other_in_sentence;
    const Span span = ctx.view.source_span(static_cast<uint32_t>(total->begin), static_cast<uint32_t>(total->unit_end));
    std::string terms;
    for (const Part& x : parts) {
      if (!terms.empty()) terms += " + ";
      terms += std::string(t.substr(x.figure.begin, x.figure.end - x.figure.begin));
    }
    const std::string sum_text = format_decimals(sum, decimals);
    Diagnostic d = make_diagnostic(rule, ctx, "text-sum", certain ? "default" : "earlier", span,
                                   {{"total", std::string(t.substr(total->begin, total->end - total->begin))},
                                    {"unit", unit},
                                    {"sum", sum_text},
                                    {"parts", terms},
                                    {"text", std::string(span_text(ctx.source, span))}});
    if (!certain && d.severity == Severity::error) d.severity = Severity::warning;
    d.expected = Number{sum, decimals};
    d.actual = Number{stated, total->number.decimals};
    for (const Part& x : parts) {
      Related r;
      r.span = ctx.view.source_span(static_cast<uint32_t>(x.figure.begin), static_cast<uint32_t>(x.figure.unit_end));
      const Span label = ctx.view.source_span(static_cast<uint32_t>(x.label), static_cast<uint32_t>(x.figure.begin));
      r.label = std::string(span_text(ctx.source, label));
      r.value = std::string(t.substr(x.figure.begin, x.figure.end - x.figure.begin));
      d.related.push_back(std::move(r));
    }
    d.fields = {{"unit", unit}};
    out.push_back(std::move(d));
  }

  // Does the list say it is whole? A part that is the rest (其他), or the sentence just before the
  // introducer naming as many categories as there are parts (A、B、C).
  bool whole(std::string_view t, const std::vector<Part>& parts, const Prose& prose, size_t intro,
             bool same_sentence) const {
    for (const Part& x : parts) {
      if (contains_any(t.substr(x.label, x.figure.begin - x.label), p_.rest)) return true;
    }
    if (same_sentence || !sentence_end_before(t, intro) || t[intro - 1] == '\n') return false;
    size_t b = intro - (static_cast<unsigned char>(t[intro - 1]) < 0x80 ? 1 : 3), commas = 0;  // the sentence before
    const size_t floor = std::max(prose.from, b > 3 * p_.max_back ? b - 3 * p_.max_back : 0);
    while (b > floor && !sentence_end_before(t, b)) {
      --b;
      if (t.substr(b, 3) == "、") ++commas;
    }
    return commas > 0 && commas + 1 == parts.size();
  }

  Params p_;
  Units units_;
  WordScan introducers_;
};

}  // namespace

void register_text_sum_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(
      RuleKind{"text-sum",
               {"text-sum"},
               {"default", "earlier"},
               {"introducers", "units", "not_totals", "not_parts", "rest", "share_words", "min_parts", "max_back"},
               [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 TextSum::Params p;
                 if (!param_words(params, "introducers", true, error, p.introducers) ||
                     !param_words(params, "units", true, error, p.units) ||
                     !param_words(params, "not_totals", false, error, p.not_totals) ||
                     !param_words(params, "not_parts", false, error, p.not_parts) ||
                     !param_words(params, "rest", false, error, p.rest) ||
                     !param_words(params, "share_words", false, error, p.share_words) ||
                     !param_int(params, "min_parts", 2, 1000, error, p.min_parts) ||
                     !param_int(params, "max_back", 1, 1000, error, p.max_back))
                   return nullptr;
                 return std::make_shared<TextSum>(std::move(p));
               }});
  kinds.back().placeholders = {{"default", {"total", "unit", "sum", "parts", "text"}},
                               {"earlier", {"total", "unit", "sum", "parts", "text"}}};
  kinds.back().finds = "a total stated in the prose that the parts listed with it do not add up to";
  kinds.back().param_docs = {
      {"introducers", "words that start a list of parts: 其中, 包括"},
      {"units", "measure words a figure is counted in (条, 件 …); parts and total share one"},
      {"not_totals", "words that make a figure before the list not its total: 累计, 同比, 增长 …"},
      {"not_parts", "words that make a list not plain parts: 同比, 新增 …"},
      {"rest", "words naming the rest (其他): a list with such a part is whole"},
      {"share_words", "words giving the previous part's share (占1.53%): such a segment is passed over, not a part"},
      {"min_parts", "the fewest parts a list must have (default 2)"},
      {"max_back", "how far before the list, in characters, the total may be (default 120)"}};
}

}  // namespace gklint
