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
  type CancellationToken,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type DocumentInput, type LanguageService } from '../core/languageService.js';
import type { AnalysisSettings } from '../core/types.js';
import { loadServerCatalog } from './catalog.js';
import { loadParsers } from '../node/parsers.js';
import { grammarFailures, loadGrammars } from '../node/treeSitter.js';
import { detectFormat, grammarsFor } from '../core/formats/index.js';
import { documentChanged, throwIfCancelled, yieldToMessages } from './cancellation.js';
import { couldNotCheck, createGuard, describeFailure } from './guard.js';
import { createSettingsStore } from './settings.js';
import { createPushScheduler } from './push.js';
import { registerValidateFiles } from './validateFiles.js';
import { hasSetupCommand, registerSetup, setupAction } from './setup.js';
import { createSiblingLister, siblingsOfUri } from '../node/siblings.js';

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
let refreshSupport = false;
/**
 * A pulled result's id names what it was computed from: the document's opening (versions restart when
 * a document is reopened), its version, and the settings (bumped on every change).
 */
let settingsGeneration = 0;
let openings = 0;
const opening = new Map<string, number>();
/** Files whose diagnostics Validate workspace pushed (a pull client's open files get theirs by pull). */
const pushedByValidation = new Set<string>();
let setupCommand = false;
const settings = createSettingsStore(connection, () => configurationRequests);

const siblings = createSiblingLister(2000);
const input = (doc: TextDocument): DocumentInput => {
  const siblingFiles = siblingsOfUri(siblings, doc.uri);
  return { uri: doc.uri, text: doc.getText(), languageId: doc.languageId, ...(siblingFiles ? { siblingFiles } : {}) };
};

/**
 * Diagnostics for the document's current version, or why there are none: `closed`, or `changed` when
 * an edit landed while the settings were fetched (the result would be stale; the edit brings its own run).
 */
async function diagnose(uri: string): Promise<{ version: number; diagnostics: Diagnostic[] } | 'closed' | 'changed'> {
  await grammarsReady(uri);
  const before = documents.get(uri)?.version;
  const docSettings = await settings.get(uri);
  const doc = documents.get(uri);
  const core = service;
  if (!doc || !core) return 'closed';
  if (doc.version !== before) return 'changed';
  const diagnostics = await guard(
    `validation of ${uri}`,
    (reason) => [couldNotCheck(uri, reason)],
    () => core.validate(input(doc), docSettings),
    () => doc.getText(),
  );
  return { version: doc.version, diagnostics };
}

/** Loads the tree-sitter grammars the document's format needs: once per grammar, on its first document. */
async function grammarsReady(uri: string): Promise<void> {
  const grammars = grammarsFor(detectFormat(uri, documents.get(uri)?.languageId));
  await loadGrammars(grammars);
  for (const grammar of grammars) {
    const failure = grammarFailures().get(grammar);
    if (failure && !reportedGrammars.has(grammar)) {
      reportedGrammars.add(grammar);
      connection.console.warn(`dd-profiler-config: ${grammar} parser not loaded: ${failure}`);
    }
  }
}
const reportedGrammars = new Set<string>();

const push = createPushScheduler(async (uri) => {
  const result = await diagnose(uri);
  if (typeof result === 'object') await connection.sendDiagnostics({ uri, ...result });
});

/**
 * A request on one document, answered from the core: yields first so a `$/cancelRequest` or a newer
 * edit already in the queue is seen, then answers `RequestCancelled` if the client gave up on it.
 */
function answer<T>(
  what: string,
  uri: string,
  token: CancellationToken,
  fallback: T,
  work: (doc: TextDocument, settings: AnalysisSettings, service: LanguageService) => T,
): Promise<T> {
  return guard(
    `${what} in ${uri}`,
    () => fallback,
    async () => {
      await yieldToMessages();
      throwIfCancelled(token);
      const docSettings = await settings.get(uri);
      await grammarsReady(uri);
      throwIfCancelled(token);
      const doc = documents.get(uri);
      return doc && service ? work(doc, docSettings, service) : fallback;
    },
    () => documents.get(uri)?.getText() ?? '',
  );
}

connection.onInitialize(async (params): Promise<InitializeResult> => {
  pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
  configurationRequests = params.capabilities.workspace?.configuration === true;
  refreshSupport = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
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
  settingsGeneration++;
  if (!pullDiagnostics) documents.all().forEach((doc) => push.schedule(doc.uri));
  // A pull client without refresh support re-pulls on its own schedule; asking it anyway gets an error.
  else if (refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
});

documents.onDidChangeContent((event) => {
  if (!pullDiagnostics) push.schedule(event.document.uri);
});
documents.onDidOpen(({ document: { uri } }) => {
  opening.set(uri, ++openings);
  // A pull client keeps pushed and pulled diagnostics apart: what Validate workspace pushed for this
  // file would show twice while it is open.
  if (pullDiagnostics && pushedByValidation.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
});
documents.onDidClose(({ document: { uri } }) => {
  opening.delete(uri);
  push.cancel(uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.languages.diagnostics.on(async (params, token) => {
  const uri = params.textDocument.uri;
  const version = documents.get(uri)?.version;
  await yieldToMessages();
  throwIfCancelled(token);
  // Overtaken by an edit: the client pulls again for the newest version, so a burst costs one validation.
  if (documents.get(uri)?.version !== version) throw documentChanged();
  // Same text, same settings, same answer: a re-pull (switching tabs) costs nothing.
  const resultId = `${opening.get(uri)}/${version}/${settingsGeneration}`;
  if (version !== undefined && params.previousResultId === resultId) {
    return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  }
  const result = await diagnose(uri);
  throwIfCancelled(token);
  if (result === 'changed') throw documentChanged();
  if (result === 'closed') return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: result.diagnostics };
});

connection.onCompletion((params, token) =>
  answer('completion', params.textDocument.uri, token, [], (doc, docSettings, core) =>
    core.complete(input(doc), params.position, docSettings),
  ),
);

connection.onHover((params, token) =>
  answer('hover', params.textDocument.uri, token, null, (doc, docSettings, core) =>
    core.hover(input(doc), params.position, docSettings),
  ),
);

connection.onCodeAction((params, token) =>
  answer('code actions', params.textDocument.uri, token, [], (doc, _settings, core) =>
    setupCommand
      ? [...core.codeActions(input(doc), params.range, params.context.diagnostics), ...setupAction(core, doc)]
      : core.codeActions(input(doc), params.range, params.context.diagnostics),
  ),
);

registerValidateFiles(connection, {
  documents,
  service: () => service,
  settings: (uri) => settings.get(uri),
  guard,
  published: (uri) => pushedByValidation.add(uri),
});

// The last line of defence: a promise nobody awaited (a client that answers a request with an error,
// say) is logged, never allowed to end the process and with it every diagnostic in the editor.
process.on('unhandledRejection', (error) => {
  const openText = documents
    .all()
    .map((doc) => doc.getText())
    .join('\n');
  connection.console.error(`dd-profiler-config: unexpected failure: ${describeFailure(error, openText)}`);
});

registerSetup(
  connection,
  { documents, service: () => service, settings: (uri) => settings.get(uri), guard },
  () => setupCommand,
);

documents.listen(connection);
connection.listen();
