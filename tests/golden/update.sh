#!/usr/bin/env bash
# Writes the golden outputs of every --format for a small batch of fixture reports.
#   tests/golden/update.sh [GKLINT [OUTDIR]]
# GKLINT defaults to build/gklint, OUTDIR to tests/golden (regenerate after a deliberate change
# to an output format, and review the diff). tests/formats_cli_test.sh runs this into a temporary
# folder and compares, so both use one recipe.
#
# The batch: a report with table sums that do not add up (related cells), one with a missing
# section and numbering problems, and an empty file (an input that cannot be read: exit 2).
# gklint runs from the repository root on relative paths, so no absolute path gets in; the
# gklint version is replaced by @VERSION@.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
gklint=$(realpath "${1:-$root/build/gklint}")
out=$(realpath -m "${2:-$root/tests/golden}")
mkdir -p "$out"
cd "$root"
inputs=(tests/fixtures/seeds/001_216a20324a3be511.txt tests/fixtures/seeds/000_ac653407c852e910.txt
        tests/fixtures/input/empty.txt)
version=$("$gklint" --version | awk '{print $2}')

# Every format --format accepts, as gklint --help lists them (the registry in src/emit/writer.cpp).
mapfile -t formats < <("$gklint" --help | sed -n 's/.*--format TEXT:{\([^}]*\)}.*/\1/p' | tr ',' '\n')
[ ${#formats[@]} -ge 7 ] || { echo "update.sh: could not read the formats from gklint --help" >&2; exit 1; }
for format in "${formats[@]}"; do
  case $format in
    text) name=batch.txt ;;
    junit) name=batch.junit.xml ;;
    *) name=batch.$format ;;
  esac
  status=0
  "$gklint" --format "$format" --color never "${inputs[@]}" >"$out/$name.tmp" || status=$?
  if [ "$status" -ne 2 ]; then
    echo "update.sh: gklint --format $format exited $status, expected 2 (the empty file)" >&2
    exit 1
  fi
  # Only the places the version is printed (JSON's "gklint", SARIF's driver version).
  sed -e "s/\"gklint\":\"$version\"/\"gklint\":\"@VERSION@\"/" \
      -e "s/\"version\":\"$version\",\"semanticVersion\":\"$version\"/\"version\":\"@VERSION@\",\"semanticVersion\":\"@VERSION@\"/" \
      "$out/$name.tmp" >"$out/$name"
  rm -f "$out/$name.tmp"
done
