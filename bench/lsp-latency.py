#!/usr/bin/env python3
"""How long the language server takes to lint a document, through its JSON-RPC transport.

    bench/lsp-latency.py GKLINT FILE [N]     N = times the document is opened (default 50)

Starts `GKLINT lsp`, then N times closes the document and opens it again with one character
changed, and times each didOpen until its publishDiagnostics arrives (didOpen is linted at once;
a didChange waits for the server's 200 ms debounce first). The time includes reading and parsing
the message, linting, converting positions to UTF-16 and writing the answer, and this client's
own encoding and decoding. Prints the median, the 95th percentile and the fastest.
Not part of CI (it times things). Exit status 2 on bad use.
"""
import json
import subprocess
import sys
import time


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    exe, path = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) == 4 else 50
    text = open(path, encoding="utf-8").read()
    server = subprocess.Popen([exe, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(obj):
        body = json.dumps(obj, ensure_ascii=False).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        headers = {}
        while True:
            line = server.stdout.readline()
            if line in (b"\r\n", b""):
                break
            key, value = line.decode().split(":", 1)
            headers[key.lower()] = value.strip()
        return json.loads(server.stdout.read(int(headers["content-length"])))

    def diagnostics():
        while True:
            message = receive()
            if message.get("method") == "textDocument/publishDiagnostics":
                return message["params"]["diagnostics"]

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    while receive().get("id") != 1:
        pass
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = "file:///bench/document.txt"
    ms = []
    found = 0
    middle = len(text) // 2
    for version in range(1, runs + 2):
        changed = text[:middle] + ("一" if version % 2 else "二") + text[middle + 1:]
        if version > 1:
            send({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
            diagnostics()  # the close clears the document's findings
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": version,
                                          "text": changed}}})
        found = len(diagnostics())
        if version > 1:  # the first lint loads the rule set
            ms.append((time.perf_counter() - start) * 1000)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(timeout=10)
    ms.sort()
    print(f"{path}: {len(text.encode())} bytes, {found} findings, {runs} lints: median {ms[len(ms) // 2]:.2f} ms, "
          f"p95 {ms[int(len(ms) * 0.95)]:.2f} ms, fastest {ms[0]:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
