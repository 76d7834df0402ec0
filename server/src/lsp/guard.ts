/**
 * One failing request must never take the server down, and never fail silently: each handler runs
 * inside `guard`, which logs the failure to the client's log (never stdout: that is the protocol) and
 * answers with what the caller derives from a content-free reason: for validation, one diagnostic
 * saying the file could not be checked, so a crash never looks like a clean file.
 */
import { ResponseError, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { toDiagnostic } from '../core/features/diagnostics.js';

export type Guard = <T>(
  what: string,
  fallback: (reason: string) => T,
  work: () => T | Promise<T>,
  /** The document text, so the reason can be checked against it; see {@link describeFailure}. */
  text?: () => string,
) => Promise<T>;

export function createGuard(connection: Connection): Guard {
  return async function guard(what, fallback, work, text) {
    try {
      return await work();
    } catch (error) {
      // Cancellation and other protocol answers are not failures: jsonrpc sends them as they are.
      if (error instanceof ResponseError) throw error;
      const reason = describeFailure(error, text?.() ?? '');
      connection.console.error(`dd-profiler-config: ${what} failed: ${reason}${stackFrames(error)}`);
      return fallback(reason);
    }
  };
}

/**
 * Why analysis failed, without document content: the error's class, plus its message only when no
 * word of the message occurs in the text, in any letter case (parsers quote the line they choke on,
 * and that line may hold an API key). `Maximum call stack size exceeded` survives; `Unexpected token "abc123…"` does not.
 */
export function describeFailure(error: unknown, text: string): string {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : '';
  const words = message.toLowerCase().match(/[^\s"'`:,.;()[\]{}<>=]{4,}/g) ?? [];
  const folded = words.length > 0 ? text.toLowerCase() : '';
  const quotesContent = words.some((word) => folded.includes(word));
  return message && !quotesContent ? `${name}: ${message}`.slice(0, 200) : `${name} (details withheld)`;
}

/** Where it failed: the stack's frames name our code, never the document; the message line is dropped. */
function stackFrames(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? `\n${frames.slice(0, 12).join('\n')}` : '';
}

/** The one diagnostic a document gets when analysis throws: at 1:1, with the reason and no content. */
export function couldNotCheck(uri: string, reason: string): Diagnostic {
  return fileNotChecked(uri, `the analysis failed with an internal error (${reason}); please report it`);
}

/** A `parse-error` at 1:1 saying why the file went unchecked, as the CLI reports a file it refuses. */
export function fileNotChecked(uri: string, why: string): Diagnostic {
  const start = { line: 0, character: 0 };
  return toDiagnostic(
    { code: 'parse-error', severity: 'error', message: `File not checked: ${why}.`, range: { start, end: start } },
    uri,
  );
}
