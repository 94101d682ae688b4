#!/usr/bin/env bash
# Scaffolds a new rule kind (like clang-tidy's add_new_check.py): writes
#   src/rules/check_NAME.cpp                   the Check and its registration (built by the glob in
#                                              CMakeLists.txt), with its doc fields for gklint-docs
#   src/rules/registry.cpp                     one line: register_NAME_kinds(k)
#   tests/fixtures/kinds/NAME.txt, .expected   a report it must fire on, and what it must find
#   tests/fixtures/kinds/NAME-clean.txt, .expected   one it must stay silent on
# and prints what is left: the check itself, a rule of the kind in rules/*.yaml, the fixtures'
# text. CONTRIBUTING.md, "Add a rule kind".
#   scripts/new-rule-kind.sh NAME        NAME: lower case words joined by '-', e.g. statute-name
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:-}
if [[ ! $name =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]]; then
  echo "usage: scripts/new-rule-kind.sh NAME   (lower-case words joined by '-', e.g. statute-name)" >&2
  exit 2
fi
ident=${name//-/_}
class=$(sed -E 's/(^|-)([a-z])/\U\2/g' <<<"$name")
source=src/rules/check_$ident.cpp
fires=tests/fixtures/kinds/$name
for f in "$source" "$fires.txt" "$fires-clean.txt"; do
  [ -e "$f" ] && { echo "new-rule-kind: $f already exists" >&2; exit 2; }
done
grep -q "\"$name\"" src/rules/check_*.cpp && { echo "new-rule-kind: a kind named $name is already registered" >&2; exit 2; }

cat >"$source" <<EOF
// Rule kind $name: WHAT IT FINDS, and why a reviewer cares. What it deliberately does not flag
// (precision first: stay silent when the reading is ambiguous).
#include "rules/check.hpp"

namespace gklint {

namespace {

class $class : public Check {
 public:
  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    // Search ctx.view.text() (normalized: simplified script, half-width digits and punctuation) and
    // map what is found back with ctx.view.source_span(begin, end): findings point into the file.
    (void)rule;
    (void)ctx;
    (void)out;
  }
};

}  // namespace

void register_${ident}_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{
      "$name",
      {"$name"},   // the finding kinds it reports (docs/json-output.md; add new ones to finding_kinds.cpp)
      {"default"},  // the message templates every rule of this kind must define
      {},           // the keys it accepts under params:
      [](const RuleNode&, const RuleSet&, const ParamError&) -> std::shared_ptr<const Check> {
        return std::make_shared<$class>();
      }});
  kinds.back().placeholders = {{"default", {}}};  // the {names} each template may use
  kinds.back().finds = "WHAT IT FINDS (docs/rules.md)";
}

}  // namespace gklint
EOF

# Registration: declared and called in the registry, after the last family.
python3 - "$ident" <<'EOF'
import sys
ident = sys.argv[1]
p = "src/rules/registry.cpp"
s = open(p).read()
decl = "\nconst std::vector<RuleKind>& rule_kinds() {"
call = "    return k;\n"
assert decl in s and call in s, "src/rules/registry.cpp: where to register not found"
s = s.replace(decl, f"void register_{ident}_kinds(std::vector<RuleKind>& kinds);\n" + decl, 1)
s = s.replace(call, f"    register_{ident}_kinds(k);\n" + call, 1)
open(p, "w").write(s)
EOF

cat >"$fires.txt" <<'EOF'
XX县人民政府2023年政府信息公开工作年度报告

本报告统计期限自2023年1月1日起至2023年12月31日止。

一、总体情况
（A SENTENCE WITH THE DEFECT $name FINDS.）
EOF
cat >"$fires.expected" <<EOF
# args: --rules ../sections-only.yaml
# WHAT THIS REPORT SHOWS.
6:1 RULE.ID warning
  message: THE MESSAGE, EXACTLY
EOF
cat >"$fires-clean.txt" <<'EOF'
XX县人民政府2023年政府信息公开工作年度报告

本报告统计期限自2023年1月1日起至2023年12月31日止。

一、总体情况
（THE SAME SENTENCE WRITTEN CORRECTLY.）
EOF
cat >"$fires-clean.expected" <<'EOF'
# args: --rules ../sections-only.yaml
# THE SAME TEXT WITHOUT THE DEFECT: no finding of the rule (list the other rules' findings, if any).
EOF

cat <<EOF
new-rule-kind: wrote $source, $fires.txt/.expected, $fires-clean.txt/.expected; registered in src/rules/registry.cpp.
Left to do (CONTRIBUTING.md, "Add a rule kind"):
  1. $source: the check, its params, placeholders and doc fields (finds, param_docs).
  2. A rule of kind $name in rules/*.yaml (id, severity, cite, summary, doc, messages, tests:).
  3. The two fixtures' text and expected findings.
  4. cmake --build build && build/gklint-docs   (the docs' tables of kinds), then ctest --test-dir build.
EOF
