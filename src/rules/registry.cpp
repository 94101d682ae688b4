#include "rules/check.hpp"

namespace gklint {

const std::vector<RuleKind>& rule_kinds() {
  static const std::vector<RuleKind> kinds = [] {
    std::vector<RuleKind> k;
    register_section_kinds(k);
    register_numbering_kinds(k);
    register_year_kinds(k);
    register_table_kinds(k);
    return k;
  }();
  return kinds;
}

const RuleKind* find_rule_kind(const std::string& name) {
  for (const RuleKind& k : rule_kinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace gklint
