#!/usr/bin/env bash
# gklint serve, end to end (tests/consumers/serve_test.js): plain HTTP requests, then headless
# Chromium driven by puppeteer-core uploads a .docx made by LibreOffice and checks the page; the
# .docx it downloads is checked like gklint annotate's (tests/consumers/docx_comments.py).
#   serve_test.sh PATH/TO/gklint REPO_ROOT [--screenshot FILE.png]
# Skipped (77) without Chromium or Node.js; scripts/install-deps.sh and scripts/test.sh install them.
set -u
gklint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$2
shift 2
consumers=$root/tests/consumers
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ] || ! command -v node >/dev/null || [ ! -d "$consumers/node_modules/puppeteer-core" ]; then
  echo "serve: Chromium, Node.js or puppeteer-core (npm ci --prefix tests/consumers) missing; skipped"
  exit 77
fi
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
docx=$root/tests/fixtures/formats/seed-001.libreoffice.docx
"$gklint" --no-config --format json --fail-on never "$docx" >"$tmp/findings.json"
"$gklint" --no-config cat "$docx" >"$tmp/cat.txt"

"$gklint" serve --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
for _ in $(seq 100); do grep -q '^gklint serve: http' "$tmp/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^gklint serve: \(http[^ ]*\)$/\1/p' "$tmp/serve.out")
[ -n "$url" ] || { echo "serve: the server did not start"; cat "$tmp/serve.err"; exit 1; }
case "$url" in http://127.0.0.1:*) ;; *) echo "serve: not on the loopback: $url"; exit 1 ;; esac

mkdir -p "$tmp/downloads"
CHROMIUM=$chromium CHROMIUM_VERSION="$("$chromium" --version 2>/dev/null | head -1)" \
  timeout 180 node "$consumers/serve_test.js" "$url" "$docx" "$tmp/findings.json" "$tmp/downloads" "$@" || exit 1
python3 "$root/tests/consumers/docx_comments.py" "$tmp/downloads/seed-001.libreoffice.gklint.docx" \
  "$tmp/findings.json" "$tmp/cat.txt" || exit 1
# The downloaded copy opened in LibreOffice, as the drafter would: every comment there, with its range.
if command -v soffice >/dev/null; then
  soffice --headless "-env:UserInstallation=file://$tmp/lo-profile" --convert-to fodt --outdir "$tmp/lo" \
    "$tmp/downloads/seed-001.libreoffice.gklint.docx" >"$tmp/lo.log" 2>&1
  want=$(jq '.files[0].diagnostics | length' "$tmp/findings.json")
  got=$(grep -o '<office:annotation[ >]' "$tmp/lo/seed-001.libreoffice.gklint.fodt" 2>/dev/null | wc -l)
  [ "$got" = "$want" ] || { echo "serve: LibreOffice reads $got comments in the download, gklint found $want"; exit 1; }
  echo "serve: LibreOffice opens the downloaded .docx: $got comments"
fi
kill -0 "$server" 2>/dev/null || { echo "serve: the server died"; cat "$tmp/serve.err"; exit 1; }
