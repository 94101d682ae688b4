// Rule kind text-table: a figure in the prose that contradicts the table cell it names
// (我局收到政府信息公开申请5件 while table 三's 本年新收 总计 is 3).
//
// Each figure the rule knows is a pattern with a group `n` ({n} stands for a figure in digits or
// Chinese numerals) and the cells it must equal (their sum: 行政诉讼 = 未经复议直接起诉 + 复议后起诉).
// Precision first: only an exact figure (not 余, 约, a range) is compared, only with cells read as
// numbers (a table not found, a row not read, a blank cell: nothing is said), and a mention in a
// sentence that speaks of another year or of a change (2020年…, 同比, 较上年: words of `unless`)
// is not this year's count. Error when every cell was read as printed; warning when one was cut
// out of digits that ran together.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "gklint/numbers.hpp"
#include "gklint/regex.hpp"
#include "rules/prose_figures.hpp"

namespace gklint {

namespace {

struct FigureDef {
  std::string name_zh, name_en;
  const TableDef* table = nullptr;
  std::vector<std::pair<int, int>> cells;  // (row index, column index) in the table's definition
  // When either is given, the mention counts only with a word of `context` in its sentence, or
  // inside one of `sections`: 行政复议1起 is this table's only where it is about disclosure.
  std::vector<std::string> context, sections;
};

class TextTable : public Check {
 public:
  TextTable(std::vector<FigureDef> figures, Regex all, std::vector<std::string> unless, size_t look_back,
            std::vector<std::string> near)
      : figures_(std::move(figures)),
        all_(std::move(all)),
        unless_(std::move(unless)),
        look_back_(look_back),
        near_(std::move(near)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const auto table_of = [&](const TableDef* def) -> const Table* {
      for (const Table& t : ctx.report.tables) {
        if (t.def == def) return &t;
      }
      return nullptr;
    };
    if (std::none_of(figures_.begin(), figures_.end(), [&](const FigureDef& f) { return table_of(f.table); })) return;
    const std::string_view t = ctx.view.text();
    const Prose& prose = *ctx.prose;
    std::vector<re2::StringPiece> g;
    // Only the sentences holding a word of `near` (申请, 复议 …) are read, when the rule gives them.
    std::vector<std::pair<size_t, size_t>> ranges = {{prose.from, prose.to}};
    if (!near_.words().empty()) ranges = sentences_near(t, prose.from, prose.to, near_);
    for (const auto& [from, to] : ranges) {
      const std::string_view body = t.substr(0, to);
      for (size_t at = from; at < to && re_search(*all_, body, at, g);) {
        const size_t begin = re_offset(body, g[0]), end = begin + g[0].size();
        at = std::max(end, begin + 1);
        if (prose.in_gap(begin, end)) continue;
        for (size_t k = 0; k < figures_.size(); ++k) {
          const re2::StringPiece n = g[static_cast<size_t>(all_.group(k))];  // figure k's `n`
          if (n.data() == nullptr) continue;
          if (const Table* table = table_of(figures_[k].table))
            compare(rule, ctx, prose, figures_[k], *table, begin, end, re_offset(body, n), out);
          break;
        }
      }
    }
  }

 private:
  void compare(const Rule& rule, const CheckContext& ctx, const Prose& prose, const FigureDef& f, const Table& table,
               size_t match, size_t match_end, size_t at, std::vector<Diagnostic>& out) const {
    const std::string_view t = ctx.view.text();
    ProseNumber n;
    if (!read_number(t, at, &n) || !n.exact() || n.percent || n.points) return;
    // The sentence before the mention: another year or a change makes it another count.
    size_t sentence = match;
    const size_t floor = std::max(prose.from, match > 3 * look_back_ ? match - 3 * look_back_ : 0);
    while (sentence > floor && !sentence_end_before(t, sentence)) --sentence;
    const std::string_view before = t.substr(sentence, match - sentence);
    if (contains_any(before, unless_) || other_year(before, ctx.report.facts.report_year)) return;
    if (!f.context.empty() || !f.sections.empty()) {
      bool about = contains_any(t.substr(sentence, at - sentence), f.context);
      for (size_t k = 0; !about && k < f.sections.size(); ++k) {
        size_t from = 0, to = 0;
        about = section_view_range(ctx, f.sections[k], false, &from, &to) && from <= match && match < to;
      }
      if (!about) return;
    }
    double sum = 0;
    bool inferred = false;
    std::vector<Related> related;
    for (const auto& [row, column] : f.cells) {
      const Cell* c = table.cell(row, column);
      if (!c || c->state != Cell::State::number) return;
      sum += c->value;
      inferred = inferred || c->inferred;
      Related r;
      r.span = c->span;
      const std::string& row_name = f.table->rows[static_cast<size_t>(row)].name;
      r.label =
          row_name.empty() ? column_label(*f.table, column) : row_name + "（" + column_label(*f.table, column) + "）";
      r.value = c->text;
      related.push_back(std::move(r));
    }
    if (std::fabs(sum - n.value) < 1e-9) return;
    const Span span = ctx.view.source_span(static_cast<uint32_t>(at), static_cast<uint32_t>(at + n.length));
    const Span whole = ctx.view.source_span(static_cast<uint32_t>(match), static_cast<uint32_t>(match_end));
    char table_value[64];
    std::snprintf(table_value, sizeof table_value, "%g", sum);
    std::string cells;
    for (const Related& r : related) cells += (cells.empty() ? "" : " + ") + r.label;
    Diagnostic d = make_diagnostic(rule, ctx, "text-table", "default", span,
                                   {{"text", std::string(span_text(ctx.source, whole))},
                                    {"figure", ctx.lang == Lang::zh ? f.name_zh : f.name_en},
                                    {"prose", std::string(t.substr(at, n.length))},
                                    {"table", f.table->title},
                                    {"cells", cells},
                                    {"value", table_value}});
    if (inferred && d.severity == Severity::error) d.severity = Severity::warning;
    d.inferred = inferred;
    d.expected = Number{sum, 0};
    d.actual = Number{n.value, n.decimals};
    d.related = std::move(related);
    d.fields = {{"table", f.table->id}};
    out.push_back(std::move(d));
  }

  static std::string column_label(const TableDef& def, int column) {
    const ColumnDef& c = def.columns[static_cast<size_t>(column)];
    return c.group.empty() ? c.label : c.group + c.label;
  }

  // A year (four digits and 年) other than the report's in `text`.
  static bool other_year(std::string_view text, int report_year) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (size_t i = 0; i + 7 <= text.size(); ++i) {
      if (text.substr(i + 4, 3) != "年" || (i > 0 && digit(text[i - 1]))) continue;
      if (!std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.begin() + static_cast<std::ptrdiff_t>(i + 4),
                       digit))
        continue;
      const int y = std::stoi(std::string(text.substr(i, 4)));
      if (y != report_year) return true;
    }
    return false;
  }

  std::vector<FigureDef> figures_;
  Regex all_;
  std::vector<std::string> unless_;
  size_t look_back_;
  WordScan near_;
};

// {n} in a figure's pattern: a figure in digits (with thousands separators) or Chinese numerals.
constexpr std::string_view kNumber = "(?:[0-9][0-9,]*|[零〇一二两三四五六七八九十百千万]+)";

}  // namespace

void register_text_table_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{
      "text-table",
      {"text-table"},
      {"default"},
      {"figures", "near", "unless", "look_back"},
      [](const RuleNode& params, const RuleSet& set, const ParamError& error) -> std::shared_ptr<const Check> {
        const RuleNode list = params["figures"];
        if (!list || !list.IsSequence() || list.size() == 0) {
          error(list ? list : params,
                "需要 params.figures：每项含 name {zh, en}、pattern（含命名分组 n）、table 和 cells "
                "(params.figures lists {name, pattern with a group n, table, cells})");
          return nullptr;
        }
        std::vector<FigureDef> figures;
        std::string all;
        std::vector<std::string> groups;  // figure k's `n`, renamed in `all`
        for (const RuleNode& item : list) {
          FigureDef f;
          const RuleNode name = item["name"], pattern = item["pattern"], table = item["table"], cells = item["cells"];
          if (!item.IsMap() || !name || !name.IsMap() || !name["zh"] || !name["en"] || !pattern ||
              !pattern.IsScalar() || !table || !table.IsScalar() || !cells || !cells.IsSequence() ||
              cells.size() == 0) {
            error(item,
                  "每项需要 name {zh, en}、pattern、table 和 cells (each figure needs name {zh, en}, pattern, "
                  "table and cells)");
            return nullptr;
          }
          f.name_zh = name["zh"].as<std::string>();
          f.name_en = name["en"].as<std::string>();
          f.table = set.table(table.Scalar());
          if (!f.table) {
            error(table, "没有这个表格 (no such table in this rule set)");
            return nullptr;
          }
          for (const RuleNode& c : cells) {
            const std::string id = c.IsScalar() ? c.Scalar() : "";
            const size_t dot = id.find('.');
            int row = -1, column = -1;
            for (size_t r = 0; dot != std::string::npos && r < f.table->rows.size(); ++r) {
              if (f.table->rows[r].id == id.substr(0, dot)) row = static_cast<int>(r);
            }
            for (size_t k = 0; dot != std::string::npos && k < f.table->columns.size(); ++k) {
              if (f.table->columns[k].id == id.substr(dot + 1)) column = static_cast<int>(k);
            }
            if (row < 0 || column < 0) {
              error(c, "应为 行id.列id，且在表格中 (a cell: row-id.column-id of the table)");
              return nullptr;
            }
            f.cells.emplace_back(row, column);
          }
          if (!param_words(item, "context", false, error, f.context) ||
              !param_words(item, "sections", false, error, f.sections))
            return nullptr;
          for (const std::string& id : f.sections) {
            if (std::none_of(set.sections.begin(), set.sections.end(), [&](const auto& x) { return x.id == id; })) {
              error(item["sections"], "没有这个部分 (no such section in this rule set): " + id);
              return nullptr;
            }
          }
          // The figure's own pattern, checked alone when a user's file gives it (errors at its place),
          // then renamed into the alternation.
          std::string text = pattern.Scalar();
          for (size_t p = text.find("{n}"); p != std::string::npos; p = text.find("{n}", p)) {
            text.replace(p, 3, kNumber);
            p += kNumber.size();
          }
          if (!params.built_in()) {
            re2::RE2::Options options;
            options.set_log_errors(false);
            const re2::RE2 alone(text, options);
            if (!alone.ok() || re_group(alone, "n") < 0) {
              error(pattern, alone.ok() ? "正则表达式缺少命名分组 (the pattern needs the named group) (?P<n>…)"
                                        : "正则表达式错误 (bad RE2 pattern): " + alone.error());
              return nullptr;
            }
          }
          groups.push_back("gklint_n_" + std::to_string(figures.size()));
          const size_t n = text.find("(?P<n>");
          if (n == std::string::npos) {
            error(pattern, "正则表达式缺少命名分组 (the pattern needs the named group) (?P<n>…)");
            return nullptr;
          }
          text.replace(n, 6, "(?P<" + groups.back() + ">");
          all += (all.empty() ? "" : "|") + ("(?:" + text + ")");
          figures.push_back(std::move(f));
        }
        std::vector<std::string> unless, near;
        size_t look_back = 60;
        if (!param_words(params, "near", false, error, near) || !param_words(params, "unless", false, error, unless) ||
            !param_int(params, "look_back", 1, 1000, error, look_back))
          return nullptr;
        // The one pattern the rule runs. A built-in file's is compiled when a report first needs it
        // (the tests load each built-in file from its text, which checks it here); a user's, here.
        Regex combined(all, groups);
        for (size_t k = 0; k < figures.size() && !params.built_in(); ++k) {
          if (!combined->ok() || combined.group(k) < 0) {
            error(list, "这些正则表达式无法合并 (the patterns do not combine): " + combined->error());
            return nullptr;
          }
        }
        return std::make_shared<TextTable>(std::move(figures), std::move(combined), std::move(unless), look_back,
                                           std::move(near));
      }});
  kinds.back().placeholders = {{"default", {"text", "figure", "prose", "table", "cells", "value"}}};
  kinds.back().tables = true;
  kinds.back().reads_rule_set = true;
  kinds.back().finds = "a figure in the prose that contradicts the table cells it names";
  kinds.back().param_docs = {
      {"figures",
       "each `{name: {zh, en}, pattern, table, cells}`: an RE2 pattern on the normalized prose with a group `n` "
       "(`{n}` stands for a figure), the table's id, and the cells (`row.column`) whose sum the figure states; "
       "optionally `context` (words one of which the sentence must hold) and `sections` (section ids where it "
       "need not)"},
      {"near",
       "words one of which every figure's sentence holds (申请, 复议 …): when given, the patterns read only the "
       "sentences that hold one (speed); without it, the whole prose"},
      {"unless", "words before the mention, in its sentence, that make it another count (同比, 上年 …)"},
      {"look_back", "how far back, in characters, the sentence is read for those words and for another year"}};
}

}  // namespace gklint
