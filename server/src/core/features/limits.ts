/**
 * What the core refuses to analyse, and how it says so. A file too large or binary gets one clear
 * `parse-error` finding instead of a slow or nonsensical analysis; the server keeps serving.
 */
import type { Finding } from '../types.js';

/** Larger texts are not analysed (5 M characters: far beyond any real configuration file). */
export const MAX_ANALYZED_CHARS = 5_000_000;

const START = { line: 0, character: 0 };

/** A finding explaining why the text is not analysed, or `undefined` when it can be. */
export function screenText(text: string): Finding | undefined {
  if (text.length > MAX_ANALYZED_CHARS) {
    const megabytes = (text.length / 1_000_000).toFixed(1);
    return notRead(
      `File not checked: it is ${megabytes} M characters, over the ${MAX_ANALYZED_CHARS / 1_000_000} M limit.`,
    );
  }
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return notRead('File not checked: it contains NUL bytes, so it looks binary.');
  return undefined;
}

function notRead(message: string): Finding {
  return { code: 'parse-error', severity: 'error', message, range: { start: START, end: START } };
}
