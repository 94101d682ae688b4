#!/usr/bin/env bash
# Kind-specific fields are the keys after "cite" in the JSON, in order (docs/json-output.md).
# Prints what a fixture's .expected file would hold for what gklint finds now:
#   scripts/expected.sh FILE [gklint options…]  >  FILE-without-extension.expected
# Review the output before committing it: an .expected file states what is right, not what is.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
gklint="${GKLINT:-$root/build/gklint}"
file="$1"; shift
"$gklint" --format json --fail-on never "$@" "$file" | jq -r '
  .files[0].diagnostics[] |
  (to_entries | map(.key) | index("cite")) as $c |
  "\(if .page then "\(.page):" else "" end)\(.line):\(.column) \(.rule) \(.severity)" +
  ([to_entries | .[($c + 1):][] | select(.key != "expected" and .key != "actual" and .key != "related" and .key != "fingerprint" and .key != "fix") | " \(.key)=\(.value)"] | join(""))'
