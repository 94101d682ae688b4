#!/usr/bin/env bash
# scripts/new-rule-kind.sh on a copy of the tree: the files it writes, its registration, the
# scaffold compiles, and it refuses a bad or taken name.
#   scaffold_test.sh REPO_ROOT CXX
set -euo pipefail
repo=$1
cxx=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/scripts" "$tmp/tests/fixtures"
cp -r "$repo/src" "$repo/include" "$tmp/"
cp -r "$repo/tests/fixtures/kinds" "$tmp/tests/fixtures/"
cp "$repo/scripts/new-rule-kind.sh" "$tmp/scripts/"
fail() { echo "FAIL: $*"; exit 1; }

"$tmp/scripts/new-rule-kind.sh" sample-check >"$tmp/out"
for f in src/rules/check_sample_check.cpp tests/fixtures/kinds/sample-check.txt tests/fixtures/kinds/sample-check.expected \
         tests/fixtures/kinds/sample-check-clean.txt tests/fixtures/kinds/sample-check-clean.expected; do
  [ -s "$tmp/$f" ] || fail "not written: $f"
done
grep -q '^void register_sample_check_kinds(std::vector<RuleKind>& kinds);$' "$tmp/src/rules/registry.cpp" || fail "not declared"
grep -q '^    register_sample_check_kinds(k);$' "$tmp/src/rules/registry.cpp" || fail "not called"
grep -q 'class SampleCheck : public Check' "$tmp/src/rules/check_sample_check.cpp" || fail "class name"
grep -q 'CONTRIBUTING.md' "$tmp/out" || fail "no next steps printed"
# The scaffold and the registry compile as written.
for f in src/rules/check_sample_check.cpp src/rules/registry.cpp; do
  "$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I"$tmp/include" -I"$tmp/src" "$tmp/$f" || fail "$f does not compile"
done
# Refused: a name taken, a name that is not lower-case words joined by '-'.
for bad in sample-check statute-name Bad_Name ""; do
  if "$tmp/scripts/new-rule-kind.sh" "$bad" >/dev/null 2>&1; then fail "accepted '$bad'"; fi
done
echo "scaffold test: ok"
