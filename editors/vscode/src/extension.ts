// The gklint extension: starts `gklint lsp` (the `gklint.path` setting, `gklint` on PATH by
// default) over standard input/output for the plain-text, Markdown and HTML files of the workspace,
// and passes it the settings `gklint.rules`, `gklint.year` and `gklint.lang`, again whenever they
// change. Changed `.gklint.yaml` files are reported to the server, which lints the open reports again.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

// The settings the server takes (initializationOptions, and workspace/didChangeConfiguration).
function serverSettings(): { rules: string | null; year: number | null; lang: string | null } {
  const config = vscode.workspace.getConfiguration('gklint');
  return {
    rules: config.get<string | null>('rules', null),
    year: config.get<number | null>('year', null),
    lang: config.get<string | null>('lang', null),
  };
}

// A client for the program `gklint.path` names, read when it starts.
function makeClient(): LanguageClient {
  const command = vscode.workspace.getConfiguration('gklint').get<string>('path', 'gklint') || 'gklint';
  const run = { command, args: ['lsp'], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'html' },
    ],
    initializationOptions: serverSettings(),
    synchronize: {
      configurationSection: 'gklint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.gklint.yaml'),
    },
  };
  return new LanguageClient('gklint', 'gklint', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // Another program: a new server. (rules, year and lang reach the running one.)
      if (!e.affectsConfiguration('gklint.path')) return;
      await deactivate();
      client = makeClient();
      await client.start();
    }),
  );
  client = makeClient();
  await client.start();
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping) await stopping.stop();
}
