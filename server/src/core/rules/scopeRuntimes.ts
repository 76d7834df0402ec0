import { RUNTIMES, type AnalysisSettings, type ExtractResult, type Runtime, type RuntimeHint } from '../types.js';

/** The hints that apply to a scope: its own and the whole file's (`''` asks for the file as a whole: all hints). */
export function scopeHints(extracted: ExtractResult, scope: string): RuntimeHint[] {
  return extracted.runtimeHints.filter((h) => h.scope === undefined || h.scope === scope || scope === '');
}

/**
 * The runtimes a scope runs: the user's override, else the file's evidence for that scope, else every
 * runtime.
 */
export function scopeRuntimes(extracted: ExtractResult, settings: AnalysisSettings, scope: string): readonly Runtime[] {
  if (settings.runtime && settings.runtime !== 'auto') return [settings.runtime];
  const hints = scopeHints(extracted, scope);
  return hints.length > 0 ? [...new Set(hints.map((h) => h.runtime))] : RUNTIMES;
}
