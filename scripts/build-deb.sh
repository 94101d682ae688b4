#!/usr/bin/env bash
# Builds gklint's Debian package, gklint_VERSION_ARCH.deb: a Release build with warnings as errors
# in BUILD_DIR (default build-release, the folder .ci/run builds, reused as it is), then cpack
# (cmake/install.cmake says what goes in; dpkg-shlibdeps reads the Depends from the libraries gklint
# links). The Dockerfile's build stage runs it; so do scripts/container-steps.sh and package-test.sh.
#   scripts/build-deb.sh [BUILD_DIR]      (scripts/install-deps.sh --build installs what it needs)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-release}
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DGKLINT_WERROR=ON -DGKLINT_TESTS=OFF >/dev/null
cmake --build "$dir" -j"$(nproc)"
# Without help2man the build skips the man page; a package must have it.
[ -f "$dir/share/man/gklint.1" ] || {
  echo "build-deb.sh: $dir/share/man/gklint.1 missing: is help2man installed? (scripts/install-deps.sh --build)" >&2
  exit 1
}
rm -f "$dir"/gklint_*.deb
(cd "$dir" && cpack -G DEB)
echo "build-deb.sh: wrote $(ls "$dir"/gklint_*.deb)"
