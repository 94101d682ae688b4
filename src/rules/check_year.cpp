// Rule kinds about the report year and period: year-consistency (found, and the same in title and
// period), year-typo (a mistyped year such as 20120年度 in a 2020 report), period-complete,
// year-plan (next year's plan dated with the report year).
#include <re2/re2.h>

#include <optional>

#include "gklint/regex.hpp"
#include "gklint/utf8.hpp"
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

// Which digit of `digits` (as normalized: ASCII) to delete so that they read `year`: 20120 -> 2020,
// the 1 (index 2). Nothing when no one digit does.
std::optional<size_t> extra_digit(std::string_view digits, const std::string& year) {
  if (digits.size() != year.size() + 1) return std::nullopt;
  for (size_t skip = 0; skip < digits.size(); ++skip) {
    if (digits.substr(0, skip) == std::string_view(year).substr(0, skip) &&
        digits.substr(skip + 1) == year.substr(skip))
      return skip;
  }
  return std::nullopt;
}

// The digits as printed without the `skip`-th (full-width digits stay full-width); nothing when
// they are not `count` digits alone.
std::optional<std::string> without_digit(std::string_view printed, size_t skip, size_t count) {
  std::vector<std::pair<size_t, size_t>> digits;  // each digit's bytes in `printed`
  for (size_t i = 0; i < printed.size();) {
    const size_t at = i;
    const char32_t c = utf8_next(printed, i);
    if (!(c >= '0' && c <= '9') && !(c >= U'０' && c <= U'９')) return std::nullopt;
    digits.emplace_back(at, i - at);
  }
  if (digits.size() != count) return std::nullopt;
  return std::string(printed).erase(digits[skip].first, digits[skip].second);
}

class YearTypo : public Check {
 public:
  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const Facts& f = ctx.report.facts;
    if (f.report_year == 0) return;
    const std::string year = std::to_string(f.report_year);
    for (const Facts::Digits& t : f.year_typos) {
      const std::optional<size_t> skip = extra_digit(t.digits, year);
      if (!skip) continue;
      Diagnostic d = make_diagnostic(rule, ctx, "year-mismatch", "default", t.span,
                                     {{"text", std::string(span_text(ctx.source, t.span))}, {"year", year}});
      d.fields = {{"problem", "typo"}};
      if (auto fixed = without_digit(span_text(ctx.source, t.span), *skip, t.digits.size())) {
        d.fix = Fix{t.span, std::move(*fixed)};
      }
      out.push_back(std::move(d));
    }
  }
};

// The 统计期限 as printed must be a whole date range: "至2018年12月31" lost its 日.
// The fix inserts the rule's `insert` (日) where the period as read ends: the base rule set's period
// pattern ends with the end date's day, whose 日 is optional.
class PeriodComplete : public Check {
 public:
  explicit PeriodComplete(std::string insert) : insert_(std::move(insert)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const Facts& f = ctx.report.facts;
    if (!f.period || f.period_end_has_day) return;
    Diagnostic d = make_diagnostic(rule, ctx, "period-incomplete", "default", *f.period,
                                   {{"text", std::string(span_text(ctx.source, *f.period))}});
    if (!insert_.empty()) d.fix = Fix{Span{f.period->end, f.period->end}, insert_};
    out.push_back(std::move(d));
  }

 private:
  std::string insert_;
};

// A plan for the coming year dated with the report year or earlier: "2020年我局将进一步…" in the
// improvements of a 2020 report (copied from the year before, or the year not updated). Only what
// the rule's pattern finds in the rule's section is considered: a year that opens a sentence and is
// followed by the subject and a word of intention. A year further inside a sentence ("针对2020年存
// 在的问题，我局将…") is a reference, not a date, and is left alone.
class YearPlan : public Check {
 public:
  YearPlan(std::string section, Regex pattern) : section_(std::move(section)), pattern_(std::move(pattern)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const int report_year = ctx.report.facts.report_year;
    size_t from = 0, to = 0;
    if (report_year == 0 || !section_view_range(ctx, section_, /*with_heading=*/false, &from, &to)) return;
    // The section's text alone, so that ^ is where its prose begins (right after the heading, on a
    // crawled one-line page too).
    const std::string_view body = std::string_view(ctx.view.text()).substr(from, to - from);
    const int year_group = re_group(*pattern_, "year");
    std::vector<re2::StringPiece> g;
    for (size_t at = 0; at < body.size() && re_search(*pattern_, body, at, g);) {
      const re2::StringPiece year = g[year_group];
      at = std::max(at + 1, re_offset(body, g[0]) + g[0].size());
      int y = 0;
      for (char c : year) y = y * 10 + (c - '0');
      if (year.size() != 4 || y > report_year) continue;
      const size_t begin = from + re_offset(body, year);
      const Span span = ctx.view.source_span(static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + year.size()));
      Diagnostic d = make_diagnostic(rule, ctx, "year-plan", "default", span,
                                     {{"year", std::string(year)},
                                      {"report_year", std::to_string(report_year)},
                                      {"next_year", std::to_string(report_year + 1)}});
      d.fields = {{"year", std::string(year)}, {"report_year", std::to_string(report_year)}};
      out.push_back(std::move(d));
    }
  }

 private:
  std::string section_;
  Regex pattern_;
};

}  // namespace

void register_year_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{"year-consistency",
                           {"year-mismatch"},
                           {"missing", "mismatch"},
                           {},
                           [](const RuleNode&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
                             return std::make_shared<YearConsistency>();
                           }});
  kinds.back().placeholders = {{"missing", {}}, {"mismatch", {"title_year", "period_year"}}};
  kinds.back().finds = "no report year; title and 统计期限 disagree";
  kinds.push_back(RuleKind{"year-typo",
                           {"year-mismatch"},
                           {"default"},
                           {},
                           [](const RuleNode&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
                             return std::make_shared<YearTypo>();
                           }});
  kinds.back().placeholders = {{"default", {"text", "year"}}};
  kinds.back().finds = "a mistyped year (20120年度)";
  kinds.push_back(
      RuleKind{"period-complete",
               {"period-incomplete"},
               {"default"},
               {"insert"},
               [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 const RuleNode insert = params["insert"];
                 if (insert && (!insert.IsScalar() || insert.Scalar().empty())) {
                   error(insert, "params.insert 应为要插入的文字 (params.insert is the text a fix inserts)");
                   return nullptr;
                 }
                 return std::make_shared<PeriodComplete>(insert ? insert.Scalar() : std::string());
               }});
  kinds.back().placeholders = {{"default", {"text"}}};
  kinds.back().finds = "a 统计期限 whose end date lacks 日";
  kinds.back().param_docs = {
      {"insert",
       "the text a fix inserts where the period as read ends (`日`); without it, the finding carries no fix"}};
  kinds.push_back(RuleKind{
      "year-plan",
      {"year-plan"},
      {"default"},
      {"section", "pattern"},
      [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
        const RuleNode section = params["section"], pattern = params["pattern"];
        if (!section || !section.IsScalar() || section.Scalar().empty()) {
          error(params, "需要 params.section：计划所在章节的 id (params.section names the section plans are in)");
          return nullptr;
        }
        if (!pattern) {
          error(params, "需要 params.pattern：含命名分组 year 的正则表达式 (params.pattern: RE2 with a group year)");
          return nullptr;
        }
        auto re = param_regex(pattern, error, "year");
        if (!re) return nullptr;
        // A section the rule set does not have is simply not found in any report: rule sets that
        // extend this one name their sections.
        return std::make_shared<YearPlan>(section.Scalar(), std::move(re));
      }});
  kinds.back().placeholders = {{"default", {"year", "report_year", "next_year"}}};
  kinds.back().finds =
      "a plan in a section dated with the report year or earlier (2020年我局将进一步… in a 2020 report)";
  kinds.back().param_docs = {
      {"section", "the id of the section that holds the plans (`problems`)"},
      {"pattern",
       "RE2 on the section's normalized text, with a group `year`: a year that dates a plan (a year after the "
       "report year is never reported)"}};
}

}  // namespace gklint
