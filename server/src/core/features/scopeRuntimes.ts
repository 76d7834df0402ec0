import { RUNTIMES, type AnalysisSettings, type ExtractResult, type Runtime } from '../types.js';

/**
 * The runtimes a scope runs, for features outside the rules (completion, hover): the override, else
 * the file's hints for that scope (`''` = the file as a whole), else every runtime.
 */
export function scopeRuntimes(extracted: ExtractResult, settings: AnalysisSettings, scope: string): readonly Runtime[] {
  if (settings.runtime && settings.runtime !== 'auto') return [settings.runtime];
  const hints = extracted.runtimeHints.filter((h) => h.scope === undefined || h.scope === scope || scope === '');
  return hints.length > 0 ? [...new Set(hints.map((h) => h.runtime))] : RUNTIMES;
}
