// What every JSON form of a finding carries alike (docs/json-output.md): a table cell, a compared
// number, the kind-specific fields. The JSON output and the language server's diagnostic `data`
// both take them from here, so the two cannot drift apart. Defined for nlohmann::ordered_json (the
// JSON output keeps its keys in order) and nlohmann::json (the server's keys are sorted) only.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "gklint/diagnostic.hpp"
#include "gklint/input.hpp"

namespace gklint {

// {"table": T, "row": R, "column": C}: a cell of a table in an HTML page or a .docx, 1-based.
template <class Json>
Json cell_json(const GridRef& g);

// A number as compared: an integer when it was printed without decimals (12, not 12.0).
template <class Json>
Json number_json(const Number& n);

// Adds the kind-specific fields to `j`: the finding's own fields in order, then `expected`,
// `actual` and `inferred` when it has them.
template <class Json>
void add_kind_fields(Json& j, const Diagnostic& d);

}  // namespace gklint
