#!/usr/bin/env bash
# gklint-gen --series end to end: the series it writes, linted with --pair-years, give exactly the
# cross findings its truth.tsv lists (file, line, column, rule) and no other finding, and each
# folder's years are paired.
#   tests/series_cli_test.sh GKLINT GKLINT_GEN
set -euo pipefail
gklint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
gen=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" --out "$tmp/s" --count 16 --series 4 --defect-rate 0.5 --seed 3 2>"$tmp/gen.err"
cd "$tmp/s"
# Exit status 1: the findings are errors and warnings, as intended.
status=0
"$gklint" --no-config --pair-years --format json s*/*.txt >"$tmp/out.json" 2>"$tmp/lint.err" || status=$?
if [ "$status" -gt 1 ]; then
  echo "series_cli_test: gklint exited $status" >&2
  cat "$tmp/lint.err" >&2
  exit 1
fi
jq -r '.files[] | .path as $p | .diagnostics[] | select(.rule | startswith("cross.")) |
       "\($p)\t\(.line)\t\(.column)\t\(.rule)"' "$tmp/out.json" | sort >"$tmp/got"
tail -n +2 truth.tsv | cut -f1-4 | sort >"$tmp/want"
if ! diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
  echo "series_cli_test: cross findings differ from truth.tsv (- expected, + found):" >&2
  cat "$tmp/diff" >&2
  exit 1
fi
# Every report but each folder's first was compared with last year's (16 series of 4 years).
paired=$(jq '[.files[] | select(.previous)] | length' "$tmp/out.json")
if [ "$paired" -ne 48 ]; then
  echo "series_cli_test: $paired reports paired, expected 48" >&2
  exit 1
fi
# And nothing else: the reports balance and are clean within their year.
others=$(jq '[.files[].diagnostics[] | select(.rule | startswith("cross.") | not)] | length' "$tmp/out.json")
if [ "$others" -ne 0 ]; then
  echo "series_cli_test: $others findings of other rules" >&2
  exit 1
fi
[ -s "$tmp/want" ] || { echo "series_cli_test: no cross finding injected" >&2; exit 1; }
echo "series_cli_test: $(wc -l <"$tmp/want") cross findings as in truth.tsv, $paired reports paired"
