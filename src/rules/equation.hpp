// Table equations from rule files: `new + carried_in == total + carried_out`, with `sum(a..b)`
// for a run of rows (or columns) in the table's order. Names are row ids when the equation runs
// down each column, column ids when it runs along each row.
#pragma once

#include <string>
#include <vector>

#include "gklint/table.hpp"

namespace gklint {

struct Equation {
  struct Term {
    int sign = 1;   // +1 or -1, after moving everything to the left: lhs - rhs == 0
    int index = 0;  // row index (each column) or column index (each row) in the TableDef
  };
  std::vector<Term> terms;
  int at = -1;  // the term index whose cell is reported, and solved for
};

enum class Along { column, row };  // each: column (names are rows) or each: row (names are columns)

// Parses `text` against the table's ids; `at` names the reported cell (default: the first term).
// Returns false with `error` set on a syntax error or an unknown name.
bool parse_equation(const std::string& text, const std::string& at, const TableDef& table, Along along, Equation* out,
                    std::string* error);

}  // namespace gklint
