/**
 * "Enable Datadog profiling…" over LSP: two requests the client's command drives
 * (`ddProfilerConfig/setupChoices`, `ddProfilerConfig/planSetup`), a CodeLens on files that set up a
 * tracer but not the profiler, and a code action on every supported file. The lens and the action run
 * the client's command, so they are offered only to clients that say they have it
 * (`initializationOptions.enableProfilingCommand`). Policy lives in core/features/setup.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeLens,
  type Connection,
  type InitializeParams,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Guard } from './guard.js';
import type { DocumentInput, LanguageService, SetupPlan } from '../core/languageService.js';
import { RUNTIMES, type AnalysisSettings, type Runtime } from '../core/types.js';

export const SETUP_CHOICES_REQUEST = 'ddProfilerConfig/setupChoices';
export const PLAN_SETUP_REQUEST = 'ddProfilerConfig/planSetup';
export const ENABLE_PROFILING_COMMAND = 'ddProfilerConfig.enableProfiling';
const TITLE = 'Enable Datadog profiling…';
const SOURCE_KIND = `${CodeActionKind.Source}.enableDatadogProfiling`;

export interface SetupDeps {
  readonly documents: TextDocuments<TextDocument>;
  service(): LanguageService | undefined;
  settings(uri: string): Promise<AnalysisSettings>;
  guard: Guard;
}

/** Whether the client runs the command the lens and the action point at. */
export function hasSetupCommand(params: InitializeParams): boolean {
  const options = params.initializationOptions as { enableProfilingCommand?: unknown } | undefined;
  return options?.enableProfilingCommand === true;
}

const input = (doc: TextDocument): DocumentInput => ({ uri: doc.uri, text: doc.getText(), languageId: doc.languageId });

/** The plan with its edits as WorkspaceEdits the client applies as they are. */
export interface PlannedSetup extends Omit<SetupPlan, 'edits' | 'changes'> {
  readonly edit: WorkspaceEdit;
  readonly changes: readonly { name: string; current: string; proposed: string; edit: WorkspaceEdit }[];
}

export function registerSetup(connection: Connection, deps: SetupDeps, withCommand: () => boolean): void {
  const withDoc = <T>(
    uri: unknown,
    fallback: T,
    work: (doc: TextDocument, service: LanguageService) => T | Promise<T>,
  ) =>
    deps.guard(
      'profiler setup',
      () => fallback,
      () => {
        const doc = typeof uri === 'string' ? deps.documents.get(uri) : undefined;
        const service = deps.service();
        return doc && service ? work(doc, service) : fallback;
      },
    );
  connection.onRequest(SETUP_CHOICES_REQUEST, (params: { uri?: unknown }) =>
    withDoc(
      params.uri,
      null,
      async (doc, service) => service.setupChoices(input(doc), await deps.settings(doc.uri)) ?? null,
    ),
  );
  connection.onRequest(
    PLAN_SETUP_REQUEST,
    (params: { uri?: unknown; runtime?: unknown; target?: unknown; service?: unknown }) =>
      withDoc(params.uri, null, (doc, service): PlannedSetup | null => {
        const runtime = RUNTIMES.find((r) => r === params.runtime);
        if (!runtime) return null;
        const plan = service.planSetup(input(doc), {
          runtime: runtime as Runtime,
          ...(typeof params.target === 'string' ? { target: params.target } : {}),
          ...(typeof params.service === 'string' && params.service ? { service: params.service } : {}),
        });
        const { edits, changes, ...rest } = plan;
        return {
          ...rest,
          edit: { changes: { [doc.uri]: [...edits] } },
          changes: changes.map(({ edit, ...change }) => ({ ...change, edit: { changes: { [doc.uri]: [edit] } } })),
        };
      }),
  );
  // At debug level (the output channel's level set to Debug): what each opened file was read as.
  deps.documents.onDidOpen(({ document }) =>
    deps.guard(
      'detection log',
      () => undefined,
      () => {
        const choices = deps.service()?.setupChoices(input(document));
        if (!choices) return;
        const places = choices.targets.map((t) => `${t.label}: ${t.detected ?? 'runtime not detected'}`).join('; ');
        connection.console.debug(`${document.uri}: ${choices.format}; ${places || 'no place for a setup'}`);
      },
    ),
  );
  connection.onCodeLens((params) =>
    withDoc(params.textDocument.uri, [] as CodeLens[], (doc, service) => {
      const range = withCommand() ? service.setupHint(input(doc))?.lens : undefined;
      return range
        ? [{ range, command: { title: TITLE, command: ENABLE_PROFILING_COMMAND, arguments: [doc.uri] } }]
        : [];
    }),
  );
}

/**
 * The code action offered on every supported file, for clients that have the command: a refactoring
 * (light bulb) while the file does not turn the profiler on, a source action (menu only) once it does.
 */
export function setupAction(service: LanguageService | undefined, doc: TextDocument | undefined): CodeAction[] {
  const hint = service && doc ? service.setupHint(input(doc)) : undefined;
  if (!hint || !doc) return [];
  return [
    {
      title: TITLE,
      kind: hint.enabled ? SOURCE_KIND : CodeActionKind.Refactor,
      command: { title: TITLE, command: ENABLE_PROFILING_COMMAND, arguments: [doc.uri] },
    },
  ];
}
