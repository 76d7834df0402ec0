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
 * The evidence a scope's runtime is taken from: the file's hints for it (image, commands, file type),
 * else the project files it copies in or that sit beside the file. Empty when neither says.
 */
export function scopeEvidence(extracted: ExtractResult, scope: string): RuntimeHint[] {
  const hints = scopeHints(extracted, scope);
  if (hints.length > 0) return hints;
  return (extracted.projectHints ?? []).filter((h) => h.scope === undefined || h.scope === scope || scope === '');
}

/**
 * The runtimes a scope runs: the user's override, else the file's evidence for that scope, else every
 * runtime.
 */
export function scopeRuntimes(extracted: ExtractResult, settings: AnalysisSettings, scope: string): readonly Runtime[] {
  if (settings.runtime && settings.runtime !== 'auto') return [settings.runtime];
  const evidence = scopeEvidence(extracted, scope);
  return evidence.length > 0 ? [...new Set(evidence.map((h) => h.runtime))] : RUNTIMES;
}

/** The runtime questions of the rule context, answered once per scope. */
export interface RuntimeLookup {
  runtimesFor(scope: string): readonly Runtime[];
  runtimeKnown(scope: string): boolean;
  runtimeReason(scope: string): string | undefined;
  /** The hints the runtime of a scope comes from, one per runtime; empty when it is not known from the file. */
  runtimeEvidence(scope: string): readonly RuntimeHint[];
}

/**
 * Override, then the file's hints, then project files (those beside the file only unless the setting
 * names all point elsewhere), then the names only one runtime reads (which narrow the runtimes without
 * making them known), then every runtime.
 */
export function createRuntimeLookup(
  extracted: ExtractResult,
  settings: AnalysisSettings,
  settingOf: (occurrence: SettingOccurrence) => Setting | undefined,
): RuntimeLookup {
  const override = settings.runtime && settings.runtime !== 'auto' ? settings.runtime : undefined;
  const used = new Map<string, readonly RuntimeHint[]>();
  const runtimes = new Map<string, readonly Runtime[]>();
  const evidence = new Map<string, NameEvidence | null>();
  let byScope: Map<string, SettingOccurrence[]> | undefined;
  const fromNames = (scope: string): NameEvidence | undefined => {
    let result = evidence.get(scope);
    if (result === undefined) {
      byScope ??= groupByScope(extracted.occurrences);
      const inScope = scope === '' ? extracted.occurrences : (byScope.get(scope) ?? []);
      evidence.set(scope, (result = nameEvidence(inScope, settingOf) ?? null));
    }
    return result ?? undefined;
  };
  const runtimeEvidence = (scope: string): readonly RuntimeHint[] => {
    let result = used.get(scope);
    if (!result) {
      result = firstPerRuntime(scopeEvidence(extracted, scope));
      // Files beside the document (the only file-wide project hints) are the weakest evidence: a
      // `package.json` kept for tooling beside a Python `.env` must not outvote the names in it. What a
      // stage copies in (`COPY Gemfile`) is about that stage, and counts as it is.
      const beside = result.length > 0 && result.every((h) => h.scope === undefined);
      const names = beside && scopeHints(extracted, scope).length === 0 ? fromNames(scope)?.runtimes : undefined;
      if (names && !names.some((runtime) => result?.some((h) => h.runtime === runtime))) result = [];
      used.set(scope, result);
    }
    return result;
  };
  const runtimeKnown = (scope: string): boolean => override !== undefined || runtimeEvidence(scope).length > 0;
  return {
    runtimeKnown,
    runtimeEvidence: (scope) => (override ? [] : runtimeEvidence(scope)),
    runtimesFor(scope) {
      let result = runtimes.get(scope);
      if (!result) {
        if (override) result = [override];
        else if (runtimeKnown(scope)) result = runtimeEvidence(scope).map((h) => h.runtime);
        else result = fromNames(scope)?.runtimes ?? RUNTIMES;
        runtimes.set(scope, result);
      }
      return result;
    },
    runtimeReason: (scope) =>
      override ? 'the runtime setting' : (runtimeEvidence(scope)[0]?.reason ?? fromNames(scope)?.reason),
  };
}

/** One hint per runtime, the first one's reason kept. */
function firstPerRuntime(hints: readonly RuntimeHint[]): RuntimeHint[] {
  const seen = new Map<Runtime, RuntimeHint>();
  for (const hint of hints) if (!seen.has(hint.runtime)) seen.set(hint.runtime, hint);
  return [...seen.values()];
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
