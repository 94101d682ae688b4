// Rule kinds about the national tables: table-missing, table-readable, table-rows, table-cell,
// table-equation (the sums) and table-template (an out-of-date table format).
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "gklint/utf8.hpp"
#include "rules/check.hpp"
#include "rules/equation.hpp"

namespace gklint {

namespace {

// A cell's exact value in units of 10^-decimals, rounded half away from zero when the cell has
// more decimals than that.
int64_t round_to(const Cell& c, int decimals) {
  int64_t u = c.units;
  for (int d = c.decimals; d < decimals; ++d) u *= 10;
  if (c.decimals > decimals) {  // one rounding, never digit by digit (1.0049 -> 1.00, not 1.01)
    int64_t div = 1;
    for (int d = decimals; d < c.decimals; ++d) div *= 10;
    const int64_t q = u / div, r = u % div;
    u = q + (2 * r >= div ? 1 : 2 * r <= -div ? -1 : 0);
  }
  return u;
}

std::string format_number(double v, int decimals) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(decimals);
  out << v;
  return out.str();
}

// Row label for messages and JSON: the row's name, or for a row without a label (table 四) the
// heading over the column (行政复议).
std::string row_name(const TableDef& def, int row, int column) {
  const RowDef& r = def.rows[row];
  if (!r.unlabeled) return r.name;
  return column >= 0 ? def.columns[column].group : std::string();
}

// The fields naming a cell (or a row when column < 0): row_id, row_label, column_id, column_label.
void cell_fields(Diagnostic& d, const TableDef& def, int row, int column) {
  if (row >= 0) {
    d.fields.emplace_back("row_id", def.rows[row].id);
    d.fields.emplace_back("row_label", row_name(def, row, column));
  }
  if (column >= 0) {
    d.fields.emplace_back("column_id", def.columns[column].id);
    d.fields.emplace_back("column_label", def.columns[column].label);
  }
}

void table_fields(Diagnostic& d, const TableDef& def, int row, int column) {
  d.fields.emplace_back("table", def.id);
  cell_fields(d, def, row, column);
}

const Table* find_table(const Report& report, const TableDef& def) {
  for (const Table& t : report.tables) {
    if (t.def == &def) return &t;
  }
  return nullptr;
}

// ---- table-missing: a table the regime requires is not in the report -----------------------

// How many numbers in a section's text stand together as a table's cells do: in runs of four or
// more with no Chinese character between them (0 0 3 1, | 2 | 0 |). Prose puts words between its
// figures.
size_t tabular_numbers(const CheckContext& ctx, int section) {
  // From the section's heading to the next of the rule set's sections found (a table's garbled
  // header may read as a heading of its own: it does not end the section here).
  const std::vector<Heading>& hs = ctx.report.headings;
  const Heading& h = hs[ctx.section_heading[section]];
  size_t to = ctx.view.view_offset(ctx.report.facts.body.end);
  for (int other : ctx.section_heading) {
    if (other >= 0 && hs[other].span.begin > h.span.begin)
      to = std::min<size_t>(to, ctx.view.view_offset(hs[other].span.begin));
  }
  const size_t from = std::min<size_t>(to, ctx.view.view_offset(h.span.end));
  const std::string_view text = std::string_view(ctx.view.text()).substr(from, to - from);
  size_t total = 0, run = 0;
  bool in_number = false;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = utf8_next(text, i);
    const bool digit = c >= '0' && c <= '9';
    if (digit && !in_number) ++run;
    in_number = digit;
    if (c >= 0x3400 && c < 0xA000) {  // a Chinese character ends the run
      if (run >= 4) total += run;
      run = 0;
    }
  }
  return run >= 4 ? total + run : total;
}

// A table whose labels were not found, but whose section holds numbers laid out as a table's: it
// may well be there, unread (a PDF's header letters wrapped one a line, a crawled page's cells run
// together). Said as a warning that it could not be read, not as an error that it is missing.
bool maybe_unread(const CheckContext& ctx, int section, const std::vector<const TableDef*>& defs) {
  size_t need = SIZE_MAX;
  for (const TableDef* d : defs) need = std::min(need, std::max<size_t>(8, d->rows.size() * d->columns.size() / 2));
  return tabular_numbers(ctx, section) >= need;
}

class TableMissing : public Check {
 public:
  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const RuleSet& set = ctx.rules;
    const std::vector<int>& headings = ctx.section_heading;
    // Tables of one section go together: when none of them is there, one finding says so.
    std::map<std::string, std::vector<const TableDef*>> missing, all;
    for (const TableDef& def : set.tables) {
      if (!def.required) continue;
      all[def.section].push_back(&def);
      if (!find_table(ctx.report, def)) missing[def.section].push_back(&def);
    }
    for (const auto& [section, defs] : missing) {
      int s = -1;
      for (size_t i = 0; i < set.sections.size(); ++i) {
        if (set.sections[i].id == section) s = static_cast<int>(i);
      }
      if (s < 0 || headings[s] < 0) continue;  // the section itself is missing: section.missing says so
      const Heading& h = ctx.report.headings[headings[s]];
      const bool unread = rule.messages.count("unread") && maybe_unread(ctx, s, defs);
      const char* key = unread ? "unread" : "default";
      const auto make = [&](const std::string& titles, const TableDef& first) {
        Diagnostic d = make_diagnostic(rule, ctx, "table-missing", key, h.span, {{"table", titles}});
        d.fields = {{"table", first.id}};
        if (unread) {
          d.severity = std::min(d.severity, Severity::warning);
          d.fields.emplace_back("problem", "unread");
        }
        return d;
      };
      if (defs.size() == all[section].size() && defs.size() > 1) {
        std::string titles;
        for (const TableDef* d : defs) titles += (titles.empty() ? "" : "、") + d->title;
        out.push_back(make(titles, *defs.front()));
        continue;
      }
      for (const TableDef* def : defs) {
        Diagnostic d = make(def->title, *def);
        if (!def->cite.empty()) d.cite = def->cite;
        out.push_back(std::move(d));
      }
    }
  }
};

// ---- table-readable: rows whose cells cannot be read unambiguously --------------------------

// One finding per table: the rows that could not be read and why. Those rows took no part in any
// sum; the rest of the table was checked.
class TableReadable : public Check {
 public:
  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    constexpr size_t kRowsShown = 5;
    for (const Table& t : ctx.report.tables) {
      if (t.unreadable.empty()) continue;
      const auto& first = t.unreadable.front();
      std::string rows;
      for (size_t i = 0; i < t.unreadable.size() && i < kRowsShown; ++i) {
        const auto& u = t.unreadable[i];
        // Several cuts: the table may have no row total to choose between them (表二).
        const char* key = u.why == Table::Unreadable::Why::no_cut    ? "row_no_cut"
                          : u.why == Table::Unreadable::Why::gave_up ? "row_gave_up"
                          : u.why == Table::Unreadable::Why::several_cuts
                              ? (t.def->row_identities.empty() ? "row_ambiguous" : "row_several")
                              : "row_count";
        if (!rows.empty()) rows += ctx.lang == Lang::en ? "; " : "；";
        rows += fill_template(
            rule.message(key).in(ctx.lang),
            {{"row", u.row}, {"found", std::to_string(u.found)}, {"expected", std::to_string(u.expected)}});
      }
      if (t.unreadable.size() > kRowsShown) rows += ctx.lang == Lang::en ? "; …" : "等";
      Diagnostic d = make_diagnostic(rule, ctx, "table-unreadable", "default", first.at,
                                     {{"table", t.def->title},
                                      {"row", first.row},
                                      {"found", std::to_string(first.found)},
                                      {"expected", std::to_string(first.expected)},
                                      {"count", std::to_string(t.unreadable.size())},
                                      {"rows", rows}});
      d.fields = {{"table", t.def->id}, {"row_label", first.row}, {"count", std::to_string(t.unreadable.size())}};
      for (const auto& u : t.unreadable) d.related.emplace_back(u.at, u.row, "");
      if (!t.def->cite.empty()) d.cite = t.def->cite;
      out.push_back(std::move(d));
    }
  }
};

// ---- table-rows: rows of the template not found in a table that was found ------------------

class TableRows : public Check {
 public:
  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    for (const Table& t : ctx.report.tables) {
      for (size_t j = 0; j < t.def->rows.size(); ++j) {
        const RowDef& r = t.def->rows[j];
        if (r.unlabeled || t.row_index[j] >= 0) continue;
        Span at{t.span.begin, t.span.begin};
        for (size_t k = j + 1; k < t.def->rows.size(); ++k) {  // where it belongs: before the next row found
          if (t.row_index[k] >= 0) {
            at = t.rows[t.row_index[k]].label;
            break;
          }
        }
        Diagnostic d =
            make_diagnostic(rule, ctx, "table-layout", "default", at, {{"table", t.def->title}, {"row", r.label}});
        table_fields(d, *t.def, static_cast<int>(j), -1);
        d.fields.emplace_back("problem", "row-missing");
        out.push_back(std::move(d));
      }
    }
  }
};

// ---- table-cell: not filled, not a number, a negative or fractional count -------------------

// The ids of the table-equation rules that skipped an instance in table `t` for a blank cell
// (defined with TableEquation below).
std::vector<std::string> sums_skipped_for_blanks(const CheckContext& ctx, const Table& t);

// Quoted names for a message, at most `max` of them, then 等 (", …" in English): “予以公开”“重复申请”等.
std::string quoted_list(const std::vector<std::string>& names, size_t max, Lang lang) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < max; ++i) {
    out += lang == Lang::en ? (i ? ", \"" : "\"") + names[i] + "\"" : "“" + names[i] + "”";
  }
  if (names.size() > max) out += lang == Lang::en ? ", …" : "等";
  return out;
}

class TableCell : public Check {
 public:
  explicit TableCell(std::vector<std::string> problems) : problems_(std::move(problems)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    for (const Table& t : ctx.report.tables) {
      std::vector<std::pair<const ReadRow*, int>> blanks;  // (row, column), in document order
      for (const ReadRow& row : t.rows) {
        if (t.def->rows[row.def].group) continue;
        for (size_t c = 0; c < row.cells.size() && c < t.def->columns.size(); ++c) {
          const Cell& cell = row.cells[c];
          const ColumnDef& col = t.def->columns[c];
          std::string problem;
          if (cell.state == Cell::State::unfilled) {
            // Blanks are counted as 0 by the sums (blank_cells: zero), or said once per table below.
            if (ctx.blank_cells == BlankCells::unfilled && wants("unfilled"))
              blanks.emplace_back(&row, static_cast<int>(c));
            continue;
          }
          if (cell.state == Cell::State::text)
            problem = "not_number";
          else if (cell.value < 0 && col.kind != ValueKind::signed_count)
            problem = "negative";
          else if (cell.decimals > 0 && col.kind != ValueKind::amount)
            problem = "fraction";
          if (problem.empty() || !wants(problem)) continue;
          Diagnostic d = make_diagnostic(rule, ctx, "table-cell", problem, cell.span,
                                         {{"table", t.def->title},
                                          {"row", row_name(*t.def, row.def, static_cast<int>(c))},
                                          {"column", col.label},
                                          {"text", std::string(span_text(ctx.source, cell.span))}});
          table_fields(d, *t.def, row.def, static_cast<int>(c));
          d.fields.emplace_back("problem", problem);
          out.push_back(std::move(d));
        }
      }
      if (!blanks.empty()) out.push_back(unfilled(rule, ctx, t, blanks));
    }
  }

 private:
  // One finding for all the blank cells of a table, at the first: nine blanks are one problem of
  // the table (often an office's habit), and every cell is still listed in `related`.
  static Diagnostic unfilled(const Rule& rule, const CheckContext& ctx, const Table& t,
                             const std::vector<std::pair<const ReadRow*, int>>& blanks) {
    const TableDef& def = *t.def;
    std::vector<std::string> rows;
    std::vector<Related> related;
    for (const auto& [row, c] : blanks) {
      const std::string name = row_name(def, row->def, c);
      if (std::find(rows.begin(), rows.end(), name) == rows.end()) rows.push_back(name);
      const Span span = row->cells[c].span;
      related.emplace_back(span, name + "/" + def.columns[c].label, std::string(span_text(ctx.source, span)));
    }
    std::string sums;
    for (const std::string& id : sums_skipped_for_blanks(ctx, t))
      sums += (sums.empty() ? "" : ctx.lang == Lang::en ? ", " : "、") + id;
    if (sums.empty()) sums = ctx.lang == Lang::en ? "none" : "无";
    const auto& [first_row, first_column] = blanks.front();
    Diagnostic d = make_diagnostic(rule, ctx, "table-cell", "unfilled", related.front().span,
                                   {{"table", def.title},
                                    {"count", std::to_string(blanks.size())},
                                    {"row_count", std::to_string(rows.size())},
                                    {"rows", quoted_list(rows, kRowsNamed, ctx.lang)},
                                    {"sums", sums},
                                    {"row", row_name(def, first_row->def, first_column)},
                                    {"column", def.columns[first_column].label},
                                    {"text", related.front().value}});
    d.fields.emplace_back("table", def.id);
    d.fields.emplace_back("count", std::to_string(blanks.size()));
    // The first cell's fields keep their names: what the finding is keyed on (fixtures, baselines).
    cell_fields(d, def, first_row->def, first_column);
    d.fields.emplace_back("problem", "unfilled");
    d.related = std::move(related);
    return d;
  }

  static constexpr size_t kRowsNamed = 3;  // rows named in the message; more are "等"

  bool wants(const std::string& p) const { return std::find(problems_.begin(), problems_.end(), p) != problems_.end(); }
  std::vector<std::string> problems_;
};

// ---- table-equation: the sums ---------------------------------------------------------------

// Said of a sum that uses cells cut out of run-together digits, when the rule has no `inferred`
// message of its own.
constexpr const char* kInferredZh = "（表中数字连在一起，各单元格是按本行合计唯一可能的拆分读出的。）";
constexpr const char* kInferredEn =
    "(The table's digits ran together; its cells were read by the only split that satisfies each row's total.)";

class TableEquation : public Check {
 public:
  TableEquation(const TableDef* def, Along along, std::vector<Equation> eqs)
      : def_(def), along_(along), eqs_(std::move(eqs)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const Table* t = find_table(ctx.report, *def_);
    if (!t) return;
    each_instance(*t, [&](const Equation& eq, int r, int c) {
      check(rule, ctx, *t, eq, r, c, out);
      return false;
    });
  }

  const TableDef* table() const { return def_; }

  // Whether some instance has a blank cell: with blanks not 0, that sum was not checked.
  bool has_blank(const Table& t) const {
    return each_instance(t, [&](const Equation& eq, int r, int c) {
      return std::any_of(eq.terms.begin(), eq.terms.end(), [&](const Equation::Term& term) {
        const Cell* cell = t.cell(row_of(term, r), column_of(term, c));
        return cell && cell->state == Cell::State::unfilled;
      });
    });
  }

 private:
  // Calls f(equation, r, c) for every instance: down each column c (r = -1) or along each row r
  // found (c = -1). Stops, and returns true, when f does.
  template <typename F>
  bool each_instance(const Table& t, F f) const {
    for (const Equation& eq : eqs_) {
      if (along_ == Along::column) {
        for (int c = 0; c < static_cast<int>(def_->columns.size()); ++c) {
          if (f(eq, -1, c)) return true;
        }
      } else {
        for (size_t r = 0; r < def_->rows.size(); ++r) {
          if (!def_->rows[r].group && t.row_index[r] >= 0 && f(eq, static_cast<int>(r), -1)) return true;
        }
      }
    }
    return false;
  }
  int row_of(const Equation::Term& term, int r) const { return along_ == Along::column ? term.index : r; }
  int column_of(const Equation::Term& term, int c) const { return along_ == Along::column ? c : term.index; }

  // One instance of an equation: down column `c`, or along row `r`.
  void check(const Rule& rule, const CheckContext& ctx, const Table& t, const Equation& eq_, int r, int c,
             std::vector<Diagnostic>& out) const {
    struct Fed {
      const Cell* cell;
      int row, column, sign;
    };
    std::vector<Fed> fed;
    int decimals = -1;  // of the least precise number; a blank counted as 0 has no precision of its own
    for (const Equation::Term& term : eq_.terms) {
      const int row = row_of(term, r), column = column_of(term, c);
      const Cell* cell = t.cell(row, column);
      // A cell not found or not a number makes this instance uncheckable; table-rows and
      // table-cell report why. A blank counts as 0 only where the office says it means 0.
      const bool blank_zero = cell && cell->state == Cell::State::unfilled && ctx.blank_cells == BlankCells::zero;
      if (!cell || (cell->state != Cell::State::number && !blank_zero)) return;
      fed.push_back({cell, row, column, term.sign});
      if (!blank_zero) decimals = decimals < 0 ? cell->decimals : std::min(decimals, cell->decimals);
    }
    if (decimals < 0) decimals = 0;  // every cell blank
    // As XBRL Calculations 1.1 does: round every cell to the decimals of the least precise one,
    // then compare exactly (10.005 + 20.00 = 30.01 holds at two decimals). Counts have none.
    int64_t difference = 0;  // lhs - rhs, in units of 10^-decimals
    for (const Fed& f : fed) difference += f.sign * round_to(*f.cell, decimals);
    if (difference == 0) return;

    const Fed& at = fed[eq_.at];
    // Solve the equation for the reported cell: expected = actual - (lhs - rhs) / its sign.
    const int64_t expected_units = round_to(*at.cell, decimals) - difference / at.sign;
    const double expected = static_cast<double>(expected_units) / std::pow(10.0, decimals);
    std::string terms;
    int shown = 0;
    const bool only_nonzero = fed.size() > 5;
    for (size_t i = 0; i < fed.size(); ++i) {
      if (static_cast<int>(i) == eq_.at) continue;
      const Fed& f = fed[i];
      if (only_nonzero && f.cell->value == 0) continue;
      // Sign of this cell in "expected = …": moved to the reported cell's side.
      const bool plus = (f.sign == at.sign) ? false : true;
      std::string label = along_ == Along::column ? def_->rows[f.row].name : def_->columns[f.column].label;
      terms += (shown == 0 ? (plus ? "" : "-") : (plus ? " + " : " - ")) + label + " " +
               format_number(f.cell->value, f.cell->decimals);
      ++shown;
    }
    if (shown == 0) terms = ctx.lang == Lang::en ? "all 0" : "均为 0";
    Diagnostic d = make_diagnostic(
        rule, ctx, "table-sum", "default", at.cell->span,
        {{"table", def_->title},
         {"row", row_name(*def_, at.row, at.column)},
         {"row_label", def_->rows[at.row].unlabeled ? row_name(*def_, at.row, at.column) : def_->rows[at.row].label},
         {"column", def_->columns[at.column].label},
         {"actual", format_number(at.cell->value, at.cell->decimals)},
         {"expected", format_number(expected, decimals)},
         {"terms", terms}});
    table_fields(d, *def_, at.row, at.column);
    d.expected = Number{expected, decimals};
    d.actual = Number{at.cell->value, at.cell->decimals};
    for (size_t i = 0; i < fed.size(); ++i) {
      if (static_cast<int>(i) == eq_.at) continue;  // the reported cell is the finding's own place
      const Fed& f = fed[i];
      std::string label = row_name(*def_, f.row, f.column) + "/" + def_->columns[f.column].label;
      d.related.emplace_back(f.cell->span, label, std::string(span_text(ctx.source, f.cell->span)));
    }
    if (!def_->cite.empty() && rule.cite.empty()) d.cite = def_->cite;
    // Cells cut out of digits that ran together: the finding rests on that reading, and says so.
    if (std::any_of(fed.begin(), fed.end(), [](const Fed& f) { return f.cell->inferred; })) {
      d.inferred = true;
      const Text& note = rule.message("inferred");
      d.message +=
          " " + (note.zh.empty() ? std::string(ctx.lang == Lang::en ? kInferredEn : kInferredZh) : note.in(ctx.lang));
    }
    out.push_back(std::move(d));
  }

  const TableDef* def_;
  Along along_;
  std::vector<Equation> eqs_;
};

std::vector<std::string> sums_skipped_for_blanks(const CheckContext& ctx, const Table& t) {
  std::vector<std::string> ids;
  for (const Rule& r : ctx.rules.rules) {
    const auto* eq = dynamic_cast<const TableEquation*>(r.check.get());
    if (eq && eq->table() == t.def && eq->has_blank(t)) ids.push_back(r.id);
  }
  return ids;
}

// ---- table-template: words of another table format ------------------------------------------

class TableTemplate : public Check {
 public:
  TableTemplate(std::vector<std::string> words, std::string section)
      : words_(std::move(words)), section_(std::move(section)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const std::string& t = ctx.view.text();
    size_t from = 0, to = t.size();
    // Only in the section (heading included): words of prose elsewhere (政府集中采购 in a paragraph)
    // do not count.
    if (!section_.empty() && !section_view_range(ctx, section_, /*with_heading=*/true, &from, &to)) return;
    size_t best = std::string::npos;
    const std::string* word = nullptr;
    for (const std::string& w : words_) {
      size_t at = t.find(w, from);
      if (at < best && at + w.size() <= to) {
        best = at;
        word = &w;
      }
    }
    if (!word) return;
    Span span = ctx.view.source_span(static_cast<uint32_t>(best), static_cast<uint32_t>(best + word->size()));
    Diagnostic d = make_diagnostic(rule, ctx, "table-layout", "default", span,
                                   {{"word", std::string(span_text(ctx.source, span))}});
    d.fields = {{"problem", "template"}};
    out.push_back(std::move(d));
  }

 private:
  std::vector<std::string> words_;  // normalized
  std::string section_;
};

const TableDef* table_param(const RuleNode& params, const RuleSet& set, const ParamError& error) {
  const RuleNode n = params["table"];
  if (!n || !n.IsScalar()) {
    error(params, "需要 params.table：表格 id (params.table names the table)");
    return nullptr;
  }
  const TableDef* def = set.table(n.Scalar());
  if (!def) error(n, "没有这个表格 `" + n.Scalar() + "` (no such table in this rule set)");
  return def;
}

}  // namespace

void register_table_kinds(std::vector<RuleKind>& kinds) {
  const size_t first = kinds.size();
  kinds.push_back(RuleKind{"table-missing",
                           {"table-missing"},
                           {"default"},
                           {},
                           [](const RuleNode&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
                             return std::make_shared<TableMissing>();
                           }});
  kinds.back().optional_message_keys = {"unread"};
  kinds.back().placeholders = {{"default", {"table"}}, {"unread", {"table"}}};
  kinds.back().finds =
      "a required table not in the report (once per section when all its tables are missing); with the template "
      "`unread`, a warning instead where the section holds numbers laid out as a table's (four or more with no Chinese "
      "character between them, at least half the table's cells): there but not read";
  kinds.push_back(RuleKind{"table-readable",
                           {"table-unreadable"},
                           {"default", "row_count", "row_no_cut", "row_several", "row_ambiguous", "row_gave_up"},
                           {},
                           [](const RuleNode&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
                             return std::make_shared<TableReadable>();
                           }});
  kinds.back().placeholders = {{"default", {"table", "row", "found", "expected", "count", "rows"}},
                               {"row_count", {"row", "found", "expected"}},
                               {"row_no_cut", {"row", "found", "expected"}},
                               {"row_several", {"row", "found", "expected"}},
                               {"row_ambiguous", {"row", "found", "expected"}},
                               {"row_gave_up", {"row", "found", "expected"}}};
  kinds.back().finds =
      "rows whose cells cannot be read unambiguously, once per table: {rows} lists them with why (five at most), "
      "{row}, {found}, {expected} are the first's; the row's own message says why: `row_count` (too few or too many "
      "values), `row_no_cut` (run together, no cut satisfies the row's identities), `row_several` (several do), "
      "`row_ambiguous` (several cuts and the table has no row identity), `row_gave_up` (more ways than the file's "
      "budget tries)";
  kinds.push_back(RuleKind{"table-rows",
                           {"table-layout"},
                           {"default"},
                           {},
                           [](const RuleNode&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
                             return std::make_shared<TableRows>();
                           }});
  kinds.back().placeholders = {{"default", {"table", "row"}}};
  kinds.back().finds = "a row of the format missing from a table";
  kinds.push_back(
      RuleKind{"table-cell",
               {"table-cell"},
               {"unfilled", "not_number", "negative", "fraction"},
               {"problems"},
               [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 static const std::vector<std::string> kProblems = {"unfilled", "not_number", "negative", "fraction"};
                 std::vector<std::string> problems;
                 const RuleNode n = params["problems"];
                 if (!n || !n.IsSequence()) {
                   error(params,
                         "需要 params.problems：unfilled、not_number、negative、fraction 中的若干项 (params.problems "
                         "lists what to report)");
                   return nullptr;
                 }
                 for (const RuleNode& p : n) {
                   if (!p.IsScalar() || std::find(kProblems.begin(), kProblems.end(), p.Scalar()) == kProblems.end()) {
                     error(p, "未知的问题类型 (unknown problem; expected unfilled, not_number, negative or fraction)");
                     return nullptr;
                   }
                   problems.push_back(p.Scalar());
                 }
                 return std::make_shared<TableCell>(std::move(problems));
               }});
  kinds.back().placeholders = {{"unfilled", {"table", "count", "row_count", "rows", "sums", "row", "column", "text"}},
                               {"not_number", {"table", "row", "column", "text"}},
                               {"negative", {"table", "row", "column", "text"}},
                               {"fraction", {"table", "row", "column", "text"}}};
  kinds.back().finds =
      "cells not filled (one finding per table, at its first blank; every blank in `related`: {rows} names the "
      "rows, three at most then 等, {sums} the `table-equation` rules skipped for these blanks, or 无), not a "
      "number, negative or fractional counts";
  kinds.back().param_docs = {{"problems", "which of the four to report"}};
  kinds.push_back(RuleKind{
      "table-equation",
      {"table-sum"},
      {"default"},
      {"table", "each", "assert", "at"},
      [](const RuleNode& params, const RuleSet& set, const ParamError& error) -> std::shared_ptr<const Check> {
        const TableDef* def = table_param(params, set, error);
        if (!def) return nullptr;
        const RuleNode each = params["each"];
        const std::string e = each && each.IsScalar() ? each.Scalar() : "";
        if (e != "column" && e != "row") {
          error(each ? each : params,
                "each 应为 column 或 row (each: column runs down every column, each: row along every row)");
          return nullptr;
        }
        // One equation, or a list of equations sharing the table and direction (table 四's groups).
        const RuleNode assert_node = params["assert"];
        std::vector<RuleNode> texts;
        if (assert_node && assert_node.IsScalar()) texts.push_back(assert_node);
        if (assert_node && assert_node.IsSequence()) {
          for (const RuleNode& n : assert_node) texts.push_back(n);
        }
        if (texts.empty()) {
          error(params, "需要 params.assert：等式或等式列表 (params.assert is an equation or a list of them)");
          return nullptr;
        }
        const RuleNode at = params["at"];
        if (at && texts.size() > 1) {
          error(at,
                "at 只能用于单个等式；列表中每个等式报告在它的第一项 (at goes with one equation; in a list each "
                "reports at its first term)");
          return nullptr;
        }
        const Along along = e == "column" ? Along::column : Along::row;
        std::vector<Equation> eqs;
        for (const RuleNode& text : texts) {
          Equation eq;
          std::string why;
          if (!text.IsScalar() ||
              !parse_equation(text.Scalar(), at && at.IsScalar() ? at.Scalar() : "", *def, along, &eq, &why)) {
            error(text, "等式错误 (bad equation): " + (why.empty() ? std::string("expected text") : why));
            return nullptr;
          }
          eqs.push_back(std::move(eq));
        }
        return std::make_shared<TableEquation>(def, along, std::move(eqs));
      },
      {"inferred"}});
  kinds.back().placeholders = {{"default", {"table", "row", "row_label", "column", "actual", "expected", "terms"}},
                               {"inferred", {}}};
  kinds.back().finds =
      "an equation that does not hold; the optional `inferred` is appended when a cell was cut out of run-together "
      "digits";
  kinds.back().reads_rule_set = true;
  kinds.back().param_docs = {{"table", "the table's id"},
                             {"each", "`column`: names are row ids; `row`: column ids"},
                             {"assert", "one equation or a list"},
                             {"at", "the reported cell; default the first term"}};
  kinds.push_back(RuleKind{
      "table-template",
      {"table-layout"},
      {"default"},
      {"words", "section"},
      [](const RuleNode& params, const RuleSet& set, const ParamError& error) -> std::shared_ptr<const Check> {
        std::string section;
        if (const RuleNode sec = params["section"]) {
          section = sec.IsScalar() ? sec.Scalar() : "";
          if (!set.section(section)) {
            error(sec, "没有这个章节 `" + section + "` (no such section)");
            return nullptr;
          }
        }
        const RuleNode n = params["words"];
        if (!n || !n.IsSequence() || n.size() == 0) {
          error(params, "需要 params.words：另一种表格格式特有的词 (params.words lists words of the other format)");
          return nullptr;
        }
        std::vector<std::string> words;
        for (const RuleNode& w : n) words.push_back(normalize_label(w.IsScalar() ? w.Scalar() : ""));
        return std::make_shared<TableTemplate>(std::move(words), section);
      }});
  kinds.back().placeholders = {{"default", {"word"}}};
  kinds.back().finds = "words of another table format in a section";
  kinds.back().reads_rule_set = true;
  kinds.back().param_docs = {{"words", "the other format's words"}, {"section", "the section to look in"}};
  for (size_t k = first; k < kinds.size(); ++k) kinds[k].tables = true;
}

}  // namespace gklint
