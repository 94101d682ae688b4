#!/usr/bin/env bash
# Side-by-side throughput: gklint and AutoCorrect on the same corpus.
#
#   bench/compare.sh [N]       N = number of reports (default 10000)
#
# Steps: (a) Release build into build-release/ at the repo root; (b) install AutoCorrect
# (npm package autocorrect-node@2.14.0, native binary included) into
# ${TMPDIR:-/tmp}/gklint-compare-npm, reused when it already holds that version; (c) build the
# corpus: N copies of the five seed reports in tests/fixtures/seeds (file i = seed i mod 5) in
# ${TMPDIR:-/tmp}/gklint-compare-N, reused while N and the seeds are unchanged; (d) warm the
# page cache, then one untimed check run of each tool on the whole corpus; (e) R rounds, the
# two tools alternating, each run under /usr/bin/time; (f) a table: median wall time, files/s,
# MB/s, peak RSS, every round's time, and AutoCorrect median / gklint median.
#
# The two commands (J threads each, stdout to /dev/null):
#   autocorrect --lint --format json --threads J DIR     (run from an empty folder)
#   gklint -j J --format json DIR
#
# Environment:
#   GKLINT=path          linter to time instead of build-release/gklint; also skips step (a)
#   BENCH_ROUNDS=3       timed rounds per tool
#   BENCH_THREADS=nproc  worker threads given to each tool
#   BENCH_CORPUS=seeds   or "generated": N reports from gklint-gen (seed BENCH_SEED=42,
#                        defect rate BENCH_DEFECT_RATE=0.1, as bench/run.sh) in
#                        ${TMPDIR:-/tmp}/gklint-compare-gen-N
#   GKLINT_GEN=path      prebuilt gklint-gen for BENCH_CORPUS=generated
#   TMPDIR               where the corpus, the npm folder and scratch files go
#
# Named compare.sh, not compare: bench/ is on the include path of gklint_bench_gen, and a
# file called "compare" there would stand in for the C++20 header <compare>.
#
# Exit status: 0 done; 1 a tool or a step failed; 2 bad arguments, node/npm missing, or a
# gklint that rejects -j (a stale binary is never timed without its threads).
# gklint exits 1 when it reports errors: a normal result. AutoCorrect 2.14 exits 0 with
# --format json whether or not it finds problems (only the diff format exits 1 on errors), 2
# on a usage error; anything but 0 or 1 from either tool fails the comparison.
set -euo pipefail

usage() {
    echo "usage: bench/compare.sh [N]   (N = number of reports, default 10000;" \
        "env BENCH_ROUNDS, BENCH_THREADS, BENCH_CORPUS=seeds|generated, GKLINT)" >&2
    exit 2
}
log() { printf '%s\n' "$*" >&2; }
die() { log "compare: $*"; exit 1; }
die2() { log "compare: $*"; exit 2; }

N=${1:-10000}
[[ $# -le 1 && $N =~ ^[1-9][0-9]*$ ]] || usage
ROUNDS=${BENCH_ROUNDS:-3}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die2 "BENCH_ROUNDS=$ROUNDS: expected a positive integer"
THREADS=${BENCH_THREADS:-$(nproc)}
[[ $THREADS =~ ^[1-9][0-9]*$ ]] || die2 "BENCH_THREADS=$THREADS: expected a positive integer"
KIND=${BENCH_CORPUS:-seeds}
[[ $KIND == seeds || $KIND == generated ]] || die2 "BENCH_CORPUS=$KIND: expected seeds or generated"
SEED=${BENCH_SEED:-42}
RATE=${BENCH_DEFECT_RATE:-0.1}

AC_VERSION=2.14.0
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
TMPBASE=${TMPDIR:-/tmp}
[[ $TMPBASE == /* ]] || TMPBASE="$PWD/$TMPBASE"

# Resolve GKLINT / GKLINT_GEN against the caller's folder, before moving to the repo root.
resolve() {
    local p
    p=$(command -v -- "$1") || return 1
    [[ $p == /* ]] || p="$PWD/$p"
    printf '%s\n' "$p"
}
LINT=""
if [[ -n ${GKLINT:-} ]]; then
    LINT=$(resolve "$GKLINT") || die "GKLINT=$GKLINT is not an executable"
fi
GEN=""
if [[ -n ${GKLINT_GEN:-} ]]; then
    GEN=$(resolve "$GKLINT_GEN") || die "GKLINT_GEN=$GKLINT_GEN is not an executable"
fi
cd "$ROOT"

[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is required (Debian: apt-get install -y time)"

WORK=$(mktemp -d "$TMPBASE/gklint-compare-run.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Runs a build or install command quietly; shows the tail of its output only when it fails.
quiet() {
    if ! "$@" >"$WORK/step.log" 2>&1; then
        tail -n 40 "$WORK/step.log" >&2
        die "failed: $*"
    fi
}

# --- (a) build -------------------------------------------------------------------------
if [[ -z $LINT ]]; then
    log "== (a) Release build into build-release/"
    quiet cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release
    quiet cmake --build build-release -j2
    LINT="$ROOT/build-release/gklint"
    [[ -x $LINT ]] || die "the build did not produce build-release/gklint"
else
    log "== (a) skipped: GKLINT=$LINT"
fi
GK_VERSION=$("$LINT" --version 2>/dev/null) || die "$LINT --version failed"

# --- (b) AutoCorrect from npm -------------------------------------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    die2 "AutoCorrect is installed from npm, and node or npm is missing." \
        "On Debian: apt-get install -y nodejs npm"
fi
NPMDIR="$TMPBASE/gklint-compare-npm"
AC="$NPMDIR/node_modules/.bin/autocorrect"
if [[ -x $AC && "$("$AC" --version 2>/dev/null || true)" == "AutoCorrect $AC_VERSION" ]]; then
    log "== (b) reusing AutoCorrect $AC_VERSION in $NPMDIR"
else
    log "== (b) npm install autocorrect-node@$AC_VERSION into $NPMDIR"
    mkdir -p "$NPMDIR"
    # A package.json of its own keeps npm from installing into a parent folder's project.
    [[ -f $NPMDIR/package.json ]] ||
        printf '{ "name": "gklint-compare-npm", "private": true }\n' >"$NPMDIR/package.json"
    (cd "$NPMDIR" && quiet npm install --no-audit --no-fund "autocorrect-node@$AC_VERSION")
    [[ -x $AC ]] || die "npm did not install $AC"
fi
AC_VERSION_LINE=$("$AC" --version 2>&1) ||
    die "$AC --version failed (is the native package autocorrect-node-linux-x64-gnu installed?): $AC_VERSION_LINE"
[[ $AC_VERSION_LINE == "AutoCorrect $AC_VERSION" ]] ||
    die "expected AutoCorrect $AC_VERSION, $AC --version says: $AC_VERSION_LINE"
# The flags this script relies on, as 2.14 spells them.
AC_HELP=$("$AC" --help 2>&1) || die "$AC --help failed"
for want in '--lint' '--format <FORMAT>' '--threads <THREADS>'; do
    grep -qF -- "$want" <<<"$AC_HELP" || die "AutoCorrect --help does not list $want"
done
grep -q -- '--format <FORMAT>.*json' <<<"$AC_HELP" || die "AutoCorrect --format has no json value"
NODE_VERSION=$(node --version)

# --- (c) corpus ----------------------------------------------------------------------------
if [[ $KIND == seeds ]]; then
    SEEDDIR="$ROOT/tests/fixtures/seeds"
    mapfile -t SEEDS < <(find "$SEEDDIR" -maxdepth 1 -name '*.txt' | LC_ALL=C sort)
    (( ${#SEEDS[@]} == 5 )) || die "expected 5 seed reports in $SEEDDIR, found ${#SEEDS[@]}"
    CORPUS="$TMPBASE/gklint-compare-$N"
    WANT="n=$N seeds=$(cat "${SEEDS[@]}" | sha256sum | cut -c1-16)"
    DESC="the 5 seed reports of tests/fixtures/seeds, file i = seed i mod 5"
else
    if [[ -z $GEN ]]; then
        GEN="$ROOT/build-release/bench/gklint-gen"
        if [[ ! -x $GEN ]]; then
            # GKLINT was set, so there is no full build: build the generator on its own,
            # outside the repository (the same folder as bench/run.sh).
            GENBUILD="$TMPBASE/gklint-bench-genbuild"
            log "== building gklint-gen standalone in $GENBUILD"
            quiet cmake -S "$BENCH" -B "$GENBUILD" -DCMAKE_BUILD_TYPE=Release
            quiet cmake --build "$GENBUILD" -j2 --target gklint-gen
            GEN="$GENBUILD/gklint-gen"
        fi
    fi
    CORPUS="$TMPBASE/gklint-compare-gen-$N"
    GENSUM=$(cat "$BENCH/generator.hpp" "$BENCH/generator.cpp" "$BENCH/gen_main.cpp" | sha256sum | cut -c1-16)
    WANT="n=$N seed=$SEED rate=$RATE gen=$GENSUM"
    DESC="gklint-gen --seed $SEED --defect-rate $RATE"
fi
STAMP="$CORPUS.stamp"  # outside the corpus, so neither tool sees it
count_txt() { find "$CORPUS" -maxdepth 1 -type f -name '*.txt' | wc -l; }
if [[ -d $CORPUS && -f $STAMP && "$(cat "$STAMP")" == "$WANT" && "$(count_txt)" -eq $N ]]; then
    log "== (c) reusing corpus $CORPUS ($WANT)"
else
    log "== (c) writing $N reports into $CORPUS"
    PART="$CORPUS.partial"
    rm -rf "$CORPUS" "$STAMP" "$PART"
    if [[ $KIND == seeds ]]; then
        mkdir -p "$PART"
        W=$(( ${#N} > 5 ? ${#N} : 5 ))
        for k in 0 1 2 3 4; do
            (( k < N )) || break
            # File names 00000.txt …; one tee writes up to 256 copies of seed k.
            # shellcheck disable=SC2016  # $0 and $@ belong to the inner sh
            seq "$k" 5 $((N - 1)) |
                awk -v dir="$PART" -v w="$W" '{printf "%s/%0" w "d.txt\n", dir, $1}' |
                xargs -d '\n' -n 256 sh -c 'tee -- "$@" <"$0" >/dev/null' "${SEEDS[$k]}"
        done
    else
        "$GEN" --out "$PART" --count "$N" --seed "$SEED" --defect-rate "$RATE"
        # truth.tsv and the like: AutoCorrect would lint them too.
        find "$PART" -mindepth 1 -maxdepth 1 ! -name '*.txt' -exec rm -rf {} +
    fi
    mv "$PART" "$CORPUS"
    printf '%s\n' "$WANT" >"$STAMP"
fi
FILES=$(count_txt)
(( FILES == N )) || die "corpus has $FILES reports, expected $N (delete $CORPUS and retry)"
[[ -z $(find "$CORPUS" -mindepth 1 ! -name '*.txt' -print -quit) ]] ||
    die "$CORPUS holds files other than *.txt (delete it and retry)"
BYTES=$(find "$CORPUS" -maxdepth 1 -name '*.txt' -printf '%s\n' | awk '{s += $1} END {printf "%d", s}')

# --- (d) warm the page cache; one check run of each tool ---------------------------------
log "== (d) warming the page cache"
find "$CORPUS" -maxdepth 1 -name '*.txt' -print0 | xargs -0 cat >/dev/null

# AutoCorrect reads .autocorrectrc and .autocorrectignore from its working folder: give it an
# empty one, so nothing in the caller's folder changes what it checks.
ACWD="$WORK/cwd"
mkdir -p "$ACWD"
cd "$ACWD"

AC_CMD=("$AC" --lint --format json --threads "$THREADS" "$CORPUS")
GK_CMD=("$LINT" -j "$THREADS" --format json "$CORPUS")

# gklint first: a binary without -j must fail loudly, not be timed single-threaded.
log "== (d) check run: gklint -j $THREADS --format json (untimed)"
rc=0
"${GK_CMD[@]}" 2>"$WORK/stderr" | tail -c 65536 >"$WORK/tail" || rc=$?
if (( rc >= 2 )); then
    tail -n 20 "$WORK/stderr" >&2
    if grep -qiE -- '(unknown option|not expected|unrecognized|invalid option).*-j|-j.*(unknown|not expected|unrecognized)' "$WORK/stderr"; then
        die2 "$LINT ($GK_VERSION) rejects -j: it predates the worker-thread option." \
            "Rebuild it (cmake --build build-release), or point GKLINT at a newer binary."
    fi
    die "gklint exited with status $rc on the corpus: that is a failure, not findings"
fi
# The JSON ends with "summary":{"files":N,"unreadable":U,…}.
GK_SUMMARY=$(sed -n 's/.*"summary":{/{/p' "$WORK/tail")
gk_files=$(grep -o '"files":[0-9]*' <<<"$GK_SUMMARY" | head -n 1 | tr -cd '0-9' || true)
gk_unreadable=$(grep -o '"unreadable":[0-9]*' <<<"$GK_SUMMARY" | head -n 1 | tr -cd '0-9' || true)
[[ $gk_files == "$N" && $gk_unreadable == 0 ]] ||
    die "gklint's JSON summary does not show $N readable files: ${GK_SUMMARY:0:200}"

log "== (d) check run: autocorrect --lint --format json --threads $THREADS (untimed)"
# AutoCorrect writes its own errors ("ERROR: …") to stdout before the JSON, and still exits 0:
# keep the head of stdout and read the rest away (no early close, no SIGPIPE).
rc=0
"${AC_CMD[@]}" 2>"$WORK/stderr" | { head -c 65536 >"$WORK/head"; cat >/dev/null; } || rc=$?
if (( rc != 0 )); then
    tail -n 20 "$WORK/stderr" >&2
    die "AutoCorrect exited with status $rc on the corpus"
fi
if grep -q '^ERROR' "$WORK/head"; then
    grep '^ERROR' "$WORK/head" | head -n 5 >&2 || true
    die "AutoCorrect reported errors on the corpus"
fi
AC_SEEN=$(grep -o '^{"count": *[0-9]*' "$WORK/head" | tr -cd '0-9' || true)
[[ -n $AC_SEEN ]] || die "AutoCorrect printed no JSON result"
# "count" is the number of files with at least one problem. Every seed report has some.
if (( AC_SEEN != N )); then
    if [[ $KIND == seeds ]]; then
        die "AutoCorrect reported problems in $AC_SEEN of $N files, but every seed has some:" \
            "it skipped files, or $CORPUS is not what its stamp says (delete it and retry)"
    fi
    log "   note: AutoCorrect reported problems in $AC_SEEN of $N files"
fi

# --- (e) timed rounds ----------------------------------------------------------------------
# run_timed NAME CMD...: one run; appends the wall time to WALL_<NAME>, raises RSS_<NAME>.
WALL_ac=(); WALL_gk=(); RSS_ac=0; RSS_gk=0
run_timed() {
    local name=$1 rc=0 t0 t1 e m wall
    shift
    t0=$(date +%s%N)
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || rc=$?
    t1=$(date +%s%N)
    if (( rc >= 2 )); then
        tail -n 20 "$WORK/stderr" >&2
        die "$name exited with status $rc (round $r): that is a failure, not findings"
    fi
    # GNU time prepends "Command exited with non-zero status 1" on exit 1: take the last line.
    read -r e m < <(tail -n 1 "$WORK/time")
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
    if [[ $name == AutoCorrect ]]; then
        WALL_ac+=("$wall"); (( m > RSS_ac )) && RSS_ac=$m
    else
        WALL_gk+=("$wall"); (( m > RSS_gk )) && RSS_gk=$m
    fi
    log "   round $r $(printf '%-11s' "$name"): wall $wall s (time %e $e s), max RSS $m KiB, exit $rc"
    return 0
}
log "== (e) $ROUNDS rounds, $THREADS threads each, order alternating per round"
for (( r = 1; r <= ROUNDS; r++ )); do
    if (( r % 2 )); then
        run_timed AutoCorrect "${AC_CMD[@]}"
        run_timed gklint "${GK_CMD[@]}"
    else
        run_timed gklint "${GK_CMD[@]}"
        run_timed AutoCorrect "${AC_CMD[@]}"
    fi
done

# --- (f) results ---------------------------------------------------------------------------
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {
    if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
MED_ac=$(median "${WALL_ac[@]}")
MED_gk=$(median "${WALL_gk[@]}")
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no commit")
if [[ $COMMIT != "no commit" && -n $(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
    COMMIT="$COMMIT (work tree modified)"
fi
CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)

echo
echo "gklint vs AutoCorrect: $(date -u +%Y-%m-%dT%H:%MZ), repo commit $COMMIT"
echo "machine: ${CPU:-unknown CPU}, $(nproc) cores; threads per tool: $THREADS; rounds: $ROUNDS"
echo "gklint:      $GK_VERSION  ($LINT)"
echo "AutoCorrect: $AC_VERSION_LINE, node $NODE_VERSION  ($AC)"
echo "corpus: $CORPUS ($FILES reports, $BYTES bytes; $DESC)"
echo
awk -v n="$FILES" -v b="$BYTES" -v j="$THREADS" -v R="$ROUNDS" \
    -v ac="$MED_ac" -v acr="${WALL_ac[*]}" -v acm="$RSS_ac" \
    -v gk="$MED_gk" -v gkr="${WALL_gk[*]}" -v gkm="$RSS_gk" 'BEGIN {
    fmt = "| %-50s | %-12s | %-11s | %-9s | %-13s | %s |\n"
    printf fmt, "command (stdout to /dev/null)", "wall, median", "files/s", "MB/s", "peak RSS", "rounds (s)"
    printf "|%s|%s|%s|%s|%s|%s|\n", "----------------------------------------------------", "--------------",
        "-------------", "-----------", "---------------", "------------"
    row("autocorrect --lint --format json --threads " j, ac, acr, acm)
    row("gklint -j " j " --format json", gk, gkr, gkm)
    print ""
    if (ac > 0 && gk > 0) {
        x = ac / gk
        if (x >= 1) printf "gklint is %.1f× faster: AutoCorrect median %.3f s / gklint median %.3f s = %.2f\n", x, ac, gk, x
        else printf "gklint is %.1f× slower: AutoCorrect median %.3f s / gklint median %.3f s = %.2f\n", 1 / x, ac, gk, x
    } else {
        print "ratio: n/a (a wall time is below the clock resolution)"
    }
    print "(different work on the same files: AutoCorrect checks CJK spacing and punctuation;"
    print " gklint checks the contents and tables the regulation requires)"
}
function row(cmd, w, runs, rss,   fs, mbs) {
    gsub(/ /, ", ", runs)
    fs = w > 0 ? sprintf("%.0f", n / w) : "n/a"
    mbs = w > 0 ? sprintf("%.2f", b / 1e6 / w) : "n/a"
    printf fmt, cmd " DIR", sprintf("%.3f s", w), fs, mbs, sprintf("%.1f MiB", rss / 1024), runs
}'
