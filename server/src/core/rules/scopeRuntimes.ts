import type { Setting } from '../catalog/schema.js';
import {
  RUNTIMES,
  type AnalysisSettings,
  type ExtractResult,
  type Runtime,
  type RuntimeHint,
  type SettingOccurrence,
} from '../types.js';
import { nameEvidence, type NameEvidence } from './nameEvidence.js';

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

/** The runtime questions of the rule context, answered once per scope. */
export interface RuntimeLookup {
  runtimesFor(scope: string): readonly Runtime[];
  runtimeKnown(scope: string): boolean;
  runtimeReason(scope: string): string | undefined;
}

/**
 * Override, then the file's hints, then the names only one runtime reads (which narrow the runtimes
 * without making them known), then every runtime.
 */
export function createRuntimeLookup(
  extracted: ExtractResult,
  settings: AnalysisSettings,
  settingOf: (occurrence: SettingOccurrence) => Setting | undefined,
): RuntimeLookup {
  const override = settings.runtime && settings.runtime !== 'auto' ? settings.runtime : undefined;
  const known = new Map<string, boolean>();
  const runtimes = new Map<string, readonly Runtime[]>();
  const evidence = new Map<string, NameEvidence | null>();
  let byScope: Map<string, SettingOccurrence[]> | undefined;
  const runtimeKnown = (scope: string): boolean => {
    let result = known.get(scope);
    if (result === undefined)
      known.set(scope, (result = override !== undefined || scopeHints(extracted, scope).length > 0));
    return result;
  };
  const fromNames = (scope: string): NameEvidence | undefined => {
    let result = evidence.get(scope);
    if (result === undefined) {
      byScope ??= groupByScope(extracted.occurrences);
      const inScope = scope === '' ? extracted.occurrences : (byScope.get(scope) ?? []);
      evidence.set(scope, (result = nameEvidence(inScope, settingOf) ?? null));
    }
    return result ?? undefined;
  };
  return {
    runtimeKnown,
    runtimesFor(scope) {
      let result = runtimes.get(scope);
      if (!result) {
        result = runtimeKnown(scope)
          ? scopeRuntimes(extracted, settings, scope)
          : (fromNames(scope)?.runtimes ?? RUNTIMES);
        runtimes.set(scope, result);
      }
      return result;
    },
    runtimeReason: (scope) =>
      override ? 'the runtime setting' : (scopeHints(extracted, scope)[0]?.reason ?? fromNames(scope)?.reason),
  };
}

function groupByScope(occurrences: readonly SettingOccurrence[]): Map<string, SettingOccurrence[]> {
  const groups = new Map<string, SettingOccurrence[]>();
  for (const occurrence of occurrences) {
    const group = groups.get(occurrence.scope);
    if (group) group.push(occurrence);
    else groups.set(occurrence.scope, [occurrence]);
  }
  return groups;
}
