#!/usr/bin/env bash
# End-to-end test of `gklint lsp` with Neovim's built-in LSP client (tests/lsp/init.lua): what
# Neovim shows must be exactly what `gklint --format json` reports for the same file, with the
# positions converted (gklint: 1-based line, column in characters; LSP: 0-based line, UTF-16 units;
# Neovim: 0-based byte column, converted back by Neovim itself).
#
#   tests/lsp/neovim_test.sh GKLINT_BINARY SOURCE_DIR
#
# The report is seed 001 with 𠀀 (U+20000: two UTF-16 units, four bytes) put into line 1 before
# the year typo found there, and table sums at line 62 with related cells.
# Skipped (exit 77) when nvim is not installed; bounded by `timeout` so it can never hang.
set -euo pipefail
gklint=$(realpath "$1")
src=$(realpath "$2")
if ! command -v nvim >/dev/null; then
  echo "lsp-neovim: nvim not installed (scripts/install-deps.sh installs it); skipped"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
mkdir .git  # the search for .gklint.yaml stops here: the code action writes one here, none above counts
# Neovim's state, cache (the LSP log) and data stay in the temporary folder.
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache

jq -Rsj 'split("\n") | .[0] |= .[0:50] + "𠀀" + .[50:] | join("\n")' \
  "$src/tests/fixtures/seeds/001_216a20324a3be511.txt" > report.txt
# What the quick fix in init.lua makes of it: the year typo fixed.
jq -Rsj 'split("\n") | .[0] |= sub("20120"; "2020") | join("\n")' report.txt > fixed.txt
"$gklint" --format json report.txt > expected.json || true
"$gklint" --format json fixed.txt > expected-fixed.json || true

GKLINT=$gklint GKLINT_LSP_OUT=$tmp/out.json timeout 60 \
  nvim --headless --clean -u "$src/tests/lsp/init.lua" report.txt </dev/null >nvim.log 2>&1 || {
  echo "lsp-neovim: nvim failed or timed out (status $?)"
  cat nvim.log
  exit 1
}

# Every check yields a line; any line is a failure.
problems=$(jq -nr --slurpfile exp expected.json --slurpfile fixed expected-fixed.json --slurpfile out out.json \
  --rawfile text report.txt --rawfile text_fixed fixed.txt '
  def lines($t): $t | split("\n") | map(rtrimstr("\r"));
  # The byte and UTF-16 lengths of the first $c - 1 characters of line $l (1-based).
  def bytes($ls; $l; $c): $ls[$l - 1][0:$c - 1] | utf8bytelength;
  def units($ls; $l; $c): [$ls[$l - 1][0:$c - 1] | explode[] | if . > 65535 then 2 else 1 end] | add // 0;
  # gklint JSON diagnostics as Neovim shows them.
  def shown($ls; $ds): [$ds[] | {lnum: (.line - 1), col: bytes($ls; .line; .column),
    end_lnum: (.end_line - 1), end_col: bytes($ls; .end_line; .end_column), code: .rule, message}]
    | sort_by(.lnum, .col, .code);
  def pick: map({lnum, col, end_lnum, end_col, code, message});
  (lines($text)) as $ls | (lines($text_fixed)) as $fs
  | $exp[0].files[0].diagnostics as $ds | $out[0] as $o
  | (if $o.error then "nvim: \($o.error)" else empty end),
    (if $o.exit_code != 0 then "server exit code \($o.exit_code) after shutdown and exit" else empty end),
    (if ($ds | length) < 3 then "gklint found too little to compare: \($ds | length)" else empty end),
    (if ($o.opened | pick) != shown($ls; $ds)
     then "after didOpen Neovim shows\n\($o.opened | pick)\nbut gklint reports\n\(shown($ls; $ds))" else empty end),
    (if ($o.changed | pick) != shown($fs; $fixed[0].files[0].diagnostics)
     then "after didChange Neovim shows \($o.changed | pick)\nbut gklint reports \(shown($fs; $fixed[0].files[0].diagnostics))"
     else empty end),
    # The raw LSP messages: UTF-16 ranges, severity, related cells, in gklint order.
    ($o.publishes[0].diagnostics | length) as $n
    | (if $n != ($ds | length) then "published \($n) diagnostics, gklint has \($ds | length)" else empty end),
    (range(0; [$n, ($ds | length)] | min) as $i | $o.publishes[0].diagnostics[$i] as $p | $ds[$i] as $d
     | ($p.range.start) as $s
     | (if $p.code != $d.rule or $s.line != $d.line - 1 or $s.character != units($ls; $d.line; $d.column)
        then "diagnostic \($i): \($p.code) at \($s) but gklint: \($d.rule) at \($d.line):\($d.column)" else empty end),
       (if $p.severity != ({"error": 1, "warning": 2, "info": 3}[$d.severity]) then "diagnostic \($i): severity \($p.severity)" else empty end),
       (if ($p.relatedInformation // [] | length) != ($d.related // [] | length)
        then "diagnostic \($i): \($p.relatedInformation // [] | length) related, gklint has \($d.related // [] | length)" else empty end)),
    (if [$ds[] | select(units($ls; .line; .column) != .column - 1)] | length == 0
     then "no finding after a character outside the BMP: the test lost its point" else empty end),
    (if [$ds[] | select(.related)] | length == 0 then "no finding with related cells" else empty end),
    (if ($o.hover | type) != "string" or ($o.hover | contains("`\($ds[0].rule)`") | not)
     then "hover on the first finding: \($o.hover)" else empty end),
    (if ($o.publishes | length) < 2 or $o.publishes[1].version <= $o.publishes[0].version
     then "the didChange was not published with a newer version" else empty end),
    (if $o.fix_title != "gklint: 修正：将“20120”改为“2020”" then "quick fix: \($o.fix_title)" else empty end),
    # The code action: its rule gone from what Neovim shows, the rest as before.
    (if $o.action_kind != "quickfix" or ($o.action_title | contains($o.action_rule) | not)
     then "code action: \($o.action_title) (\($o.action_kind)) for \($o.action_rule)" else empty end),
    (if ($o.after_action | pick) != ($o.changed | pick | map(select(.code != $o.action_rule)))
     then "after the code action Neovim shows \($o.after_action | pick)" else empty end),
    (if ($o.changed | map(select(.code == $o.action_rule)) | length) == 0 then "the code action removed nothing" else empty end)
')
config_written=$(cat .gklint.yaml 2>/dev/null || echo none)
if [ "$config_written" != "disable: [$(jq -r .action_rule out.json)]" ]; then
  problems+=$'\n'"the code action wrote .gklint.yaml: $config_written"
fi
rm -f .gklint.yaml
# The snippet README points users to (examples/editors/nvim-gklint.lua) works as pasted: gklint
# found on PATH, attached when a report is read, the same findings shown.
PATH=$(dirname "$gklint"):$PATH timeout 60 nvim --headless --clean -u "$src/examples/editors/nvim-gklint.lua" report.txt \
  -c 'lua vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)' \
  -c 'lua local f = io.open("example.count", "w"); f:write(#vim.diagnostic.get(0)); f:close()' \
  -c 'qa!' </dev/null >nvim-example.log 2>&1 || problems+=$'\n'"examples/editors/nvim-gklint.lua: nvim failed (status $?)"
example_count=$(cat example.count 2>/dev/null || echo none)
if [ "$example_count" != "$(jq '.files[0].diagnostics | length' expected.json)" ]; then
  problems+=$'\n'"examples/editors/nvim-gklint.lua: $example_count diagnostics shown, gklint has $(jq '.files[0].diagnostics | length' expected.json)"
fi

if [ -n "$problems" ]; then
  echo "lsp-neovim: FAILED"
  echo "$problems"
  exit 1
fi
echo "lsp-neovim: ok ($(jq '.files[0].diagnostics | length' expected.json) diagnostics after didOpen, $(jq '.files[0].diagnostics | length' expected-fixed.json) after the quick fix (didChange), hover, $(jq '.after_action | length' out.json) after disabling $(jq -r .action_rule out.json) by code action, exit 0; $(nvim --version | head -1))"
