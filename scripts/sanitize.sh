#!/usr/bin/env bash
# The tests under sanitizers and a short fuzzing round, as .ci/run runs them after scripts/test.sh:
#   scripts/sanitize.sh address        ASan + UBSan (build-asan, g++): every test of the suite
#   scripts/sanitize.sh thread         TSan (build-tsan, g++): what runs threads, i.e. batches
#                                      (every CLI test lints on all cores) and the language server
#   scripts/sanitize.sh fuzz [SECONDS] each libFuzzer target of tests/fuzz for SECONDS (default 30)
#   scripts/sanitize.sh all [SECONDS]  the three
# A finding of a sanitizer fails the test that met it (UBSan too: no recovery); a fuzzing crash,
# leak or slow input (> 2 s) fails its target.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:?usage: scripts/sanitize.sh address|thread|fuzz|all [SECONDS]}"
seconds="${2:-30}"
jobs="$(nproc)"
scripts/install-deps.sh --sanitize

# The second argument of cmake: a build folder configured once with these flags.
configure() {
  local dir=$1 flags=$2
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGKLINT_WERROR=ON \
    -DCMAKE_CXX_FLAGS="$flags -fno-omit-frame-pointer" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
  cmake --build "$dir" -j"$jobs"
}

address() {
  configure build-asan "-fsanitize=address,undefined -fno-sanitize-recover=all"
  ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
  UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
}

thread() {
  configure build-tsan "-fsanitize=thread"
  # The 100 MB and 50 MB inputs are one file each, on one thread: left to the other builds.
  local options="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp"
  TSAN_OPTIONS="$options" GKLINT_TEST_SKIP_BIG=1 \
    ctest --test-dir build-tsan --output-on-failure -j"$jobs" -R '^(cli|output-formats|lsp-neovim)$'
  TSAN_OPTIONS="$options" build-tsan/tests/gklint_tests --test-case='lsp*,robustness*' --no-version
}

fuzz() {
  local target
  mkdir -p build-fuzz
  for target in $(scripts/fuzz.sh list); do
    echo "== $target, $seconds s"
    scripts/fuzz.sh "$target" "$seconds" > "build-fuzz/$target.log" 2>&1 || {
      tail -40 "build-fuzz/$target.log"
      echo "sanitize.sh: $target failed (log: build-fuzz/$target.log)" >&2
      return 1
    }
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "build-fuzz/$target.log" | tr '\n' ' '
    echo
  done
}

case "$what" in
  address) address ;;
  thread) thread ;;
  fuzz) fuzz ;;
  all) address; thread; fuzz ;;
  *) echo "scripts/sanitize.sh: address, thread, fuzz or all" >&2; exit 2 ;;
esac
