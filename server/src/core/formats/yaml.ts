import type { ExtractResult } from '../types.js';
// SCAFFOLD: replaced by the real extractor.
export function extractYaml(_text: string): ExtractResult {
  return { occurrences: [], problems: [], runtimeHints: [] };
}
