#!/usr/bin/env bash
# clang-format (14, the Debian 12 one) over gklint's C++ sources, with the repository's .clang-format.
#   scripts/format.sh            reformat in place
#   scripts/format.sh --check    change nothing; list the files that are not formatted, exit 1 if any
#   scripts/format.sh FILE...    reformat these (what .pre-commit-config.yaml passes)
set -euo pipefail
cd "$(dirname "$0")/.."
tool=$(command -v clang-format-14 || command -v clang-format || true)
[ -n "$tool" ] || { echo "format.sh: clang-format not found (scripts/install-deps.sh --lint)" >&2; exit 2; }
check=false
[ "${1:-}" = "--check" ] && { check=true; shift; }
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 'tests/*.cpp' 'tools/*.cpp' 'bench/*.cpp' 'bench/*.hpp')
fi
if ! $check; then
  "$tool" -i --style=file "${files[@]}"
  exit 0
fi
bad=0
for f in "${files[@]}"; do
  if ! "$tool" --style=file "$f" | cmp -s - "$f"; then
    echo "not formatted: $f"
    bad=$((bad + 1))
  fi
done
if [ "$bad" -gt 0 ]; then
  echo "format.sh: $bad file(s) not formatted; scripts/format.sh fixes them" >&2
  exit 1
fi
echo "format.sh: ${#files[@]} files formatted"
