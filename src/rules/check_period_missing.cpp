// Rule kind period-missing: the 统计期限 left as the template's blanks (统计期限自  年 月 日起至  年 月
// 日止, 自____年, 为X年X月X日至…): the report does not say which period its figures cover. Only the
// blank form is found, by the rule's patterns, once per report at the first: a report that states no
// period at all is common (many give the year in the title alone: 5 of the 12 crawled pages of
// corpus-dev) and is not reported.
#include <re2/re2.h>

#include <algorithm>

#include "gklint/regex.hpp"
#include "rules/prose_figures.hpp"

namespace gklint {

namespace {

class PeriodMissing : public Check {
 public:
  PeriodMissing(Regex blank, std::vector<std::string> near) : blank_(std::move(blank)), near_(std::move(near)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const std::string_view text = ctx.view.text();
    const size_t from = ctx.view.view_offset(ctx.report.facts.body.begin);
    const size_t to = ctx.view.view_offset(ctx.report.facts.body.end);
    if (from >= to) return;
    if (!near_.words().empty()) {
      // Only the sentences holding a word of `near` (统计 …): the pattern reads a few of them,
      // not the whole text.
      std::vector<re2::StringPiece> g;
      for (const auto& [b, e] : sentences_near(text, from, to, near_)) {
        const std::string_view sentence(text.data(), e);
        if (!re_search(*blank_, sentence, b, g) || g[0].empty()) continue;
        const size_t mb = re_offset(sentence, g[0]), me = mb + g[0].size();
        if (ctx.prose->in_table(mb, me)) continue;
        report(rule, ctx, mb, me, out);
        return;  // once per report: the period is stated once
      }
      return;
    }
    // The text between the tables, one stretch at a time: a cell is no period sentence.
    const auto& tables = ctx.prose->tables;
    std::vector<re2::StringPiece> g;
    size_t next_table = 0;
    for (size_t at = from; at < to;) {
      while (next_table < tables.size() && tables[next_table].second <= at) ++next_table;
      if (next_table < tables.size() && tables[next_table].first <= at) {
        at = tables[next_table].second;
        continue;
      }
      const size_t end = next_table < tables.size() ? std::min(tables[next_table].first, to) : to;
      const std::string_view stretch(text.data(), end);
      if (!re_search(*blank_, stretch, at, g)) {
        at = end;
        continue;
      }
      const size_t b = re_offset(stretch, g[0]), e = b + g[0].size();
      if (e == b) {  // a pattern that matches nothing: on
        at = b + 1;
        continue;
      }
      report(rule, ctx, b, e, out);
      return;  // once per report: the period is stated once
    }
  }

 private:
  static void report(const Rule& rule, const CheckContext& ctx, size_t b, size_t e, std::vector<Diagnostic>& out) {
    const Span span = ctx.view.source_span(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
    Diagnostic d = make_diagnostic(rule, ctx, "period-missing", "blank", span,
                                   {{"text", std::string(span_text(ctx.source, span))}});
    d.fields = {{"problem", "blank"}};
    out.push_back(std::move(d));
  }

  Regex blank_;
  WordScan near_;
};

}  // namespace

void register_period_missing_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{
      "period-missing",
      {"period-missing"},
      {"blank"},
      {"blank", "near"},
      [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
        const RuleNode blank = params["blank"];
        std::vector<std::string> near;
        if (!param_words(params, "near", false, error, near)) return nullptr;
        if (!blank || !blank.IsSequence() || blank.size() == 0) {
          error(params,
                "需要 params.blank：未填写的统计期限的正则表达式列表 (params.blank lists RE2 patterns of a "
                "blank period)");
          return nullptr;
        }
        // One alternation, so the text is read once; each alone only to place an error at its line
        // (one compilation is what a load costs).
        std::string all;
        for (const RuleNode& p : blank) {
          if (!p.IsScalar() || p.Scalar().empty()) {
            param_regex(p, error);  // says what is wrong
            return nullptr;
          }
          all += (all.empty() ? "(?:" : "|(?:") + p.Scalar() + ")";
        }
        Regex re(all);  // compiled here, where it is checked: the one pattern the rule runs
        if (!re->ok()) {
          for (const RuleNode& p : blank) {
            if (!param_regex(p, error)) return nullptr;
          }
          error(blank,
                "这些正则表达式不能合并为一个 (the patterns do not combine into one alternation): " + re->error());
          return nullptr;
        }
        return std::make_shared<PeriodMissing>(std::move(re), std::move(near));
      }});
  kinds.back().placeholders = {{"blank", {"text"}}};
  kinds.back().finds =
      "a 统计期限 left as the template's blanks (统计期限自  年 月 日起…, 自____年, 为X年X月X日至); a report with no "
      "period "
      "sentence is not reported";
  kinds.back().param_docs = {
      {"blank",
       "RE2 patterns on the normalized text, each matching a period sentence whose year, month or day is blank or a "
       "placeholder (never a filled date); the first match in the body, outside tables, is reported"},
      {"near",
       "words one of which a period sentence holds (统计 …): when given, the patterns read only the sentences that "
       "hold one (speed); without it, the whole text"}};
}

}  // namespace gklint
