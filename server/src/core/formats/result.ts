import type { ExtractResult, Finding, OsHint, RuntimeHint, SettingOccurrence } from '../types.js';

/** An extraction that found nothing. */
export function emptyResult(): ExtractResult {
  return { occurrences: [], problems: [], runtimeHints: [] };
}

/**
 * Concatenates extractions (e.g. a file's own settings plus those of its command lines). Takes an
 * array and copies with loops: spreading 100k results into arguments or `push(...)` overflows the stack.
 */
export function mergeResults(results: readonly ExtractResult[]): ExtractResult {
  const occurrences: SettingOccurrence[] = [];
  const problems: Finding[] = [];
  const runtimeHints: RuntimeHint[] = [];
  const osHints: OsHint[] = [];
  for (const result of results) {
    for (const occurrence of result.occurrences) occurrences.push(occurrence);
    for (const problem of result.problems) problems.push(problem);
    for (const hint of result.runtimeHints) runtimeHints.push(hint);
    for (const hint of result.osHints ?? []) osHints.push(hint);
  }
  return { occurrences, problems, runtimeHints, ...(osHints.length > 0 ? { osHints } : {}) };
}
