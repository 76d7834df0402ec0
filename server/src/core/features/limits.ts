/**
 * What one document may cost, and how the core says it stopped short. A file too large or binary gets
 * one clear `parse-error` finding instead of a slow or nonsensical analysis; lines over the cap are
 * left out with one note; past the time budget no further rule runs and one note says which did not.
 * A parser or rule that fails says so in one finding too, without its message (which may quote the
 * file, secrets included). The server keeps serving and the user is never shown a falsely clean file.
 */
import type { AnalysisLimits, Finding, Range, Severity } from '../types.js';

/**
 * The defaults, stated in the README ("Limits"): far beyond any real configuration file, well below
 * what makes an editor wait. 5 M characters; a 10,000-character line (the longest real `JAVA_OPTS`
 * lines are a few hundred); five seconds per document (real files take milliseconds; 100,000-line files about two).
 */
export const DEFAULT_LIMITS: AnalysisLimits = { maxFileChars: 5_000_000, maxLineChars: 10_000, timeBudgetMs: 5_000 };

/** The limits in force: the defaults, with what the settings give. */
export function resolveLimits(given: Partial<AnalysisLimits> | undefined): AnalysisLimits {
  return { ...DEFAULT_LIMITS, ...given };
}

const START = { line: 0, character: 0 };

/** A finding explaining why the text is not analysed, or `undefined` when it can be. */
export function screenText(text: string, limits: AnalysisLimits = DEFAULT_LIMITS): Finding | undefined {
  if (text.length > limits.maxFileChars) {
    return notChecked(
      `File not checked: it is ${count(text.length)} characters, over the limit of ${count(limits.maxFileChars)} (setting limits.maxFileChars).`,
    );
  }
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return notChecked('File not checked: it contains NUL bytes, so it looks binary.');
  return undefined;
}

/**
 * The text with every line longer than the cap emptied (line breaks kept, so positions on the other
 * lines are unchanged), and one note naming the first such line; the text itself when none is.
 */
export function withoutLongLines(text: string, maxLineChars: number): { text: string; note?: Finding } {
  if (text.length <= maxLineChars) return { text };
  const parts: string[] = [];
  let first: number | undefined;
  let skipped = 0;
  for (let line = 0, start = 0; ; line++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (end - start > maxLineChars) {
      first ??= line;
      skipped++;
      // Emptied between a lone CR and an LF, the two breaks would join into one CRLF: keep a space.
      if (parts[parts.length - 1] === '\r' && text.charCodeAt(end) === 10) parts.push(' ');
    } else parts.push(text.slice(start, end));
    const breakLength = end >= text.length ? 0 : text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
    if (breakLength === 0) break;
    parts.push(text.slice(end, end + breakLength));
    start = end + breakLength;
  }
  if (first === undefined) return { text };
  const lines = skipped === 1 ? 'line' : `${count(skipped)} lines`;
  const note = finding(
    'info',
    `Not checked: ${lines} longer than ${count(maxLineChars)} characters (setting limits.maxLineChars), the first is line ${first + 1}.`,
    { start: { line: first, character: 0 }, end: { line: first, character: 0 } },
  );
  return { text: parts.join(''), note };
}

/** The note for a document whose time budget ran out before the listed checks. */
/** Several checks share a code (missing-dependency, conflicting-settings): each code is named once. */
export function budgetNote(limits: AnalysisLimits, skipped: readonly string[]): Finding {
  return finding(
    'info',
    `Analysis stopped after ${count(limits.timeBudgetMs)} ms (setting limits.timeBudgetMs): not checked: ${[...new Set(skipped)].join(', ')}.`,
  );
}

/**
 * The note for a parser or rule that failed. Only the error's kind is named: its message may quote
 * the file, and the file may hold a key.
 */
export function failureNote(what: string, consequence: string, error: unknown, severity: Severity): Finding {
  const kind = error instanceof RangeError ? 'it ran out of stack or memory' : 'an internal error';
  return finding(
    severity,
    `${what} failed (${kind}): ${consequence}. The error is not shown, as it may quote the file.`,
  );
}

function notChecked(message: string): Finding {
  return finding('error', message);
}

function finding(severity: Severity, message: string, range: Range = { start: START, end: START }): Finding {
  return { code: 'parse-error', severity, message, range };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
