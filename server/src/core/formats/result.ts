import type {
  ExtractResult,
  Finding,
  OsHint,
  RuntimeHint,
  ScopeImage,
  ScopeParent,
  SettingOccurrence,
} from '../types.js';

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
  const images: ScopeImage[] = [];
  const osHints: OsHint[] = [];
  const projectHints: RuntimeHint[] = [];
  const scopeParents: ScopeParent[] = [];
  for (const result of results) {
    for (const occurrence of result.occurrences) occurrences.push(occurrence);
    for (const problem of result.problems) problems.push(problem);
    for (const hint of result.runtimeHints) runtimeHints.push(hint);
    for (const image of result.images ?? []) images.push(image);
    for (const hint of result.osHints ?? []) osHints.push(hint);
    for (const hint of result.projectHints ?? []) projectHints.push(hint);
    for (const link of result.scopeParents ?? []) scopeParents.push(link);
  }
  // Only formats that name images or systems carry those fields, so the others' results keep their shape.
  return {
    occurrences,
    problems,
    runtimeHints,
    ...(images.length > 0 ? { images } : {}),
    ...(osHints.length > 0 ? { osHints } : {}),
    ...(projectHints.length > 0 ? { projectHints } : {}),
    ...(scopeParents.length > 0 ? { scopeParents } : {}),
  };
}
