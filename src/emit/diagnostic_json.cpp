#include "gklint/diagnostic_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace gklint {

template <class Json>
Json cell_json(const GridRef& g) {
  return {{"table", g.table}, {"row", g.row}, {"column", g.column}};
}

template <class Json>
Json number_json(const Number& n) {
  return n.decimals == 0 ? Json(std::llround(n.value)) : Json(n.value);
}

template <class Json>
void add_kind_fields(Json& j, const Diagnostic& d) {
  for (const auto& [k, v] : d.fields) j[k] = v;
  if (d.expected) j["expected"] = number_json<Json>(*d.expected);
  if (d.actual) j["actual"] = number_json<Json>(*d.actual);
  if (d.inferred) j["inferred"] = true;
}

template nlohmann::json cell_json<nlohmann::json>(const GridRef&);
template nlohmann::ordered_json cell_json<nlohmann::ordered_json>(const GridRef&);
template nlohmann::json number_json<nlohmann::json>(const Number&);
template nlohmann::ordered_json number_json<nlohmann::ordered_json>(const Number&);
template void add_kind_fields<nlohmann::json>(nlohmann::json&, const Diagnostic&);
template void add_kind_fields<nlohmann::ordered_json>(nlohmann::ordered_json&, const Diagnostic&);

}  // namespace gklint
