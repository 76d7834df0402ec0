/**
 * What every rule sees: the catalog, the occurrences, and which runtimes each scope configures.
 * Rules never see syntax.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Setting } from '../catalog/schema.js';
import { canonicalName } from './canonicalName.js';
import { createRuntimeLookup } from './scopeRuntimes.js';
import {
  type AnalysisSettings,
  type ExtractResult,
  type Finding,
  type OsHint,
  type Runtime,
  type ScopeImage,
  type SettingOccurrence,
} from '../types.js';

export interface RuleContext {
  readonly catalog: Catalog;
  readonly occurrences: readonly SettingOccurrence[];
  /** The image each scope runs, where the file names one (compose, k8s, Dockerfile `FROM`). */
  readonly images: readonly ScopeImage[];
  /** What the extractor already reported, so a rule does not say it again. */
  readonly syntaxProblems: readonly Finding[];
  /** What the file says of the operating system its scopes run on (images, script kinds). */
  readonly osHints: readonly OsHint[];
  /**
   * Runtimes the scope runs: the user's override, else evidence in the file (image, commands), else the
   * runtimes its setting names are specific to, else all of them.
   */
  runtimesFor(scope: string): readonly Runtime[];
  /**
   * Whether the runtime comes from the override or the file's evidence. Names alone narrow
   * `runtimesFor` (no complaint for a runtime the names rule out) but do not make the runtime known:
   * a name read by one runtime is no proof that another name is a mistake.
   */
  runtimeKnown(scope: string): boolean;
  /** Why the runtime of a scope is believed, for messages ("FROM python:3.12", "`DD_X`, read only by PHP"). */
  runtimeReason(scope: string): string | undefined;
  /** Whether no later occurrence in the scope sets the same setting under any spelling (the last one wins). */
  takesEffect(occurrence: SettingOccurrence): boolean;
  /** The catalog entry of an occurrence, cached per occurrence. */
  settingOf(occurrence: SettingOccurrence): Setting | undefined;
  /** The scopes whose settings `scope` also sees, nearest first (a step's job, then its workflow). */
  ancestors(scope: string): readonly string[];
}

/** A rule: a pure function from the context to findings. */
export type Rule = (ctx: RuleContext) => Finding[];

export function createRuleContext(catalog: Catalog, extracted: ExtractResult, settings: AnalysisSettings): RuleContext {
  const settingCache = new Map<SettingOccurrence, Setting | null>();
  const settingOf = (occurrence: SettingOccurrence): Setting | undefined => {
    const cached = settingCache.get(occurrence);
    if (cached !== undefined || settingCache.has(occurrence)) return cached ?? undefined;
    const setting = catalog.lookup(occurrence.surface, occurrence.name);
    settingCache.set(occurrence, setting ?? null);
    return setting;
  };
  let winners: Set<SettingOccurrence> | undefined;
  const ctx: RuleContext = {
    catalog,
    occurrences: extracted.occurrences,
    images: extracted.images ?? [],
    syntaxProblems: extracted.problems,
    osHints: extracted.osHints ?? [],
    ...createRuntimeLookup(extracted, settings, settingOf),
    settingOf,
    ancestors: ancestorsOf(extracted),
    takesEffect(occurrence) {
      if (!winners) {
        const last = new Map<string, SettingOccurrence>();
        for (const o of extracted.occurrences) last.set(`${o.scope}\u0000${canonicalName(ctx, o) ?? o.name}`, o);
        winners = new Set(last.values());
      }
      return winners.has(occurrence);
    },
  };
  return ctx;
}

/** Parents of each scope, followed transitively, nearest first; a cycle stops where it closes. */
function ancestorsOf(extracted: ExtractResult): (scope: string) => readonly string[] {
  const parents = new Map<string, string[]>();
  for (const { scope, parent } of extracted.scopeParents ?? [])
    parents.set(scope, [...(parents.get(scope) ?? []), parent]);
  const cache = new Map<string, readonly string[]>();
  return (scope) => {
    const cached = cache.get(scope);
    if (cached) return cached;
    const found: string[] = [];
    const queue = [...(parents.get(scope) ?? [])];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (next === scope || found.includes(next)) continue;
      found.push(next);
      queue.push(...(parents.get(next) ?? []));
    }
    cache.set(scope, found);
    return found;
  };
}
