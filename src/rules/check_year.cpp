// Rule kinds about the report year and period: year-consistency (found, and the same in title and
// period), year-typo (a mistyped year such as 20120年度 in a 2020 report), period-complete.
#include "rules/check.hpp"

namespace gklint {

namespace {

class YearConsistency : public Check {
 public:
  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const Facts& f = ctx.report.facts;
    if (f.report_year == 0) {
      Span at = f.title ? *f.title : Span{0, 0};
      Diagnostic d = make_diagnostic(rule, ctx, "year-mismatch", "missing", at, {});
      d.fields = {{"problem", "missing"}};
      out.push_back(std::move(d));
      return;
    }
    if (f.title_year && f.period_end && f.title_year->year != f.period_end->year) {
      Diagnostic d = make_diagnostic(
          rule, ctx, "year-mismatch", "mismatch", f.period_end->span,
          {{"title_year", std::to_string(f.title_year->year)}, {"period_year", std::to_string(f.period_end->year)}});
      d.fields = {{"problem", "mismatch"},
                  {"title_year", std::to_string(f.title_year->year)},
                  {"period_year", std::to_string(f.period_end->year)}};
      out.push_back(std::move(d));
    }
  }
};

// True when deleting one digit of `digits` gives `year`: 20120 -> 2020.
bool one_digit_extra(std::string_view digits, const std::string& year) {
  if (digits.size() != year.size() + 1) return false;
  for (size_t skip = 0; skip < digits.size(); ++skip) {
    std::string shorter;
    shorter.append(digits.substr(0, skip)).append(digits.substr(skip + 1));
    if (shorter == year) return true;
  }
  return false;
}

class YearTypo : public Check {
 public:
  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const Facts& f = ctx.report.facts;
    if (f.report_year == 0) return;
    const std::string year = std::to_string(f.report_year);
    for (const Facts::Digits& t : f.year_typos) {
      if (!one_digit_extra(t.digits, year)) continue;
      Diagnostic d = make_diagnostic(rule, ctx, "year-mismatch", "default", t.span,
                                     {{"text", std::string(span_text(ctx.source, t.span))}, {"year", year}});
      d.fields = {{"problem", "typo"}};
      out.push_back(std::move(d));
    }
  }
};

// The 统计期限 as printed must be a whole date range: "至2018年12月31" lost its 日.
class PeriodComplete : public Check {
 public:
  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const Facts& f = ctx.report.facts;
    if (!f.period || f.period_end_has_day) return;
    Diagnostic d = make_diagnostic(rule, ctx, "period-incomplete", "default", *f.period,
                                   {{"text", std::string(span_text(ctx.source, *f.period))}});
    out.push_back(std::move(d));
  }
};

}  // namespace

void register_year_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{"year-consistency",
                           {"year-mismatch"},
                           {"missing", "mismatch"},
                           {},
                           [](const YAML::Node&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
                             return std::make_shared<YearConsistency>();
                           }});
  kinds.back().placeholders = {{"missing", {}}, {"mismatch", {"title_year", "period_year"}}};
  kinds.back().finds = "no report year; title and 统计期限 disagree";
  kinds.push_back(RuleKind{"year-typo",
                           {"year-mismatch"},
                           {"default"},
                           {},
                           [](const YAML::Node&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
                             return std::make_shared<YearTypo>();
                           }});
  kinds.back().placeholders = {{"default", {"text", "year"}}};
  kinds.back().finds = "a mistyped year (20120年度)";
  kinds.push_back(RuleKind{"period-complete",
                           {"period-incomplete"},
                           {"default"},
                           {},
                           [](const YAML::Node&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
                             return std::make_shared<PeriodComplete>();
                           }});
  kinds.back().placeholders = {{"default", {"text"}}};
  kinds.back().finds = "a 统计期限 whose end date lacks 日";
}

}  // namespace gklint
