#!/usr/bin/env bash
# The steps of the Dockerfile, run on this machine (Debian 12), for where no container can be built:
# the build stage's scripts, then the runtime stage's, then the image's command on an example.
# The Dockerfile's RUN lines call the same scripts (the dockerfile test holds them to this list).
#   scripts/container-steps.sh build     scripts/install-deps.sh --build; scripts/build-deb.sh build-release
#   scripts/container-steps.sh install   scripts/install-deb.sh build-release/gklint_*.deb; gklint on an example
#   scripts/container-steps.sh all       both (leaves gklint installed: apt-get remove gklint)
# scripts/package-test.sh runs both, checks what was installed, and removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
build() {
  scripts/install-deps.sh --build
  scripts/build-deb.sh build-release
}
install() {
  local debs=(build-release/gklint_*.deb)
  scripts/install-deb.sh "${debs[0]}"
  # The image's ENTRYPOINT ["gklint"] with WORKDIR /work: a report given relative to the folder.
  (cd examples && gklint --version && { gklint --lang en 2018-luobei-county.txt || [ $? -eq 1 ]; })
}
case "${1:-all}" in
  build) build ;;
  install) install ;;
  all) build && install ;;
  *) echo "usage: scripts/container-steps.sh build|install|all" >&2; exit 2 ;;
esac
