#!/usr/bin/env bash
# Installs everything gklint needs to build and test, from Debian packages.
# Safe to run again; needs root (or sudo) for apt-get.
set -euo pipefail
packages=(
  g++ cmake make pkg-config
  libyaml-cpp-dev libicu-dev libre2-dev doctest-dev libcli11-dev nlohmann-json3-dev
  libgumbo-dev libzip-dev libpugixml-dev
  jq time hyperfine
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
