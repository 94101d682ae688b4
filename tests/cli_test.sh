#!/usr/bin/env bash
# End-to-end tests of the gklint command line: exit codes, formats, subcommands, folders, stdin.
# Usage: cli_test.sh PATH/TO/gklint REPO_ROOT
set -u
gklint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: some checks run in another folder
root=$2
seeds=$root/tests/fixtures/seeds
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# check NAME EXPECTED_STATUS COMMAND...: runs COMMAND, keeps stdout in $tmp/out, stderr in $tmp/err.
check() {
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $name: exit $got, expected $want"
    head -5 "$tmp/out" "$tmp/err"
  fi
}
# expect NAME PATTERN FILE: the file contains the extended regular expression.
expect() {
  if grep -qE -- "$2" "$3"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $1: no match for /$2/ in $3:"
    head -5 "$3"
  fi
}
# same NAME A B: two strings are equal.
same() {
  if [ "$2" = "$3" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1: '$2' != '$3'"; fi
}

check "version" 0 "$gklint" --version
expect "version text" '^gklint [0-9]+\.[0-9]+\.[0-9]+' "$tmp/out"
check "help" 0 "$gklint" --help
expect "help lists --fail-on" '--fail-on' "$tmp/out"
expect "help lists explain" 'explain' "$tmp/out"
check "no input" 2 "$gklint"
expect "no input message" 'gklint --help' "$tmp/err"
check "unknown option" 2 "$gklint" --no-such-option "$seeds/002_4b1796c7769bd424.txt"
check "bad --format" 2 "$gklint" --format xml "$seeds/002_4b1796c7769bd424.txt"

# Exit status follows --fail-on.
check "errors give 1" 1 "$gklint" --color never "$seeds/000_ac653407c852e910.txt"
expect "text location" '000_ac653407c852e910.txt:8:1: 警告: .*\[heading.numbering\]' "$tmp/out"
expect "text caret" '^ +\| \^+' "$tmp/out"
expect "summary line" '^共检查 1 个文件：1 个错误，2 个警告，0 条提示$' "$tmp/out"
check "clean gives 0" 0 "$gklint" "$seeds/002_4b1796c7769bd424.txt"
sections_only="$root/tests/fixtures/sections-only.yaml"
check "warnings only: --fail-on error" 0 "$gklint" --rules "$sections_only" "$root/tests/fixtures/layout/markdown.md"
check "warnings only: --fail-on warning" 1 "$gklint" --rules "$sections_only" --fail-on warning "$root/tests/fixtures/layout/markdown.md"
check "--fail-on never" 0 "$gklint" --fail-on never "$seeds/000_ac653407c852e910.txt"
check "--fail-on info" 1 "$gklint" --fail-on info "$root/tests/fixtures/kinds/section-in-body-2007.txt"
check "--fail-on info, clean" 0 "$gklint" --fail-on info "$root/tests/fixtures/tables/clean-pipe.txt"

# JSON over a folder: every .txt/.md, sorted, a valid document.
check "json folder" 1 "$gklint" --format json "$seeds"
jq -e . "$tmp/out" >/dev/null && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: json is not valid"; }
same "json file count" "$(jq '.files | length' "$tmp/out")" 5
same "json sorted" "$(jq -r '.files[0].path' "$tmp/out" | xargs basename)" "000_ac653407c852e910.txt"
same "json years" "$(jq -c '[.files[].report_year]' "$tmp/out")" "[2018,2020,2017,2018,2014]"
same "json rule sets" "$(jq -c '[.files[].ruleset]' "$tmp/out")" '["gov-2007","gov-2019","gov-2007","gov-2007","gov-2007"]'
same "json summary" "$(jq -c '.summary | del(.by_rule, .unreadable_paths)' "$tmp/out")" '{"files":5,"unreadable":0,"errors":6,"warnings":7,"infos":0,"suppressed":0}'
same "json summary by rule" "$(jq -c '.summary.by_rule["section.missing"]' "$tmp/out")" 4
same "json diagnostic fields" "$(jq -c '.files[4].diagnostics[0] | [.rule,.kind,.severity,.line,.column,.section]' "$tmp/out")" \
  '["section.missing","section-missing","error",37,3,"fees"]'

# Folders: other extensions ignored, symlink loops do not hang, .md files included.
mkdir -p "$tmp/tree/a/b"
cp "$seeds/002_4b1796c7769bd424.txt" "$tmp/tree/a/b/r.txt"
cp "$root/tests/fixtures/layout/markdown.md" "$tmp/tree/a/m.md"
echo "not a report" > "$tmp/tree/a/notes.xlsx"
ln -s "$tmp/tree" "$tmp/tree/a/loop"
check "folder walk" 1 timeout 20 "$gklint" --format json "$tmp/tree"
same "folder walk files" "$(jq -c '[.files[].path | ltrimstr("'"$tmp"'/tree/")]' "$tmp/out")" '["a/b/r.txt","a/m.md"]'

# Unreadable inputs: exit 2, the other files still lint.
check "missing file" 2 "$gklint" --format json "$tmp/no-such.txt" "$seeds/002_4b1796c7769bd424.txt"
same "missing file status" "$(jq -c '[.files[].status]' "$tmp/out")" '["unreadable","checked"]'
check "empty file" 2 "$gklint" "$root/tests/fixtures/input/empty.txt"
expect "empty file message" 'empty.txt:1:1: 错误: 文件为空.*\[input.error\]' "$tmp/out"
check "binary file" 2 "$gklint" --lang en "$root/tests/fixtures/input/image.txt"
expect "binary message" 'this is an image' "$tmp/out"

# stdin
check "stdin" 1 sh -c "cat '$seeds/000_ac653407c852e910.txt' | '$gklint' --format json -"
same "stdin path" "$(jq -r '.files[0].path' "$tmp/out")" "<stdin>"

# Rule sets: forced, by year, from a file, broken files.
check "--rules gov-2007 on a 2020 report" 1 "$gklint" --format json --rules gov-2007 "$seeds/001_216a20324a3be511.txt"
same "forced set" "$(jq -r '.files[0].ruleset' "$tmp/out")" "gov-2007"
expect "ruleset.year info" '"rule":"ruleset.year"' "$tmp/out"
check "--year" 0 "$gklint" --format json --year 2015 "$seeds/002_4b1796c7769bd424.txt"
same "--year set" "$(jq -c '.files[0] | [.ruleset, .report_year, .year_source]' "$tmp/out")" '["gov-2007",2015,"option"]'
check "--rules file" 1 "$gklint" --rules "$root/tests/fixtures/extends/strict.yaml" "$root/tests/fixtures/extends/strict-report.txt"
printf 'id: broken\ntitle: t\nrules:\n  - id: a\n    kind: year-typo\n    severity: fatal\n' > "$tmp/broken.yaml"
check "broken rule file" 2 "$gklint" --color never --rules "$tmp/broken.yaml" "$seeds/002_4b1796c7769bd424.txt"
expect "rule error location" 'broken.yaml:6:15: 错误: severity .*\[rule.error\]' "$tmp/out"
check "broken rule file, json" 2 "$gklint" --format json --rules "$tmp/broken.yaml" "$seeds/002_4b1796c7769bd424.txt"
same "rule error json" "$(jq -c '.files[0].diagnostics[0] | [.kind, .line, .column]' "$tmp/out")" '["rule-error",6,15]'
check "unknown rule set" 2 "$gklint" --rules gov-1999 "$seeds/002_4b1796c7769bd424.txt"
expect "unknown rule set lists ids" 'gov-2007' "$tmp/out"

# Languages and colour.
check "--lang en" 1 "$gklint" --lang en "$seeds/004_4ac630b42799c199.txt"
expect "english message" 'error: required content "Fees charged and waived" is missing' "$tmp/out"
expect "english summary" '^1 file checked: 2 error\(s\), 0 warning\(s\), 0 info$' "$tmp/out"
check "--color always" 1 "$gklint" --color always "$seeds/000_ac653407c852e910.txt"
expect "colour codes" $'\033\\[' "$tmp/out"
check "no colour in a pipe" 1 "$gklint" "$seeds/000_ac653407c852e910.txt"
if grep -q $'\033' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL: colour in a pipe"; else pass=$((pass + 1)); fi

# Subcommands.
check "rules" 0 "$gklint" rules
for id in gov-2007 gov-2019 gov-2021 sichuan-2017; do expect "rules lists $id" "^$id " "$tmp/out"; done
if grep -q '^base ' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL: rules lists the abstract base"; else pass=$((pass + 1)); fi
check "rules one set" 0 "$gklint" rules gov-2007
expect "rules shows sections" 'fees  政府信息公开的收费及减免情况' "$tmp/out"
check "explain" 0 "$gklint" explain section.missing
expect "explain cites" 'gov-2007: 《政府信息公开条例》\(2007\) 第三十二条' "$tmp/out"
expect "explain example" '^示例' "$tmp/out"
check "explain tool rule" 0 "$gklint" --lang en explain input.error
check "explain unknown" 2 "$gklint" explain no.such.rule
expect "explain lists rules" 'heading.numbering' "$tmp/err"

# gklint test: the cases rule files carry. Every built-in rule fires in a case and stays quiet in one.
check "test: built-in cases, --require-coverage" 0 "$gklint" --lang en test --require-coverage
expect "test: built-in summary" '^gklint test: [0-9]+ cases, [0-9]+ passed, 0 failed$' "$tmp/out"
for id in base gov-2007 gov-2019 gov-2021 sichuan-2017; do
  expect "test: $id covered" "^coverage $id: [0-9]+ rules, each fires in a fires case and stays quiet in a clean case$" "$tmp/out"
done
expect "help lists test" '^  test ' <("$gklint" --help)
# A user's set extending gov-2019: one case fails on purpose, one changed rule has no case.
city="$root/tests/fixtures/rule-tests/city-2020.yaml"
check "test: a failing case" 1 "$gklint" --lang en test "$city"
same "test: the failure line" "$(grep -c ': rule ' "$tmp/out")" 1
expect "test: failure at the case's line" "^$city:11: rule year.typo: case 1 \(fires\): expected 1 finding \(line 1\), got 1 finding \(line 2\)$" "$tmp/out"
expect "test: counts" '^gklint test: [0-9]+ cases, [0-9]+ passed, 1 failed$' "$tmp/out"
expect "test: coverage" '^coverage city-2020: [0-9]+ rules, not all exercised$' "$tmp/out"
expect "test: never fired" '^  no fires case makes these fire: table.template$' "$tmp/out"
expect "test: no clean case" '^  no clean case: table.template$' "$tmp/out"
check "test: a failing case, in Chinese" 1 "$gklint" test "$city"
expect "test: failure in Chinese" "^$city:11: 规则 year.typo：用例 1（fires）：应有 1 条结果（第 1 行），实际 1 条结果（第 2 行）$" "$tmp/out"
check "test: json" 1 "$gklint" test --format json "$city"
same "test: json failed case" "$(jq -c '[.cases[] | select(.passed | not) | [.line, .rule, .case, .kind, .findings[0].line]]' "$tmp/out")" \
  '[[11,"year.typo",1,"fires",2]]'
same "test: json coverage" "$(jq -c '.coverage | map(del(.rules))' "$tmp/out")" \
  '[{"set":"city-2020","never_fired":["table.template"],"never_clean":["table.template"]}]'
check "test: --require-coverage with a failing case" 1 "$gklint" test --require-coverage "$city"
# A malformed tests: is a rule error at its line, and nothing runs.
printf 'id: city\nextends: gov-2019\ntitle: t\nrules:\n  - id: year.typo\n    tests:\n      - fires: x\n        expect: {line: 1}\n' > "$tmp/bad-tests.yaml"
check "test: malformed tests:" 2 "$gklint" --lang en test "$tmp/bad-tests.yaml"
expect "test: malformed tests: located" 'bad-tests.yaml:8:17: error: .*expected a non-empty list of \{line:, message:\}.*\[rule.error\]' "$tmp/out"
check "test: malformed tests: when linting too" 2 "$gklint" --rules "$tmp/bad-tests.yaml" "$seeds/002_4b1796c7769bd424.txt"
check "test: unknown set" 2 "$gklint" test gov-1999
check "outline" 0 "$gklint" outline "$seeds/001_216a20324a3be511.txt"
expect "outline headings" '^  2:1 +一、總體情況' "$tmp/out"
expect "outline year" '2020 \(title\)' "$tmp/out"
expect "outline body, whole text" '^正文： +1:1 – [0-9]+:[0-9]+  （全文）' "$tmp/out"
# A crawled page: the crawler's 标题: line and the breadcrumb are not the report.
printf '标题: 某县2021年政府信息公开工作年度报告\n发布时间: 2022-01-10\n==== 正文 ====\n当前位置： 首页政务公开年报 某县2021年政府信息公开工作年度报告 来源： 微信 微博 一、总体情况 无。 附件下载\n' >"$tmp/page.txt"
check "outline of a page" 0 "$gklint" outline "$tmp/page.txt"
expect "outline page body" '^正文： +4:16 – 4:55$' "$tmp/out"
expect "outline page title" '^标题： +4:16  某县2021年政府信息公开工作年度报告$' "$tmp/out"
expect "outline page agency" '^机关： +4:16  某县$' "$tmp/out"

# Batch: worker threads keep input order; --files-from, globs, -q, --profile.
fixtures="$root/tests/fixtures"
# (the fixtures include deliberately unreadable inputs: exit 2, and every other file is reported)
check "-j 1" 2 "$gklint" -j 1 --format json "$fixtures"
jq -S 'del(.gklint)' "$tmp/out" > "$tmp/j1.json"
check "-j 2" 2 "$gklint" -j 2 --format json "$fixtures"
jq -S 'del(.gklint)' "$tmp/out" > "$tmp/j2.json"
if cmp -s "$tmp/j1.json" "$tmp/j2.json"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: -j 2 output differs from -j 1"; fi
check "-j 0 rejected" 2 "$gklint" -j 0 "$seeds/002_4b1796c7769bd424.txt"
printf '%s\n' "$seeds/002_4b1796c7769bd424.txt" "" "$seeds/000_ac653407c852e910.txt" > "$tmp/list.txt"
check "--files-from" 1 "$gklint" --format json --files-from "$tmp/list.txt"
same "--files-from order" "$(jq -c '[.files[].path | split("/") | last]' "$tmp/out")" '["002_4b1796c7769bd424.txt","000_ac653407c852e910.txt"]'
check "--files-from stdin" 1 sh -c "printf '%s\n' '$seeds/000_ac653407c852e910.txt' | '$gklint' --format json --files-from -"
same "--files-from stdin files" "$(jq '.files | length' "$tmp/out")" 1
check "--exclude" 1 "$gklint" --format json --exclude 'seeds' --exclude '*.md' --exclude 'tables' --exclude input --exclude bad "$fixtures"
same "--exclude skips" "$(jq '[.files[].path | select(test("seeds/|tables/|\\.md$"))] | length' "$tmp/out")" 0
check "--include" 1 "$gklint" --format json --include '00[01]_*.txt' "$seeds"
same "--include picks" "$(jq -c '[.files[].path | split("/") | last]' "$tmp/out")" '["000_ac653407c852e910.txt","001_216a20324a3be511.txt"]'
check "-q" 1 "$gklint" -q --color never "$seeds/000_ac653407c852e910.txt"
if grep -q '共检查' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL: -q printed a summary"; else pass=$((pass + 1)); fi
check "batch summary" 1 "$gklint" --color never "$seeds"
expect "summary by rule" '^  按规则： section.missing 4 ' "$tmp/out"
check "--profile" 1 "$gklint" --profile --format json "$seeds"
expect "profile header" '^gklint profile: 5 files' "$tmp/err"
expect "profile stage" 'stage tables$' "$tmp/err"
expect "profile rule" 'rule  table.results-total$' "$tmp/err"

# Tables as data.
check "extract json" 0 "$gklint" extract "$seeds/001_216a20324a3be511.txt"
same "extract tables" "$(jq -c '[.files[0].tables[] | [.table, (.cells | length)]]' "$tmp/out")" \
  '[["active_rules",3],["active_licensing",6],["active_enforcement",6],["active_fees",2],["active_procurement",2],["applications",161],["review",15]]'
same "extract cell" "$(jq -c '.files[0].tables[1].cells[1] | [.row_label, .column_label, .value, .text, .line, .column]' "$tmp/out")" \
  '["行政许可","本年增/减",-208,"—208",17,14]'
check "extract csv" 0 "$gklint" extract --format csv "$root/tests/fixtures/tables/worked-municipal-2025.txt"
expect "csv header" '^path,table,row_id,row_label,column_id,column_label,value,text,line,column,inferred,page$' "$tmp/out"
expect "csv thousands" ',applications,new,本年新收政府信息公开申请数量,total,总计,14069,"14,069",' "$tmp/out"
check "extract pdf" 0 "$gklint" extract "$root/tests/fixtures/formats/seed-001.libreoffice-docx.pdf"
same "extract pdf cell: page, line on it" "$(jq -c '[.files[0].tables[] | select(.table == "applications") | .cells[] | select(.row_id == "total" and .column_id == "natural") | [.value, .page, .line, .column]][0]' "$tmp/out")" '[1,4,2,9]'
check "extract pdf csv" 0 "$gklint" extract --format csv "$root/tests/fixtures/formats/seed-001.libreoffice-docx.pdf"
expect "extract pdf csv: page last" ',applications,total,.*,natural,自然人,1,1,2,9,0,4$' "$tmp/out"
check "extract unreadable table" 0 "$gklint" extract --format csv "$root/tests/fixtures/tables/unreadable.txt"
expect "extract says unreadable" 'cannot be read reliably' "$tmp/err"
check "extract missing file" 2 "$gklint" extract "$tmp/none.txt"
# --bom: Excel reads UTF-8 CSV as the local code page unless it starts with a byte order mark.
check "extract csv --bom" 0 "$gklint" extract --format csv --bom "$root/tests/fixtures/tables/worked-municipal-2025.txt"
same "csv --bom: the mark, then the header" "$(head -c 8 "$tmp/out" | od -An -tx1 | tr -d ' \n')" "efbbbf706174682c"
check "extract csv, no BOM by default" 0 "$gklint" extract --format csv "$root/tests/fixtures/tables/worked-municipal-2025.txt"
same "csv: no mark by default" "$(head -c 5 "$tmp/out")" "path,"

# Misuse: a mistyped subcommand is named as one, not linted as a missing report.
check "mistyped subcommand" 2 "$gklint" explian table.balance
expect "did you mean explain" '是否要用 gklint explain' "$tmp/err"
check "mistyped subcommand, English" 2 "$gklint" --lang en rule
expect "did you mean rules" 'did you mean `gklint rules`' "$tmp/err"
check "a missing report is still a missing report" 2 "$gklint" "$tmp/none.txt"
expect "file not found" 'input.error' "$tmp/out"
# Word's lock file (~$报告.docx, there while the document is open) is skipped in a folder.
mkdir -p "$tmp/locked"
cp "$seeds/002_4b1796c7769bd424.txt" "$tmp/locked/report.txt"
printf 'owner\0\0' >"$tmp/locked/~\$report.docx"
check "a folder with a Word lock file" 0 "$gklint" --format json "$tmp/locked"
same "the lock file is not listed" "$(jq -r '[.files[].path | split("/") | last] | join(",")' "$tmp/out")" "report.txt"
check "table findings in json" 1 "$gklint" --format json "$root/tests/fixtures/tables/sum-pipe.txt"
same "table-sum fields" "$(jq -c '.files[0].diagnostics[0] | [.kind, .table, .row_label, .column_label, .expected, .actual, (.related | length), .line, .column]' "$tmp/out")" \
  '["table-sum","applications","总计","自然人",31,32,21,52,9]'
# Blank cells: one table.unfilled per table, every blank cell in `related` (value as printed).
check "unfilled in json" 0 "$gklint" --format json "$root/tests/fixtures/tables/unfilled.txt"
same "unfilled: one finding, fields of the first cell, every cell related" \
  "$(jq -c '[.files[0].diagnostics[] | select(.rule == "table.unfilled") | [.kind, .table, .count, .row_label, .column_label, .line, .column, [.related[] | [.label, .value, .line, .column]]]]' "$tmp/out")" \
  '[["table-cell","applications","3","予以公开","商业企业",27,16,[["予以公开/商业企业","/",27,16],["信访举报投诉类申请/自然人","—",43,15],["结转下年度继续办理/科研机构","",53,22]]]]'
check "unfilled: all-blank rows" 0 "$gklint" --format json "$root/tests/fixtures/tables/blank-row.txt"
same "unfilled: a blank row is 7 cells, not unreadable" \
  "$(jq -c '[.files[0].diagnostics[] | [.rule, .count, (.related | length)]]' "$tmp/out")" '[["table.unfilled","14",14]]'

# Inputs (issue 4): pages, Word documents, encodings, and files that cannot be checked.
formats="$root/tests/fixtures/formats"
check "docx lints" 1 "$gklint" --format json "$formats/seed-001.libreoffice.docx"
same "docx format, cell, related" "$(jq -c '.files[0] | [.format, .encoding, ([.diagnostics[] | select(.rule == "table.results-total") | [.line, .column, .cell.table, .cell.row, .cell.column, .related[0].cell.row]][0])]' "$tmp/out")" \
  '["docx","UTF-8",[282,1,2,25,4,6]]'
check "docx text output" 1 "$gklint" "$formats/seed-001.libreoffice.docx"
expect "docx names the cell in Word's terms" '= 在 Word 中：“三、收到和處理政府信息公開申請情況”之下，表格 2 第 25 行第 4 列' "$tmp/out"
expect "docx names a paragraph by its opening words" '= 在 Word 中：“一、總體情況”之下，第 7 段“\(三\)優\(yōu\)化政務公開平臺…”' "$tmp/out"
# A blank cell: no line to show, but where it is, all the same.
python3 "$formats/blank_cell.py" "$formats/seed-001.libreoffice.docx" "$tmp/blank-cell.docx" 2 25 4
check "docx blank cell" 1 "$gklint" --no-config "$tmp/blank-cell.docx"
same "docx blank cell: its place right under the finding" \
  "$(grep -A1 'table.unfilled\]$' "$tmp/out" | tail -1)" '     = 在 Word 中：“三、收到和處理政府信息公開申請情況”之下，表格 2 第 25 行第 5 列'
expect "docx shows the paragraph" '^ 7 \| .*\(三\)優' "$tmp/out"
check "cat docx" 0 "$gklint" cat "$formats/seed-001.libreoffice.docx"
expect "cat numbers paragraphs and cells" '^282 \| \[表2 行25 列4\] 1$' "$tmp/out"
check "cat html" 0 "$gklint" cat "$formats/seed-001.html"
expect "cat html gives source line:column" '^[0-9]+:[0-9]+ \| ' "$tmp/out"
# A PDF: page:line:column, a cell's table/row/column, and each finding's line is on the page the
# finding names, as pdftotext (poppler-utils) reads that page.
check "pdf lints" 1 "$gklint" --format json "$formats/seed-001.libreoffice-docx.pdf"
same "pdf format, page, cell" "$(jq -c '.files[0] | [.format, ([.diagnostics[] | select(.rule == "table.results-total") | [.page, .line, .column, .cell.table, .cell.row, .cell.column, .related[0].page]][0])]' "$tmp/out")" \
  '["pdf",[4,2,9,2,25,4,3]]'
check "pdf text output" 1 "$gklint" "$formats/seed-001.libreoffice-docx.pdf"
expect "pdf gives page:line:column" 'seed-001.libreoffice-docx.pdf:4:2:9: ' "$tmp/out"
expect "pdf names the page" '= 第 4 页第 2 行' "$tmp/out"
# The gklint executable reads PDFs with the module gklint-pdf.so (beside it, or installed): without
# it, a PDF is one input.error saying where it looked, and the other reports are linted.
mkdir -p "$tmp/no-module" && cp "$gklint" "$tmp/no-module/gklint"
check "pdf without the module" 2 "$tmp/no-module/gklint" --no-config --lang en --format json \
  "$formats/seed-001.libreoffice-docx.pdf" "$seeds/002_4b1796c7769bd424.txt"
same "pdf without the module: one input.error" "$(jq -c '[.files[0].diagnostics[] | .rule]' "$tmp/out")" '["input.error"]'
expect "pdf without the module: where it looked" 'the PDF module gklint-pdf.so is not installed \(looked for [^)]*no-module/gklint-pdf.so' "$tmp/out"
same "pdf without the module: the text report linted" "$(jq -r '.files[1].status' "$tmp/out")" 'checked'
# A module that is there but does not load (damaged, or a library it needs is missing): dlerror's words.
echo "not a shared object" >"$tmp/no-module/gklint-pdf.so"
check "pdf with a module that does not load" 2 "$tmp/no-module/gklint" --no-config --lang en "$formats/seed-001.libreoffice-docx.pdf"
expect "pdf with a module that does not load: why" 'cannot read PDFs: cannot load [^ ]*no-module/gklint-pdf.so: ' "$tmp/out"
# A module of another gklint (another version, or another layout of what it fills in) is refused.
if command -v c++ >/dev/null; then
  printf '%s\n' 'extern "C" const char* gklint_pdf_module_version() { return "0.0.0/1/2/3"; }' \
    'extern "C" void gklint_pdf_module_extract(const char*, unsigned long, void*) {}' >"$tmp/other-module.cpp"
  c++ -shared -fPIC -o "$tmp/no-module/gklint-pdf.so" "$tmp/other-module.cpp"
  check "pdf with another gklint's module" 2 "$tmp/no-module/gklint" --no-config --lang en "$formats/seed-001.libreoffice-docx.pdf"
  expect "pdf with another gklint's module: refused" 'no-module/gklint-pdf.so is not the PDF module of this gklint' "$tmp/out"
fi
# So is the .docx reader, gklint-docx.so: without it a .docx is one input.error saying where it looked.
check "docx without the module" 2 "$tmp/no-module/gklint" --no-config --lang en --format json \
  "$formats/seed-001.libreoffice.docx" "$seeds/002_4b1796c7769bd424.txt"
same "docx without the module: one input.error" "$(jq -c '[.files[0].diagnostics[] | .rule]' "$tmp/out")" '["input.error"]'
expect "docx without the module: where it looked" 'the .docx module gklint-docx.so is not installed \(looked for [^)]*no-module/gklint-docx.so' "$tmp/out"
same "docx without the module: the text report linted" "$(jq -r '.files[1].status' "$tmp/out")" 'checked'
check "annotate without the module" 2 "$tmp/no-module/gklint" --lang en annotate "$formats/seed-001.libreoffice.docx" -o "$tmp/no-module.docx"
expect "annotate without the module: why" 'cannot read .docx files: the .docx module gklint-docx.so is not installed' "$tmp/err"
# gklint serve's web server is the module gklint-serve.so, loaded when serve starts: without it (the
# copy above has none), serve says where it looked and exits 2, and nothing else needs it.
check "serve without the module" 2 "$tmp/no-module/gklint" --lang en serve --port 0
expect "serve without the module: where it looked" '^gklint serve: the web server module gklint-serve.so is not installed \(looked for [^)]*no-module/gklint-serve.so' "$tmp/err"
# A module of another gklint is refused.
if command -v c++ >/dev/null; then
  printf '%s\n' 'extern "C" const char* gklint_serve_module_version() { return "0.0.0/x/1/2"; }' \
    'extern "C" int gklint_serve_module_run(const void*, void*, int) { return 0; }' >"$tmp/other-serve.cpp"
  c++ -shared -fPIC -o "$tmp/no-module/gklint-serve.so" "$tmp/other-serve.cpp"
  check "serve with another gklint's module" 2 "$tmp/no-module/gklint" --lang en serve --port 0
  expect "serve with another gklint's module: refused" 'no-module/gklint-serve.so is not the web server module of this gklint' "$tmp/err"
fi
check "cat pdf" 0 "$gklint" cat "$formats/seed-001.libreoffice-docx.pdf"
expect "cat pdf gives page:line and the cell" '^ +4:2 \| \[表2 行25 列2\] \(七\)總計 \| 1 \|' "$tmp/out"
if command -v pdftotext >/dev/null; then
  for pdf in "$formats"/*.pdf; do
    "$gklint" --format json --fail-on never "$pdf" >"$tmp/pdf.json"
    "$gklint" cat "$pdf" >"$tmp/pdf.cat"
    while read -r page line; do
      # The first cell or the first characters of the finding's line, blanks and bars taken out.
      want=$(grep -E "^ *$page:$line \| " "$tmp/pdf.cat" | sed -E 's/^ *[0-9]+:[0-9]+ \| (\[[^]]*\] )?//; s/ \|.*//; s/ //g' | LC_ALL=C.UTF-8 grep -o '^.\{1,6\}')
      got=$(pdftotext -f "$page" -l "$page" "$pdf" - | tr -d ' \n')
      case "$got" in *"$want"*) pass=$((pass + 1)) ;; *) fail=$((fail + 1)); echo "FAIL: $(basename "$pdf") $page:$line: '$want' is not on page $page (pdftotext)" ;; esac
    done < <(jq -r '.files[0].diagnostics[] | select(.page) | "\(.page) \(.line)"' "$tmp/pdf.json")
  done
else
  echo "cli_test: pdftotext not installed (poppler-utils): the PDF page check is skipped"
fi
check "html lints" 1 "$gklint" --format json "$formats/seed-001.word-export.html"
same "html position" "$(jq -c '.files[0] | [.format, ([.diagnostics[] | select(.rule == "table.results-total") | [.line, .column]][0])]' "$tmp/out")" '["html",[1013,78]]'
check "gb18030" 0 "$gklint" --format json "$formats/seed-002.gb18030.txt"
same "gb18030 detected" "$(jq -r '.files[0].encoding' "$tmp/out")" "GB18030"
check "big5-hkscs" 1 "$gklint" --format json "$formats/seed-001.big5.txt"
same "big5 detected" "$(jq -r '.files[0].encoding' "$tmp/out")" "Big5-HKSCS"
check "gbk page" 1 "$gklint" --format json "$formats/seed-000.gbk.html"
same "meta charset" "$(jq -r '.files[0] | .format + " " + .encoding' "$tmp/out")" "html GB18030"
check "--encoding forced" 1 "$gklint" --format json --encoding Big5 "$formats/seed-002.gb18030.txt"
same "--encoding reported" "$(jq -r '.files[0].encoding' "$tmp/out")" "Big5"
check "--encoding unknown" 2 "$gklint" --encoding no-such-charset "$formats/seed-002.txt"
expect "--encoding unknown message" 'unknown encoding' "$tmp/err"
check "bad inputs in a batch" 2 "$gklint" --lang en --format json "$formats/bad" "$formats/seed-004.txt"
same "bad inputs unreadable, the report still checked" "$(jq -c '[.summary.unreadable, (.files[] | select(.status == "checked") | .path | sub(".*/"; ""))]' "$tmp/out")" '[15,"pdf-renamed.docx","seed-004.txt"]'
for bad in "encrypted.docx:password-protected" "legacy.doc:legacy Word" "odt-renamed.docx:OpenDocument" \
           "truncated.docx:damaged/truncated" "malformed.docx:line 2, column" "image-renamed.html:image" \
           "no-document.docx:no word/document.xml" "empty.docx:empty" "password.pdf:needs a password" \
           "no-copy.pdf:forbids copying" "scanned.pdf:needs OCR" "truncated.pdf:damaged" \
           "no-unicode.pdf:no Chinese characters" "inflate-bomb.pdf:hold more than gklint reads"; do
  same "bad input ${bad%%:*}" "$(jq -r --arg f "${bad%%:*}" '.files[] | select(.path | endswith($f)) | .diagnostics[0].message | contains("'"${bad#*:}"'")' "$tmp/out")" true
done

# Across years: --previous LAST_YEAR THIS_YEAR (issue 17). The pair is real (corpus-dev 031 and 035);
# the 2020 copy's 上年结转 was changed to 1 (tests/fixtures/cross).
last=$root/tests/fixtures/corpus-dev/031_2019_pingtan_zrzyj.txt
check "--previous: carry broken" 1 "$gklint" --no-config --format json --previous "$last" "$root/tests/fixtures/cross/zrzyj-2020-carried-in-changed.txt"
same "--previous: cross.carry at both cells, last year's cell in related" \
  "$(jq -c '[.files[0].diagnostics[] | select(.rule == "cross.carry") | [.column_id, .expected, .actual, .related[0].path, .related[0].line]]' "$tmp/out")" \
  "[[\"natural\",0,1,\"$last\",10],[\"total\",0,1,\"$last\",10]]"
same "--previous: the pair named in the file's JSON" "$(jq -c '.files[0].previous.report_year' "$tmp/out")" 2019
check "--previous: text names last year's cell" 1 "$gklint" --no-config --lang en --previous "$last" "$root/tests/fixtures/cross/zrzyj-2020-carried-in-changed.txt"
expect "--previous: compared with" "= compared with: .*031_2019_pingtan_zrzyj.txt:10:2299 2019/" "$tmp/out"
check "--previous: two reports" 2 "$gklint" --no-config --previous "$last" "$seeds/000_ac653407c852e910.txt" "$seeds/001_216a20324a3be511.txt"
expect "--previous: says one report" "只能与一份本年度报告一起使用" "$tmp/err"
check "--previous: missing file" 2 "$gklint" --no-config --previous "$tmp/none.txt" "$root/tests/fixtures/cross/zrzyj-2020.txt"
expect "--previous: says which" "--previous .*none.txt" "$tmp/err"
check "--previous: not the year before" 0 "$gklint" --no-config --format json --previous "$last" "$root/tests/fixtures/cross/gaj-2022-previous-2019.txt"
same "--previous: one cross.previous warning, nothing compared" \
  "$(jq -c '[.files[0].diagnostics[].rule, .files[0].previous]' "$tmp/out")" '["cross.previous",null]'
check "--previous with --pair-years: a usage error" 2 "$gklint" --no-config --previous "$last" --pair-years "$root/tests/fixtures/cross/zrzyj-2020.txt"
expect "--previous with --pair-years: says so" "--previous 与 --pair-years 不能同时使用" "$tmp/err"
check "--previous with --find-copies: a usage error" 2 "$gklint" --no-config --lang en --previous "$last" --find-copies "$root/tests/fixtures/cross/zrzyj-2020.txt"
expect "--previous with --find-copies: says so" "--previous excludes --find-copies" "$tmp/err"
# A batch paired by agency and year: gklint pairs shows it, --pair-years checks it.
mkdir -p "$tmp/years/zrzyj" "$tmp/years/gaj"
cp "$last" "$tmp/years/zrzyj/2019.txt"
cp "$root/tests/fixtures/cross/zrzyj-2020-carried-in-changed.txt" "$tmp/years/zrzyj/2020.txt"
cp "$root/tests/fixtures/corpus-dev/041_2022_pingtan_gaj.txt" "$tmp/years/gaj/2022.txt"
check "pairs" 0 "$gklint" pairs --lang en --format json "$tmp/years"
same "pairs: 2019 -> 2020 of one agency; 2022 alone, said why" \
  "$(jq -c '[[.pairs[] | [.previous.report_year, .current.report_year, .agency]], [.unpaired[] | .why]]' "$tmp/out")" \
  '[[[2019,2020,"平潭综合实验区自然资源与生态环境局"]],["no report of this agency for 2021","no report of this agency for 2018"]]'
check "pairs: text" 0 "$gklint" pairs "$tmp/years"
expect "pairs: text shows the pair" "^2019 → 2020  平潭综合实验区自然资源与生态环境局" "$tmp/out"
check "--pair-years: the broken carry found" 1 "$gklint" --no-config --pair-years --format json "$tmp/years"
same "--pair-years: only the paired report is compared" \
  "$(jq -c '[.files[] | [(.previous.report_year // 0), ([.diagnostics[] | select(.rule | startswith("cross."))] | length)]]' "$tmp/out")" \
  '[[0,0],[0,0],[2019,2]]'
expect "--pair-years: says how many" "1 份报告（共 3 份）与本机关上一年度的报告核对" "$tmp/err"
same "--pair-years: JSON counts the reports with no year before" "$(jq -c .summary.without_previous "$tmp/out")" 2
check "--pair-years: text" 1 "$gklint" --no-config --pair-years "$tmp/years"
expect "--pair-years: the summary says how many had no year before" "；2 份报告没有上一年度的报告可对照" "$tmp/out"
check "without pairing: no such count" 1 "$gklint" --no-config --format json "$tmp/years"
same "without pairing: no without_previous" "$(jq -c '.summary | has("without_previous")' "$tmp/out")" false
cp "$root/tests/fixtures/cross/zrzyj-2020.txt" "$tmp/years/zrzyj/2020-again.txt"
check "--pair-years: two reports for 2020, none paired" 1 "$gklint" --no-config --pair-years --format json "$tmp/years"
same "--pair-years: nothing compared" "$(jq -c '[.files[] | select(.previous)] | length' "$tmp/out")" 0
# Which of the two is this year's: a .gklint.yaml names the pair.
printf 'pairs:\n  - previous: zrzyj/2019.txt\n    current: zrzyj/2020.txt\n' >"$tmp/years/.gklint.yaml"
check "pairs: a pair named in .gklint.yaml" 0 "$gklint" pairs --format json "$tmp/years"
same "pairs: the named pair, said to come from the config" \
  "$(jq -c '[.pairs[] | [.from, (.current.path | sub(".*/years/"; ""))]]' "$tmp/out")" '[["config","zrzyj/2020.txt"]]'
check "--pair-years: the named pair checked" 1 "$gklint" --pair-years --format json "$tmp/years"
same "--pair-years: the named pair's broken carry found" \
  "$(jq -c '[.files[] | select(.previous) | [(.path | sub(".*/years/"; "")), ([.diagnostics[] | select(.rule == "cross.carry")] | length)]]' "$tmp/out")" \
  '[["zrzyj/2020.txt",2]]'
rm "$tmp/years/.gklint.yaml"
# Copies between agencies of one year: 035 published again under another agency's name.
mkdir -p "$tmp/copies"
cp "$root/tests/fixtures/corpus-dev/035_2020_pingtan_zrzyj.txt" "$root/tests/fixtures/corpus-dev/037_2020_pingtan_jtjsj.txt" "$tmp/copies/"
sed 's/自然资源与生态环境局/社会事业局/g' "$root/tests/fixtures/corpus-dev/035_2020_pingtan_zrzyj.txt" >"$tmp/copies/036_copy.txt"
check "--find-copies" 1 "$gklint" --no-config --find-copies --format json "$tmp/copies"
same "--find-copies: the copy and its original, each naming the other; the third shares a few sentences and passes" \
  "$(jq -c '[.files[] | [(.path | sub(".*/copies/"; "")), (.copy_of.path // "" | sub(".*/copies/"; "")), ([.diagnostics[] | select(.rule == "cross.copy")] | length)]]' "$tmp/out")" \
  '[["035_2020_pingtan_zrzyj.txt","036_copy.txt",1],["036_copy.txt","035_2020_pingtan_zrzyj.txt",1],["037_2020_pingtan_jtjsj.txt","035_2020_pingtan_zrzyj.txt",0]]'
same "--find-copies: related in the other file" \
  "$(jq -c '[.files[0].diagnostics[] | select(.rule == "cross.copy") | .related[] | .path // "" | sub(".*/copies/"; "")] | unique' "$tmp/out")" \
  '["","036_copy.txt"]'
expect "--find-copies: says how many were compared" "3 份报告（共 3 份）与本批次中其他机关同年度" "$tmp/err"
check "without --find-copies" 1 "$gklint" --no-config --format json "$tmp/copies"
same "without --find-copies: nothing compared" \
  "$(jq -c '[.files[] | select(.copy_of or any(.diagnostics[]; .rule == "cross.copy"))] | length' "$tmp/out")" 0
# Region sums: a .gklint.yaml declares a total and its parts; the total here is the real report with
# two rows changed, its one part the report as published.
mkdir -p "$tmp/sums/parts"
cp "$root/tests/fixtures/cross/zrzyj-2020-carried-in-changed.txt" "$tmp/sums/total.txt"
cp "$root/tests/fixtures/cross/zrzyj-2020.txt" "$tmp/sums/parts/a.txt"
printf 'sums:\n  - total: total.txt\n    parts: [parts/*.txt]\n' >"$tmp/sums/.gklint.yaml"
check "sums: the changed rows found" 1 "$gklint" --format json "$tmp/sums"
same "sums: at the total's cells, with the part's cell in related" \
  "$(jq -c '[.files[] | select(.parts) | .diagnostics[] | select(.rule == "cross.sum") | [.line, .column_id, .expected, .actual, (.related[0].path | sub(".*/sums/"; "")), .related[0].value]]' "$tmp/out")" \
  '[[10,"natural",9,8,"parts/a.txt","9"],[10,"total",9,8,"parts/a.txt","9"],[10,"natural",0,1,"parts/a.txt","0"],[10,"total",0,1,"parts/a.txt","0"]]'
same "sums: JSON names the parts; a part is not a total" \
  "$(jq -c '[.files[] | [(.path | sub(".*/sums/"; "")), ([.parts[]?.path | sub(".*/sums/"; "")])]]' "$tmp/out")" \
  '[["parts/a.txt",[]],["total.txt",["parts/a.txt"]]]'
expect "sums: says how many" "1 份合计报告（.gklint.yaml 的 sums）与本批次中的 1 份下级报告核对" "$tmp/err"
check "pairs: the declared sums" 0 "$gklint" pairs --format json "$tmp/sums"
same "pairs: the total, its part, nothing missing" \
  "$(jq -c '[.sums[] | [(.total | sub(".*/sums/"; "")), [.parts[] | sub(".*/sums/"; "")], .missing]]' "$tmp/out")" \
  '[["total.txt",["parts/a.txt"],[]]]'
check "pairs: the declared sums, in text" 0 "$gklint" pairs "$tmp/sums"
expect "pairs: text names the total and its part" "^  \+ .*/sums/parts/a.txt$" "$tmp/out"
check "sums: the total alone" 0 "$gklint" --lang en --format json --fail-on never "$tmp/sums/total.txt"
same "sums: the total alone, one warning: the parts are not in the batch" \
  "$(jq -c '[.files[0].diagnostics[] | select(.rule == "cross.sum") | [.severity, .kind, .message]]' "$tmp/out")" \
  '[["warning","cross-sum-unchecked","sum not checked: the parts parts/*.txt that .gklint.yaml'"'"'s sums names are not in this batch"]]'
cp "$last" "$tmp/sums/parts/b.txt"
check "sums: a part of another year" 0 "$gklint" --lang en --format json --fail-on never "$tmp/sums"
same "sums: a part of another year, nothing compared and said why" \
  "$(jq -c '[.files[] | .diagnostics[] | select(.rule == "cross.sum") | .message | sub("/.*/sums/"; "")]' "$tmp/out")" \
  '["sum not checked: these parts are not reports for 2020, as this one is: parts/b.txt (for 2019)"]'
printf 'sums:\n  - total: total.txt\n    parts: []\n' >"$tmp/sums/.gklint.yaml"
check "sums: a mistake is a config.error" 2 "$gklint" --lang en "$tmp/sums"
expect "sums: said at its place" ".gklint.yaml:3:12: .*parts must not be empty" "$tmp/out"
check "junit without sums: cross.sum skipped" 1 "$gklint" --no-config --format junit "$root/tests/fixtures/cross/zrzyj-2020.txt"
expect "junit without sums: skipped, saying why" 'skipped message="不是与下级报告一同检查的合计报告' "$tmp/out"
printf 'id: bad-carry\nextends: gov-2019\nrules:\n  - id: cross.carry\n    params: {table: applications, row: carried_in, previous_row: nope}\n' >"$tmp/bad-carry.yaml"
check "cross.carry: a row the table lacks is a rule error" 2 "$gklint" --no-config --rules "$tmp/bad-carry.yaml" "$root/tests/fixtures/cross/zrzyj-2020.txt"
expect "cross.carry: says which row" "bad-carry.yaml:5:.*no such row in table applications" "$tmp/out"
printf 'id: bad-sum\nextends: gov-2019\nrules:\n  - id: cross.sum\n    params: {tables: [applications, nope]}\n' >"$tmp/bad-sum.yaml"
check "cross.sum: a table the rule set lacks is a rule error" 2 "$gklint" --no-config --rules "$tmp/bad-sum.yaml" "$root/tests/fixtures/cross/zrzyj-2020.txt"
expect "cross.sum: says which table" "bad-sum.yaml:5:22: .*no such table in this rule set" "$tmp/out"
check "junit without --previous: rules across years skipped" 1 "$gklint" --no-config --format junit "$root/tests/fixtures/cross/zrzyj-2020.txt"
expect "junit: skipped" '<testcase name="cross.carry"[^>]*>' "$tmp/out"
expect "junit: skipped count" 'skipped="6"' "$tmp/out"

# Configuration (.gklint.yaml), gklint init, and baselines (issue 5).
proj="$tmp/proj"
mkdir -p "$proj/reports/sc"
cp "$seeds/000_ac653407c852e910.txt" "$proj/reports/a.txt"
cp "$seeds/004_4ac630b42799c199.txt" "$proj/reports/sc/b.txt"
check "init" 0 "$gklint" init "$proj"
check "init refuses to overwrite" 2 "$gklint" init "$proj"
check "init --force" 0 "$gklint" init --force "$proj"
check "template config lints as defaults" 1 "$gklint" --format json "$proj/reports"
same "defaults: rule sets by year" "$(jq -c '[.files[].ruleset]' "$tmp/out")" '["gov-2007","gov-2007"]'
cat > "$proj/reports/.gklint.yaml" <<'YAML'
disable: [heading.numbering]
severity:
  section.missing: warning
by_path:
  - paths: "sc/**"
    rules: sichuan-2017
YAML
check "config: nothing at error any more" 0 "$gklint" --format json "$proj/reports"
same "config: rule set by path, rule disabled, severity lowered" \
  "$(jq -c '[(.files[].ruleset), ([.files[].diagnostics[] | select(.rule == "heading.numbering")] | length), ([.files[].diagnostics[] | select(.rule == "section.missing") | .severity] | unique)]' "$tmp/out")" \
  '["gov-2007","sichuan-2017",0,["warning"]]'
check "--no-config" 1 "$gklint" --no-config --format json "$proj/reports"
same "--no-config ignores it" "$(jq -c '[.files[].ruleset]' "$tmp/out")" '["gov-2007","gov-2007"]'
check "--config names one" 0 "$gklint" --config "$proj/reports/.gklint.yaml" --format json "$seeds/000_ac653407c852e910.txt"
printf 'format: gcc\nfail_on: never\n' > "$proj/.gklint.yaml"
( cd "$proj" && "$gklint" reports/a.txt >"$tmp/out" 2>&1 ); same "output defaults from the config here" "$?" 0
expect "config format gcc" '^reports/a.txt:[0-9]+:[0-9]+: warning: ' "$tmp/out"
( cd "$proj" && "$gklint" --format json --fail-on error reports/a.txt >"$tmp/out" 2>&1 ); same "the command line wins" "$?" 0
same "the command line wins: json" "$(jq -r '.files[0].path' "$tmp/out")" "reports/a.txt"
printf 'disable: [heading.numbring]\nseverity:\n  year.typo: fatal\n' > "$proj/reports/.gklint.yaml"
check "bad config" 2 "$gklint" --lang en "$proj/reports"
expect "bad config: unknown key at its line" '\.gklint\.yaml:3:14: error: .*invalid level .fatal.*\[config\.error\]' "$tmp/out"
printf 'disable: [heading.numbring]\n' > "$proj/reports/.gklint.yaml"
check "unknown rule id in config" 2 "$gklint" --lang en "$proj/reports"
expect "unknown rule id located" '\.gklint\.yaml:1:11: error: .*unknown rule id .heading\.numbring' "$tmp/out"
rm "$proj/reports/.gklint.yaml" "$proj/.gklint.yaml"
# blank_cells: zero in a config: blanks count as 0 (a sum error found through them), no table.unfilled.
mkdir -p "$proj/zeros"
cp "$root/tests/fixtures/tables/blank-zero.txt" "$proj/zeros/r.txt"
printf 'blank_cells: zero\n' > "$proj/zeros/.gklint.yaml"
check "config blank_cells: zero" 1 "$gklint" --format json "$proj/zeros"
same "blank_cells zero: the sums, no unfilled" "$(jq -c '[.files[0].diagnostics[] | [.rule, .line, .column]]' "$tmp/out")" \
  '[["table.row-total",27,30],["table.results-total",52,14]]'
check "blank_cells default" 0 "$gklint" --no-config --format json "$proj/zeros"
same "blank_cells default: one unfilled listing every blank" \
  "$(jq -c '[.files[0].diagnostics[] | [.rule, .count, (.related | length)]]' "$tmp/out")" '[["table.unfilled","131",131]]'
printf 'blank_cells: 0\n' > "$proj/zeros/.gklint.yaml"
check "bad blank_cells" 2 "$gklint" --lang en "$proj/zeros"
expect "bad blank_cells located" '\.gklint\.yaml:1:14: error: .*invalid blank_cells .0.; expected unfilled, zero.*\[config\.error\]' "$tmp/out"
rm -r "$proj/zeros"
check "write baseline" 0 "$gklint" --write-baseline "$tmp/base.json" --format json "$proj/reports"
same "baseline holds every finding" "$(jq '.findings | length' "$tmp/base.json")" "$(jq '[.files[].diagnostics[]] | length' "$tmp/out")"
check "baseline: nothing new" 0 "$gklint" --baseline "$tmp/base.json" --format json "$proj/reports"
same "baseline: all suppressed" "$(jq -c '[.summary.suppressed > 0, ([.files[].diagnostics[]] | length)]' "$tmp/out")" '[true,0]'
printf '\n\n' | cat - "$seeds/000_ac653407c852e910.txt" > "$proj/reports/a.txt"
echo "三、新增的一节" >> "$proj/reports/a.txt"
check "baseline: lines moved, one new finding" 1 "$gklint" --baseline "$tmp/base.json" --fail-on warning --format sarif "$proj/reports"
same "baseline: only the new finding, marked new" "$(jq -c '[.runs[0].results[] | [.ruleId, .baselineState]]' "$tmp/out")" '[["heading.numbering","new"]]'
# Paths are kept relative to the baseline's folder: a run from elsewhere, with the paths typed
# another way, finds the same files (issue 15); entries that match nothing are counted.
mkdir -p "$tmp/bl/proj/reports" "$tmp/bl/elsewhere"
cp "$seeds/000_ac653407c852e910.txt" "$seeds/001_216a20324a3be511.txt" "$tmp/bl/proj/reports/"
(cd "$tmp/bl/proj" && "$gklint" --no-config --write-baseline base.json reports/ >/dev/null 2>&1)
same "baseline: paths relative to its folder" "$(jq -r '[.version, .findings[0].path] | join(" ")' "$tmp/bl/proj/base.json")" \
  "2 reports/000_ac653407c852e910.txt"
(cd "$tmp/bl/elsewhere" && "$gklint" --no-config --baseline ../proj/base.json --format json "$tmp/bl/proj/reports/" >"$tmp/out" 2>&1)
same "baseline: from another folder, absolute paths" "$(jq -c '[([.files[].diagnostics[]] | length), .summary.suppressed, .summary.baseline_unmatched]' "$tmp/out")" \
  "[0,$(jq '.findings | length' "$tmp/bl/proj/base.json"),0]"
rm "$tmp/bl/proj/reports/000_ac653407c852e910.txt"
(cd "$tmp/bl/elsewhere" && "$gklint" --no-config --baseline ../proj/base.json --format json ../proj/reports >"$tmp/out" 2>&1)
same "baseline: entries of a removed file match nothing" "$(jq '.summary.baseline_unmatched' "$tmp/out")" \
  "$(jq '[.findings[] | select(.path | startswith("reports/000"))] | length' "$tmp/bl/proj/base.json")"
(cd "$tmp/bl/elsewhere" && "$gklint" --no-config --baseline ../proj/base.json ../proj/reports >"$tmp/out" 2>&1)
expect "baseline: the text summary says so" '基线中有 [0-9]+ 条记录已无对应结果' "$tmp/out"
# A version-1 baseline (paths as typed, from the folder gklint ran in) is still read.
jq -c '.version = 1' "$tmp/bl/proj/base.json" >"$tmp/bl/proj/v1.json"
(cd "$tmp/bl/proj" && "$gklint" --no-config --baseline v1.json --format json reports/ >"$tmp/out" 2>&1)
same "baseline: version 1 still read" "$(jq -c '[([.files[].diagnostics[]] | length), .summary.suppressed > 0]' "$tmp/out")" '[0,true]'
echo '{"findings": 1}' > "$tmp/notbase.json"
check "bad baseline" 2 "$gklint" --baseline "$tmp/notbase.json" "$proj/reports"
expect "bad baseline message" 'not a gklint baseline' "$tmp/err"

# Trust boundary: a stranger's .gklint.yaml cannot make gklint read (and echo) files outside the
# project, cannot hang it on a FIFO, and cannot be planted above the project.
trust="$tmp/trust"
mkdir -p "$trust/proj/reports"
cp "$seeds/002_4b1796c7769bd424.txt" "$trust/proj/reports/a.txt"
printf 'id: outside\nextends: gov-2021\nOUTSIDE-MARKER-LINE: 1\n' > "$trust/outside.yaml"
printf 'rules: ../outside.yaml\n' > "$trust/proj/.gklint.yaml"
check "trust: ../ leaving the root" 2 timeout 10 "$gklint" --lang en "$trust/proj/reports"
expect "trust: located refusal" 'proj/\.gklint\.yaml:1:8: error: .*path leaves the project root.*--trust-config.*\[config\.error\]' "$tmp/out"
same "trust: outside content absent" "$(cat "$tmp/out" "$tmp/err" | grep -c OUTSIDE-MARKER)" 0
check "trust: ../ in json" 2 timeout 10 "$gklint" --format sarif "$trust/proj/reports"
same "trust: outside content absent from sarif" "$(cat "$tmp/out" "$tmp/err" | grep -c OUTSIDE-MARKER)" 0
printf 'rules: /etc/passwd\n' > "$trust/proj/.gklint.yaml"
check "trust: /etc/passwd" 2 timeout 10 "$gklint" --lang en "$trust/proj/reports"
expect "trust: /etc/passwd refused" 'path leaves the project root' "$tmp/out"
same "trust: no passwd lines" "$(cat "$tmp/out" "$tmp/err" | grep -c 'root:')" 0
printf 'rules: ../outside.yaml\n' > "$trust/proj/.gklint.yaml"
# Allowed, the outside file is read: its marker key is an unknown key (so still exit 2).
check "trust: --trust-config allows it" 2 timeout 10 "$gklint" --trust-config --format json "$trust/proj/reports"
expect "trust: --trust-config reads it" 'unknown key in rule set.*OUTSIDE-MARKER-LINE|OUTSIDE-MARKER-LINE.*unknown key in rule set' "$tmp/out"
check "trust: --root widens the project" 2 timeout 10 "$gklint" --root "$trust" --format json "$trust/proj/reports"
expect "trust: --root reads it" 'OUTSIDE-MARKER-LINE' "$tmp/out"
printf 'id: outside\nextends: gov-2021\n' > "$trust/outside.yaml"
check "trust: --trust-config, a valid outside rule set" 1 timeout 10 "$gklint" --trust-config --format json "$trust/proj/reports"
same "trust: its rule set used" "$(jq -r '.files[0].ruleset' "$tmp/out")" outside
printf 'id: outside\nextends: gov-2021\nOUTSIDE-MARKER-LINE: 1\n' > "$trust/outside.yaml"
mkfifo "$trust/proj/fifo.yaml"
printf 'rules: fifo.yaml\n' > "$trust/proj/.gklint.yaml"
check "trust: a FIFO as rules, no hang" 2 timeout 10 "$gklint" --lang en "$trust/proj/reports"
expect "trust: FIFO refused" 'fifo\.yaml.*not a regular file: a FIFO' "$tmp/out"
for i in $(seq 1 40); do echo "line $i: OUTSIDE-MARKER text"; done > "$trust/proj/somefile.txt"
printf 'rules: somefile.txt\n' > "$trust/proj/.gklint.yaml"
check "trust: text file as rules" 2 timeout 10 "$gklint" --format json "$trust/proj/reports"
same "trust: exactly one error" "$(jq '[.files[].diagnostics[]] | length' "$tmp/out")" 1
expect "trust: not a rule set" 'not a rule set: no `id:` at the top level' "$tmp/out"
same "trust: text not quoted" "$(cat "$tmp/out" "$tmp/err" | grep -c OUTSIDE-MARKER)" 0
check "trust: GKLINT_NO_CONFIG=1" 0 env GKLINT_NO_CONFIG=1 timeout 10 "$gklint" "$trust/proj/reports"
check "trust: --no-config" 0 timeout 10 "$gklint" --no-config "$trust/proj/reports"
rm "$trust/proj/.gklint.yaml"
# A config in a world-writable (not sticky) folder above the report: skipped, said once.
mkdir -p "$trust/shared/sub"
cp "$seeds/002_4b1796c7769bd424.txt" "$trust/shared/sub/a.txt"
printf 'rules: no-such-set\n' > "$trust/shared/.gklint.yaml"
chmod 777 "$trust/shared"
check "trust: world-writable config skipped" 0 timeout 10 "$gklint" "$trust/shared/sub/a.txt" "$trust/shared/sub/a.txt"
expect "trust: skip noted" "^gklint: ignoring $trust/shared/\.gklint\.yaml: in a world-writable folder" "$tmp/err"
same "trust: noted once" "$(grep -c ignoring "$tmp/err")" 1
chmod 755 "$trust/shared"
check "trust: the same config in a safe folder applies" 2 timeout 10 "$gklint" "$trust/shared/sub/a.txt"
# The search stops at a repository root.
mkdir -p "$trust/shared/sub/.git"
check "trust: search stops at .git" 0 timeout 10 "$gklint" "$trust/shared/sub/a.txt"
check "trust: outline names no config" 0 "$gklint" --lang en outline "$trust/shared/sub/a.txt"
expect "trust: outline config -" '^config: +-$' "$tmp/out"
rmdir "$trust/shared/sub/.git"
printf 'disable: [heading.numbering]\n' > "$trust/shared/sub/.gklint.yaml"
check "trust: outline names the config" 0 "$gklint" --lang en outline "$trust/shared/sub/a.txt"
expect "trust: outline config path" "^config: +$trust/shared/sub/\.gklint\.yaml$" "$tmp/out"
check "help lists --root" 0 "$gklint" --help
expect "help: --root" '--root' "$tmp/out"
expect "help: --trust-config" '--trust-config' "$tmp/out"
# --output and --write-baseline write a regular file or a new one (through a symbolic link to a
# regular file, the link kept); "-", /dev/stdout and /dev/stderr the stream itself; anything else,
# or an input, is refused before linting.
safe="$tmp/safe"
mkdir -p "$safe"
seed="$seeds/000_ac653407c852e910.txt"
# no_temp NAME: no temporary file left in $safe.
no_temp() { same "$1: no temporary file left" "$(find "$safe" -name '*.tmp' | wc -l | tr -d ' ')" 0; }
check "--output /dev/null throws the report away" 1 "$gklint" --lang en --output /dev/null "$seed"
[ ! -s "$tmp/out" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: --output /dev/null printed the report"; }
check "--output /dev/zero refused" 2 "$gklint" --lang en --output /dev/zero "$seed"
expect "--output /dev/zero message" '^gklint: --output /dev/zero: a character device, not a regular file' "$tmp/err"
test -c /dev/null && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: /dev/null is no longer a character device"; }
check "--output /dev/stdout" 1 "$gklint" --format json --output /dev/stdout "$seed"
same "--output /dev/stdout: the report on standard output" "$(jq '.files | length' "$tmp/out")" 1
check "--output /dev/stderr" 1 "$gklint" --format json --output /dev/stderr "$seed"
same "--output /dev/stderr: the report on standard error" "$(jq '.files | length' "$tmp/err")" 1
check "--output -" 1 "$gklint" --format json --output - "$seed"
same "--output -: the report on standard output" "$(jq '.files | length' "$tmp/out")" 1
mkfifo "$safe/fifo"
check "--output to a FIFO refused" 2 timeout 10 "$gklint" --lang en --output "$safe/fifo" "$seed"
expect "--output FIFO message" '^gklint: --output .*/fifo: a FIFO, not a regular file' "$tmp/err"
check "--write-baseline to a FIFO refused" 2 timeout 10 "$gklint" --write-baseline "$safe/fifo" "$seed"
expect "--write-baseline FIFO message" '^gklint: --write-baseline .*/fifo: 是命名管道，不是普通文件.*\(a FIFO' "$tmp/err"
test -p "$safe/fifo" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: the FIFO was replaced"; }
check "--output to a folder refused" 2 "$gklint" --lang en --output "$safe" "$seed"
expect "--output folder message" 'a folder, not a regular file' "$tmp/err"
ln -s /dev/null "$safe/null-link"
check "--output to a symlink to a device refused" 2 "$gklint" --lang en --output "$safe/null-link" "$seed"
expect "--output symlink to a device message" 'a symbolic link to a character device' "$tmp/err"
ln -s nowhere "$safe/dangling"
check "--output to a dangling symlink refused" 2 "$gklint" --lang en --output "$safe/dangling" "$seed"
[ -L "$safe/dangling" ] && [ ! -e "$safe/nowhere" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: the dangling link changed"; }
cp "$seed" "$safe/input.txt"
sum=$(cksum <"$safe/input.txt")
check "--output naming an input refused" 2 "$gklint" --lang en --output "$safe/input.txt" "$safe/input.txt"
expect "--output input message" 'input.txt: one of the input files: not overwritten' "$tmp/err"
check "--output naming an input in a folder refused" 2 "$gklint" --output "$safe/input.txt" "$safe"
check "--output naming an input, with a rule file error, refused" 2 "$gklint" --rules "$safe/no-such-rules.yaml" --output "$safe/input.txt" "$safe"
expect "--output input message, rule file error" 'input.txt: 是要检查的输入文件，不覆盖' "$tmp/err"
ln -s input.txt "$safe/input-link"
check "--output through a symlink to an input refused" 2 "$gklint" --output "$safe/input-link" "$safe/input.txt"
check "--write-baseline naming an input refused" 2 "$gklint" --write-baseline "$safe/input.txt" "$safe/input.txt"
same "the input unchanged" "$(cksum <"$safe/input.txt")" "$sum"
check "--output and --write-baseline the same file refused" 2 "$gklint" --output "$safe/same.json" --write-baseline "$safe/same.json" "$seed"
printf 'previous report\n' >"$safe/target.json"
chmod 640 "$safe/target.json"
ln -s target.json "$safe/link.json"
check "--output through a symlink to a regular file" 1 "$gklint" --format json --output "$safe/link.json" "$seed"
[ -L "$safe/link.json" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: the symbolic link was replaced"; }
same "the symlink's target gets the report" "$(jq '.files | length' "$safe/target.json")" 1
same "the target keeps its mode" "$(stat -c %a "$safe/target.json")" 640
check "--write-baseline through a symlink" 0 "$gklint" --write-baseline "$safe/link.json" "$seed"
same "the symlink's target gets the baseline" "$(jq '.findings | length > 0' "$safe/target.json")" true
check "--output, unreadable input" 2 "$gklint" --output "$safe/r.json" --format json "$safe/missing.txt"
no_temp "--output, unreadable input"
check "--output refused" 2 "$gklint" --output "$safe/r2.json" --write-baseline "$safe/fifo" "$seed"
no_temp "--output, then --write-baseline refused"
[ ! -e "$safe/r2.json" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: --output written though the run was refused"; }
# Killed while reading standard input, which never comes: the temporary file goes with it.
mkfifo "$safe/stdin"
sleep 30 >"$safe/stdin" &
writer=$!
"$gklint" --output "$safe/killed.json" - <"$safe/stdin" >/dev/null 2>&1 &
killed=$!
for _ in $(seq 50); do [ -n "$(find "$safe" -name 'killed.json*.tmp')" ] && break; sleep 0.1; done
same "a temporary file while running" "$(find "$safe" -name 'killed.json*.tmp' | wc -l | tr -d ' ')" 1
kill -TERM "$killed"
wait "$killed"
same "SIGTERM: killed by the signal" "$?" 143
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
no_temp "SIGTERM"
[ ! -e "$safe/killed.json" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: a killed run wrote its report"; }
# Hostile inputs: every reader refuses what is not a regular file, bounded in time and memory.
# `timeout` turns a hang into a failure (status 124) instead of a stuck test run.
hostile=$tmp/hostile
mkdir -p "$hostile/batch"
cp "$seeds/002_4b1796c7769bd424.txt" "$hostile/batch/a.txt"
cp "$seeds/000_ac653407c852e910.txt" "$hostile/batch/c.txt"
mkfifo "$hostile/batch/b.txt"
check "FIFO in a folder: does not block, the rest linted" 2 timeout 20 "$gklint" --lang en --format json "$hostile/batch"
same "FIFO in a folder: three files, one unreadable" \
  "$(jq -c '[.files[] | [(.path | split("/") | last), ([.diagnostics[] | select(.rule == "input.error")] | length)]]' "$tmp/out")" \
  '[["a.txt",0],["b.txt",1],["c.txt",0]]'
expect "FIFO message" 'not a regular file: a FIFO' "$tmp/out"
check "FIFO named: Chinese message" 2 timeout 20 "$gklint" "$hostile/batch/b.txt"
expect "FIFO message in Chinese" '不是普通文件：这是命名管道' "$tmp/out"
check "/dev/zero as a report" 2 timeout 20 "$gklint" --lang en /dev/zero
expect "/dev/zero refused" '/dev/zero:1:1: error: not a regular file: a character device' "$tmp/out"
check "endless stdin stops at the cap" 2 timeout 20 bash -c 'head -c 300M /dev/zero | "$1" --lang en -' _ "$gklint"
expect "endless stdin message" '<stdin>:1:1: error: the file is larger than 256 MiB' "$tmp/out"
check "--rules /dev/zero" 2 timeout 20 "$gklint" --lang en --rules /dev/zero "$seeds/002_4b1796c7769bd424.txt"
expect "--rules /dev/zero refused" 'cannot read the file: not a regular file: a character device.*\[rule\.error\]' "$tmp/out"
ln -s loop.txt "$hostile/loop.txt"  # a link to itself
check "symlink loop" 2 "$gklint" --lang en "$hostile/loop.txt"
expect "symlink loop message" 'loop\.txt:1:1: error: a symlink loop' "$tmp/out"
mkdir "$hostile/x.txt"
check "folder named like a report" 2 "$gklint" --lang en "$hostile/x.txt"
expect "folder named like a report: not a regular file" 'x\.txt:1:1: error: not a regular file: a folder' "$tmp/out"
{ echo 'id: many'; for i in $(seq 1000); do echo "unknown_$i: 1"; done; } > "$hostile/many.yaml"
check "rule file with 1,000 errors" 2 "$gklint" --lang en --format gcc --rules "$hostile/many.yaml" "$seeds/002_4b1796c7769bd424.txt"
same "1,000 errors: 20 shown and one more line" "$(grep -c 'rule.error' "$tmp/out")" 21
expect "1,000 errors: the rest counted" 'and 980 more errors' "$tmp/out"
check "rule file with 1,000 errors: the summary counts one file" 2 "$gklint" --lang en --rules "$hostile/many.yaml" "$seeds/002_4b1796c7769bd424.txt"
expect "1,000 errors: one file" '^1 file checked: 21 error\(s\).*1 could not be checked' "$tmp/out"
# YAML: an alias bomb (10^29 nodes if expanded) and nesting past yaml-cpp's depth guard, in a rule
# file and in a .gklint.yaml: one error each, at once.
{ echo 'id: laughs'; echo 'disable:'; echo '  - &a0 [x, x, x, x, x, x, x, x, x, x]'
  for i in $(seq 1 28); do echo "  - &a$i [$(printf '*a%d, ' $(yes $((i - 1)) | head -9))*a$((i - 1))]"; done
  echo 'sections: *a28'; echo 'rules: *a28'; echo 'tables: *a28'; } > "$hostile/laughs.yaml"
check "rule file: an alias bomb" 2 timeout 20 "$gklint" --lang en --rules "$hostile/laughs.yaml" "$seeds/002_4b1796c7769bd424.txt"
expect "alias bomb: errors, not an expansion" 'laughs\.yaml:.*\[rule\.error\]' "$tmp/out"
{ echo 'id: deep'; printf 'sections: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo; } > "$hostile/deep.yaml"
check "rule file nested 100,000 deep" 2 timeout 20 "$gklint" --lang en --rules "$hostile/deep.yaml" "$seeds/002_4b1796c7769bd424.txt"
expect "deep rule file message" 'deep\.yaml:1:1: error: .*nested more than 2000 levels deep' "$tmp/out"
mkdir -p "$hostile/cfgdeep"
cp "$seeds/002_4b1796c7769bd424.txt" "$hostile/cfgdeep/a.txt"
{ printf 'severity: '; for i in $(seq 3000); do printf '{a: '; done; printf 1; for i in $(seq 3000); do printf '}'; done; echo; } > "$hostile/cfgdeep/.gklint.yaml"
check "config nested 3,000 deep" 2 timeout 20 "$gklint" --lang en "$hostile/cfgdeep/a.txt"
expect "deep config message" 'gklint\.yaml:1:[0-9]+: error: .*nested more than 2000 levels deep.*\[config\.error\]' "$tmp/out"
# Big inputs: 50 MB of random bytes is refused as binary; a 100 MB report on one line (a crawled
# page, many times over) is linted in time linear in its size (the `timeout` only catches a hang).
if [ "${GKLINT_TEST_SKIP_BIG:-0}" = 1 ]; then
  echo "note: skipped the 50 MB and 100 MB inputs (GKLINT_TEST_SKIP_BIG=1)"
else
  head -c 50000000 /dev/urandom > "$hostile/random.txt"
  check "50 MB of random bytes" 2 timeout 120 "$gklint" --lang en "$hostile/random.txt"
  expect "random bytes: not text" 'random\.txt:1:1: error: the file is not text' "$tmp/out"
  rm -f "$hostile/random.txt"
  one_line=$(tr -d '\r\n' < "$seeds/002_4b1796c7769bd424.txt")
  : > "$hostile/one-line.txt"
  while [ "$(wc -c < "$hostile/one-line.txt")" -lt 100000000 ]; do printf '%s' "$one_line$one_line$one_line$one_line" >> "$hostile/one-line.txt"; done
  check "100 MB on one line" 0 timeout 900 "$gklint" --lang en --format json "$hostile/one-line.txt"
  same "100 MB on one line: read and checked" "$(jq -c '[.summary.files, .summary.unreadable, (.files[0].diagnostics | length > 1000)]' "$tmp/out")" '[1,0,true]'
  rm -f "$hostile/one-line.txt"
fi
# A file gklint may not read: one message, the rest of the batch linted. Root reads anything, so
# as root the run drops to nobody (when nobody can run this gklint at all).
mkdir -p "$hostile/perm"
cp "$seeds/002_4b1796c7769bd424.txt" "$hostile/perm/a.txt"
cp "$seeds/002_4b1796c7769bd424.txt" "$hostile/perm/b.txt"
chmod 000 "$hostile/perm/b.txt"
chmod 755 "$tmp" "$hostile" "$hostile/perm"
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
if "${as_user[@]}" "$gklint" --version >/dev/null 2>&1; then
  check "an unreadable file in a batch" 2 "${as_user[@]}" "$gklint" --lang en --format json "$hostile/perm"
  same "unreadable: two files, one not read" \
    "$(jq -c '[.files[] | [(.path | split("/") | last), .status]]' "$tmp/out")" '[["a.txt","checked"],["b.txt","unreadable"]]'
  expect "unreadable: permission denied" 'b\.txt.*[Pp]ermission denied' "$tmp/out"
else
  echo "note: skipped the unreadable-file case (nobody cannot run $gklint)"
fi
# Found by fuzzing: a number out of range in a baseline.
check "baseline: number out of range" 2 "$gklint" --lang en --baseline "$root/tests/fixtures/hostile/baseline-number-out-of-range.json.in" "$seeds/002_4b1796c7769bd424.txt"
expect "baseline: number out of range message" 'JSON cannot be read' "$tmp/err"
# An endless --files-from list stops at the cap.
yes | timeout 60 "$gklint" --files-from - >"$tmp/out" 2>"$tmp/err"; code=$?
[ "$code" -eq 2 ] && grep -q 'larger than 256 MiB\|超过 256 MiB' "$tmp/err" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: endless --files-from: exit $code"; }
# The same for a .gklint.yaml found beside the reports.
mkdir -p "$hostile/cfgflood"
cp "$seeds/002_4b1796c7769bd424.txt" "$hostile/cfgflood/a.txt"
{ for i in $(seq 1000); do echo "unknown_$i: 1"; done; } > "$hostile/cfgflood/.gklint.yaml"
check "config with 1,000 errors" 2 "$gklint" --lang en --format gcc "$hostile/cfgflood/a.txt"
same "config 1,000 errors: 20 shown and one more line" "$(grep -c 'config.error' "$tmp/out")" 21
echo '{"tool":"gklint","version":1,"findings":[{"path":"a","fingerprint":"x"},{"path":"a","fingerprint":"y"},{"path":"a","fingerprint":"z","rule":1}]}' > "$hostile/base.json"
check "baseline: a wrong type" 2 "$gklint" --baseline "$hostile/base.json" "$seeds/002_4b1796c7769bd424.txt"
expect "baseline: wrong type located" 'base\.json: .*entry 3: `rule` must be a string' "$tmp/err"
for bad in '{"tool":7}' '{"tool":"gklint","version":"1","findings":[]}' '{"tool":"gklint","version":1,"findings":[{"path":1,"fingerprint":"x"}]}'; do
  echo "$bad" > "$hostile/base.json"
  check "baseline: no abort on $bad" 2 "$gklint" --baseline "$hostile/base.json" "$seeds/002_4b1796c7769bd424.txt"
done
printf '{"tool": "gklint",\n  "version": 1,\n  "findings": [ x ]}\n' > "$hostile/base.json"
check "baseline: JSON syntax error" 2 "$gklint" --baseline "$hostile/base.json" "$seeds/002_4b1796c7769bd424.txt"
expect "baseline: syntax error at line:column" 'base\.json: 3:17: .*JSON syntax error' "$tmp/err"

# --stdin-filename: standard input linted as a file at that path (how the git hook lints what is
# staged): its .gklint.yaml and by_path, its format by extension, its path in findings.
sf=$tmp/stdin-filename && mkdir -p "$sf/proj/reports" "$sf/proj/drafts"
seeds=$(cd "$seeds" && pwd)  # absolute: these run in another folder
printf 'disable: [section.missing]\nexclude: ["drafts/*"]\n' >"$sf/proj/.gklint.yaml"
(cd "$sf/proj" && "$gklint" --format json reports/none.txt - <"$seeds/000_ac653407c852e910.txt" --stdin-filename reports/a.txt) >"$tmp/out" 2>"$tmp/err"
same "--stdin-filename: path shown, config applied" "$(jq -c '[.files[] | .path, (.diagnostics | map(.rule) | index("section.missing"))]' "$tmp/out")" '["reports/none.txt",null,"reports/a.txt",null]'
(cd "$sf" && "$gklint" --format json - --stdin-filename reports/a.txt <"$seeds/000_ac653407c852e910.txt") >"$tmp/out" 2>"$tmp/err"
same "--stdin-filename: no config there, the rule fires" "$(jq -c '[.files[0].diagnostics[].rule] | index("section.missing") != null' "$tmp/out")" true
check "--stdin-filename: a .docx by its extension" 1 "$gklint" --format json - --stdin-filename d.docx <"$root/tests/fixtures/formats/numbering.libreoffice.docx"
same "--stdin-filename: .docx read" "$(jq -r '.files[0].path + " " + .files[0].status + " " + .files[0].format' "$tmp/out")" "d.docx checked docx"
check "--stdin-filename without -" 2 "$gklint" --stdin-filename a.txt "$seeds/002_4b1796c7769bd424.txt"
expect "--stdin-filename without -: says so" 'stdin-filename' "$tmp/err"
# --force-exclude: files named are selected like files in folders (the pre-commit framework names
# every changed file): the config's exclude, and README* never a report.
cp "$seeds/000_ac653407c852e910.txt" "$sf/proj/drafts/wip.txt"
cp "$seeds/002_4b1796c7769bd424.txt" "$sf/proj/reports/ok.txt"
printf '# notes\n' >"$sf/proj/README.md"
(cd "$sf/proj" && "$gklint" --format json --force-exclude README.md drafts/wip.txt reports/ok.txt) >"$tmp/out" 2>"$tmp/err"
same "--force-exclude: only the report" "$(jq -c '[.files[].path]' "$tmp/out")" '["reports/ok.txt"]'
(cd "$sf/proj" && "$gklint" --format json README.md drafts/wip.txt) >"$tmp/out" 2>"$tmp/err"
same "without it, files named are linted" "$(jq -c '[.files[].path]' "$tmp/out")" '["README.md","drafts/wip.txt"]'
check "--force-exclude: nothing left is a pass" 0 "$gklint" -q --force-exclude "$sf/proj/README.md"
(cd "$sf/proj" && cat drafts/wip.txt | "$gklint" --format json --force-exclude --stdin-filename drafts/wip.txt -) >"$tmp/out" 2>"$tmp/err"
same "--force-exclude: standard input by its --stdin-filename" "$(jq -c '[.files[].path]' "$tmp/out")" '[]'
# In folders: the config's exclude and include, and the default excludes.
(cd "$sf/proj" && "$gklint" --format json .) >"$tmp/out" 2>"$tmp/err"
same "folder: drafts/ and README.md left out" "$(jq -c '[.files[].path]' "$tmp/out")" '["./reports/ok.txt"]'
printf 'include: ["drafts/*"]\n' >"$sf/proj/.gklint.yaml"
(cd "$sf/proj" && "$gklint" --format json .) >"$tmp/out" 2>"$tmp/err"
same "folder: the config's include" "$(jq -c '[.files[].path]' "$tmp/out")" '["./drafts/wip.txt"]'
(cd "$sf/proj" && "$gklint" --format json --include '*.txt' .) >"$tmp/out" 2>"$tmp/err"
same "folder: --include wins over the config's" "$(jq -c '[.files[].path]' "$tmp/out")" '["./drafts/wip.txt","./reports/ok.txt"]'
printf 'exclude: {a: 1}\n' >"$sf/proj/.gklint.yaml"
check "config: exclude must be globs" 2 "$gklint" --lang en --format gcc "$sf/proj"
expect "config: exclude error located" '\.gklint\.yaml:1:10: error: .*exclude must be a list of globs' "$tmp/out"
# unreadable: in the config, like --unreadable.
printf 'unreadable: ignore\n' >"$sf/proj/.gklint.yaml"
: >"$sf/proj/reports/empty.txt"
(cd "$sf/proj" && "$gklint" -q reports/empty.txt) >"$tmp/out" 2>"$tmp/err"
same "config unreadable: ignore" "$?" 0
(cd "$sf/proj" && "$gklint" -q --unreadable error reports/empty.txt) >"$tmp/out" 2>"$tmp/err"
same "--unreadable wins over the config" "$?" 2

# gklint fix: the certain fixes written beside each report (or in place, with a .bak), in the
# report's own encoding; linted again, those findings are gone and nothing is new.
fx=$tmp/fix
mkdir -p "$fx"
formats=$root/tests/fixtures/formats
cp "$seeds/001_216a20324a3be511.txt" "$formats/seed-001.big5.txt" "$formats/seed-000.utf16le.txt" \
  "$formats/seed-000.gb18030.txt" "$formats/seed-000.utf8bom.txt" "$root/tests/fixtures/kinds/statute-name.txt" \
  "$root/tests/fixtures/kinds/numbering-skip.txt" "$fx/"
findings() { "$gklint" --no-config --format json --fail-on never "$1" | jq -c '[.files[0].diagnostics[] | [.rule, .message]]'; }
check "fix: a folder of reports" 0 "$gklint" --no-config fix "$fx"
expect "fix: says what it changed" '001_216a20324a3be511.txt:1:203: 修正：将“20120”改为“2020” \[year.typo\]' "$tmp/out"
expect "fix: the heading number" '001_216a20324a3be511.txt:7:1: 修正：将“\(三\)”改为“\(四\)” \[heading.numbering\]' "$tmp/out"
expect "fix: the period's 日" 'seed-000.utf16le.txt:6:193: 修正：在“年12月31”后插入“日” \[period.incomplete\]' "$tmp/out"
expect "fix: where it wrote" '001_216a20324a3be511.txt: 已写入 .*001_216a20324a3be511.fixed.txt（2 处修正；其余 5 条检查结果需人工判断）' "$tmp/out"
expect "fix: nothing certain to fix" 'numbering-skip.txt: 没有可自动修正的问题（4 条检查结果需人工判断）' "$tmp/out"
same "fix: no copy when nothing was fixed" "$(ls "$fx" | grep -c numbering-skip)" 1
for f in 001_216a20324a3be511 seed-001.big5 seed-000.utf16le seed-000.gb18030 seed-000.utf8bom statute-name; do
  before=$(findings "$fx/$f.txt")
  after=$(findings "$fx/$f.fixed.txt")
  # What is left is what was there, less the findings fixed.
  same "fix: $f linted again, nothing new" \
    "$(jq -cn --argjson a "$after" --argjson b "$before" '$a - $b')" '[]'
  same "fix: $f linted again, the fixed ones gone" \
    "$(jq -cn --argjson a "$after" --argjson b "$before" '($b - $a) | map(.[0]) | map(select(. != "year.typo" and . != "heading.numbering" and . != "period.incomplete" and . != "statute.name")) | length')" 0
  same "fix: $f fixed something" "$(jq -cn --argjson a "$after" --argjson b "$before" '($b | length) > ($a | length)')" true
  same "fix: $f keeps its encoding" \
    "$("$gklint" --no-config --format json --fail-on never "$fx/$f.fixed.txt" | jq -r '.files[0].encoding')" \
    "$("$gklint" --no-config --format json --fail-on never "$fx/$f.txt" | jq -r '.files[0].encoding')"
done
same "fix: only the fixed bytes change (GB18030)" \
  "$(diff <(iconv -f GB18030 -t UTF-8 "$fx/seed-000.gb18030.txt") <(iconv -f GB18030 -t UTF-8 "$fx/seed-000.gb18030.fixed.txt") | grep -c '^[<>]')" 2
cp "$fx/statute-name.txt" "$fx/in-place.txt"
chmod 640 "$fx/in-place.txt"
check "fix --in-place" 0 "$gklint" --no-config --lang en fix --in-place "$fx/in-place.txt"
expect "fix --in-place: says where the original is" 'in-place.txt: the original is kept as .*in-place.txt.bak' "$tmp/out"
same "fix --in-place: the backup is the original" "$(cmp "$fx/statute-name.txt" "$fx/in-place.txt.bak" && echo same)" same
same "fix --in-place: the report is fixed" "$(cmp "$fx/statute-name.fixed.txt" "$fx/in-place.txt" && echo same)" same
same "fix --in-place: the report keeps its mode" "$(stat -c %a "$fx/in-place.txt")" 640
check "fix: a .docx is not edited" 2 "$gklint" --no-config fix "$formats/numbering.libreoffice.docx"
expect "fix: says why" 'gklint fix 只修改纯文本和 Markdown 文件；这是 docx 文件' "$tmp/err"
check "fix: standard input is refused" 2 "$gklint" --no-config fix -
check "fix: a missing file" 2 "$gklint" --no-config fix "$fx/none.txt"
# The fixes in the JSON output and SARIF, placed like the findings.
check "fix: in JSON" 1 "$gklint" --no-config --format json "$seeds/001_216a20324a3be511.txt"
same "fix: JSON fix of the year typo" "$(jq -c '.files[0].diagnostics[] | select(.rule == "year.typo") | .fix' "$tmp/out")" \
  '{"line":1,"column":203,"end_line":1,"end_column":208,"replacement":"2020"}'
check "fix: in SARIF" 1 "$gklint" --no-config --format sarif "$seeds/001_216a20324a3be511.txt"
same "fix: SARIF fix of the year typo" \
  "$(jq -c '.runs[0].results[] | select(.ruleId == "year.typo") | .fixes[0].artifactChanges[0].replacements[0]' "$tmp/out")" \
  '{"deletedRegion":{"startLine":1,"startColumn":203,"endLine":1,"endColumn":208},"insertedContent":{"text":"2020"}}'

# The command line's own mistakes in the language of the findings: Chinese by default (the
# English after it), English with --lang en wherever it stands; exit 2; --help still 0.
check "usage: unknown option" 2 "$gklint" --frmat json "$seeds/002_4b1796c7769bd424.txt"
expect "usage: unknown option, in Chinese" '^gklint: 无法识别的参数：--frmat \(The following argument was not expected: --frmat\)$' "$tmp/err"
expect "usage: points to --help" '^用法见 gklint --help$' "$tmp/err"
check "usage: a bad choice" 2 "$gklint" --format xml a.txt
expect "usage: a bad choice lists the choices" '^gklint: --format 的值“xml”无效，可选：text、json、' "$tmp/err"
check "usage: out of range" 2 "$gklint" -j 0 a.txt
expect "usage: out of range, in Chinese" '^gklint: --jobs 的值“0”应在 1 到 256 之间' "$tmp/err"
check "usage: a value missing" 2 "$gklint" a.txt --output
expect "usage: a value missing, in Chinese" '^gklint: --output 后面缺少值' "$tmp/err"
check "usage: a subcommand's argument missing" 2 "$gklint" extract
expect "usage: names the subcommand's help" '^gklint: 缺少必需的参数：paths .*$' "$tmp/err"
expect "usage: the subcommand's help" '^用法见 gklint extract --help$' "$tmp/err"
check "usage: in English with --lang en, even after the mistake" 2 "$gklint" --frmat json a.txt --lang en
expect "usage: English" '^gklint: The following argument was not expected: --frmat$' "$tmp/err"
expect "usage: English help line" '^Run gklint --help for usage\.$' "$tmp/err"
check "usage: --lang=en" 2 "$gklint" --lang=en --year 1800 a.txt
expect "usage: --lang=en English" '^gklint: --year: Value 1800 not in range 1990 to 2100$' "$tmp/err"
check "--help is not a mistake" 0 "$gklint" --help
expect "--help prints the usage" '^Usage: gklint' "$tmp/out"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
