// The registry of rule kinds. A new kind: its Check in src/rules/check_NAME.cpp (compiled by the
// glob in CMakeLists.txt), its register function declared and called here. scripts/new-rule-kind.sh
// does both (CONTRIBUTING.md, "Add a rule kind").
#include "rules/check.hpp"

namespace gklint {

// Each kind family registers itself (defined in check_*.cpp).
void register_section_kinds(std::vector<RuleKind>& kinds);
void register_numbering_kinds(std::vector<RuleKind>& kinds);
void register_year_kinds(std::vector<RuleKind>& kinds);
void register_table_kinds(std::vector<RuleKind>& kinds);
void register_statute_name_kinds(std::vector<RuleKind>& kinds);
void register_text_garbled_kinds(std::vector<RuleKind>& kinds);
void register_section_empty_kinds(std::vector<RuleKind>& kinds);
void register_text_duplicate_kinds(std::vector<RuleKind>& kinds);

const std::vector<RuleKind>& rule_kinds() {
  static const std::vector<RuleKind> kinds = [] {
    std::vector<RuleKind> k;
    register_section_kinds(k);
    register_numbering_kinds(k);
    register_year_kinds(k);
    register_table_kinds(k);
    register_statute_name_kinds(k);
    register_text_garbled_kinds(k);
    register_section_empty_kinds(k);
    register_text_duplicate_kinds(k);
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
