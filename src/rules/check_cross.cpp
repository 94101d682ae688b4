// Rule kinds across reports' tables. Across years, against the same agency's report of the year
// before (--previous): cross-carry (a row carried over), cross-stock (a stock column moved by this
// year's additions and removals), cross-jump (a figure that changed by more than a factor); each
// finds nothing without a previous report of the year before. Across a region: cross-sum (a
// declared total against the sum of its parts, a .gklint.yaml's sums); nothing without parts.
#include <algorithm>
#include <cstdlib>

#include "gklint/utf8.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

// A whole count as printed (no decimals), or nothing: a blank, text, or an amount is not compared.
std::optional<int64_t> count_of(const Cell* c) {
  if (!c || c->state != Cell::State::number || c->decimals != 0) return std::nullopt;
  return c->units;
}

std::string row_label(const TableDef& def, int row, int column) {
  const RowDef& r = def.rows[static_cast<size_t>(row)];
  return r.unlabeled ? def.columns[static_cast<size_t>(column)].group : r.name;
}

std::string cell_text(const Source& source, const Cell& c) { return std::string(span_text(source, c.span)); }

// The fields of a cross finding: the table and this year's cell, and the year compared with.
void cross_fields(Diagnostic& d, const TableDef& def, int row, int column, int previous_year) {
  d.fields.emplace_back("table", def.id);
  d.fields.emplace_back("row_id", def.rows[static_cast<size_t>(row)].id);
  d.fields.emplace_back("column_id", def.columns[static_cast<size_t>(column)].id);
  d.fields.emplace_back("previous_year", std::to_string(previous_year));
}

// A cell of last year's report, for `related`: in that file.
Related previous_cell(const FileResult& prev, const TableDef& def, int row, int column, const Cell& c) {
  return {c.span,
          std::to_string(prev.report_year) + "/" + row_label(def, row, column) + "/" +
              def.columns[static_cast<size_t>(column)].label,
          cell_text(*prev.source, c), prev.source};
}

void note_inferred(const Rule& rule, const CheckContext& ctx, std::initializer_list<const Cell*> cells, Diagnostic& d) {
  if (std::none_of(cells.begin(), cells.end(), [](const Cell* c) { return c && c->inferred; })) return;
  d.inferred = true;
  d.message += " " + rule.message("inferred").in(ctx.lang);
}

// ---- cross-carry: 上年结转 (this year) = 结转下年度继续办理 (last year), per column -----------

class CrossCarry : public Check {
 public:
  CrossCarry(std::string table, std::string row, std::string previous_row)
      : table_(std::move(table)), row_(std::move(row)), previous_row_(std::move(previous_row)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const FileResult* prev = previous_of_year_before(ctx);
    if (!prev) return;
    const Table* now = table_by_id(ctx.report, table_);
    const Table* then = table_by_id(prev->report, table_);
    if (!now || !then) return;
    const TableDef& def = *now->def;
    const TableDef& prev_def = *then->def;
    const int row = row_by_id(def, row_), prev_row = row_by_id(prev_def, previous_row_);
    if (row < 0 || prev_row < 0) return;
    for (size_t c = 0; c < def.columns.size(); ++c) {
      const int column = static_cast<int>(c), prev_column = column_by_id(prev_def, def.columns[c].id);
      const Cell* cell = now->cell(row, column);
      const Cell* prev_cell = prev_column < 0 ? nullptr : then->cell(prev_row, prev_column);
      const auto actual = count_of(cell), expected = count_of(prev_cell);
      if (!actual || !expected || *actual == *expected) continue;
      Diagnostic d = make_diagnostic(rule, ctx, "cross-carry", "default", cell->span,
                                     {{"table", def.title},
                                      {"row", row_label(def, row, column)},
                                      {"column", def.columns[c].label},
                                      {"actual", cell_text(ctx.source, *cell)},
                                      {"expected", cell_text(*prev->source, *prev_cell)},
                                      {"previous_row", row_label(prev_def, prev_row, prev_column)},
                                      {"previous_year", std::to_string(prev->report_year)}});
      cross_fields(d, def, row, column, prev->report_year);
      d.expected = Number{static_cast<double>(*expected), 0};
      d.actual = Number{static_cast<double>(*actual), 0};
      d.related.push_back(previous_cell(*prev, prev_def, prev_row, prev_column, *prev_cell));
      note_inferred(rule, ctx, {cell, prev_cell}, d);
      out.push_back(std::move(d));
    }
  }

 private:
  std::string table_, row_, previous_row_;
};

// ---- cross-stock: 现行有效 (this year) = 现行有效 (last year) + 制发 − 废止, per row --------------

class CrossStock : public Check {
 public:
  CrossStock(std::string table, std::string stock, std::string added, std::string removed)
      : table_(std::move(table)), stock_(std::move(stock)), added_(std::move(added)), removed_(std::move(removed)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const FileResult* prev = previous_of_year_before(ctx);
    if (!prev) return;
    const Table* now = table_by_id(ctx.report, table_);
    const Table* then = table_by_id(prev->report, table_);
    if (!now || !then) return;
    const TableDef& def = *now->def;
    const TableDef& prev_def = *then->def;
    const int stock = column_by_id(def, stock_), added = column_by_id(def, added_),
              removed = column_by_id(def, removed_);
    // Last year's report in another format (2020's 表二 has no 现行有效件数): nothing to compare.
    const int prev_stock = column_by_id(prev_def, stock_);
    if (stock < 0 || added < 0 || removed < 0 || prev_stock < 0) return;
    for (size_t r = 0; r < def.rows.size(); ++r) {
      const int row = static_cast<int>(r), prev_row = row_by_id(prev_def, def.rows[r].id);
      if (prev_row < 0) continue;
      const Cell* cell = now->cell(row, stock);
      const Cell* plus = now->cell(row, added);
      const Cell* minus = now->cell(row, removed);
      const Cell* before = then->cell(prev_row, prev_stock);
      const auto actual = count_of(cell), a = count_of(plus), m = count_of(minus), b = count_of(before);
      if (!actual || !a || !m || !b) continue;
      const int64_t expected = *b + *a - *m;
      if (expected == *actual) continue;
      Diagnostic d = make_diagnostic(rule, ctx, "cross-stock", "default", cell->span,
                                     {{"table", def.title},
                                      {"row", def.rows[r].name},
                                      {"column", def.columns[static_cast<size_t>(stock)].label},
                                      {"actual", cell_text(ctx.source, *cell)},
                                      {"expected", std::to_string(expected)},
                                      {"previous", cell_text(*prev->source, *before)},
                                      {"added", cell_text(ctx.source, *plus)},
                                      {"removed", cell_text(ctx.source, *minus)},
                                      {"previous_year", std::to_string(prev->report_year)}});
      cross_fields(d, def, row, stock, prev->report_year);
      d.expected = Number{static_cast<double>(expected), 0};
      d.actual = Number{static_cast<double>(*actual), 0};
      d.related.push_back(previous_cell(*prev, prev_def, prev_row, prev_stock, *before));
      for (const auto& [c, column] : {std::pair{plus, added}, std::pair{minus, removed}}) {
        d.related.emplace_back(c->span, def.rows[r].name + "/" + def.columns[static_cast<size_t>(column)].label,
                               cell_text(ctx.source, *c));
      }
      note_inferred(rule, ctx, {cell, plus, minus, before}, d);
      out.push_back(std::move(d));
    }
  }

 private:
  std::string table_, stock_, added_, removed_;
};

// ---- cross-jump: a figure far from last year's -------------------------------------------------

class CrossJump : public Check {
 public:
  CrossJump(std::vector<std::string> tables, int factor, int least)
      : tables_(std::move(tables)), factor_(factor), least_(least) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const FileResult* prev = previous_of_year_before(ctx);
    if (!prev) return;
    for (const std::string& id : tables_) {
      const Table* now = table_by_id(ctx.report, id);
      const Table* then = table_by_id(prev->report, id);
      if (!now || !then) continue;
      const TableDef& def = *now->def;
      const TableDef& prev_def = *then->def;
      for (size_t r = 0; r < def.rows.size(); ++r) {
        const int row = static_cast<int>(r), prev_row = row_by_id(prev_def, def.rows[r].id);
        if (prev_row < 0) continue;
        for (size_t c = 0; c < def.columns.size(); ++c) {
          // A signed change (本年增/减) is not a quantity that grows.
          if (def.columns[c].kind == ValueKind::signed_count) continue;
          const int column = static_cast<int>(c), prev_column = column_by_id(prev_def, def.columns[c].id);
          if (prev_column < 0) continue;
          const Cell* cell = now->cell(row, column);
          const Cell* before = then->cell(prev_row, prev_column);
          const auto actual = count_of(cell), b = count_of(before);
          if (!actual || !b) continue;
          const int64_t high = std::max(*actual, *b), low = std::min(*actual, *b);
          if (high < least_ || high < low * factor_) continue;
          Diagnostic d = make_diagnostic(rule, ctx, "cross-jump", "default", cell->span,
                                         {{"table", def.title},
                                          {"row", row_label(def, row, column)},
                                          {"column", def.columns[c].label},
                                          {"actual", cell_text(ctx.source, *cell)},
                                          {"previous", cell_text(*prev->source, *before)},
                                          {"previous_year", std::to_string(prev->report_year)},
                                          {"factor", std::to_string(factor_)}});
          cross_fields(d, def, row, column, prev->report_year);
          d.related.push_back(previous_cell(*prev, prev_def, prev_row, prev_column, *before));
          note_inferred(rule, ctx, {cell, before}, d);
          out.push_back(std::move(d));
        }
      }
    }
  }

 private:
  std::vector<std::string> tables_;
  int factor_, least_;
};

// ---- cross-sum: a declared total's figures = the sums of its parts' ------------------------------

class CrossSum : public Check {
 public:
  explicit CrossSum(std::vector<std::string> tables) : tables_(std::move(tables)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const std::vector<const FileResult*>& parts = ctx.partners.parts;
    const std::vector<std::string>& missing = ctx.partners.missing_parts;
    if (parts.empty() && missing.empty()) return;
    // What keeps the whole sum from being checked is said once, at the title, as a warning.
    const Span top = ctx.report.facts.title.value_or(Span{0, 0});
    const auto unchecked = [&](const std::string& key, std::vector<std::pair<std::string, std::string>> args) {
      Diagnostic d = make_diagnostic(rule, ctx, "cross-sum-unchecked", key, top, args);
      d.severity = std::min(d.severity, Severity::warning);
      d.fields = std::move(args);
      out.push_back(std::move(d));
    };
    if (!missing.empty()) {
      unchecked("missing", {{"missing", listed(ctx.lang, missing)}});
      return;
    }
    // Parts that cannot be added up at all: one warning for each reason, naming them all.
    const int year = ctx.report.facts.report_year;
    std::vector<std::string> unreadable, other_year, their_years;
    for (const FileResult* part : parts) {
      if (part->unreadable) {
        unreadable.push_back(part->path);
      } else if (year == 0 || part->report_year != year) {
        other_year.push_back(part->path);
        their_years.push_back(part->report_year ? std::to_string(part->report_year) : "?");
      }
    }
    const bool usable = unreadable.empty() && other_year.empty();
    if (!unreadable.empty()) unchecked("unreadable", {{"part", listed(ctx.lang, unreadable)}});
    if (!other_year.empty()) {
      unchecked("year", {{"part", listed(ctx.lang, other_year)},
                         {"part_year", listed(ctx.lang, their_years)},
                         {"year", year ? std::to_string(year) : "?"}});
    }
    if (!usable) return;
    for (const std::string& id : tables_) check_table(rule, ctx, id, unchecked, out);
  }

 private:
  using Unchecked = std::function<void(const std::string&, std::vector<std::pair<std::string, std::string>>)>;

  static std::string listed(Lang lang, const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : lang == Lang::en ? ", " : "、") + item;
    return out;
  }

  // A figure as the sum reads it: a whole count, or a blank where blanks count as 0.
  static std::optional<int64_t> figure(const Cell* c, BlankCells blanks) {
    if (c && c->state == Cell::State::unfilled && blanks == BlankCells::zero) return 0;
    return count_of(c);
  }

  void check_table(const Rule& rule, const CheckContext& ctx, const std::string& id, const Unchecked& unchecked,
                   std::vector<Diagnostic>& out) const {
    const Table* total = table_by_id(ctx.report, id);
    if (!total) return;  // table.missing says so
    const TableDef& def = *total->def;
    const std::vector<const FileResult*>& parts = ctx.partners.parts;
    std::vector<const Table*> tables;
    std::vector<std::string> without;
    for (const FileResult* part : parts) {
      tables.push_back(table_by_id(part->report, id));
      if (!tables.back()) without.push_back(part->path);
    }
    if (!without.empty()) {
      unchecked("table", {{"part", listed(ctx.lang, without)}, {"table", def.title}});
      return;
    }
    // Each part's rows and columns for the total's, by id, found once for the whole table.
    std::vector<std::vector<int>> part_rows(parts.size()), part_columns(parts.size());
    for (size_t k = 0; k < parts.size(); ++k) {
      for (const RowDef& row : def.rows) part_rows[k].push_back(row_by_id(*tables[k]->def, row.id));
      for (const ColumnDef& column : def.columns) part_columns[k].push_back(column_by_id(*tables[k]->def, column.id));
    }
    size_t not_checked = 0;                       // the total's cells some part leaves without a figure
    std::vector<size_t> blanks(parts.size(), 0);  // per part: its cells that are not figures
    std::vector<const Cell*> fed(parts.size());   // per part: the cell that feeds this one
    for (size_t r = 0; r < def.rows.size(); ++r) {
      if (def.rows[r].group) continue;
      for (size_t c = 0; c < def.columns.size(); ++c) {
        const int row = static_cast<int>(r), column = static_cast<int>(c);
        const Cell* cell = total->cell(row, column);
        const auto actual = figure(cell, ctx.blank_cells);
        if (!actual) continue;
        int64_t expected = 0;
        bool whole = true;
        for (size_t k = 0; k < parts.size(); ++k) {
          fed[k] = tables[k]->cell(part_rows[k][r], part_columns[k][c]);
          const auto v = figure(fed[k], ctx.blank_cells);
          if (!v) {
            ++blanks[k];
            whole = false;
          } else {
            expected += *v;
          }
        }
        not_checked += whole ? 0 : 1;
        if (!whole || expected == *actual) continue;
        const std::string shown = cell_text(ctx.source, *cell);
        Diagnostic d = make_diagnostic(rule, ctx, "cross-sum", "default", cell->span,
                                       {{"table", def.title},
                                        {"row", row_label(def, row, column)},
                                        {"column", def.columns[c].label},
                                        {"actual", shown.empty() ? "0" : shown},
                                        {"expected", std::to_string(expected)},
                                        {"parts", std::to_string(parts.size())}});
        d.fields.emplace_back("table", def.id);
        d.fields.emplace_back("row_id", def.rows[r].id);
        d.fields.emplace_back("column_id", def.columns[c].id);
        d.fields.emplace_back("parts", std::to_string(parts.size()));
        d.expected = Number{static_cast<double>(expected), 0};
        d.actual = Number{static_cast<double>(*actual), 0};
        for (size_t k = 0; k < parts.size(); ++k) {
          const std::string value = cell_text(*parts[k]->source, *fed[k]);
          const std::string& name = parts[k]->agency.empty() ? parts[k]->path : parts[k]->agency;
          d.related.emplace_back(fed[k]->span, name + "/" + row_label(def, row, column) + "/" + def.columns[c].label,
                                 value.empty() ? "0" : value, parts[k]->source);
        }
        if (cell->inferred || std::any_of(fed.begin(), fed.end(), [](const Cell* f) { return f->inferred; })) {
          d.inferred = true;
          d.message += " " + rule.message("inferred").in(ctx.lang);
        }
        out.push_back(std::move(d));
      }
    }
    if (not_checked == 0) return;
    std::vector<std::string> blank_parts;
    for (size_t k = 0; k < parts.size(); ++k) {
      if (blanks[k] > 0) blank_parts.push_back(parts[k]->path);
    }
    unchecked("cells",
              {{"part", listed(ctx.lang, blank_parts)}, {"table", def.title}, {"count", std::to_string(not_checked)}});
  }

  std::vector<std::string> tables_;
};

// A word a rule's params give under `key` (a scalar), or nothing, said at the node.
std::optional<std::string> param_word(const RuleNode& params, const char* key, const ParamError& error) {
  const RuleNode n = params[key];
  if (!n || !n.IsScalar() || n.Scalar().empty()) {
    error(n ? n : params, std::string("需要 params.") + key + " (params." + key + " is required: an id)");
    return std::nullopt;
  }
  return n.Scalar();
}

// The table a cross rule names, in this rule set (last year's set is looked up by the same ids).
const TableDef* table_of(const RuleNode& params, const RuleSet& set, const ParamError& error) {
  const auto id = param_word(params, "table", error);
  if (!id) return nullptr;
  const TableDef* def = set.table(*id);
  if (!def) error(params["table"], "没有这个表格 `" + *id + "` (no such table in this rule set)");
  return def;
}

// The tables a cross rule's params give under `tables`, each checked against this rule set.
bool param_tables(const RuleNode& params, const RuleSet& set, const ParamError& error, std::vector<std::string>& into) {
  if (!param_words(params, "tables", true, error, into)) return false;
  for (const std::string& id : into) {
    if (!set.table(id)) {
      error(params["tables"], "没有这个表格 `" + id + "` (no such table in this rule set)");
      return false;
    }
  }
  return true;
}

// A row (`row`) or column id a cross rule's params give under `key`, checked against the table.
bool param_id(const TableDef& def, const RuleNode& params, const char* key, bool row, const ParamError& error,
              std::string* out) {
  const auto id = param_word(params, key, error);
  if (!id) return false;
  if ((row ? row_by_id(def, *id) : column_by_id(def, *id)) < 0) {
    error(params[key], "表格 " + def.id + " 没有这一" + (row ? "行" : "列") + " `" + *id + "` (no such " +
                           (row ? "row" : "column") + " in table " + def.id + ")");
    return false;
  }
  *out = *id;
  return true;
}

}  // namespace

const Table* table_by_id(const Report& report, const std::string& id) {
  for (const Table& t : report.tables) {
    if (t.def && t.def->id == id) return &t;
  }
  return nullptr;
}

int row_by_id(const TableDef& def, const std::string& id) {
  for (size_t i = 0; i < def.rows.size(); ++i) {
    if (def.rows[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

int column_by_id(const TableDef& def, const std::string& id) {
  for (size_t i = 0; i < def.columns.size(); ++i) {
    if (def.columns[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

const FileResult* previous_of_year_before(const CheckContext& ctx) {
  const FileResult* prev = ctx.partners.previous;
  const int year = ctx.report.facts.report_year;
  if (!prev || prev->unreadable || year == 0 || prev->report_year != year - 1) return nullptr;
  return prev;
}

void register_cross_kinds(std::vector<RuleKind>& kinds) {
  const std::vector<std::string> cell = {"table", "row", "column", "actual", "previous_year"};
  const auto with = [&](std::vector<std::string> more) {
    more.insert(more.begin(), cell.begin(), cell.end());
    return more;
  };
  kinds.push_back(
      RuleKind{"cross-carry",
               {"cross-carry"},
               {"default", "inferred"},
               {"table", "row", "previous_row"},
               [](const RuleNode& params, const RuleSet& set, const ParamError& error) -> std::shared_ptr<const Check> {
                 const TableDef* def = table_of(params, set, error);
                 std::string row, previous_row;
                 if (!def || !param_id(*def, params, "row", true, error, &row) ||
                     !param_id(*def, params, "previous_row", true, error, &previous_row))
                   return nullptr;
                 return std::make_shared<CrossCarry>(def->id, row, previous_row);
               }});
  kinds.back().placeholders = {{"default", with({"expected", "previous_row"})}, {"inferred", {}}};
  kinds.back().finds =
      "a cell of `row` that differs from the same column's cell of `previous_row` in last year's report (--previous); "
      "`inferred` is appended when either was cut out of run-together digits";
  kinds.back().param_docs = {{"table",
                              "the table's id (last year's report is read with its own rule set; rows and "
                              "columns are matched by id)"},
                             {"row", "this year's row"},
                             {"previous_row", "last year's row it must equal"}};
  kinds.back().reads_rule_set = true;

  kinds.push_back(
      RuleKind{"cross-stock",
               {"cross-stock"},
               {"default", "inferred"},
               {"table", "stock", "added", "removed"},
               [](const RuleNode& params, const RuleSet& set, const ParamError& error) -> std::shared_ptr<const Check> {
                 const TableDef* def = table_of(params, set, error);
                 std::string stock, added, removed;
                 if (!def || !param_id(*def, params, "stock", false, error, &stock) ||
                     !param_id(*def, params, "added", false, error, &added) ||
                     !param_id(*def, params, "removed", false, error, &removed))
                   return nullptr;
                 return std::make_shared<CrossStock>(def->id, stock, added, removed);
               }});
  kinds.back().placeholders = {{"default", with({"expected", "previous", "added", "removed"})}, {"inferred", {}}};
  kinds.back().finds =
      "per row, a `stock` cell that is not last year's `stock` + this year's `added` − `removed` (--previous; "
      "only when last year's table has the `stock` column)";
  kinds.back().param_docs = {{"table", "the table's id"},
                             {"stock", "the column of what is in force at the year's end"},
                             {"added", "the column of what the year added"},
                             {"removed", "the column of what the year removed"}};
  kinds.back().reads_rule_set = true;

  kinds.push_back(RuleKind{
      "cross-jump",
      {"cross-jump"},
      {"default", "inferred"},
      {"tables", "factor", "least"},
      [](const RuleNode& params, const RuleSet& set, const ParamError& error) -> std::shared_ptr<const Check> {
        std::vector<std::string> tables;
        if (!param_tables(params, set, error, tables)) return nullptr;
        size_t factor = 5, least = 10;
        if (!param_int(params, "factor", 2, 1000, error, factor) ||
            !param_int(params, "least", 1, 1000000, error, least))
          return nullptr;
        return std::make_shared<CrossJump>(std::move(tables), static_cast<int>(factor), static_cast<int>(least));
      }});
  kinds.back().placeholders = {{"default", with({"previous", "factor"})}, {"inferred", {}}};
  kinds.back().finds =
      "a count that is `factor` times last year's or more, or a `factor`-th or less, the larger of the two at least "
      "`least` (--previous; signed changes are left out)";
  kinds.back().param_docs = {{"tables", "the tables' ids"},
                             {"factor", "how many times larger or smaller (default 5)"},
                             {"least",
                              "the smaller changes are not reported: the larger figure is at least this "
                              "(default 10)"}};
  kinds.back().reads_rule_set = true;
  for (size_t k = kinds.size() - 3; k < kinds.size(); ++k) {
    kinds[k].tables = true;
    kinds[k].needs_previous = true;
  }

  kinds.push_back(
      RuleKind{"cross-sum",
               {"cross-sum", "cross-sum-unchecked"},
               {"default", "inferred", "missing", "unreadable", "year", "table", "cells"},
               {"tables"},
               [](const RuleNode& params, const RuleSet& set, const ParamError& error) -> std::shared_ptr<const Check> {
                 std::vector<std::string> tables;
                 if (!param_tables(params, set, error, tables)) return nullptr;
                 return std::make_shared<CrossSum>(std::move(tables));
               }});
  kinds.back().placeholders = {{"default", {"table", "row", "column", "actual", "expected", "parts"}},
                               {"inferred", {}},
                               {"missing", {"missing"}},
                               {"unreadable", {"part"}},
                               {"year", {"part", "part_year", "year"}},
                               {"table", {"part", "table"}},
                               {"cells", {"part", "table", "count"}}};
  kinds.back().finds =
      "in a total a .gklint.yaml's `sums` declares, a count of `tables` that is not the sum of the same cell in its "
      "parts (rows and columns matched by id; blanks count as 0 only where blank_cells is zero); a cell any part "
      "leaves blank or unread is not checked. What keeps the sum from being checked (a part not in the batch, "
      "unreadable, of another year, without the table, or with cells not read) is one warning (`cross-sum-unchecked`) "
      "at the title, each from its own template";
  kinds.back().param_docs = {{"tables", "the tables' ids"}};
  kinds.back().reads_rule_set = true;
  kinds.back().tables = true;
  kinds.back().needs_parts = true;
}

}  // namespace gklint
