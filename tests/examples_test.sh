#!/usr/bin/env bash
# The examples a user copies (examples/ci, examples/hooks), run as written:
#   tests/examples_test.sh GKLINT ROOT
# - the git pre-commit hook and the pre-commit framework config stop a commit of a report with an
#   error and let a clean one through;
# - every gklint command in the CI examples runs on a reports/ folder and writes what the next
#   step of the pipeline reads (SARIF, JUnit), with the exit status the pipeline expects.
set -uo pipefail
gklint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$2" && pwd)
seeds="$root/tests/fixtures/seeds"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
same() { if [ "$2" = "$3" ]; then ok; else bad "$1: '$2' != '$3'"; fi; }

# A gklint on PATH, as the examples assume.
mkdir -p "$tmp/bin" && ln -s "$gklint" "$tmp/bin/gklint"
export PATH="$tmp/bin:$PATH" HOME="$tmp/home" PRE_COMMIT_HOME="$tmp/pre-commit-cache"
mkdir -p "$HOME"
git config --global user.email test@example.org && git config --global user.name test
git config --global init.defaultBranch main

new_repo() {
  rm -rf "$tmp/repo" && mkdir -p "$tmp/repo/reports" && cd "$tmp/repo" && git init -q
}

# 1. The plain git hook.
new_repo
cp "$root/examples/hooks/pre-commit" .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
cp "$seeds/002_4b1796c7769bd424.txt" reports/clean.txt && git add reports
git commit -qm clean >"$tmp/out" 2>&1; same "git hook: a clean report commits" "$?" 0
cp "$seeds/000_ac653407c852e910.txt" reports/bad.txt && git add reports
git commit -qm bad >"$tmp/out" 2>&1; same "git hook: a report with an error is stopped" "$?" 1
grep -q 'reports/bad.txt:39:1: 错误: 缺少必备内容' "$tmp/out" && ok || bad "git hook: the finding is shown"
same "git hook: nothing was committed" "$(git log --oneline | wc -l | tr -d ' ')" 1
# What is staged is linted, not the working copy: fix the file on disk only, still stopped.
cp "$seeds/002_4b1796c7769bd424.txt" reports/bad.txt
git commit -qm bad >"$tmp/out" 2>&1; same "git hook: lints the staged copy" "$?" 1
# Run from a subfolder, it still finds the staged files (paths are the repository's).
(cd reports && git commit -qm bad >"$tmp/out" 2>&1); same "git hook: from a subfolder too" "$?" 1
# The working tree's .gklint.yaml applies, as to `gklint` run there: the staged report's error
# is a rule it turns off, so the commit goes through; and its exclude keeps a draft out.
printf 'disable: [section.missing, section.order]\nexclude: ["drafts/*"]\n' >.gklint.yaml
cp "$seeds/000_ac653407c852e910.txt" reports/bad.txt && git add reports/bad.txt
gklint --fail-on error -q reports/bad.txt >/dev/null; expected=$?
git commit -qm bad >"$tmp/out" 2>&1; same "git hook: .gklint.yaml applies, like gklint in the tree" "$?" "$expected"
same "git hook: (and that run passes)" "$expected" 0
mkdir -p drafts && cp "$seeds/000_ac653407c852e910.txt" drafts/wip.txt && git add drafts
git commit -qm draft >"$tmp/out" 2>&1; same "git hook: the config's exclude skips a draft" "$?" 0
printf '# notes\n' >README.md && git add README.md
git commit -qm readme >"$tmp/out" 2>&1; same "git hook: README.md is not a report" "$?" 0
same "git hook: (and nothing was said of it)" "$(cat "$tmp/out" | grep -c README)" 0

# 2. The pre-commit framework (Debian package pre-commit), config as in the example.
if command -v pre-commit >/dev/null 2>&1; then
  new_repo
  cp "$root/examples/hooks/pre-commit-config.yaml" .pre-commit-config.yaml
  git add .pre-commit-config.yaml && git commit -qm config
  pre-commit install >/dev/null
  cp "$seeds/000_ac653407c852e910.txt" reports/bad.txt && git add reports
  git commit -qm bad >"$tmp/out" 2>&1; same "pre-commit: a report with an error is stopped" "$?" 1
  grep -q 'gklint.*Failed' "$tmp/out" && ok || bad "pre-commit: the hook failed by name"
  git rm -q --cached reports/bad.txt
  cp "$seeds/002_4b1796c7769bd424.txt" reports/clean.txt && git add reports/clean.txt
  git commit -qm clean >"$tmp/out" 2>&1; same "pre-commit: a clean report commits" "$?" 0
  # README.md matches the hook's files pattern; gklint does not take it for a report.
  printf '# notes\n' >README.md && git add README.md
  git commit -qm readme >"$tmp/out" 2>&1; same "pre-commit: README.md commits" "$?" 0
  grep -q 'input.not-report\|README' "$tmp/out" && bad "pre-commit: README.md was linted" || ok
  # The .gklint.yaml's exclude applies to the files it names.
  printf 'exclude: ["drafts/*"]\n' >.gklint.yaml && mkdir -p drafts
  cp "$seeds/000_ac653407c852e910.txt" drafts/wip.txt && git add .gklint.yaml drafts
  git commit -qm draft >"$tmp/out" 2>&1; same "pre-commit: the config's exclude skips a draft" "$?" 0
else
  bad "pre-commit is not installed (scripts/install-deps.sh installs it)"
fi

# 3. The CI examples' gklint commands, as written, on a reports/ folder.
new_repo
cp "$seeds/001_216a20324a3be511.txt" "$seeds/002_4b1796c7769bd424.txt" reports/
# A real batch has files that cannot be read: an empty one and an old .doc. The upload steps must
# still pass (their report is what shows the problem), the gate steps fail.
: >reports/empty.txt
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1old word file' >reports/old.doc
run_step() {  # the command of a `run:` or `script:` line, gklint's path as the example has it
  local cmd=${1//\/opt\/gklint\/gklint/gklint}
  bash -c "$cmd" >"$tmp/out" 2>&1
}
grep -E '^\s+(run: |- /opt/gklint/)gklint ' "$root/examples/ci/github-code-scanning.yml" "$root/examples/ci/gitlab-ci.yml" |
  sed -E 's/^[^:]+:\s+(run: |- )//' >"$tmp/steps"
same "CI examples: five gklint steps found" "$(wc -l <"$tmp/steps" | tr -d ' ')" 5
mapfile -t steps <"$tmp/steps"
run_step "${steps[0]}"; same "github: the SARIF step passes" "$?" 0
same "github: SARIF written for upload-sarif" "$(jq -r '.version' gklint.sarif 2>/dev/null)" "2.1.0"
same "github: the unreadable files are in the SARIF" "$(jq '[.runs[0].results[] | select(.ruleId == "input.error")] | length' gklint.sarif)" 2
run_step "${steps[1]}"; same "github: the annotation step fails (errors, and files it could not read)" "$?" 2
grep -q '^::error file=reports/001_216a20324a3be511.txt,line=62' "$tmp/out" && ok || bad "github: annotations written"
run_step "${steps[2]}"; same "gitlab: the JUnit step passes" "$?" 0
xmllint --noout gklint-junit.xml 2>/dev/null && ok || bad "gitlab: JUnit XML written"
run_step "${steps[3]}"; same "gitlab: the Code Quality step passes" "$?" 0
same "gitlab: a Code Quality issue per finding" "$(jq length gl-code-quality-report.json 2>/dev/null)" \
  "$(gklint reports/ --format json | jq '[.files[].diagnostics[]] | length')"
same "gitlab: the unreadable files are in the Code Quality report" "$(jq '[.[] | select(.severity == "critical")] | length' gl-code-quality-report.json)" 2
run_step "${steps[4]}"; same "gitlab: the text step fails (errors, and files it could not read)" "$?" 2

echo "examples: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
