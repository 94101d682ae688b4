// Rule kind period-missing: the 统计期限 left as the template's blanks (统计期限自  年 月 日起至  年 月
// 日止, 自____年, 为X年X月X日至…): the report does not say which period its figures cover. Only the
// blank form is found, by the rule's patterns, once per report at the first: a report that states no
// period at all is common (many give the year in the title alone: 5 of the 12 crawled pages of
// corpus-dev) and is not reported.
#include <re2/re2.h>

#include <algorithm>

#include "gklint/regex.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

class PeriodMissing : public Check {
 public:
  explicit PeriodMissing(std::shared_ptr<const re2::RE2> blank) : blank_(std::move(blank)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const std::string_view text = ctx.view.text();
    const size_t from = ctx.view.view_offset(ctx.report.facts.body.begin);
    const size_t to = ctx.view.view_offset(ctx.report.facts.body.end);
    if (from >= to) return;
    // The text between the tables, one stretch at a time: a cell is no period sentence.
    std::vector<std::pair<size_t, size_t>> tables;
    for (const Table& t : ctx.report.tables)
      tables.emplace_back(ctx.view.view_offset(t.span.begin), ctx.view.view_offset(t.span.end));
    std::sort(tables.begin(), tables.end());
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
      const Span span = ctx.view.source_span(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
      Diagnostic d = make_diagnostic(rule, ctx, "period-missing", "blank", span,
                                     {{"text", std::string(span_text(ctx.source, span))}});
      d.fields = {{"problem", "blank"}};
      out.push_back(std::move(d));
      return;  // once per report: the period is stated once
    }
  }

 private:
  std::shared_ptr<const re2::RE2> blank_;
};

}  // namespace

void register_period_missing_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{
      "period-missing",
      {"period-missing"},
      {"blank"},
      {"blank"},
      [](const YAML::Node& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
        const YAML::Node blank = params["blank"];
        if (!blank || !blank.IsSequence() || blank.size() == 0) {
          error(params,
                "需要 params.blank：未填写的统计期限的正则表达式列表 (params.blank lists RE2 patterns of a "
                "blank period)");
          return nullptr;
        }
        // One alternation, so the text is read once; each alone only to place an error at its line
        // (one compilation is what a load costs).
        std::string all;
        for (const YAML::Node& p : blank) {
          if (!p.IsScalar() || p.Scalar().empty()) {
            param_regex(p, error);  // says what is wrong
            return nullptr;
          }
          all += (all.empty() ? "(?:" : "|(?:") + p.Scalar() + ")";
        }
        re2::RE2::Options options;
        options.set_log_errors(false);
        auto re = std::make_shared<const re2::RE2>(all, options);
        if (!re->ok()) {
          for (const YAML::Node& p : blank) {
            if (!param_regex(p, error)) return nullptr;
          }
          error(blank,
                "这些正则表达式不能合并为一个 (the patterns do not combine into one alternation): " + re->error());
          return nullptr;
        }
        return std::make_shared<PeriodMissing>(std::move(re));
      }});
  kinds.back().placeholders = {{"blank", {"text"}}};
  kinds.back().finds =
      "a 统计期限 left as the template's blanks (统计期限自  年 月 日起…, 自____年, 为X年X月X日至); a report with no "
      "period "
      "sentence is not reported";
  kinds.back().param_docs = {
      {"blank",
       "RE2 patterns on the normalized text, each matching a period sentence whose year, month or day is blank or a "
       "placeholder (never a filled date); the first match in the body, outside tables, is reported"}};
}

}  // namespace gklint
