#!/usr/bin/env bash
# Installs everything gklint needs to build and test, from Debian packages.
#   scripts/install-deps.sh           build and test (what .ci/run and scripts/test.sh use)
#   scripts/install-deps.sh --build   only what building gklint needs (scripts/demo.sh)
#   scripts/install-deps.sh --sanitize  build and test, and clang 14 with libFuzzer (scripts/sanitize.sh)
#   scripts/install-deps.sh --lint    build and test, and clang-format/clang-tidy 14 (scripts/format.sh, tidy.sh)
# Safe to run again; needs root (or sudo) for apt-get.
set -euo pipefail
packages=(
  g++ cmake make pkg-config
  libyaml-cpp-dev libicu-dev libre2-dev doctest-dev libcli11-dev nlohmann-json3-dev
  libgumbo-dev libzip-dev libpugixml-dev libpoppler-private-dev
  libcpp-httplib-dev   # gklint serve's HTTP server
  help2man dpkg-dev file   # the man page (from --help); the Debian package: cpack, dpkg-shlibdeps
)
test_only=false
[ "${1:-}" = "--build" ] || test_only=true
$test_only && packages+=(
  jq time hyperfine
  neovim   # the lsp-neovim test: a real LSP client, run headless
  python3 libxml2-utils python3-junitparser   # output-format tests: xmllint, a JUnit XML reader
  git pre-commit   # examples test: the git hook and the pre-commit framework config
  zsh fish   # completions test: the scripts `gklint completion` writes, run by each shell
  man-db   # scripts/package-test.sh: `man gklint` once the .deb is installed
  poppler-utils   # cli test: pdftotext says which page a PDF finding's text is printed on
  libreoffice-writer-nogui   # annotate test: LibreOffice opens gklint's annotated .docx and keeps its comments
  chromium   # serve test: a real browser (puppeteer-core, pinned in tests/consumers) uses gklint serve's page
)
[ "${1:-}" = "--sanitize" ] && packages+=(clang-14 libclang-rt-14-dev xz-utils)
[ "${1:-}" = "--lint" ] && packages+=(clang-format-14 clang-tidy-14)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js and npm for the output-format tests' consumers (tests/consumers: the SARIF multitool,
# a self-contained .NET binary that needs only ICU, and JSON-schema validators). Only when npm is
# absent: a Node.js from elsewhere (NodeSource's package bundles npm) conflicts with Debian's npm.
$test_only && ! command -v npm >/dev/null 2>&1 && missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
