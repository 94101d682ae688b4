#!/usr/bin/env bash
# Does gklint stay linear in its input? Times reports of 1 KB to 10 MB in five shapes and fails
# when the time per byte grows more than 2x across the range, or when a run's peak memory is over
# 100 MB (issue 14's bound for 10 MB). Not part of CI (it times things).
#
#   bench/scale.sh [MAX]     MAX = largest size in bytes (default 10000000)
#
# Shapes, each cut from real text at a line end (tests/fixtures/corpus-dev and the five seeds
# under tests/fixtures/seeds; whole reports repeated until the size is reached):
#   prose     the reports as they are, line-broken
#   tables    only their table rows (lines with three or more '|'), from gklint-gen reports
#   one-line  the reports with every line break made a space (a crawled page)
#   table-line  the table rows with every line break made a space (a crawled table-heavy page)
#   findings  one seed report, whose defects repeat with each copy (many findings)
# Sizes 1 KB, 10 KB, 100 KB, 1 MB, 10 MB (up to MAX). Each file is linted three times with
# `gklint --no-config --fail-on never --format json FILE >/dev/null`; the fastest wall time and the
# peak RSS (one more run under GNU time) are shown. Time per byte is (t - t1KB) / (bytes - 1 KB),
# start-up taken out, for 1 MB and up (below, start-up and the machine's noise are most of the
# time); the check compares the largest size's with 1 MB's.
#
# Environment: GKLINT=path (default build-release/gklint, built when missing), GKLINT_GEN=path
# (default build-release/bench/gklint-gen), TMPDIR (scratch).
# Exit status: 0 linear and within memory; 1 a shape grew more than 2x per byte or a run's peak
# was over 100 MB (named), or a run failed; 2 bad use.
set -euo pipefail

max=${1:-10000000}
if [[ ! $max =~ ^[1-9][0-9]*$ || $# -gt 1 ]]; then
    echo "usage: bench/scale.sh [MAX]   (largest size in bytes, default 10000000)" >&2
    exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
[[ -x /usr/bin/time ]] || { echo "scale.sh: /usr/bin/time (GNU time) is required" >&2; exit 2; }
if [[ -z ${GKLINT:-} ]]; then
    [[ -x build-release/gklint ]] || {
        cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
        cmake --build build-release -j2 >/dev/null
    }
    lint=$root/build-release/gklint
else
    lint=$(command -v -- "$GKLINT") || { echo "scale.sh: GKLINT=$GKLINT is not an executable" >&2; exit 2; }
fi
gen=${GKLINT_GEN:-$root/build-release/bench/gklint-gen}
[[ -x $gen ]] || { echo "scale.sh: no gklint-gen at $gen (build-release, or GKLINT_GEN)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/gklint-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The material each shape repeats.
cat tests/fixtures/corpus-dev/*.txt tests/fixtures/seeds/*.txt >"$work/prose.src"
"$gen" --out "$work/gen" --count 20 --seed 5 >/dev/null 2>&1
cat "$work"/gen/0*.txt | awk -F'|' 'NF >= 4' >"$work/tables.src"
tr '\n' ' ' <"$work/prose.src" >"$work/one-line.src"
tr '\n' ' ' <"$work/tables.src" >"$work/table-line.src"
seeds=(tests/fixtures/seeds/*.txt)
cp "${seeds[0]}" "$work/findings.src"

# Writes $3 bytes or a little less of $1 repeated into $2, ending at a line end (or, for one line,
# at a blank), so that no character is cut.
make_file() {
    local src=$1 out=$2 size=$3
    : >"$out.tmp"
    while [[ $(stat -c %s "$out.tmp") -lt $size ]]; do cat "$src" >>"$out.tmp"; done
    head -c "$size" "$out.tmp" >"$out.cut"
    if [[ $src == *one-line.src || $src == *table-line.src ]]; then
        # Up to the last blank.
        local keep
        keep=$(LC_ALL=C grep -abo ' ' "$out.cut" | tail -n 1 | cut -d: -f1)
        head -c "${keep:-0}" "$out.cut" >"$out"
    else
        LC_ALL=C sed '$d' "$out.cut" >"$out"
    fi
    rm -f "$out.tmp" "$out.cut"
}

# The fastest of three runs (the least disturbed by the rest of the machine): "seconds peak_kb"
# (the time from date's nanoseconds, the peak from GNU time).
time_one() {
    local file=$1 runs=() kb
    for _ in 1 2 3; do
        local t0 t1
        t0=$(date +%s%N)
        "$lint" --no-config --fail-on never --format json "$file" >/dev/null
        t1=$(date +%s%N)
        runs+=("$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.4f", d / 1e9 }')")
    done
    kb=$( { /usr/bin/time -f '%M' "$lint" --no-config --fail-on never --format json "$file" >/dev/null; } 2>&1 | tail -n 1)
    echo "$(printf '%s\n' "${runs[@]}" | sort -n | head -n 1) $kb"
}

sizes=()
for s in 1000 10000 100000 1000000 10000000; do [[ $s -le $max ]] && sizes+=("$s"); done
status=0
max_mb=100
printf '%-10s %10s %9s %9s %9s\n' shape bytes seconds peak_MB "ns/byte"
for shape in prose tables one-line table-line findings; do
    base_t="" base_b="" first_rate="" last_rate=""
    for s in "${sizes[@]}"; do
        f="$work/$shape-$s.txt"
        make_file "$work/$shape.src" "$f" "$s"
        bytes=$(stat -c %s "$f")
        read -r t kb < <(time_one "$f")
        rate="-"
        if [[ -z $base_t ]]; then
            base_t=$t base_b=$bytes
        elif [[ $s -ge 1000000 ]]; then
            rate=$(awk -v t="$t" -v t0="$base_t" -v b="$bytes" -v b0="$base_b" \
                'BEGIN { d = t - t0; if (d < 0) d = 0; printf "%.1f", d * 1e9 / (b - b0) }')
            [[ -z $first_rate ]] && first_rate=$rate
            last_rate=$rate
        fi
        printf '%-10s %10d %9s %9d %9s\n' "$shape" "$bytes" "$t" $((kb / 1024)) "$rate"
        if [[ $((kb / 1024)) -gt $max_mb ]]; then
            echo "scale.sh: $shape of $bytes bytes took $((kb / 1024)) MB at its peak, over $max_mb MB" >&2
            status=1
        fi
    done
    if [[ -n $first_rate && -n $last_rate ]] &&
        awk -v a="$first_rate" -v b="$last_rate" 'BEGIN { exit !(a > 0 && b > 2 * a) }'; then
        echo "scale.sh: $shape is not linear: $last_rate ns/byte at the largest size against $first_rate at 1 MB" >&2
        status=1
    fi
done
exit $status
