#!/usr/bin/env bash
# Do two gklint binaries give byte-identical output? For a change meant to make gklint faster and
# nothing else: the seeds, corpus-dev, every fixture report, and generated corpora (plain, crawled
# one-line pages, and with content defects), each linted by both with --format json and text.
#
#   bench/same-output.sh OLD_GKLINT NEW_GKLINT [N]    N = reports per generated corpus (default 2000)
#
# Environment: GKLINT_GEN=path (default build-release/bench/gklint-gen), TMPDIR (scratch).
# Exit status: 0 identical; 1 a difference (the first lines of the diff are shown); 2 bad arguments.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: bench/same-output.sh OLD_GKLINT NEW_GKLINT [N]" >&2
    exit 2
fi
old=$1 new=$2 n=${3:-2000}
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
gen=${GKLINT_GEN:-$root/build-release/bench/gklint-gen}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/gklint-same.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

"$gen" --out "$scratch/plain" --count "$n" --seed 7 --defect-rate 0.1 >/dev/null
"$gen" --out "$scratch/content" --count "$n" --seed 8 --content-defect-rate 0.3 >/dev/null
"$gen" --out "$scratch/crawl" --count "$n" --seed 9 --tables crawl --content-defect-rate 0.3 >/dev/null
fixtures=$(find "$root/tests/fixtures" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.htm' \
    -o -name '*.docx' \) | sort)

status=0
for format in json text; do
    for set in "$shared/seeds" "$shared/corpus-dev" "$scratch/plain" "$scratch/content" "$scratch/crawl" fixtures; do
        if [ "$set" = fixtures ]; then
            # shellcheck disable=SC2086
            (cd "$root" && "$old" --no-config --fail-on never --format "$format" $fixtures >"$scratch/old" 2>&1 || true)
            # shellcheck disable=SC2086
            (cd "$root" && "$new" --no-config --fail-on never --format "$format" $fixtures >"$scratch/new" 2>&1 || true)
        else
            "$old" --no-config --fail-on never --format "$format" "$set" >"$scratch/old" 2>&1 || true
            "$new" --no-config --fail-on never --format "$format" "$set" >"$scratch/new" 2>&1 || true
        fi
        if cmp -s "$scratch/old" "$scratch/new"; then
            echo "same      $format $(basename "$set") ($(wc -l <"$scratch/new") lines)"
        else
            echo "DIFFERENT $format $(basename "$set")"
            diff "$scratch/old" "$scratch/new" | head -20
            status=1
        fi
    done
done
exit $status
