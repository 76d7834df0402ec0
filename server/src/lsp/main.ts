/**
 * The language server: a thin adapter from LSP to the pure core. Runs over stdio (`--stdio`, any editor)
 * or IPC (`--node-ipc`, the VS Code client). Handlers look up the document, get its settings, call the
 * core and return; policy lives in the core.
 */
import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type DocumentInput, type LanguageService } from '../core/languageService.js';
import { loadServerCatalog } from './catalog.js';
import { loadParsers } from '../node/parsers.js';
import { createGuard } from './guard.js';
import { createSettingsStore } from './settings.js';
import { createPushScheduler } from './push.js';
import { validateFiles, VALIDATE_FILES_REQUEST } from './validateFiles.js';
import { hasSetupCommand, registerSetup, setupAction } from './setup.js';

const connection = createConnection(ProposedFeatures.all);
// Prism's WebAssembly compiles while the client's initialize request is on its way.
let parserError: unknown;
const parsersLoading = loadParsers().catch((error: unknown) => {
  parserError = error;
  return {};
});
const documents = new TextDocuments(TextDocument);
const guard = createGuard(connection);
let service: LanguageService | undefined;
let pullDiagnostics = false;
let configurationRequests = false;
let setupCommand = false;
const settings = createSettingsStore(connection, () => configurationRequests);

const input = (doc: TextDocument): DocumentInput => ({ uri: doc.uri, text: doc.getText(), languageId: doc.languageId });

const push = createPushScheduler(async (uri) => {
  const doc = documents.get(uri);
  if (!doc || !service) return;
  const diagnostics = await guard('validation', [], async () => service!.validate(input(doc), await settings.get(uri)));
  await connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
});

connection.onInitialize(async (params): Promise<InitializeResult> => {
  pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
  configurationRequests = params.capabilities.workspace?.configuration === true;
  setupCommand = hasSetupCommand(params);
  const parsers = await parsersLoading;
  if (parserError) connection.console.warn(`dd-profiler-config: Ruby parser not loaded: ${String(parserError)}`);
  service = createLanguageService({ catalog: loadServerCatalog(), parsers });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: ['_', '.', '=', '"', "'", ':', ' ', '-'] },
      hoverProvider: true,
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.Source],
      },
      ...(setupCommand ? { codeLensProvider: {} } : {}),
      ...(pullDiagnostics
        ? {
            diagnosticProvider: {
              identifier: 'dd-profiler-config',
              interFileDependencies: false,
              workspaceDiagnostics: false,
            },
          }
        : {}),
    },
    serverInfo: { name: 'dd-profiler-language-server', version: process.env.npm_package_version ?? '0.1.0' },
  };
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  if (pullDiagnostics) connection.languages.diagnostics.refresh();
  else documents.all().forEach((doc) => push.schedule(doc.uri));
});

documents.onDidChangeContent((event) => {
  if (!pullDiagnostics) push.schedule(event.document.uri);
});
documents.onDidClose((event) => {
  push.cancel(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on((params) =>
  guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async () => {
    const doc = documents.get(params.textDocument.uri);
    const items = doc && service ? service.validate(input(doc), await settings.get(doc.uri)) : [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  }),
);

connection.onCompletion((params) =>
  guard('completion', [], async () => {
    const doc = documents.get(params.textDocument.uri);
    return doc && service ? service.complete(input(doc), params.position, await settings.get(doc.uri)) : [];
  }),
);

connection.onHover((params) =>
  guard('hover', null, async () => {
    const doc = documents.get(params.textDocument.uri);
    return doc && service ? service.hover(input(doc), params.position, await settings.get(doc.uri)) : null;
  }),
);

connection.onCodeAction((params) =>
  guard('code actions', [], () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !service) return [];
    const fixes = service.codeActions(input(doc), params.range, params.context.diagnostics);
    return setupCommand ? [...fixes, ...setupAction(service, doc)] : fixes;
  }),
);

connection.onRequest(VALIDATE_FILES_REQUEST, (params: { uris?: unknown }) =>
  guard('workspace validation', { files: 0, findings: 0 }, () =>
    validateFiles(params, {
      service: () => service,
      settings: (uri) => settings.get(uri),
      isOpen: (uri) => documents.get(uri) !== undefined,
      publish: (uri, diagnostics) => connection.sendDiagnostics({ uri, diagnostics }),
    }),
  ),
);

registerSetup(
  connection,
  { documents, service: () => service, settings: (uri) => settings.get(uri), guard },
  () => setupCommand,
);

documents.listen(connection);
connection.listen();
