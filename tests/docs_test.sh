#!/usr/bin/env bash
# The docs' generated tables (gklint-docs) match the registries, and --check notices when they do not.
#   docs_test.sh PATH/TO/gklint-docs REPO_ROOT
set -euo pipefail
docs_tool=$1
repo=$2
"$docs_tool" --check "$repo" || { echo "FAIL: the docs drifted from the registries: run build/gklint-docs"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docs"
cp "$repo/README.md" "$tmp/"
cp "$repo/docs/rules.md" "$repo/docs/json-output.md" "$tmp/docs/"
# A table edited by hand is out of date, named, and the run changes nothing.
sed -i 's/^| `gcc` | .*/| `gcc` | edited by hand | x |/' "$tmp/README.md"
cp "$tmp/README.md" "$tmp/README.before"
if "$docs_tool" --check "$tmp" 2>"$tmp/err"; then echo "FAIL: --check accepted an edited table"; exit 1; fi
grep -q 'README.md: the table output-formats is out of date' "$tmp/err" || { echo "FAIL: message"; cat "$tmp/err"; exit 1; }
cmp -s "$tmp/README.md" "$tmp/README.before" || { echo "FAIL: --check changed the file"; exit 1; }
# Without --check the table is written back, and then it checks clean.
"$docs_tool" "$tmp" >/dev/null
"$docs_tool" --check "$tmp" || { echo "FAIL: rewritten table still out of date"; exit 1; }
cmp -s "$tmp/README.md" "$repo/README.md" || { echo "FAIL: rewritten README differs from the repository's"; exit 1; }
# A region whose end marker is gone is an error (exit 2), not a silent skip.
sed -i '/<!-- \/gklint-docs: finding-kinds -->/d' "$tmp/docs/json-output.md"
status=0
"$docs_tool" --check "$tmp" 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "FAIL: a missing marker exited $status, expected 2"; exit 1; }
echo "docs test: ok"
