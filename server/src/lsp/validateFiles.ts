/**
 * `ddProfilerConfig/validateFiles`: the client's "Validate workspace" command sends the files it found;
 * the server reads each from disk and publishes its diagnostics as it goes, so the Problems panel fills
 * while the run continues and the server keeps answering the editor between files. Open documents are
 * left to the editor's own copy, the truth for those. A file that cannot be read (gone, a dangling
 * symlink, a FIFO, over the size cap) is skipped with a note and never stops the run; the answer counts
 * what was checked and lists what was skipped and why.
 */
import { detectFormat, grammarsFor } from '../core/formats/index.js';
import { loadGrammars } from '../node/treeSitter.js';
import { createSiblingLister, siblingsOfUri } from '../node/siblings.js';
import { fileURLToPath } from 'node:url';
import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type ProgressToken,
  type TextDocuments,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../core/languageService.js';
import type { AnalysisSettings } from '../core/types.js';
import { couldNotCheck, describeFailure, fileNotChecked, type Guard } from './guard.js';
import { readWorkspaceFile, type SkipReason } from './readWorkspaceFile.js';

export const VALIDATE_FILES_REQUEST = 'ddProfilerConfig/validateFiles';

export interface ValidateFilesDeps {
  service(): LanguageService | undefined;
  settings(uri: string): Promise<AnalysisSettings>;
  isOpen(uri: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): Promise<void>;
  progress: WorkDoneProgressReporter;
  /** The client cancelled the request or the progress notification. */
  cancelled(): boolean;
  log(message: string): void;
}

export interface RegisterDeps {
  readonly documents: TextDocuments<TextDocument>;
  service(): LanguageService | undefined;
  settings(uri: string): Promise<AnalysisSettings>;
  readonly guard: Guard;
  /** Told of every file whose diagnostics were pushed. */
  published(uri: string): void;
}

/**
 * Answers the request with progress: the client's own token when it sent one, else one the server
 * creates (a no-op for clients without progress support). Cancelling either stops the run.
 */
export function registerValidateFiles(connection: Connection, deps: RegisterDeps): void {
  type Params = { uris?: unknown; workDoneToken?: ProgressToken } | null;
  connection.onRequest(VALIDATE_FILES_REQUEST, (params: Params, token: CancellationToken) =>
    deps.guard(
      'workspace validation',
      (reason) => {
        throw new ResponseError(ErrorCodes.InternalError, `Workspace validation failed: ${reason}`);
      },
      async () => {
        const progress =
          params?.workDoneToken === undefined
            ? await connection.window.createWorkDoneProgress()
            : connection.window.attachWorkDoneProgress(params.workDoneToken);
        const progressToken = 'token' in progress ? (progress.token as CancellationToken) : undefined;
        return validateFiles(params ?? {}, {
          service: deps.service,
          settings: deps.settings,
          isOpen: (uri) => deps.documents.get(uri) !== undefined,
          publish: (uri, diagnostics) => {
            deps.published(uri);
            return connection.sendDiagnostics({ uri, diagnostics });
          },
          progress,
          cancelled: () => token.isCancellationRequested || progressToken?.isCancellationRequested === true,
          log: (message) => connection.console.info(message),
        });
      },
    ),
  );
}

export interface SkippedFile {
  readonly uri: string;
  readonly reason: SkipReason | 'not-on-disk' | 'analysis-failed';
  readonly note: string;
}

export interface ValidateFilesResult {
  /** Files read from disk and checked. */
  files: number;
  findings: number;
  /** Files open in the editor: their diagnostics come from the editor's copy. */
  open: number;
  skipped: SkippedFile[];
  /** The run was cancelled; the counts cover the files done before. */
  cancelled: boolean;
}

/** Skips worth a diagnostic in the Problems panel: a real file of the user's that went unchecked. */
const SHOWN_IN_PROBLEMS: ReadonlySet<SkippedFile['reason']> = new Set(['too-large', 'unreadable']);

export async function validateFiles(params: { uris?: unknown }, deps: ValidateFilesDeps): Promise<ValidateFilesResult> {
  const uris = Array.isArray(params.uris) ? params.uris.filter((u): u is string => typeof u === 'string') : [];
  const result: ValidateFilesResult = { files: 0, findings: 0, open: 0, skipped: [], cancelled: false };
  deps.progress.begin('Datadog Profiler: validating workspace', 0, `0/${uris.length}`, true);
  let reported = 0;
  try {
    for (const [index, uri] of uris.entries()) {
      if (deps.cancelled()) {
        result.cancelled = true;
        break;
      }
      await validateOne(uri, deps, result);
      // At most one progress notification per percent: 5,000 files need not mean 5,000 notifications.
      const percent = Math.floor(((index + 1) * 100) / uris.length);
      if (percent > reported) deps.progress.report((reported = percent), `${index + 1}/${uris.length}`);
    }
  } finally {
    deps.progress.done();
  }
  return result;
}

/** One listing per directory for a whole workspace run: its files are read in one go. */
const workspaceSiblings = createSiblingLister(10_000);

async function validateOne(uri: string, deps: ValidateFilesDeps, result: ValidateFilesResult): Promise<void> {
  const service = deps.service();
  if (!service) return;
  if (deps.isOpen(uri)) {
    result.open++;
    return;
  }
  if (!uri.startsWith('file:')) return skip(uri, 'not-on-disk', 'it is not a file on disk', deps, result);
  const file = await readFile(uri);
  if ('skipped' in file) return skip(uri, file.skipped, file.note, deps, result);
  let diagnostics: Diagnostic[];
  try {
    const docSettings = await deps.settings(uri);
    await loadGrammars(grammarsFor(detectFormat(uri)));
    const siblingFiles = siblingsOfUri(workspaceSiblings, uri);
    diagnostics = service.validate({ uri, text: file.text, ...(siblingFiles ? { siblingFiles } : {}) }, docSettings);
  } catch (error) {
    // One file's failure is that file's news: it gets its diagnostic and the run goes on.
    const reason = describeFailure(error, file.text);
    await deps.publish(uri, [couldNotCheck(uri, reason)]);
    return skip(uri, 'analysis-failed', `the analysis failed (${reason})`, deps, result);
  }
  await deps.publish(uri, diagnostics);
  result.files++;
  result.findings += diagnostics.length;
}

async function readFile(uri: string) {
  try {
    return await readWorkspaceFile(fileURLToPath(uri));
  } catch (error) {
    // fileURLToPath refuses some URIs (a host on POSIX, an encoded slash); a read that throws past
    // readWorkspaceFile's own checks is reported the same way.
    return { skipped: 'unreadable' as const, note: `it cannot be read (${describeFailure(error, '')})` };
  }
}

async function skip(
  uri: string,
  reason: SkippedFile['reason'],
  note: string,
  deps: ValidateFilesDeps,
  result: ValidateFilesResult,
): Promise<void> {
  result.skipped.push({ uri, reason, note });
  deps.log(`dd-profiler-config: skipped ${uri}: ${note}`);
  if (SHOWN_IN_PROBLEMS.has(reason)) await deps.publish(uri, [fileNotChecked(uri, note)]);
}
