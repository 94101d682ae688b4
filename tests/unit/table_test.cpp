#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "gklint/lint.hpp"
#include "gklint/view.hpp"
#include "rules/equation.hpp"

using namespace gklint;

namespace {

Cell cell(const char* printed) { return parse_cell(View::build(printed).text()); }

}  // namespace

TEST_CASE("cells: numbers as reports print them") {
  CHECK(cell("3").units == 3);
  CHECK(cell("３２").units == 32);  // full-width digits
  CHECK(cell("1,234").units == 1234);
  CHECK(cell("14,069").value == 14069);
  CHECK(cell("+823").units == 823);
  CHECK(cell("-67").units == -67);
  CHECK(cell("—208").units == -208);  // a dash used as the minus sign
  CHECK(cell("－5").units == -5);
  const Cell amount = cell("609.11万元");
  CHECK(amount.state == Cell::State::number);
  CHECK(amount.units == 60911);
  CHECK(amount.decimals == 2);
  CHECK(amount.unit == "万元");
  CHECK(cell("251000元").units == 251000);
  CHECK(cell("12,345.67").units == 1234567);
}

TEST_CASE("cells: not filled is not zero, and text is not a number") {
  for (const char* blank : {"", " ", "/", "—", "-", "——", "－"}) {
    INFO(blank);
    CHECK(cell(blank).state == Cell::State::unfilled);
  }
  for (const char* text : {"无", "1,23", "12,3456", "3件多", "1.", "abc", ".5", "1.2.3"}) {
    INFO(text);
    CHECK(cell(text).state == Cell::State::text);
  }
}

TEST_CASE("row labels: numbering is stripped in every style") {
  CHECK(strip_numbering("(七)总计") == "总计");
  CHECK(strip_numbering("(一)、予以公开") == "予以公开");
  CHECK(strip_numbering("1.属于国家秘密") == "属于国家秘密");
  CHECK(strip_numbering("4、保护第三方合法权益") == "保护第三方合法权益");
  CHECK(strip_numbering("一、本年新收") == "本年新收");
  CHECK(strip_numbering("(1)首页") == "首页");
  CHECK(strip_numbering("总计") == "总计");
  CHECK(strip_numbering("2019年") == "2019年");
}

TEST_CASE("equations: parsed against the table's ids, solved for the reported cell") {
  TableDef t;
  t.id = "t";
  for (const char* id : {"new", "carried_in", "group", "a", "b", "total", "carried_out"}) {
    RowDef r;
    r.id = id;
    r.group = std::string(id) == "group";
    t.rows.push_back(r);
  }
  Equation eq;
  std::string why;
  REQUIRE(parse_equation("new + carried_in == total + carried_out", "carried_out", t, Along::column, &eq, &why));
  REQUIRE(eq.terms.size() == 4);
  CHECK(eq.terms[0].sign == 1);
  CHECK(eq.terms[2].sign == -1);
  CHECK(eq.at == 3);
  REQUIRE(parse_equation("total == sum(new..b) - carried_in", "", t, Along::column, &eq, &why));
  CHECK(eq.terms.size() == 6);  // total; new, carried_in, a, b (the group row is skipped); carried_in
  CHECK(eq.at == 0);

  CHECK_FALSE(parse_equation("total == nope", "", t, Along::column, &eq, &why));
  CHECK(why.find("nope") != std::string::npos);
  CHECK_FALSE(parse_equation("total = a", "", t, Along::column, &eq, &why));
  CHECK_FALSE(parse_equation("total == a +", "", t, Along::column, &eq, &why));
  CHECK_FALSE(parse_equation("total == group", "", t, Along::column, &eq, &why));
  CHECK_FALSE(parse_equation("total == sum(b..a)", "", t, Along::column, &eq, &why));
  CHECK_FALSE(parse_equation("total == a + b", "carried_out", t, Along::column, &eq, &why));
}

TEST_CASE("rule files: table definitions and equations with errors are located") {
  namespace fs = std::filesystem;
  const fs::path p = fs::temp_directory_path() / ("gklint-table-rules-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(p)
      << "id: t\nextends: gov-2021\ntitle: t\n"
         "tables:\n  - id: x\n    title: X\n    columns:\n      - {id: a, label: A, value: money}\n"
         "    rows:\n      - {id: r, label: R}\n"
         "rules:\n  - id: x.sum\n    kind: table-equation\n    params: {table: x, each: row, assert: a == b}\n"
         "    messages: {default: m}\n";
  Catalog c;
  std::vector<RuleError> errors;
  CHECK_FALSE(c.get(p.string(), &errors));
  fs::remove(p);
  REQUIRE(errors.size() == 2);
  const auto where = [](const RuleError& e) { return Source::decode(e.file, e.file_text).position(e.offset); };
  CHECK(errors[0].message.find("count, signed or amount") != std::string::npos);
  CHECK(where(errors[0]).line == 8);
  CHECK(errors[1].message.find("no column `b`") != std::string::npos);
  CHECK(where(errors[1]).line == 14);
}

TEST_CASE("tables: a label in prose is not a table; the rows need values") {
  Catalog c;
  std::vector<RuleError> errors;
  auto set = c.get("gov-2021", &errors);
  REQUIRE(set);
  View v = View::build("全年本年新收政府信息公开申请数量为42件。\n一、本年新收政府信息公开申请数量\n（七）总计\n");
  CHECK(read_tables(v, set->tables).empty());
}
