import type { ExtractResult } from '../types.js';

/** An extraction that found nothing. */
export function emptyResult(): ExtractResult {
  return { occurrences: [], problems: [], runtimeHints: [] };
}

/** Concatenates extractions (e.g. a file's own settings plus those of its command lines). */
export function mergeResults(...results: readonly ExtractResult[]): ExtractResult {
  return {
    occurrences: results.flatMap((r) => r.occurrences),
    problems: results.flatMap((r) => r.problems),
    runtimeHints: results.flatMap((r) => r.runtimeHints),
  };
}
