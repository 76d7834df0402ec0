/**
 * The VS Code side: starts the language server (which does all the checking and plans the setup) and
 * registers the commands. Kept thin on purpose; see server/src/core for the logic.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { documentSelector, WORKSPACE_EXCLUDE, WORKSPACE_GLOB } from './documents.js';
import { enableProfiling, type EnableOptions } from './enableProfiling.js';

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
    // The server offers the setup as a CodeLens and a code action only to clients that run this command.
    initializationOptions: { enableProfilingCommand: true },
  };
  const started = new LanguageClient('ddProfilerConfig', 'Datadog Profiler Config', serverOptions, clientOptions);
  client = started;
  context.subscriptions.push(
    vscode.commands.registerCommand('ddProfilerConfig.enableProfiling', (uri?: unknown, options?: EnableOptions) =>
      enableProfiling(
        started,
        uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : undefined,
        options,
      ),
    ),
    vscode.commands.registerCommand('ddProfilerConfig.validateWorkspace', validateWorkspace),
  );
  await started.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
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
