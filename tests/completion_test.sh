#!/usr/bin/env bash
# The shell completions `gklint completion bash|zsh|fish` writes (installed from the build's
# share/completions/): the files the build wrote are what the binary writes now, and each shell
# completes with them: bash driven through its completion function, fish through `complete -C`,
# zsh in an interactive shell on a pseudo-terminal.
#   tests/completion_test.sh GKLINT BUILD_DIR
set -uo pipefail
gklint=$1
generated=$2/share/completions
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# The installed files must be today's options: regenerated on every build of gklint.
for shell in bash zsh fish; do
  case $shell in bash) file=gklint.bash ;; zsh) file=_gklint ;; fish) file=gklint.fish ;; esac
  "$gklint" completion $shell >"$tmp/$file" || fail "gklint completion $shell: exit $?"
  if cmp -s "$tmp/$file" "$generated/$file"; then pass "$file as built"; else fail "$generated/$file differs from gklint completion $shell"; fi
done
"$gklint" completion tcsh >/dev/null 2>&1 && fail "gklint completion tcsh accepted"

# bash: what TAB would offer for the words given (the last one is the word being completed).
bash_complete() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _gklint; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$tmp/gklint.bash" "$@" | sort | tr '\n' ' ' | sed 's/ $//'
}
expect_bash() {
  local want=$1 got
  shift
  got=$(cd "$tmp" && bash_complete "$@")
  if [ "$got" = "$want" ]; then pass "bash: $* -> $want"; else fail "bash: $*: expected '$want', got '$got'"; fi
}
bash -n "$tmp/gklint.bash" || fail "bash -n gklint.bash"
mkdir "$tmp/exhibits" "$tmp/reports"
expect_bash "--force-exclude --format" gklint --fo
expect_bash "--format" gklint --form
expect_bash "json" gklint --format js
expect_bash "json" gklint --format = js   # --format=js: bash splits the word at =
expect_bash "gcc github gitlab html json junit rdjson sarif text" gklint --format ""
expect_bash "exhibits explain extract" gklint ex
expect_bash "exhibits" gklint report.txt ex   # after a report, paths only
expect_bash "csv json" gklint extract --format ""
expect_bash "--bom" gklint extract --b
expect_bash "bash fish zsh" gklint completion ""
expect_bash "reports" gklint --root re
expect_bash "" gklint --year 20
expect_bash "--require-coverage" gklint test --req

# fish: its own completion engine, on the file loaded.
if command -v fish >/dev/null; then
  fish -n "$tmp/gklint.fish" || fail "fish -n gklint.fish"
  expect_fish() {
    local want=$1 got
    got=$(cd "$tmp" && fish -c "source $tmp/gklint.fish; complete -C '$2'" | cut -f1 | sort | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" = "$want" ]; then pass "fish: $2 -> $want"; else fail "fish: $2: expected '$want', got '$got'"; fi
  }
  expect_fish "--format" "gklint --form"
  expect_fish "gcc github gitlab html json junit rdjson sarif text" "gklint --format "
  expect_fish "exhibits/ explain extract" "gklint ex"
  expect_fish "bash fish zsh" "gklint completion "
  expect_fish "csv json" "gklint extract --format "
  expect_fish "--format" "gklint report.txt --form"
else
  fail "fish not installed (scripts/install-deps.sh)"
fi

# zsh: the file parses, loads under compinit, and completes in an interactive zsh driven through a
# pseudo-terminal (zpty): compadd is wrapped to print what it is offered.
if command -v zsh >/dev/null; then
  zsh -n "$tmp/_gklint" || fail "zsh -n _gklint"
  out=$(HOME=$tmp zsh -f -c "fpath=($tmp \$fpath); autoload -Uz compinit; compinit -u -d $tmp/zcompdump; source $tmp/_gklint; print -r -- \$_comps[gklint]" 2>&1)
  if [ "$out" = "_gklint" ]; then pass "zsh: _gklint registered for gklint"; else fail "zsh: loading _gklint: $out"; fi
  cat >"$tmp/capture.zsh" <<'ZSH'
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -d $1/zcompdump"
zpty -w z 'compadd() { local -a h; builtin compadd -O h "$@" 2>/dev/null; (( $#h )) && print -rl -- "<<${^h}>>"; builtin compadd "$@"; }'
# Typed only once the line editor waits at the prompt (a marker prompt, as typed-ahead input may be dropped).
zpty -w z "PROMPT='ZLE'\$((6*7))'> '; print -- ready\$((1+1))"
zpty -r z line '*ready2*'
zpty -r z line '*ZLE42> '
zpty -w -n z "$2"$'\t'
zpty -w z $'\C-u'"print -- done\$((1+1))"
zpty -r z out '*done2*'
print -r -- $out | grep -ao '<<[^>]*>>' | tr -d '<>\r'
zpty -d z
ZSH
  expect_zsh() {
    local want=$1 got
    got=$(cd "$tmp" && HOME=$tmp timeout 20 zsh -f "$tmp/capture.zsh" "$tmp" "$2" | tr -s ' ' '\n' | sort -u | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" = "$want" ]; then pass "zsh: $2 -> $want"; else fail "zsh: $2: expected '$want', got '$got'"; fi
  }
  expect_zsh "--format" "gklint --form"
  expect_zsh "gcc github gitlab html json junit rdjson sarif text" "gklint --format "
  expect_zsh "json" "gklint --format=js"
  expect_zsh "exhibits explain extract" "gklint ex"
  expect_zsh "csv json" "gklint extract --format "
  expect_zsh "--format" "gklint report.txt --form"
  expect_zsh "bash fish zsh" "gklint completion "
else
  fail "zsh not installed (scripts/install-deps.sh)"
fi

[ "$failures" -eq 0 ] || { echo "completion_test: $failures failure(s)"; exit 1; }
echo "completion_test: all passed"
