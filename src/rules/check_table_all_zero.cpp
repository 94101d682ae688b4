// Rule kind table-all-zero: the request and review tables all zero while the prose states a number
// of applications or cases above zero (a real report was withdrawn for this: its tables were the
// template's zeros). An info, once per report, at the prose that says otherwise. Precision first:
// every table named must be there, read whole (no unreadable row, no blank cell: a blank is not a
// zero), and hold only zeros; the prose is read outside the tables, in the report's body, and only
// where a pattern of the rule finds a count (group `n`) above zero.
#include <re2/re2.h>

#include <algorithm>

#include "gklint/regex.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

class TableAllZero : public Check {
 public:
  TableAllZero(std::vector<const TableDef*> tables, std::vector<Regex> mentions)
      : tables_(std::move(tables)), mentions_(std::move(mentions)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    std::vector<std::pair<size_t, size_t>> spans;  // the tables' view ranges
    for (const TableDef* def : tables_) {
      const auto t = std::find_if(ctx.report.tables.begin(), ctx.report.tables.end(),
                                  [&](const Table& x) { return x.def == def; });
      if (t == ctx.report.tables.end() || !t->unreadable.empty() || !all_zero(*t)) return;
      spans.emplace_back(ctx.view.view_offset(t->span.begin), ctx.view.view_offset(t->span.end));
    }
    const std::string_view text = ctx.view.text();
    const size_t from = ctx.view.view_offset(ctx.report.facts.body.begin);
    const size_t to = ctx.view.view_offset(ctx.report.facts.body.end);
    const std::string_view body = text.substr(from, to > from ? to - from : 0);
    // The first mention, in the text's order, of a count above zero outside the tables.
    std::optional<std::pair<size_t, size_t>> first;  // view offsets of the whole match
    std::vector<re2::StringPiece> g;
    for (const auto& re : mentions_) {
      const size_t n_group = static_cast<size_t>(re_group(*re, "n"));
      for (size_t at = 0; at < body.size() && re_search(*re, body, at, g);) {
        const size_t begin = from + re_offset(body, g[0]), end = begin + g[0].size();
        at = std::max(at + 1, end - from);
        const bool in_table =
            std::any_of(spans.begin(), spans.end(), [&](const auto& s) { return begin < s.second && end > s.first; });
        const re2::StringPiece n = g[n_group];
        if (in_table || n.empty() || std::all_of(n.begin(), n.end(), [](char c) { return c == '0'; })) continue;
        if (!first || begin < first->first) first = {begin, end};
        break;
      }
    }
    if (!first) return;
    const Span span = ctx.view.source_span(static_cast<uint32_t>(first->first), static_cast<uint32_t>(first->second));
    std::string names;
    for (const TableDef* def : tables_) names += (names.empty() ? "" : "、") + def->title;
    Diagnostic d = make_diagnostic(rule, ctx, "table-all-zero", "default", span,
                                   {{"tables", names}, {"text", std::string(span_text(ctx.source, span))}});
    out.push_back(std::move(d));
  }

 private:
  static bool all_zero(const Table& t) {
    bool any = false;
    for (const ReadRow& row : t.rows) {
      for (const Cell& c : row.cells) {
        if (c.state != Cell::State::number || c.units != 0) return false;
        any = true;
      }
    }
    return any;
  }

  std::vector<const TableDef*> tables_;
  std::vector<Regex> mentions_;
};

}  // namespace

void register_table_all_zero_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(
      RuleKind{"table-all-zero",
               {"table-all-zero"},
               {"default"},
               {"tables", "mentions"},
               [](const RuleNode& params, const RuleSet& set, const ParamError& error) -> std::shared_ptr<const Check> {
                 const RuleNode tables = params["tables"], mentions = params["mentions"];
                 if (!tables || !tables.IsSequence() || tables.size() == 0 || !mentions || !mentions.IsSequence() ||
                     mentions.size() == 0) {
                   error(params,
                         "需要 params.tables（表格 id 列表）和 params.mentions（含命名分组 n 的正则表达式列表） "
                         "(params.tables lists table ids, params.mentions RE2 patterns with a group n)");
                   return nullptr;
                 }
                 std::vector<const TableDef*> defs;
                 for (const RuleNode& id : tables) {
                   const TableDef* def = id.IsScalar() ? set.table(id.Scalar()) : nullptr;
                   if (!def) {
                     error(id, "没有这个表格 (no such table in this rule set)");
                     return nullptr;
                   }
                   defs.push_back(def);
                 }
                 std::vector<Regex> res;
                 for (const RuleNode& m : mentions) {
                   auto re = param_regex(m, error, "n");
                   if (!re) return nullptr;
                   res.push_back(std::move(re));
                 }
                 return std::make_shared<TableAllZero>(std::move(defs), std::move(res));
               }});
  kinds.back().placeholders = {{"default", {"tables", "text"}}};
  kinds.back().tables = true;
  kinds.back().reads_rule_set = true;
  kinds.back().finds = "the request and review tables all zero while the prose states applications or cases";
  kinds.back().param_docs = {
      {"tables", "the ids of the tables that must all be zero"},
      {"mentions", "RE2 patterns on the normalized prose, each with a group `n`: a count of applications or cases"}};
}

}  // namespace gklint
