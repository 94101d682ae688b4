#!/usr/bin/env bash
# gklint --format html, end to end (tests/consumers/html_test.js): the overview page of a batch, with
# a pair across years, a report with last year's cell in `related` and a file that cannot be read,
# opened from disk in headless Chromium driven by puppeteer-core and checked against the JSON of
# the same run.
#   html_test.sh PATH/TO/gklint REPO_ROOT [--screenshot FILE.png]
# Skipped (77) without Chromium or Node.js; scripts/install-deps.sh and scripts/test.sh install them.
set -u
gklint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$2" && pwd)
shift 2
consumers=$root/tests/consumers
corpus=$root/../shared/corpus-dev
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ] || ! command -v node >/dev/null || [ ! -d "$consumers/node_modules/puppeteer-core" ] ||
  [ ! -x "$consumers/node_modules/.bin/html-validate" ]; then
  echo "html: Chromium, Node.js, puppeteer-core or html-validate (npm ci --prefix tests/consumers) missing; skipped"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A batch: the real reports, an agency's two years of which this year's carry-over was changed, a
# file that is not a report; paired across years and compared with other agencies' reports.
mkdir -p "$tmp/batch/zrzyj" "$tmp/batch/other"
cp "$corpus"/0[3-5]*.txt "$tmp/batch/other/"
rm "$tmp/batch/other/031_2019_pingtan_zrzyj.txt" "$tmp/batch/other/035_2020_pingtan_zrzyj.txt"
cp "$corpus/031_2019_pingtan_zrzyj.txt" "$tmp/batch/zrzyj/2019.txt"
grep -v '^# args:' "$root/tests/fixtures/cross/zrzyj-2020-carried-in-changed.txt" >"$tmp/batch/zrzyj/2020.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$tmp/batch/other/scan.txt"
cd "$tmp" || exit 1
"$gklint" --no-config --pair-years --find-copies --fail-on never --format json batch >"$tmp/findings.json" 2>/dev/null
"$gklint" --no-config --pair-years --find-copies --fail-on never --format html batch >"$tmp/overview.html" 2>"$tmp/html.err"
[ -s "$tmp/overview.html" ] || { echo "html: no page written"; cat "$tmp/html.err"; exit 1; }
# Nothing from outside the page: no link, script, style sheet or image with an address.
if grep -Eo '(src|href)="[^"#][^"]*"' "$tmp/overview.html" | grep -q .; then
  echo "html: the page refers to something outside itself:"
  grep -Eo '(src|href)="[^"#][^"]*"' "$tmp/overview.html" | head -3
  exit 1
fi
# Valid HTML, and the accessibility rules html-validate recommends (WCAG techniques among them).
"$consumers/node_modules/.bin/html-validate" --config "$consumers/htmlvalidate.json" "$tmp/overview.html" || {
  echo "html: html-validate rejects the page"
  exit 1
}
CHROMIUM=$chromium CHROMIUM_VERSION="$("$chromium" --version 2>/dev/null | head -1)" \
  timeout 180 node "$consumers/html_test.js" "$tmp/overview.html" "$tmp/findings.json" "$@" || exit 1
# The English page says the same in English.
"$gklint" --no-config --pair-years --fail-on never --format html --lang en batch >"$tmp/en.html" 2>/dev/null
grep -q '<html lang="en">' "$tmp/en.html" && grep -q 'Reports hit' "$tmp/en.html" &&
  "$consumers/node_modules/.bin/html-validate" --config "$consumers/htmlvalidate.json" "$tmp/en.html" || {
  echo "html: --lang en does not give the English page"
  exit 1
}
