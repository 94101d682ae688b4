#!/usr/bin/env bash
# One-command throughput benchmark for gklint.
#
#   bench/run.sh [N]        N = number of synthetic reports (default 10000)
#
# Steps: (a) Release build into build-release/ at the repo root; (b) generate N reports
# with gklint-gen into ${TMPDIR:-/tmp}/gklint-bench-N (reused when N, seed, defect rate and
# generator sources are unchanged); (c) warm the page cache; (d) lint the whole corpus
# three times under /usr/bin/time: median wall time, files/s, MB/s, peak RSS; (e) time one
# ~10 KB report as a whole process (hyperfine, or a date +%s%N loop without it).
#
# Environment:
#   GKLINT=path        linter to time instead of build-release/gklint; also skips step (a)
#                      (gklint-gen is then built on its own, outside the repo)
#   GKLINT_GEN=path    prebuilt gklint-gen to use
#   BENCH_SEED=42      corpus seed
#   BENCH_DEFECT_RATE=0.1  probability of each defect kind per report
#   BENCH_HYPERFINE=0  time step (e) with the shell loop even if hyperfine is installed
#   TMPDIR             where the corpus and the standalone generator build go
#
# gklint exits 1 when it reports errors; that is a normal result here. Exit 2 (or a
# crash) fails the benchmark.
set -euo pipefail

N=${1:-10000}
if [[ ! $N =~ ^[1-9][0-9]*$ || $# -gt 1 ]]; then
    echo "usage: bench/run.sh [N]   (N = number of reports, default 10000)" >&2
    exit 2
fi
SEED=${BENCH_SEED:-42}
RATE=${BENCH_DEFECT_RATE:-0.1}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
TMPBASE=${TMPDIR:-/tmp}
cd "$ROOT"

log() { printf '%s\n' "$*" >&2; }
die() { log "run.sh: $*"; exit 1; }

WORK=$(mktemp -d "$TMPBASE/gklint-bench-run.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Runs a build command quietly; shows the tail of its output only when it fails.
quiet() {
    if ! "$@" >"$WORK/build.log" 2>&1; then
        tail -n 40 "$WORK/build.log" >&2
        die "failed: $*"
    fi
}

[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is required"

# --- (a) build -------------------------------------------------------------------------
if [[ -z ${GKLINT:-} ]]; then
    log "== (a) Release build into build-release/"
    quiet cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release
    quiet cmake --build build-release -j2
    LINT="$ROOT/build-release/gklint"
    [[ -x $LINT ]] || die "the build did not produce build-release/gklint"
else
    LINT=$(command -v -- "$GKLINT") || die "GKLINT=$GKLINT is not an executable"
    log "== (a) skipped: GKLINT=$LINT"
fi

if [[ -n ${GKLINT_GEN:-} ]]; then
    GEN=$(command -v -- "$GKLINT_GEN") || die "GKLINT_GEN=$GKLINT_GEN is not an executable"
else
    GEN=""
    if [[ -z ${GKLINT:-} ]]; then
        GEN=$(find build-release -type f -name gklint-gen -perm -u+x -print -quit 2>/dev/null || true)
    fi
    if [[ -z $GEN ]]; then
        # No full build (GKLINT set), or the top level does not add_subdirectory(bench):
        # build the generator on its own, outside the repository.
        GENBUILD="$TMPBASE/gklint-bench-genbuild"
        log "== building gklint-gen standalone in $GENBUILD"
        quiet cmake -S "$BENCH" -B "$GENBUILD" -DCMAKE_BUILD_TYPE=Release
        quiet cmake --build "$GENBUILD" -j2 --target gklint-gen
        GEN="$GENBUILD/gklint-gen"
    fi
fi

# --- (b) corpus --------------------------------------------------------------------------
CORPUS="$TMPBASE/gklint-bench-$N"
STAMP="$CORPUS.stamp"  # outside the corpus, so the linter never sees it
GENSUM=$(cat "$BENCH/generator.hpp" "$BENCH/generator.cpp" "$BENCH/gen_main.cpp" | sha256sum | cut -c1-16)
WANT="n=$N seed=$SEED rate=$RATE gen=$GENSUM"
if [[ -d $CORPUS && -f $STAMP && "$(cat "$STAMP")" == "$WANT" ]]; then
    log "== (b) reusing corpus $CORPUS ($WANT)"
else
    log "== (b) generating $N reports into $CORPUS"
    rm -rf "$CORPUS" "$STAMP" "$CORPUS.partial"
    "$GEN" --out "$CORPUS.partial" --count "$N" --seed "$SEED" --defect-rate "$RATE"
    mv "$CORPUS.partial" "$CORPUS"
    printf '%s\n' "$WANT" >"$STAMP"
fi
FILES=$(find "$CORPUS" -maxdepth 1 -name '*.txt' | wc -l)
BYTES=$(find "$CORPUS" -maxdepth 1 -name '*.txt' -printf '%s\n' | awk '{s += $1} END {printf "%d", s}')
(( FILES == N )) || die "corpus has $FILES reports, expected $N (delete $CORPUS and retry)"

# --- (c) warm the page cache ------------------------------------------------------------
log "== (c) warming the page cache"
find "$CORPUS" -maxdepth 1 -name '*.txt' -print0 | xargs -0 cat >/dev/null

# --- (d) whole corpus, 3 runs -----------------------------------------------------------
log "== (d) $LINT --format json $CORPUS  (3 runs)"
WALLS=()  # seconds, from date +%s%N (ms resolution; %e only has 10 ms)
RSS_MAX=0
for i in 1 2 3; do
    rc=0
    t0=$(date +%s%N)
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$LINT" --format json "$CORPUS" >/dev/null 2>"$WORK/stderr" || rc=$?
    t1=$(date +%s%N)
    if (( rc >= 2 )); then
        tail -n 20 "$WORK/stderr" >&2
        die "gklint exited with status $rc on the corpus (run $i): that is a failure, not findings"
    fi
    # GNU time prepends "Command exited with non-zero status 1" on exit 1: take the last line.
    read -r e m < <(tail -n 1 "$WORK/time")
    WALLS+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}')")
    (( m > RSS_MAX )) && RSS_MAX=$m
    log "   run $i: wall ${WALLS[-1]} s (time %e $e s), max RSS $m KiB, exit $rc"
done
WALL=$(printf '%s\n' "${WALLS[@]}" | sort -n | sed -n 2p)

# --- (e) one ~10 KB report, whole process -----------------------------------------------
# The report closest to 10 KiB (ties: lowest name), chosen without head(1): with pipefail
# an early-closing reader turns the writer's SIGPIPE into a failure.
ONE=$(find "$CORPUS" -maxdepth 1 -name '*.txt' -printf '%s %p\n' | awk '
    {d = $1 - 10240; if (d < 0) d = -d; p = substr($0, index($0, " ") + 1)
     if (best == "" || d < bd || (d == bd && p < best)) {bd = d; best = p}}
    END {print best}')
ONE_BYTES=$(stat -c %s "$ONE")
rc=0
"$LINT" --format json "$ONE" >/dev/null 2>"$WORK/stderr" || rc=$?
if (( rc >= 2 )); then
    tail -n 20 "$WORK/stderr" >&2
    die "gklint exited with status $rc on $ONE"
fi
if [[ ${BENCH_HYPERFINE:-1} != 0 ]] && command -v hyperfine >/dev/null && command -v jq >/dev/null; then
    log "== (e) hyperfine on $ONE ($ONE_BYTES bytes)"
    # -i: exit status 1 (findings) must not abort the measurement; exit 2 was ruled out above.
    if ! hyperfine -N -i --warmup 5 --runs 50 --style none --export-json "$WORK/hf.json" \
        "$(printf '%q' "$LINT") --format json $(printf '%q' "$ONE")" >"$WORK/hf.log" 2>&1; then
        cat "$WORK/hf.log" >&2
        die "hyperfine failed"
    fi
    ONE_RESULT=$(jq -r 'def ms: . * 100000 | round / 100;
        .results[0] | "\(.mean | ms) ± \(.stddev | ms) ms (median \(.median | ms), min \(.min | ms); hyperfine, 50 runs)"' "$WORK/hf.json")
else
    log "== (e) date +%s%N loop on $ONE ($ONE_BYTES bytes) (hyperfine or jq not found)"
    for _ in 1 2 3 4 5; do "$LINT" --format json "$ONE" >/dev/null 2>&1 || true; done
    for _ in $(seq 50); do
        t0=$(date +%s%N)
        "$LINT" --format json "$ONE" >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        echo $(( t1 - t0 ))
    done | sort -n >"$WORK/loop"
    ONE_RESULT=$(awk '{v[NR] = $1; s += $1} END {printf "%.2f ms mean (median %.2f, min %.2f; shell loop, 50 runs)", s / NR / 1e6, v[int((NR + 1) / 2)] / 1e6, v[1] / 1e6}' "$WORK/loop")
fi

# --- results -----------------------------------------------------------------------------
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no commit")
CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
echo
echo "gklint benchmark: $(date -u +%Y-%m-%dT%H:%MZ), commit $COMMIT, ${CPU:-unknown CPU}, $(nproc) cores"
echo "linter: $LINT"
echo "corpus: $CORPUS ($FILES reports, $BYTES bytes, seed $SEED, defect rate $RATE)"
echo
awk -v n="$FILES" -v b="$BYTES" -v w="$WALL" -v runs="${WALLS[*]}" -v rss="$RSS_MAX" -v one="$ONE_RESULT" -v ob="$ONE_BYTES" 'BEGIN {
    fmt = "| %-38s | %-60s |\n"
    printf fmt, "metric", "value"
    printf "|%s|%s|\n", "----------------------------------------", "--------------------------------------------------------------"
    printf fmt, "corpus wall time (median of 3)", sprintf("%.3f s  (runs: %s)", w, runs)
    if (w > 0) {
        printf fmt, "throughput, files", sprintf("%.0f files/s", n / w)
        printf fmt, "throughput, bytes (MB = 10^6 B)", sprintf("%.2f MB/s", b / 1e6 / w)
    } else {
        printf fmt, "throughput", "n/a (wall time below clock resolution)"
    }
    printf fmt, "peak RSS (max of 3)", sprintf("%.1f MiB", rss / 1024)
    printf fmt, sprintf("one report (%d B), whole process", ob), one
}'
