/**
 * The VS Code side: starts the language server (which does all the checking) and registers the two
 * commands. Kept thin on purpose; see server/src/core for the logic.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { documentSelector, WORKSPACE_EXCLUDE, WORKSPACE_GLOB } from './documents.js';
import { RUNTIME_CHOICES, setupsFor } from './snippets.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: 'ddProfilerConfig' },
  };
  client = new LanguageClient('ddProfilerConfig', 'Datadog Profiler Config', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('ddProfilerConfig.insertSetup', () => insertSetup(context.extensionPath)),
    vscode.commands.registerCommand('ddProfilerConfig.validateWorkspace', validateWorkspace),
  );
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** "Insert profiler setup…": pick a runtime, get the setup that fits the current file. */
async function insertSetup(extensionPath: string): Promise<boolean> {
  const choice = await vscode.window.showQuickPick(
    RUNTIME_CHOICES.map((c) => ({ label: c.label, runtime: c.runtime })),
    { placeHolder: 'Which runtime does this service run?' },
  );
  if (!choice) return false;
  let editor = vscode.window.activeTextEditor;
  let setups = editor ? setupsFor(extensionPath, editor.document.languageId, choice.runtime) : [];
  if (setups.length === 0) {
    const doc = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: '' });
    editor = await vscode.window.showTextDocument(doc);
    setups = setupsFor(extensionPath, 'dockerfile', choice.runtime);
  }
  const setup =
    setups.length === 1
      ? setups[0]
      : await vscode.window.showQuickPick(
          setups.map((s) => ({ ...s, label: s.name, detail: s.description })),
          { placeHolder: 'Which setup?' },
        );
  if (!setup || !editor) return false;
  return editor.insertSnippet(new vscode.SnippetString(setup.body));
}

/** What the server answers to `ddProfilerConfig/validateFiles` (server/src/lsp/validateFiles.ts). */
interface ValidateFilesResult {
  files: number;
  findings: number;
  skipped: { uri: string; reason: string; note: string }[];
}

/** "Validate workspace": every supported file into the Problems panel, open or not. */
async function validateWorkspace(): Promise<ValidateFilesResult | undefined> {
  if (!client) return undefined;
  const uris = await vscode.workspace.findFiles(WORKSPACE_GLOB, WORKSPACE_EXCLUDE, 5000);
  const result = await client.sendRequest<ValidateFilesResult>('ddProfilerConfig/validateFiles', {
    uris: uris.map((uri) => uri.toString()),
  });
  // Each skipped file and its reason is in the server's log (Output: Datadog Profiler Config).
  const reasons = [...new Set(result.skipped.map((s) => s.reason))].join(', ');
  const skipped =
    result.skipped.length > 0 ? ` Skipped ${result.skipped.length} (${reasons}); see the Output panel.` : '';
  void vscode.window.showInformationMessage(
    `Datadog Profiler: checked ${result.files} file(s), ${result.findings} finding(s). See the Problems panel.${skipped}`,
  );
  return result;
}
