#!/usr/bin/env bash
# The VS Code extension (editors/vscode) builds, packages, and would start gklint's server:
#
#   tests/vscode_test.sh GKLINT_BINARY SOURCE_DIR
#
# npm ci (the versions pinned in its package-lock.json; node_modules kept while the lock is the
# same, as scripts/test.sh does for tests/consumers), tsc, vsce package into a temporary folder,
# then the .vsix is read: its manifest (main, activation, the settings and their defaults), the
# compiled extension, and the runtime dependency it needs (vscode-languageclient, with everything it
# requires, loadable). Its activate() is run in Node with the editor's API stubbed: the client it
# makes must start `gklint lsp` over stdio for plain text, Markdown and HTML files, with the gklint
# settings synchronized and .gklint.yaml watched, and that command (with gklint.path set to the
# built binary) must answer initialize as gklint. Skipped (77) without npm.
set -euo pipefail
gklint=$(realpath "$1")
src=$(realpath "$2")
ext=$src/editors/vscode
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "vscode-extension: npm or node not installed (scripts/install-deps.sh installs them); skipped"
  exit 77
fi
cd "$ext"
if ! cmp -s package-lock.json node_modules/.gklint-installed-lock; then
  # Optional dependencies (keytar, vsce-sign's binaries) and install scripts serve publishing only.
  npm ci --no-audit --no-fund --ignore-scripts --omit=optional >/dev/null
  cp package-lock.json node_modules/.gklint-installed-lock
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf out
npx --no-install tsc -p .
npx --no-install vsce package --allow-missing-repository --skip-license --out "$tmp/gklint.vsix" >"$tmp/vsce.log" 2>&1 || {
  cat "$tmp/vsce.log"
  echo "vscode-extension: vsce package failed"
  exit 1
}

# The package, unpacked (python3's zipfile: no unzip needed).
python3 - "$tmp/gklint.vsix" "$tmp/unpacked" <<'EOF'
import json, sys, zipfile
vsix, out = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(vsix)
names = set(z.namelist())
z.extractall(out)
problems = []
m = json.loads(z.read("extension/package.json"))
if m.get("name") != "gklint" or m.get("publisher") != "gklint":
    problems.append(f"name/publisher: {m.get('name')}/{m.get('publisher')}")
main = m.get("main", "")
if main.lstrip("./") != "out/extension.js" or "extension/out/extension.js" not in names:
    problems.append(f"main {main!r} is not the compiled out/extension.js in the package")
for lang in ("plaintext", "markdown", "html"):
    if f"onLanguage:{lang}" not in m.get("activationEvents", []):
        problems.append(f"not activated for {lang}")
props = m.get("contributes", {}).get("configuration", {}).get("properties", {})
if props.get("gklint.path", {}).get("default") != "gklint":
    problems.append("gklint.path does not default to gklint")
for key in ("gklint.rules", "gklint.year", "gklint.lang"):
    if key not in props:
        problems.append(f"no setting {key}")
if "extension/node_modules/vscode-languageclient/package.json" not in names:
    problems.append("vscode-languageclient is not in the package")
if any(n.startswith("extension/src/") or n.endswith(".ts") and not n.endswith(".d.ts") for n in names):
    problems.append("TypeScript sources in the package")
if problems:
    print("vscode-extension: the package is wrong:\n  " + "\n  ".join(problems))
    sys.exit(1)
EOF

# activate() with the editor's API stubbed, and the server it would start.
cat >"$tmp/activate.js" <<'EOF'
const Module = require('module');
const path = require('path');
const { spawn } = require('child_process');
const [extDir, gklint] = process.argv.slice(2);
const fail = (why) => { console.log('vscode-extension: ' + why); process.exit(1); };

// Anything at all: what vscode-languageclient touches of the editor's API while it loads.
const anything = () => new Proxy(function () {}, {
  get: (t, k) => (k === 'prototype' ? {} : k === Symbol.toPrimitive ? () => '' : anything()),
  apply: () => anything(),
  construct: () => anything(),
});
const settings = { path: gklint, rules: null, year: null, lang: 'en' };
const watched = [];
const vscode = new Proxy({
  workspace: {
    getConfiguration: (section) => ({ get: (k, d) => (section === 'gklint' && k in settings ? settings[k] : d) }),
    createFileSystemWatcher: (glob) => { watched.push(glob); return { dispose() {} }; },
    onDidChangeConfiguration: () => ({ dispose() {} }),
  },
}, { get: (t, k) => (k in t ? t[k] : anything()) });

const realLoad = Module._load;
let made = null;
let loadedClient = null;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node' && parent && parent.filename.endsWith(path.join('out', 'extension.js'))) {
    // The packaged module must load with what the package holds; the client is then recorded.
    loadedClient = realLoad.apply(this, arguments);
    class LanguageClient {
      constructor(id, name, serverOptions, clientOptions) { made = { id, name, serverOptions, clientOptions }; }
      start() { return Promise.resolve(); }
      stop() { return Promise.resolve(); }
    }
    return { ...loadedClient, LanguageClient };
  }
  return realLoad.apply(this, arguments);
};

(async () => {
  const ext = require(path.join(extDir, 'out', 'extension.js'));
  const subscriptions = [];
  await ext.activate({ subscriptions });
  if (!loadedClient || typeof loadedClient.LanguageClient !== 'function') fail('vscode-languageclient/node did not load from the package');
  if (!made) fail('activate() made no LanguageClient');
  const run = made.serverOptions.run || made.serverOptions;
  if (run.command !== gklint || JSON.stringify(run.args) !== '["lsp"]') fail(`the server is ${run.command} ${JSON.stringify(run.args)}`);
  if (run.transport !== loadedClient.TransportKind.stdio) fail('the server is not spoken to over stdio');
  const langs = made.clientOptions.documentSelector.map((s) => `${s.scheme}:${s.language}`).sort();
  if (JSON.stringify(langs) !== '["file:html","file:markdown","file:plaintext"]') fail('documentSelector ' + JSON.stringify(langs));
  if (made.clientOptions.synchronize.configurationSection !== 'gklint') fail('the gklint settings are not synchronized');
  if (JSON.stringify(watched) !== '["**/.gklint.yaml"]') fail('watched: ' + JSON.stringify(watched));
  if (made.clientOptions.initializationOptions.lang !== 'en') fail('initializationOptions: ' + JSON.stringify(made.clientOptions.initializationOptions));
  await ext.deactivate();

  // The command it would run answers initialize as gklint, and exits 0 after shutdown and exit.
  const child = spawn(run.command, run.args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const send = (m) => { const b = Buffer.from(JSON.stringify(m)); child.stdin.write(`Content-Length: ${b.length}\r\n\r\n`); child.stdin.write(b); };
  let out = Buffer.alloc(0);
  const timer = setTimeout(() => fail('no answer to initialize from ' + run.command), 30000);
  child.stdout.on('data', (d) => {
    out = Buffer.concat([out, d]);
    const text = out.toString();
    if (text.includes('"serverInfo"') && !text.includes('"id":2')) {
      if (!/"name":"gklint"/.test(text) || !/"codeActionProvider"/.test(text)) fail('initialize answered: ' + text);
      send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
      send({ jsonrpc: '2.0', method: 'exit' });
    }
  });
  child.on('exit', (code) => {
    clearTimeout(timer);
    if (code !== 0) fail(`${run.command} lsp exited ${code}`);
    console.log('vscode-extension: ok (' + made.clientOptions.documentSelector.length + ' languages, server ' + run.command + ' lsp answered initialize)');
  });
  send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {}, initializationOptions: made.clientOptions.initializationOptions } });
})().catch((e) => fail(String(e && e.stack || e)));
EOF
node "$tmp/activate.js" "$tmp/unpacked/extension" "$gklint"
