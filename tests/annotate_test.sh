#!/usr/bin/env bash
# gklint annotate, end to end, checked by real consumers: every .docx fixture (made by LibreOffice
# and pandoc) annotated; a plain XML reader (tests/consumers/docx_comments.py) holds each comment to
# its finding and the text it anchors on; gklint reads the copy as it read the draft (same
# findings); LibreOffice (headless) opens each copy and keeps every comment and its range. The draft
# is never changed. Bad inputs get a message and exit 2.
# Usage: annotate_test.sh PATH/TO/gklint REPO_ROOT
set -u
gklint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$2
formats=$root/tests/fixtures/formats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
problem() { echo "FAIL: $*"; fail=$((fail + 1)); }
findings() { "$gklint" --no-config --format json --fail-on never "$1" | jq -c '[.files[0].diagnostics[] | del(.fingerprint)]'; }

drafts=()
for f in "$formats"/*.docx; do
  name=$(basename "$f" .docx)
  cp "$f" "$tmp/$name.docx"
  n=$("$gklint" --no-config --format json --fail-on never "$f" | jq '.files[0].diagnostics | length')
  errors=$("$gklint" --no-config --format json --fail-on never "$f" | jq '[.files[0].diagnostics[] | select(.severity == "error")] | length')
  want=0
  [ "$errors" -gt 0 ] && want=1
  (cd "$tmp" && "$gklint" --no-config annotate "$name.docx") >"$tmp/out" 2>"$tmp/err"
  status=$?
  [ "$status" -eq "$want" ] || { problem "$name: exit $status, expected $want"; cat "$tmp/err"; continue; }
  grep -qF "$name.docx: 已写入 $name.gklint.docx（$n 条批注）" "$tmp/out" || problem "$name: says $(cat "$tmp/out")"
  cmp -s "$f" "$tmp/$name.docx" || problem "$name: the draft was changed"
  "$gklint" --no-config --format json --fail-on never "$f" >"$tmp/$name.json"
  "$gklint" --no-config cat "$f" >"$tmp/$name.cat"
  python3 "$root/tests/consumers/docx_comments.py" "$tmp/$name.gklint.docx" "$tmp/$name.json" "$tmp/$name.cat" \
    >"$tmp/check" || { problem "$name: the comments"; cat "$tmp/check"; }
  # Read again, the copy gives the draft's findings: the comments change no text.
  [ "$(findings "$f" | jq -c 'map(del(.message))')" = "$(findings "$tmp/$name.gklint.docx" | jq -c 'map(del(.message))')" ] ||
    problem "$name: the copy does not read as the draft"
  drafts+=("$tmp/$name.gklint.docx")
  echo "$n" >"$tmp/$name.count"
done
[ ${#drafts[@]} -ge 6 ] || problem "only ${#drafts[@]} drafts annotated"

# A clean draft: a copy with no comment, exit 0 (checked above); its comments part is empty.
clean=$tmp/clean-2022.libreoffice-from-txt.gklint.docx
[ "$(python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/comments.xml").decode().count("<w:comment "))' "$clean")" = 0 ] ||
  problem "the clean draft got comments"

# -o, and what is refused: the draft itself as the output, a file that is not a .docx, stdin, a
# missing file.
"$gklint" --no-config annotate "$tmp/seed-001.libreoffice.docx" -o "$tmp/elsewhere.docx" >/dev/null 2>&1
[ -s "$tmp/elsewhere.docx" ] || problem "-o wrote nothing"
"$gklint" --no-config annotate "$tmp/seed-001.libreoffice.docx" -o "$tmp/seed-001.libreoffice.docx" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "不覆盖" "$tmp/err" || problem "-o over the draft: $(cat "$tmp/err")"
cmp -s "$formats/seed-001.libreoffice.docx" "$tmp/seed-001.libreoffice.docx" || problem "the draft was overwritten"
"$gklint" --no-config annotate "$formats/seed-000.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "这是 text 文件" "$tmp/err" || problem "a .txt: $(cat "$tmp/err")"
"$gklint" --no-config --lang en annotate "$formats/bad/pdf-renamed.docx" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "this is a pdf file" "$tmp/err" || problem "a PDF named .docx: $(cat "$tmp/err")"
"$gklint" --no-config annotate "$tmp/none.docx" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || problem "a missing file: $(cat "$tmp/err")"
"$gklint" --no-config annotate - </dev/null >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || problem "standard input: $(cat "$tmp/err")"

# LibreOffice opens every copy and keeps each comment with its range (converted to flat ODT).
if command -v soffice >/dev/null; then
  soffice --headless "-env:UserInstallation=file://$tmp/lo-profile" --convert-to fodt --outdir "$tmp/lo" "${drafts[@]}" \
    >"$tmp/lo.log" 2>&1
  for d in "${drafts[@]}"; do
    name=$(basename "$d" .gklint.docx)
    fodt=$tmp/lo/$name.gklint.fodt
    [ -f "$fodt" ] || { problem "LibreOffice did not open $name.gklint.docx"; cat "$tmp/lo.log"; continue; }
    want=$(cat "$tmp/$name.count")
    got=$(grep -o '<office:annotation[ >]' "$fodt" | wc -l)
    ends=$(grep -o '<office:annotation-end ' "$fodt" | wc -l)
    [ "$got" = "$want" ] || problem "LibreOffice reads $got comments in $name.gklint.docx, gklint wrote $want"
    [ "$ends" = "$want" ] || problem "LibreOffice reads $ends comment ranges in $name.gklint.docx, gklint wrote $want"
  done
  lo="LibreOffice: $(soffice --version | head -1 | cut -d' ' -f1-2)"
else
  lo="LibreOffice not installed (scripts/install-deps.sh installs it): its check skipped"
fi

if [ "$fail" -gt 0 ]; then
  echo "annotate: $fail failed"
  exit 1
fi
echo "annotate: ok (${#drafts[@]} drafts, each comment on its finding's text; $lo)"
