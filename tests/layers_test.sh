#!/usr/bin/env bash
# The include check (scripts/check-layers.py): passes on the tree, and fails, naming the file and
# line, when a stage includes a header above it or another stage's internal header.
set -euo pipefail
repo=$1
python3 "$repo/scripts/check-layers.py" "$repo"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docs" "$tmp/scripts"
cp -r "$repo/src" "$repo/include" "$tmp/"
cp "$repo/docs/layers.txt" "$tmp/docs/"
expect_failure() {  # FILE-TO-EDIT LINE-TO-ADD EXPECTED-TEXT
  rm -rf "$tmp/src" "$tmp/include" && cp -r "$repo/src" "$repo/include" "$tmp/"
  printf '%s\n' "$2" >>"$tmp/$1"
  if out=$(python3 "$repo/scripts/check-layers.py" "$tmp" 2>&1); then
    echo "FAIL: check-layers accepted $2 in $1"; exit 1
  fi
  grep -qF -- "$3" <<<"$out" || { echo "FAIL: expected '$3' in:"; echo "$out"; exit 1; }
}
# A lower stage reaching up, through a public header and through an internal one.
expect_failure src/report/tables.cpp '#include "gklint/emit.hpp"' 'src/report/tables.cpp:'
expect_failure src/report/tables.cpp '#include "gklint/emit.hpp"' 'belongs to stage emit'
expect_failure src/emit/gcc.cpp '#include "rules/check.hpp"' 'is internal to stage rules'
expect_failure include/gklint/source.hpp '#include "gklint/lint.hpp"' 'include/gklint/source.hpp:'
# A header or folder the table does not know.
expect_failure src/cli/main.cpp '#include "gklint/nowhere.hpp"' 'is in no stage'
mkdir -p "$tmp/src/newstage" && touch "$tmp/src/newstage/x.cpp"
if python3 "$repo/scripts/check-layers.py" "$tmp" >/dev/null 2>&1; then echo "FAIL: unknown folder accepted"; exit 1; fi
echo "layers test: ok"
