#!/usr/bin/env bash
# Installs a gklint .deb with apt-get, which also installs the libraries it depends on: the
# Dockerfile's runtime stage runs it, and scripts/container-steps.sh. Needs root (or sudo).
#   scripts/install-deb.sh build-release/gklint_0.1.0_amd64.deb
set -euo pipefail
deb=${1:?usage: scripts/install-deb.sh FILE.deb}
# apt-get takes a path to a file only when it looks like one (absolute, or starting with ./).
case $deb in /* | ./*) ;; *) deb=./$deb ;; esac
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$deb"
