#!/usr/bin/env bash
# The quick checks worth running before each commit (the repository's .pre-commit-config.yaml runs
# this): an incremental Debug build, the include layers, the docs' generated tables, the scaffold,
# and the unit tests but the slow property ones (generated*, robustness*). The whole suite stays
# scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/CMakeCache.txt ] || cmake -S . -B build -DCMAKE_BUILD_TYPE=Debug -DGKLINT_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
ctest --test-dir build -R '^(layers|docs|scaffold)$' --output-on-failure -j"$(nproc)" | tail -1
build/tests/gklint_tests --test-case-exclude='generated*,robustness*' --minimal
