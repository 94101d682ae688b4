#!/usr/bin/env bash
# One command: install dependencies, build (Debug, with warnings as errors), run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Debug -DGKLINT_WERROR=ON
cmake --build build -j"$(nproc)"
# The output-format tests read gklint's reports with npm tools pinned in tests/consumers: installed
# when missing or when package-lock.json changed since the last install.
if ! cmp -s tests/consumers/package-lock.json tests/consumers/node_modules/.gklint-installed-lock; then
  npm ci --prefix tests/consumers --no-audit --no-fund
  # Its postinstall only sets this bit; newer npm versions skip install scripts unless allowed.
  chmod u+x tests/consumers/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
  cp tests/consumers/package-lock.json tests/consumers/node_modules/.gklint-installed-lock
fi
ctest --test-dir build --output-on-failure -j"$(nproc)"
