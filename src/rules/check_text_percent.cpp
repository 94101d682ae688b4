// Rule kind text-percent: a percentage in the prose that its part and base, printed beside it, do
// not give (其中网上申请15件，占50% where the base is 20件).
//
// Precision first: the part is the figure just before the share word (占), in a unit the rule
// counts; the base is either printed after the share word (占全部260项的87.69%) or is the total of
// the list the part belongs to: an introducer (其中, 包括 …) earlier in the part's sentence, and
// the nearest figure of the part's unit before it, as text-sum finds it. Nothing is reported when
// the base is not printed in that way (从申请方式看，网络申请3件，占43%: the base is two sentences
// away and not tied to it), for approximate figures or ranges, a part above its base, or a
// percentage of change (同比增长20%, 个百分点): those have no share word. The printed percentage
// may differ from the exact share by `tolerance` units of its last printed digit (rounding or
// truncation).
#include <cmath>

#include "rules/prose_figures.hpp"

namespace gklint {

namespace {

class TextPercent : public Check {
 public:
  struct Params {
    std::vector<std::string> share_words, introducers, units, not_totals;
    size_t max_back = 120;
    double tolerance = 1;
  };
  explicit TextPercent(Params p) : p_(std::move(p)), units_(p_.units), share_words_(p_.share_words) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const std::string_view t = ctx.view.text();
    const size_t from = ctx.view.view_offset(ctx.report.facts.body.begin);
    size_t pct = t.find('%', from);
    if (pct == t.npos) return;
    const Prose& prose = *ctx.prose;
    // Each percentage, then the share word before it (a few characters back: 占 or 占全部N项的).
    size_t last = std::string_view::npos;
    for (; pct != t.npos && pct < prose.to; pct = t.find('%', pct + 1)) {
      size_t share = std::string_view::npos, share_end = 0;
      const size_t back = std::max(prose.from, pct > kShareBack ? pct - kShareBack : 0);
      size_t start = back;
      while (start < pct && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) ++start;
      share_words_.each(t, start, pct, [&](size_t at, size_t w) {
        if (share != std::string_view::npos && at < share) return;  // the last one before the %
        share = at;
        share_end = at + share_words_.words()[w].size();
      });
      if (share == std::string_view::npos || share == last || prose.in_gap(share, share_end)) continue;
      last = share;
      check_share(rule, ctx, prose, share, share_end, out);
    }
  }

 private:
  void check_share(const Rule& rule, const CheckContext& ctx, const Prose& prose, size_t share, size_t after,
                   std::vector<Diagnostic>& out) const {
    const std::string_view t = ctx.view.text();
    // After the share word, in its clause: the percentage, or the base, 的, then the percentage.
    size_t clause_end = after;
    while (clause_end < prose.to && clause_end < after + kShareBack && !separator_at(t, clause_end) &&
           !sentence_end_at(t, clause_end))
      ++clause_end;
    const std::vector<Figure> next = units_.figures(t, after, clause_end);
    if (next.empty()) return;
    const Figure* pct = nullptr;
    std::optional<Figure> base;
    if (next[0].number.percent) {
      pct = &next[0];
    } else if (next.size() >= 2 && next[1].number.percent && !next[0].unit.empty() &&
               t.substr(next[0].unit_end, next[1].begin - next[0].unit_end).find("的") != std::string_view::npos) {
      base = next[0];
      pct = &next[1];
    } else {
      return;
    }
    // The part: the figure just before the share word, a separator and a few characters at most between.
    size_t from = share >= 40 ? share - 40 : 0;
    from = std::max(from, prose.from);
    const std::vector<Figure> before = units_.figures(t, from, share);
    if (before.empty()) return;
    const Figure& part = before.back();
    if (part.unit.empty() || share - part.unit_end > 7 || prose.in_gap(part.begin, share)) return;
    for (size_t i = part.unit_end; i < share; ++i) {
      if (sentence_end_at(t, i)) return;
    }
    if (!base) {
      // The total of the list the part is in: an introducer earlier in the part's sentence.
      const size_t floor = std::max(prose.from, part.begin > 3 * p_.max_back ? part.begin - 3 * p_.max_back : 0);
      size_t sentence = part.begin;
      while (sentence > floor && !sentence_end_before(t, sentence)) --sentence;
      const std::string_view in_sentence = t.substr(sentence, part.begin - sentence);
      size_t intro = std::string_view::npos;
      for (const std::string& w : p_.introducers) {
        const size_t i = in_sentence.rfind(w);
        if (i != std::string_view::npos && (intro == std::string_view::npos || sentence + i > intro))
          intro = sentence + i;
      }
      if (intro == std::string_view::npos) return;
      const std::optional<Total> total = total_before(t, prose, intro, part.unit, units_, p_.not_totals, p_.max_back);
      if (!total) return;
      base = total->figure;
    }
    if (base->unit != part.unit || !base->number.exact() || !part.number.exact() || !pct->number.exact() ||
        base->number.percent || part.number.percent || base->number.value <= 0 ||
        part.number.value > base->number.value)
      return;
    const double share_exact = part.number.value * 100 / base->number.value;
    const int decimals = pct->number.decimals;
    const double unit = std::pow(10.0, -decimals);
    if (std::fabs(share_exact - pct->number.value) <= p_.tolerance * unit + 1e-9) return;

    const Span span = ctx.view.source_span(static_cast<uint32_t>(pct->begin), static_cast<uint32_t>(pct->end));
    const auto text_of = [&](const Figure& f) { return std::string(t.substr(f.begin, f.end - f.begin)); };
    Diagnostic d = make_diagnostic(rule, ctx, "text-percent", "default", span,
                                   {{"percent", text_of(*pct)},
                                    {"part", text_of(part) + part.unit},
                                    {"base", text_of(*base) + base->unit},
                                    {"exact", format_decimals(share_exact, std::max(decimals, 1)) + "%"}});
    d.expected = Number{share_exact, std::max(decimals, 1)};
    d.actual = Number{pct->number.value, decimals};
    for (const auto& [f, label] : {std::pair<const Figure*, const char*>{&part, "part"}, {&*base, "base"}}) {
      Related r;
      r.span = ctx.view.source_span(static_cast<uint32_t>(f->begin), static_cast<uint32_t>(f->unit_end));
      r.label = label;
      r.value = text_of(*f);
      d.related.push_back(std::move(r));
    }
    out.push_back(std::move(d));
  }

  static constexpr size_t kShareBack = 60;  // bytes from a share word to its percentage, at most
  Params p_;
  Units units_;
  WordScan share_words_;
};

}  // namespace

void register_text_percent_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(
      RuleKind{"text-percent",
               {"text-percent"},
               {"default"},
               {"share_words", "introducers", "units", "not_totals", "max_back", "tolerance"},
               [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 TextPercent::Params p;
                 if (!param_words(params, "share_words", true, error, p.share_words) ||
                     !param_words(params, "introducers", true, error, p.introducers) ||
                     !param_words(params, "units", true, error, p.units) ||
                     !param_words(params, "not_totals", false, error, p.not_totals) ||
                     !param_int(params, "max_back", 1, 1000, error, p.max_back))
                   return nullptr;
                 if (const RuleNode n = params["tolerance"]) {
                   double v = 0;
                   if (!n.IsScalar() || !n.decode(&v) || !(v >= 0 && v <= 100)) {
                     error(n, "params.tolerance 应为 0 到 100 的数 (a number, 0 to 100)");
                     return nullptr;
                   }
                   p.tolerance = v;
                 }
                 return std::make_shared<TextPercent>(std::move(p));
               }});
  kinds.back().placeholders = {{"default", {"percent", "part", "base", "exact"}}};
  kinds.back().finds = "a percentage that the part and base printed beside it do not give";
  kinds.back().param_docs = {
      {"share_words", "words between a part and its percentage: 占"},
      {"introducers", "words that start a list of parts (其中): the base is the list's total"},
      {"units", "measure words a figure is counted in; part and base share one"},
      {"not_totals", "words that make a figure before the list not its total (累计, 同比 …)"},
      {"max_back", "how far before the list, in characters, its total may be (default 120)"},
      {"tolerance", "how many units of the percentage's last printed digit it may be off (default 1)"}};
}

}  // namespace gklint
