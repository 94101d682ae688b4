// Diagnostics gklint itself emits (not from a rule file): for `gklint explain` and for the rule
// list of SARIF output, which must describe every ruleId a result can carry.
#pragma once

#include <array>

#include "gklint/diagnostic.hpp"

namespace gklint {

struct ToolRule {
  const char* id;
  const char* kind;
  Severity severity;
  const char* summary_zh;  // one line: SARIF shortDescription
  const char* summary_en;
  const char* zh;  // what it means and what to do: `gklint explain`, SARIF fullDescription
  const char* en;
};

extern const std::array<ToolRule, 8> kToolRules;

}  // namespace gklint
