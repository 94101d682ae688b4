#!/usr/bin/env bash
# The output formats end to end (ctest: output-formats): golden outputs, the same exit status in
# every format, --output, and each format read by a real consumer:
#   sarif   Microsoft's SARIF multitool (`validate`: JSON schema + SARIF rules; fails on any error)
#           and Ajv against the SARIF 2.1.0 schema the multitool package ships;
#   junit   xmllint --schema tests/consumers/junit.xsd, and junitparser (Debian python3-junitparser);
#   rdjson  Ajv against tests/consumers/rdjson.schema.json (from reviewdog.proto), and
#           @umbrelladocs/rdformat-validator --strict;
#   github  commands parsed back the way the Actions runner does, on crafted paths and messages;
#   gitlab  Ajv against tests/consumers/gitlab-codequality.schema.json (from GitLab's documentation
#           of the Code Quality report), fingerprints unique, one issue per finding.
# Each consumer is first shown a broken file and must reject it, so a tool that silently accepts
# everything cannot make this pass.
# Usage: formats_cli_test.sh PATH/TO/gklint REPO_ROOT
# Needs: npm ci --prefix tests/consumers (scripts/test.sh does it), xmllint, python3-junitparser, jq.
set -u
gklint=$(realpath "$1")
root=$(realpath "$2")
consumers=$root/tests/consumers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
same() { if [ "$2" = "$3" ]; then ok; else bad "$1: '$2' != '$3'"; fi; }
# Every format --format accepts, from gklint --help (the registry): a new one gets the golden, exit
# status and --help checks below without a change here; its consumer check is added by hand.
mapfile -t formats < <("$gklint" --help | sed -n 's/.*--format TEXT:{\([^}]*\)}.*/\1/p' | tr ',' '\n')
[ ${#formats[@]} -ge 8 ] || { echo "formats_cli_test: could not read the formats from gklint --help"; exit 1; }

# --- What the consumers need ------------------------------------------------------------------
multitool=$consumers/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
sarif_schema=$consumers/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json
rdformat_validator=$consumers/node_modules/.bin/rdformat-validator
python=/usr/bin/python3  # Debian's, where python3-junitparser is installed
missing=()
[ -x "$multitool" ] || missing+=("SARIF multitool (npm ci --prefix tests/consumers)")
[ -x "$rdformat_validator" ] || missing+=("rdformat-validator (npm ci --prefix tests/consumers)")
command -v node >/dev/null || missing+=("node (apt-get install nodejs)")
command -v xmllint >/dev/null || missing+=("xmllint (apt-get install libxml2-utils)")
command -v jq >/dev/null || missing+=("jq")
"$python" -c 'import junitparser' 2>/dev/null || missing+=("junitparser (apt-get install python3-junitparser)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'formats_cli_test: missing: %s\n' "${missing[@]}"
  echo "0 passed, 1 failed"
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1

cd "$root"  # relative paths, as CI passes them

# --- Golden outputs ---------------------------------------------------------------------------
if "$root/tests/golden/update.sh" "$gklint" "$tmp/golden" >"$tmp/golden.log" 2>&1; then ok; else bad "golden: update.sh"; cat "$tmp/golden.log"; fi
for f in "$tmp"/golden/*; do
  name=$(basename "$f")
  if diff -u "$root/tests/golden/$name" "$f" >"$tmp/golden.diff"; then
    ok
  else
    bad "golden $name differs (tests/golden/update.sh build/gklint regenerates; review the diff)"
    head -40 "$tmp/golden.diff"
  fi
done

# --- Exit statuses: the same in every format --------------------------------------------------
seeds=tests/fixtures/seeds
printf 'id: [broken\n' >"$tmp/broken.yaml"
# exits NAME EXPECTED ARGS...: gklint ARGS with each --format exits EXPECTED.
exits() {
  local name=$1 want=$2 got format statuses=""
  shift 2
  for format in "${formats[@]}"; do
    "$gklint" --format "$format" "$@" >"$tmp/out.$format" 2>"$tmp/err.$format"
    got=$?
    statuses="$statuses $format=$got"
    [ "$got" -eq "$want" ] || { bad "exit status: $name: --format $format exited $got, expected $want"; return; }
  done
  ok
}
exits "clean report" 0 "$seeds/002_4b1796c7769bd424.txt"
exits "errors" 1 "$seeds/000_ac653407c852e910.txt"
exits "warnings only, --fail-on error" 0 --rules tests/fixtures/sections-only.yaml tests/fixtures/layout/markdown.md
exits "warnings only, --fail-on warning" 1 --rules tests/fixtures/sections-only.yaml --fail-on warning tests/fixtures/layout/markdown.md
exits "--fail-on never" 0 --fail-on never "$seeds/000_ac653407c852e910.txt"
exits "--fail-on info" 1 --fail-on info tests/fixtures/kinds/section-in-body-2007.txt
exits "an empty file" 2 tests/fixtures/input/empty.txt
exits "a missing file in a batch" 2 "$tmp/no-such.txt" "$seeds/000_ac653407c852e910.txt"
# The contract for unreadable inputs: --fail-on never is 0 whatever; --unreadable warning makes it a
# warning --fail-on counts; ignore never changes the status.
exits "unreadable, --fail-on never" 0 --fail-on never tests/fixtures/input/empty.txt "$seeds/000_ac653407c852e910.txt"
exits "unreadable, --unreadable warning" 0 --unreadable warning tests/fixtures/input/empty.txt "$seeds/002_4b1796c7769bd424.txt"
exits "unreadable, --unreadable warning --fail-on warning" 1 --unreadable warning --fail-on warning tests/fixtures/input/empty.txt
exits "unreadable, --unreadable ignore" 0 --unreadable ignore tests/fixtures/input/empty.txt "$seeds/002_4b1796c7769bd424.txt"
exits "unreadable, --unreadable ignore, errors elsewhere" 1 --unreadable ignore tests/fixtures/input/empty.txt "$seeds/000_ac653407c852e910.txt"
same "--unreadable warning: the input.error is a warning" \
  "$("$gklint" --format json --unreadable warning tests/fixtures/input/empty.txt | jq -r '.files[0].diagnostics[0].severity')" warning
same "--unreadable ignore: still reported" \
  "$("$gklint" --format json --unreadable ignore tests/fixtures/input/empty.txt | jq -r '.files[0].status')" unreadable
exits "a broken rule file" 2 --rules "$tmp/broken.yaml" "$seeds/000_ac653407c852e910.txt"
exits "-q" 1 -q "$seeds"
"$gklint" --format xml "$seeds/000_ac653407c852e910.txt" >/dev/null 2>&1
same "unknown --format" "$?" 2
"$gklint" --help >"$tmp/help" 2>&1
for format in "${formats[@]}"; do
  grep -q "$format" "$tmp/help" && ok || bad "--help does not list $format"
done
# Only the text format prints a summary; gcc and github print findings and nothing else.
same "gcc: one line per finding" "$("$gklint" --format gcc "$seeds/000_ac653407c852e910.txt" | grep -cvE '^[^:]+:[0-9]+:[0-9]+: (error|warning|note): .* \[[a-z.-]+\]$')" 0
same "github: one command per finding" "$("$gklint" --format github "$seeds/000_ac653407c852e910.txt" | grep -cvE '^::(error|warning|notice) file=')" 0
same "finding counts agree" \
  "$("$gklint" --format json "$seeds" | jq '[.files[].diagnostics[]] | length')" \
  "$("$gklint" --format gcc "$seeds" | wc -l | tr -d ' ')"

# --- --output FILE ----------------------------------------------------------------------------
mkdir -p "$tmp/out"
"$gklint" --format sarif --output "$tmp/out/report.sarif" "$seeds/000_ac653407c852e910.txt" >"$tmp/stdout"
same "--output keeps the exit status" "$?" 1
same "--output: nothing on standard output" "$(wc -c <"$tmp/stdout" | tr -d ' ')" 0
"$gklint" --format sarif "$seeds/000_ac653407c852e910.txt" >"$tmp/direct.sarif"
if cmp -s "$tmp/direct.sarif" "$tmp/out/report.sarif"; then ok; else bad "--output differs from standard output"; fi
same "--output leaves no temporary file" "$(ls "$tmp/out")" "report.sarif"
"$gklint" --output "$tmp/out/report.txt" --color always "$seeds/002_4b1796c7769bd424.txt"
same "--output text, clean" "$?" 0
grep -q '共检查 1 个文件' "$tmp/out/report.txt" && ok || bad "--output text has no summary"
"$gklint" --output "$tmp/no-such-dir/report.json" --format json "$seeds/000_ac653407c852e910.txt" >/dev/null 2>"$tmp/err"
same "--output in a missing folder exits 2" "$?" 2
grep -q -- '--output .*no-such-dir/report.json' "$tmp/err" && ok || { bad "--output error message"; cat "$tmp/err"; }
printf 'previous report\n' >"$tmp/out/kept.json"
"$gklint" --output "$tmp/out/kept.json" --rules "$tmp/broken.yaml" --format json "$seeds/000_ac653407c852e910.txt" >/dev/null 2>&1
same "--output with a rule file error" "$?" 2
jq -e '.files[0].diagnostics[0].rule == "rule.error"' "$tmp/out/kept.json" >/dev/null && ok || bad "--output: rule error report"

# --- Reports for the consumers ----------------------------------------------------------------
mkdir -p "$tmp/sarif" "$tmp/junit" "$tmp/rdjson" "$tmp/gitlab" "$tmp/control"
cp tests/golden/batch.sarif "$tmp/sarif/golden.sarif"
cp tests/golden/batch.junit.xml "$tmp/junit/golden.xml"
cp tests/golden/batch.rdjson "$tmp/rdjson/golden.rdjson"
cp tests/golden/batch.gitlab "$tmp/gitlab/golden.json"
fixtures=tests/fixtures
# report NAME ARGS...: every consumer format for one run of gklint ARGS.
report() {
  local name=$1
  shift
  "$gklint" --format sarif "$@" >"$tmp/sarif/$name.sarif" 2>/dev/null
  "$gklint" --format junit "$@" >"$tmp/junit/$name.xml" 2>/dev/null
  "$gklint" --format rdjson "$@" >"$tmp/rdjson/$name.rdjson" 2>/dev/null
  "$gklint" --format gitlab "$@" >"$tmp/gitlab/$name.json" 2>/dev/null
}
report all -j 2 "$fixtures"                        # every fixture: text, HTML, .docx, PDF, unreadable ones
report en --lang en "$seeds"
report fail-on-warning --fail-on warning "$seeds"
report rule-error --rules "$tmp/broken.yaml" "$seeds/000_ac653407c852e910.txt"
report custom-rules --rules tests/fixtures/extends/strict.yaml tests/fixtures/extends/strict-report.txt
report nothing --include '*.none' "$seeds"         # no file at all
# across years: related places in last year's file (SARIF relatedLocations in another artifact)
report years --previous "$fixtures/corpus-dev/031_2019_pingtan_zrzyj.txt" "$fixtures/cross/zrzyj-2020-carried-in-changed.txt"
cp "$seeds/000_ac653407c852e910.txt" "$tmp/报告 <1> & 'x'.txt"
report odd-path "$tmp/报告 <1> & 'x'.txt"           # an absolute path that needs escaping everywhere

# --- SARIF ------------------------------------------------------------------------------------
# The multitool prints "FILE(line,col): error CODE: …" and exits 0 even then, so its output is read.
# Control: a region starting at line 0 must be reported.
cat >"$tmp/control/broken.sarif" <<'EOF'
{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"r","level":"error","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.txt"},"region":{"startLine":0}}}]}]}]}
EOF
"$multitool" validate "$tmp/control/broken.sarif" "$tmp"/sarif/*.sarif >"$tmp/multitool.log" 2>&1
multitool_status=$?
if [ "$multitool_status" -eq 0 ] && grep -q "files scanned" "$tmp/multitool.log"; then ok; else bad "SARIF multitool did not run ($multitool_status)"; cat "$tmp/multitool.log"; fi
grep -q "control/broken.sarif.*: error " "$tmp/multitool.log" && ok || bad "SARIF multitool accepted the broken control file"
if grep -v "control/broken.sarif" "$tmp/multitool.log" | grep -E ": error " >"$tmp/multitool.errors"; then
  bad "SARIF multitool errors:"
  cut -c1-400 "$tmp/multitool.errors" | head -20
else
  ok
fi
# Warnings are advice (SARIF2005: no informationUri, gklint has no public web page): shown, not failed.
warnings=$(grep -v "control/broken.sarif" "$tmp/multitool.log" | grep -E ": warning " | sed -E 's/.*: warning (SARIF[0-9]+).*/\1/' | sort | uniq -c | tr -s ' ' | tr '\n' ';')
[ -z "$warnings" ] || echo "note: SARIF multitool warnings (not failures):$warnings"
# The schema catches what the multitool lets through (an unknown `level` makes it skip a file).
sed 's/"level":"error"/"level":"fatal"/' "$tmp/control/broken.sarif" >"$tmp/control/level.sarif"
if node "$consumers/validate-json.js" "$sarif_schema" "$tmp/control/level.sarif" >/dev/null; then bad "SARIF schema accepted the control file"; else ok; fi
if node "$consumers/validate-json.js" "$sarif_schema" "$tmp"/sarif/*.sarif >"$tmp/ajv.log"; then ok; else bad "SARIF schema:"; head -20 "$tmp/ajv.log"; fi
# What GitHub code scanning and viewers rely on beyond the schema.
for f in "$tmp"/sarif/*.sarif; do
  jq -e '.runs[0] as $run | ($run.tool.driver.rules | map(.id)) as $ids
         | ($ids | length) == ($ids | unique | length)
           and all($run.results[]; $ids[.ruleIndex] == .ruleId and (.partialFingerprints["gklint/v1"] | test("^[0-9a-f]{16}$")))
           and $run.columnKind == "unicodeCodePoints"' "$f" >/dev/null && ok || bad "SARIF structure: $f"
done
same "SARIF: as many results as JSON diagnostics" \
  "$(jq '.runs[0].results | length' "$tmp/sarif/all.sarif")" \
  "$("$gklint" --format json -j 2 "$fixtures" 2>/dev/null | jq '[.files[].diagnostics[]] | length')"
same "SARIF: a custom rule set's rules are described" \
  "$(jq -c '[.runs[0].tool.driver.rules[] | select(.id == "heading.numbering") | .defaultConfiguration.level]' "$tmp/sarif/custom-rules.sarif")" '["error"]'
same "SARIF: unreadable files are tool notifications" \
  "$(jq -c '.runs[0].invocations[0] | [.executionSuccessful, (.toolExecutionNotifications | length)]' "$tmp/sarif/rule-error.sarif")" '[false,1]'
jq -r '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri' "$tmp/sarif/odd-path.sarif" |
  grep -qE '^file:///.*/%E6%8A%A5%E5%91%8A%20%3C1%3E%20%26%20%27x%27\.txt$' && ok || bad "SARIF: URI escaping"

# --- JUnit ------------------------------------------------------------------------------------
printf '<testsuites><testsuite name="x"><testcase/></testsuite></testsuites>\n' >"$tmp/control/broken.xml"
if xmllint --noout --schema "$consumers/junit.xsd" "$tmp/control/broken.xml" >/dev/null 2>&1; then bad "JUnit XSD accepted the control file"; else ok; fi
for f in "$tmp"/junit/*.xml; do
  if xmllint --noout --schema "$consumers/junit.xsd" "$f" >"$tmp/xmllint.log" 2>&1; then ok; else bad "JUnit XSD: $f"; head -5 "$tmp/xmllint.log"; fi
  if "$python" "$consumers/check_junit.py" "$f" >"$tmp/junitparser.log" 2>&1; then ok; else bad "junitparser: $f"; head -5 "$tmp/junitparser.log"; fi
done
# Failures and errors follow the exit status: errors are the unreadable files, failures the rules
# with a finding at or above --fail-on.
json_all=$("$gklint" --format json -j 2 "$fixtures" 2>/dev/null)
same "JUnit: suites, errors" "$("$python" "$consumers/check_junit.py" "$tmp/junit/all.xml" | awk '{print $1, $4}')" \
  "suites=$(jq '.summary.files' <<<"$json_all") errors=$(jq '.summary.unreadable' <<<"$json_all")"
same "JUnit: failures are rules with errors" "$("$python" "$consumers/check_junit.py" "$tmp/junit/all.xml" | awk '{print $3}')" \
  "failures=$(jq '[.files[] | select(.status == "checked") | [.diagnostics[] | select(.severity == "error") | .rule] | unique | length] | add' <<<"$json_all")"
same "JUnit: --fail-on warning makes warnings failures" "$("$python" "$consumers/check_junit.py" "$tmp/junit/fail-on-warning.xml" | awk '{print $3}')" \
  "failures=$("$gklint" --format json "$seeds" | jq '[.files[] | [.diagnostics[] | select(.severity != "info") | .rule] | unique | length] | add')"

# --- rdjson -----------------------------------------------------------------------------------
printf '{"diagnostics":[{"message":"m","location":{"path":"a.txt","range":{"start":{"line":0,"column":"x"}}},"severity":"FATAL"}]}\n' >"$tmp/control/broken.rdjson"
if node "$consumers/validate-json.js" "$consumers/rdjson.schema.json" "$tmp/control/broken.rdjson" >/dev/null; then bad "rdjson schema accepted the control file"; else ok; fi
if "$rdformat_validator" --strict "$tmp/control/broken.rdjson" >/dev/null 2>&1; then bad "rdformat-validator accepted the control file"; else ok; fi
if node "$consumers/validate-json.js" "$consumers/rdjson.schema.json" "$tmp"/rdjson/*.rdjson >"$tmp/ajv.log"; then ok; else bad "rdjson schema:"; head -20 "$tmp/ajv.log"; fi
if "$rdformat_validator" --strict "$tmp"/rdjson/*.rdjson >"$tmp/rdf.log" 2>&1; then ok; else bad "rdformat-validator:"; head -30 "$tmp/rdf.log"; fi
# Columns are UTF-8 bytes: year.typo in seed 001 is at character 203 of a line of Chinese text.
same "rdjson: byte columns" \
  "$(jq -c '[.diagnostics[] | select(.code.value == "year.typo")][0].location.range' tests/golden/batch.rdjson)" \
  "$(python3 -c 'import sys; line = open(sys.argv[1], encoding="utf-8").read().split("\n")[0]; b = lambda c: len(line[:c - 1].encode()) + 1; print("{\"start\":{\"line\":1,\"column\":%d},\"end\":{\"line\":1,\"column\":%d}}" % (b(203), b(208)))' "$seeds/001_216a20324a3be511.txt")"

# --- GitHub: 10 annotations of each severity (what a step shows), errors first; the rest counted ---
GITHUB_STEP_SUMMARY="$tmp/step-summary.md" "$gklint" --format github --fail-on never -j 2 "$fixtures" >"$tmp/gh.out" 2>/dev/null
same "github: at most 10 errors annotated" "$(grep -c '^::error ' "$tmp/gh.out")" 10
same "github: at most 10 warnings annotated" "$(grep -c '^::warning ' "$tmp/gh.out")" 10
same "github: errors first" "$(grep -m1 -n '^::warning ' "$tmp/gh.out" | cut -d: -f1)" 11
shown=$(grep -c '^::' "$tmp/gh.out")
total=$(jq '[.files[].diagnostics[]] | length' <<<"$json_all")
same "github: the findings left out are counted" "$(tail -1 "$tmp/gh.out" | grep -oE '另有 [0-9]+' | grep -oE '[0-9]+')" "$((total - shown))"
grep -q '^### gklint$' "$tmp/step-summary.md" && ok || bad "github: step summary written"
same "github: step summary counts" "$(grep -m1 -oE '[0-9]+ 个错误' "$tmp/step-summary.md")" "$(jq '.summary.errors' <<<"$json_all") 个错误"
same "github: step summary rule table" "$(grep -c '^| `' "$tmp/step-summary.md")" "$(jq '.summary.by_rule | length' <<<"$json_all")"
GITHUB_STEP_SUMMARY="$tmp/other.md" "$gklint" --format json "$seeds/000_ac653407c852e910.txt" >/dev/null 2>&1
[ ! -e "$tmp/other.md" ] && ok || bad "github: another format wrote the step summary"

# --- GitLab Code Quality ----------------------------------------------------------------------
printf '[{"description":"m","check_name":"x","fingerprint":"f","severity":"error","location":{"path":"a.txt"}}]\n' >"$tmp/control/broken.gitlab.json"
if node "$consumers/validate-json.js" "$consumers/gitlab-codequality.schema.json" "$tmp/control/broken.gitlab.json" >/dev/null; then bad "gitlab schema accepted the control file"; else ok; fi
if node "$consumers/validate-json.js" "$consumers/gitlab-codequality.schema.json" "$tmp"/gitlab/*.json >"$tmp/gl.log"; then ok; else bad "gitlab schema:"; head -20 "$tmp/gl.log"; fi
# GitLab shows issues with equal fingerprints as one: every finding of the batch keeps its own.
same "gitlab: one issue per finding" "$(jq length "$tmp/gitlab/all.json")" "$(jq '[.files[].diagnostics[]] | length' <<<"$json_all")"
same "gitlab: fingerprints unique" "$(jq '[.[].fingerprint] | unique | length' "$tmp/gitlab/all.json")" "$(jq length "$tmp/gitlab/all.json")"
same "gitlab: no byte order mark" "$(head -c 1 "$tmp/gitlab/all.json")" "["
same "gitlab: an empty batch is an empty array" "$("$gklint" --format gitlab "$seeds/002_4b1796c7769bd424.txt")" "[]"

# --- GitHub workflow commands: escaping, read back as the runner reads them ---------------------
# A rule file whose message has %, :, a comma and line breaks, on a file whose name has % , :.
cat >"$tmp/crafted.yaml" <<'EOF'
id: crafted-messages
extends: gov-2019
rules:
  - id: year.typo
    messages:
      default: "100% typo: {text}, year {year}\nsecond line\r"
EOF
crafted="$tmp/a,b:c%d=e.txt"
cp "$seeds/001_216a20324a3be511.txt" "$crafted"
"$gklint" --format github --rules "$tmp/crafted.yaml" "$crafted" >"$tmp/github.out"
same "github: crafted exit status" "$?" 1
# The runner (actions/runner ActionCommand) splits properties at ',' and '=' and then unescapes
# %0D %0A %3A %2C %25 in values, and %0D %0A %25 in the message.
"$python" - "$tmp/github.out" "$crafted" >"$tmp/github.check" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
def unescape(s, prop):
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else []) + [("%25", "%")]
    for a, b in pairs:
        s = s.replace(a, b)
    return s
line = next(l for l in lines if l.startswith("::warning ") and ",title=year.typo::" in l)  # errors are printed first
props, message = line[len("::warning "):].split("::", 1)
fields = dict(p.split("=", 1) for p in props.split(","))
print(json.dumps({"file": unescape(fields["file"], True), "title": unescape(fields["title"], True),
                  "line": fields["line"], "col": fields["col"], "message": unescape(message, False)}, ensure_ascii=False))
EOF
same "github: parsed back" "$(jq -c '[.file, .title, .line, .col, .message]' "$tmp/github.check")" \
  "$(jq -cn --arg f "$crafted" '[$f, "year.typo", "1", "203", "100% typo: 20120, year 2020\nsecond line\r"]')"
same "github: one line per finding" "$(wc -l <"$tmp/github.out" | tr -d ' ')" \
  "$("$gklint" --format json --rules "$tmp/crafted.yaml" "$crafted" | jq '.files[0].diagnostics | length')"
# gcc: the same message on one line.
"$gklint" --format gcc --rules "$tmp/crafted.yaml" "$crafted" | grep -qxF "$crafted:1:203: warning: 100% typo: 20120, year 2020 second line  [year.typo]" &&
  ok || bad "gcc: crafted message on one line"

echo "formats: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
