#!/usr/bin/env bash
# The Dockerfile cannot be built here (no registry), so scripts/container-steps.sh runs its steps
# instead: every script a RUN or COPY line of the Dockerfile names must exist, be executable, and be
# run by container-steps.sh, so the two cannot drift apart unnoticed.
#   tests/dockerfile_test.sh SOURCE_DIR
set -uo pipefail
cd "$1"
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
[ -f Dockerfile ] || fail "no Dockerfile"
grep -q '^FROM debian:bookworm' Dockerfile || fail "Dockerfile: not based on debian:bookworm"
grep -q '^ENTRYPOINT \["gklint"\]' Dockerfile || fail "Dockerfile: no ENTRYPOINT [\"gklint\"]"
mapfile -t named < <(grep -E '^(RUN|COPY) ' Dockerfile | grep -oE '[A-Za-z0-9_./-]+\.sh' | sort -u)
[ ${#named[@]} -ge 3 ] || fail "Dockerfile names ${#named[@]} scripts (expected install-deps, build-deb, install-deb)"
for path in "${named[@]}"; do
  script=scripts/$(basename "$path")
  if [ ! -x "$script" ]; then
    fail "Dockerfile names $path: no executable $script"
  elif ! grep -v "^ *#" scripts/container-steps.sh | grep -q "$script"; then
    fail "scripts/container-steps.sh does not run $script"
  else
    echo "ok: $path -> $script, run by scripts/container-steps.sh"
  fi
done
# The same arguments: the build stage's dependencies and build folder.
for run in 'scripts/install-deps.sh --build' 'scripts/build-deb.sh build-release'; do
  grep -q "^RUN $run\$" Dockerfile || fail "Dockerfile: no 'RUN $run'"
  grep -q "^  $run\$" scripts/container-steps.sh || fail "scripts/container-steps.sh: no '$run'"
done
[ "$failures" -eq 0 ] || exit 1
echo "dockerfile_test: all passed"
