// `gklint lsp`: a language server (LSP 3.17, JSON-RPC 2.0 over a byte stream) that lints the
// documents an editor has open and publishes the findings as diagnostics.
//
// The subset served:
//   requests       initialize (positionEncoding utf-16, or utf-8/utf-32 when the client offers
//                  only those; full text sync; hover; code actions of kind quickfix), shutdown,
//                  textDocument/hover, textDocument/codeAction ("disable this rule": an edit of the
//                  document's .gklint.yaml, or a new one beside it); anything else -32601, before
//                  initialize -32002, after shutdown -32600
//   notifications  initialized, exit (code 0 after shutdown, else 1), textDocument/didOpen,
//                  didChange (full text; ranged changes are applied too), didSave, didClose (an
//                  empty list is published), workspace/didChangeConfiguration (settings section
//                  "gklint": rules, year, lang) and workspace/didChangeWatchedFiles (a .yaml or .yml
//                  file): every open document is linted again; $/cancelRequest and unknown ones are
//                  ignored. A config or rule file changed on disk is also seen at the next lint.
//   sent           textDocument/publishDiagnostics, window/showMessage (bad settings, a config
//                  with errors), client/registerCapability (a watcher for **/.gklint.yaml and YAML
//                  rule files, when the client can register one), workspace/configuration (settings
//                  changed but not sent, when the client can be asked); their responses are read
//   errors         -32700 for bytes that are not a message (bad header, invalid JSON; id null),
//                  -32600 for JSON that is not a request, -32602 for params of the wrong shape
#pragma once

#include <chrono>
#include <cstddef>
#include <istream>
#include <ostream>
#include <string>

namespace gklint {

struct LanguageServerOptions {
  // The command line's choices (`gklint lsp --rules … --year … --lang …`); the client's
  // initializationOptions {rules, year, lang} override them, and its settings {gklint: {rules,
  // year, lang}} override those.
  std::string rules;  // a built-in id or a YAML file; empty: chosen by each report's year
  int year = 0;       // 0: the year found in the report
  std::string lang;   // "zh" | "en"; empty: zh
  // How long after the last change a document is linted again (didOpen and didSave lint at once).
  std::chrono::milliseconds debounce{200};
  // The largest message accepted; a bigger Content-Length is answered with a parse error.
  size_t max_message_bytes = size_t{1} << 30;
  // Where the server reports on itself (a bad message, a rule file error); nullptr: nowhere.
  std::ostream* log = nullptr;
};

// Serves one client on `in`/`out` until `exit` or the end of `in`. Returns the process exit code:
// 0 after shutdown then exit (or end of input after shutdown), 1 when the client leaves without
// shutdown, 2 when the --rules set cannot be loaded (before anything is read).
// Unties `in` from any stream, since output is written from a worker thread too.
int run_language_server(std::istream& in, std::ostream& out, const LanguageServerOptions& options = {});

}  // namespace gklint
