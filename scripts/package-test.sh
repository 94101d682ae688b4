#!/usr/bin/env bash
# The Debian package, built and installed as a user would, by the Dockerfile's steps
# (scripts/container-steps.sh: scripts/build-deb.sh, then scripts/install-deb.sh, i.e.
# `apt-get install ./build-release/gklint_*.deb`, which pulls in the libraries it depends on); then
# the installed gklint: on a seed report and an installed example, `man gklint`, its completions,
# what `dpkg -L gklint` lists; then `apt-get remove gklint`, and /usr/bin/gklint must be gone.
# A gklint package installed before is removed first (and not put back); the package is removed
# whatever fails. Needs root (or sudo). .ci/run runs it after its Release build (build-release).
#   scripts/package-test.sh
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
failures=0
pass() { echo "PASS: $*"; }
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
installed() { dpkg-query -W -f='${Status}' gklint 2>/dev/null | grep -q 'install ok installed'; }
remove() { $SUDO apt-get remove -y -qq gklint >/dev/null; }

scripts/container-steps.sh build || {
  echo "FAIL: scripts/container-steps.sh build (install-deps --build, build-deb.sh)"
  exit 1
}
debs=(build-release/gklint_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || {
  echo "FAIL: not one build-release/gklint_*.deb: ${debs[*]}"
  exit 1
}
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
pass "built $deb (version $version)"
# Depends, from dpkg-shlibdeps: the libraries gklint links.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libicu libre2 libyaml-cpp libzip libgumbo libpugixml libpoppler libcpp-httplib libstdc++6; do
  [[ $depends == *"$lib"* ]] && pass "Depends names $lib" || fail "Depends lacks $lib: $depends"
done

if installed; then
  echo "package-test: removing the gklint package installed before"
  remove || {
    echo "FAIL: apt-get remove gklint (installed before)"
    exit 1
  }
fi
trap 'installed && remove' EXIT
scripts/container-steps.sh install && pass "scripts/container-steps.sh install (apt-get install ./$deb)" ||
  fail "scripts/container-steps.sh install"
installed && pass "dpkg: gklint installed" || fail "dpkg: gklint not installed"

# The files.
listed=$(dpkg -L gklint 2>/dev/null)
for f in /usr/bin/gklint /usr/share/man/man1/gklint.1 /usr/share/gklint/rules/gov-2021.yaml \
  /usr/share/gklint/rules/base.yaml /usr/share/gklint/rules/provinces/sichuan-2017.yaml \
  /usr/share/bash-completion/completions/gklint /usr/share/zsh/vendor-completions/_gklint \
  /usr/share/fish/vendor_completions.d/gklint.fish /usr/share/doc/gklint/README.md \
  /usr/share/doc/gklint/docs/rules.md /usr/share/doc/gklint/examples/2018-luobei-county.txt; do
  grep -qx "$f" <<<"$listed" && [ -e "$f" ] && pass "installed $f" || fail "dpkg -L gklint: no $f"
done
for f in gklint_tests gklint-docs gklint-gen gklint-relint gen_norm_table gen_rule_trees; do
  grep -q "/$f\$" <<<"$listed" && fail "installed a build-time program: $f" || pass "not installed: $f"
done

# The installed command.
[ "$(command -v gklint)" = /usr/bin/gklint ] && pass "gklint is /usr/bin/gklint" || fail "gklint on PATH: $(command -v gklint)"
[ "$(/usr/bin/gklint --version)" = "gklint $version" ] && pass "gklint --version: gklint $version" ||
  fail "gklint --version: $(/usr/bin/gklint --version 2>&1)"
lint() { # EXPECTED-STATUS FILE PATTERN: the status, and a finding matching PATTERN
  local out status
  out=$(/usr/bin/gklint --lang en "$2" 2>&1)
  status=$?
  if [ "$status" -eq "$1" ] && grep -Eq "$3" <<<"$out"; then pass "gklint $2: exit $status, $3"; else
    fail "gklint $2: exit $status (expected $1), output: ${out:0:400}"
  fi
}
seed=../shared/seeds/000_ac653407c852e910.txt
if [ -f "$seed" ]; then
  lint 1 "$seed" ': error: .*\[section\.missing\]'
else
  fail "no seed report at $seed"
fi
lint 1 /usr/share/doc/gklint/examples/2018-luobei-county.txt '2018-luobei-county.txt:39:1: error: .*\[section\.missing\]'
# A PDF, read with the poppler the package depends on: page 4, line 2, column 9.
lint 1 tests/fixtures/formats/seed-001.libreoffice-docx.pdf 'seed-001.libreoffice-docx.pdf:4:2:9: error: .*\[table\.results-total\]'
# A .docx, read with the module gklint-docx.so and the libzip the package depends on; and annotated.
lint 1 tests/fixtures/formats/seed-001.libreoffice.docx 'seed-001.libreoffice.docx:282:1: error: .*\[table\.results-total\]'
annotated=$(mktemp --suffix=.docx)
/usr/bin/gklint annotate tests/fixtures/formats/seed-001.libreoffice.docx -o "$annotated" >/dev/null 2>&1
python3 -c 'import sys, zipfile; sys.exit(0 if "word/comments.xml" in zipfile.ZipFile(sys.argv[1]).namelist() else 1)' \
  "$annotated" 2>/dev/null &&
  pass "gklint annotate: word/comments.xml in $annotated" || fail "gklint annotate: no comments part in $annotated"
rm -f "$annotated"
# gklint serve, with the cpp-httplib the package depends on: it listens and serves its page.
serve_out=$(mktemp)
/usr/bin/gklint serve --port 0 >"$serve_out" 2>&1 &
serve_pid=$!
for _ in $(seq 50); do grep -q '^gklint serve: http' "$serve_out" && break; sleep 0.1; done
serve_url=$(sed -n 's/^gklint serve: \(http[^ ]*\)$/\1/p' "$serve_out")
if [ -n "$serve_url" ] && python3 -c 'import sys, urllib.request; sys.exit(0 if b"id=\"findings\"" in urllib.request.urlopen(sys.argv[1]).read() else 1)' "$serve_url"; then
  pass "gklint serve: the page at $serve_url"
else
  fail "gklint serve: $(cat "$serve_out")"
fi
kill "$serve_pid" 2>/dev/null
rm -f "$serve_out"
# The installed rule files are the built-in sets: a copy to start from loads and passes its cases.
/usr/bin/gklint test --lang en /usr/share/gklint/rules/gov-2021.yaml >/dev/null 2>&1 &&
  pass "gklint test /usr/share/gklint/rules/gov-2021.yaml" || fail "gklint test on the installed gov-2021.yaml"

# The man page, as `man gklint` finds it. A Docker image of Debian may exclude /usr/share/man from
# packages (path-exclude in /etc/dpkg/dpkg.cfg.d/docker): then the page is read from the .deb.
if grep -qs '^path-exclude=/usr/share/man' /etc/dpkg/dpkg.cfg.d/*; then
  echo "package-test: dpkg excludes /usr/share/man here; reading the page from the .deb"
  tmp=$(mktemp -d)
  dpkg-deb -x "$deb" "$tmp"
  page=$(MANPAGER=cat man -l "$tmp/usr/share/man/man1/gklint.1" 2>/dev/null)
  rm -rf "$tmp"
else
  page=$(MANPAGER=cat man gklint 2>/dev/null)
fi
for section in NAME SYNOPSIS OPTIONS 'EXIT STATUS' FILES 'SEE ALSO'; do
  grep -q "^$section" <<<"$page" && pass "man gklint: $section" || fail "man gklint: no $section section"
done
grep -q -- '--format' <<<"$page" && pass "man gklint: --format" || fail "man gklint: no --format"

# The installed bash completion.
got=$(bash -c 'source /usr/share/bash-completion/completions/gklint; COMP_WORDS=(gklint --form); COMP_CWORD=1; _gklint; echo "${COMPREPLY[*]}"')
[ "$got" = --format ] && pass "bash completion: gklint --form -> --format" || fail "bash completion: gklint --form -> '$got'"

# fish and zsh find theirs where Debian's fish and zsh look, without being told.
if command -v fish >/dev/null; then
  got=$(fish -c "complete -C 'gklint --form'" | cut -f1)
  [ "$got" = --format ] && pass "fish completion (vendor_completions.d): gklint --form -> --format" ||
    fail "fish completion: gklint --form -> '$got'"
fi
if command -v zsh >/dev/null; then
  tmp=$(mktemp -d)
  got=$(HOME=$tmp zsh -f -c "autoload -Uz compinit; compinit -u -d $tmp/zcompdump; print -r -- \$_comps[gklint]")
  rm -rf "$tmp"
  [ "$got" = _gklint ] && pass "zsh completion (vendor-completions): _gklint for gklint" ||
    fail "zsh completion: compinit gives '$got' for gklint"
fi

# Removed, nothing of it is left.
remove && pass "apt-get remove gklint" || fail "apt-get remove gklint"
installed && fail "gklint still installed"
[ -e /usr/bin/gklint ] && fail "/usr/bin/gklint still there after removal" || pass "/usr/bin/gklint removed"
trap - EXIT

if [ "$failures" -gt 0 ]; then
  echo "package-test: $failures failure(s)"
  exit 1
fi
echo "package-test: all passed"
