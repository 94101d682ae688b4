#!/usr/bin/env bash
# Runs one libFuzzer target (tests/fuzz/) for SECONDS, built with clang 14, ASan and UBSan:
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
#   scripts/fuzz.sh list
# Targets: fuzz_lint_text, fuzz_lint_html, fuzz_lint_docx, fuzz_lint_pdf (the whole lint of a
# report, page, Word file or PDF; poppler itself is not instrumented, only what gklint does with it),
# fuzz_lint_years (last year's report, a form feed, this year's: the rules across years), fuzz_rules (the YAML rule loader), fuzz_config (.gklint.yaml), fuzz_baseline
# (--baseline JSON), fuzz_lsp_framing (the language server's message framing), fuzz_lsp_messages
# (what it does with the messages: didOpen, didChange, hover…). Seeds are the
# fixtures of the same kind; what the fuzzer finds is kept in build-fuzz/corpus/TARGET, a crash in
# build-fuzz/crash-* (make it a regression fixture). Each input has 2 s and 1 GiB.
# A new corpus starts from tests/fuzz/corpus/TARGET.tar.xz; to store a grown one, minimized:
#   build-fuzz/tests/fuzz/TARGET -merge=1 /tmp/m build-fuzz/corpus/TARGET && tar -C /tmp/m -cJf tests/fuzz/corpus/TARGET.tar.xz .
set -euo pipefail
cd "$(dirname "$0")/.."
targets="fuzz_lint_text fuzz_lint_html fuzz_lint_docx fuzz_lint_pdf fuzz_lint_years fuzz_rules fuzz_config fuzz_baseline fuzz_lsp_framing fuzz_lsp_messages"
if [ "${1:-}" = list ]; then echo "$targets"; exit 0; fi
target="${1:?usage: scripts/fuzz.sh TARGET SECONDS (scripts/fuzz.sh list)}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))
case " $targets " in *" $target "*) ;; *) echo "scripts/fuzz.sh: no target $target (one of: $targets)" >&2; exit 2 ;; esac
build=build-fuzz
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGKLINT_FUZZ=ON -DGKLINT_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target "$target" >/dev/null
case "$target" in
  fuzz_lint_text) seeds="tests/fixtures/seeds tests/fixtures/kinds tests/fixtures/tables tests/fixtures/corpus-dev" ;;
  fuzz_lint_html | fuzz_lint_docx | fuzz_lint_pdf) seeds="" ;;  # copied below from tests/fixtures/formats
  fuzz_lint_years) seeds="" ;;  # pairs written below from tests/fixtures/cross
  fuzz_rules) seeds="rules rules/provinces" ;;
  fuzz_config) seeds="tests/fuzz/seeds/config" ;;
  fuzz_baseline) seeds="tests/fuzz/seeds/baseline" ;;
  fuzz_lsp_framing) seeds="tests/fuzz/seeds/lsp" ;;
  fuzz_lsp_messages) seeds="tests/fuzz/seeds/lsp-messages" ;;
esac
corpus="$build/corpus/$target"
mkdir -p "$corpus"
# The corpus earlier runs built (over 30 minutes a target), minimized, is kept in the repository:
# a new corpus starts from it.
stored="tests/fuzz/corpus/$target.tar.xz"
if [ -f "$stored" ] && [ -z "$(ls -A "$corpus")" ]; then tar -C "$corpus" -xJf "$stored"; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "$target" in
  fuzz_lint_html) cp tests/fixtures/formats/*.html "$work/" ; seeds="$work" ;;
  fuzz_lint_docx) cp tests/fixtures/formats/*.docx "$work/" ; seeds="$work" ;;
  # Not the decompression bomb: every mutation of it inflates 64 MiB (tests/unit/robustness_test.cpp
  # holds it and a damaged copy the fuzzer found).
  fuzz_lint_pdf) cp tests/fixtures/formats/*.pdf tests/fixtures/formats/bad/*.pdf "$work/" ; rm -f "$work/inflate-bomb.pdf"
    seeds="$work" ;;
  fuzz_lint_years)
    { cat tests/fixtures/corpus-dev/031_2019_pingtan_zrzyj.txt; printf '\f'; cat tests/fixtures/cross/zrzyj-2020-carried-in-changed.txt; } >"$work/zrzyj"
    { cat tests/fixtures/corpus-dev/033_2019_pingtan_gaj.txt; printf '\f'; cat tests/fixtures/cross/gaj-2022-previous-2019.txt; } >"$work/gaj"
    seeds="$work" ;;
  fuzz_lint_text|fuzz_rules)
    for d in $seeds; do find "$d" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.yaml' \) -exec cp {} "$work/" \; ; done
    seeds="$work" ;;
esac
# PDF inputs are large (seeds up to 650 KB) and poppler allocates much per page: a smaller ASan
# quarantine keeps the fuzzer under its 1 GiB (peak 814 MB in 120 s with the default 256 MB).
[ "$target" = fuzz_lint_pdf ] && export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=64"
cd "$build"
exec "./tests/fuzz/$target" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=1024 -print_final_stats=1 \
  "corpus/$target" $(for d in $seeds; do case "$d" in /*) echo "$d" ;; *) echo "../$d" ;; esac; done) "$@"
