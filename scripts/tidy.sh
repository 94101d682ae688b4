#!/usr/bin/env bash
# clang-tidy (14) with the repository's .clang-tidy over src/ and tools/, on a configured build's
# compile_commands.json. Any finding fails (WarningsAsErrors).
#   scripts/tidy.sh [BUILD_DIR]     default: build (scripts/test.sh configures it)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runner=$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)
[ -n "$runner" ] || { echo "tidy.sh: run-clang-tidy not found (scripts/install-deps.sh --lint)" >&2; exit 2; }
[ -f "$build/compile_commands.json" ] || { echo "tidy.sh: no $build/compile_commands.json (configure with cmake first)" >&2; exit 2; }
# The generated sources (norm table, embedded rules) need to exist: build them first.
cmake --build "$build" -j"$(nproc)" >/dev/null
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if "$runner" -p "$build" -quiet -j "$(nproc)" "$PWD/src/" "$PWD/tools/" >"$log" 2>&1; then
  echo "tidy.sh: clean ($(grep -c '"file"' "$build/compile_commands.json") translation units in the build)"
else
  sed -e 's/\x1b\[[0-9;]*m//g' "$log" | grep -E 'warning:|error:' | sed "s|$PWD/||" | sort -u
  echo "tidy.sh: findings above (.clang-tidy lists the checks and why some are off)" >&2
  exit 1
fi
