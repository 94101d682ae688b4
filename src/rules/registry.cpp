// The registry of rule kinds. A new kind: its Check in src/rules/check_NAME.cpp (compiled by the
// glob in CMakeLists.txt), its register function declared and called here. scripts/new-rule-kind.sh
// does both (CONTRIBUTING.md, "Add a rule kind").
#include <re2/re2.h>

#include "gklint/regex.hpp"
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
void register_table_all_zero_kinds(std::vector<RuleKind>& kinds);
void register_text_sum_kinds(std::vector<RuleKind>& kinds);
void register_text_percent_kinds(std::vector<RuleKind>& kinds);
void register_text_table_kinds(std::vector<RuleKind>& kinds);
void register_text_enumeration_kinds(std::vector<RuleKind>& kinds);
void register_period_missing_kinds(std::vector<RuleKind>& kinds);
void register_cross_kinds(std::vector<RuleKind>& kinds);
void register_cross_text_kinds(std::vector<RuleKind>& kinds);

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
    register_table_all_zero_kinds(k);
    register_text_sum_kinds(k);
    register_text_percent_kinds(k);
    register_text_table_kinds(k);
    register_text_enumeration_kinds(k);
    register_period_missing_kinds(k);
    register_cross_kinds(k);
    register_cross_text_kinds(k);
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

Regex param_regex(const RuleNode& pattern, const ParamError& error, const std::string& group) {
  if (!pattern || !pattern.IsScalar() || pattern.Scalar().empty()) {
    error(pattern, "应为正则表达式 (a pattern: RE2, as a string)");
    return Regex();
  }
  // A built-in file's pattern: compiled the first time a report needs it (checked by the tests,
  // which load each built-in file from its text); a user's, here, to say what is wrong with it.
  Regex re(pattern.Scalar());
  if (pattern.built_in()) return re;
  if (!re->ok()) {
    error(pattern, "正则表达式错误 (bad RE2 pattern): " + re->error() + " — RE2 has no look-around or back-references");
    return Regex();
  }
  if (!group.empty() && re_group(*re, group) < 0) {
    error(pattern, "正则表达式缺少命名分组 (the pattern needs the named group) (?P<" + group + ">…)");
    return Regex();
  }
  return re;
}

bool param_words(const RuleNode& params, const char* key, bool required, const ParamError& error,
                 std::vector<std::string>& into) {
  const RuleNode n = params[key];
  if (!n && !required) return true;
  if (!n || !n.IsSequence() || (required && n.size() == 0)) {
    error(n ? n : params, std::string("params.") + key + " 应为词语列表 (a list of words)");
    return false;
  }
  for (const RuleNode& w : n) {
    if (!w.IsScalar() || w.Scalar().empty()) {
      error(w, "应为非空词语 (a non-empty word)");
      return false;
    }
    into.push_back(w.Scalar());
  }
  return true;
}

bool param_int(const RuleNode& params, const char* key, int lo, int hi, const ParamError& error, size_t& into) {
  const RuleNode n = params[key];
  if (!n) return true;
  int v = 0;
  if (!n.IsScalar() || !n.decode(&v) || v < lo || v > hi) {
    error(n, std::string("params.") + key + " 应为 " + std::to_string(lo) + " 到 " + std::to_string(hi) +
                 " 的整数 (an integer, " + std::to_string(lo) + " to " + std::to_string(hi) + ")");
    return false;
  }
  into = static_cast<size_t>(v);
  return true;
}

}  // namespace gklint
