/**
 * What every rule sees: the catalog, the occurrences, and which runtimes each scope configures.
 * Rules never see syntax.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Setting } from '../catalog/schema.js';
import { canonicalName } from './canonicalName.js';
import { createRuntimeLookup } from './scopeRuntimes.js';
import { readersOf, winnerFor } from './surfaces.js';
import { effectiveRuntimes } from './effectiveRuntimes.js';
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
  /**
   * Whether this is the value its process uses for some runtime that reads it: no later occurrence on
   * the same surface sets the same setting under any spelling, and no surface that wins over it does
   * (a `-Ddd.*` property over `DD_*` in Java, see surfaces.ts).
   */
  takesEffect(occurrence: SettingOccurrence): boolean;
  /**
   * Every occurrence of the same setting that the occurrence's process sees, on any surface, in the
   * order written: its scope's own and those the scope inherits (a Dockerfile stage built `FROM` another).
   */
  settingGroup(occurrence: SettingOccurrence): readonly SettingOccurrence[];
  /**
   * The same for a setting named by its canonical env name (canonicalName.ts), or `surface:name` for one
   * that has no env form: what a scope's process sees of it, possibly nothing.
   */
  settingIn(scope: string, setting: string): readonly SettingOccurrence[];
  /** The occurrence of a group that a runtime uses (surfaces.ts `winnerFor`), remembered per group. */
  winnerFor(runtime: Runtime, group: readonly SettingOccurrence[]): SettingOccurrence | undefined;
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
  let own: Map<string, SettingOccurrence[]> | undefined;
  const groups = new Map<string, readonly SettingOccurrence[]>();
  const keyOf = (o: SettingOccurrence) => canonicalName(ctx, o) ?? `${o.surface}:${o.name}`;
  const ancestors = ancestorsOf(extracted);
  const settingIn = (scope: string, key: string): readonly SettingOccurrence[] => {
    if (!own) {
      own = new Map();
      for (const o of extracted.occurrences) {
        const ownKey = `${o.scope}\u0000${keyOf(o)}`;
        const group = own.get(ownKey);
        if (group) group.push(o);
        else own.set(ownKey, [o]);
      }
    }
    let group = groups.get(`${scope}\u0000${key}`);
    if (!group) {
      // Inherited settings come first, farthest first, so the scope's own win (a stage over the one it is
      // built FROM, a step over its job and workflow), and only environment variables: a parent stage's
      // RUN does not reach the child, nor its CMD once the child has its own. (An `ARG` does not reach it
      // either, but occurrences do not say which instruction wrote them: at worst a setting is taken as set.)
      const inherited = [...ancestors(scope)]
        .reverse()
        .flatMap((s) => own?.get(`${s}\u0000${key}`) ?? [])
        .filter((o) => o.surface === 'env');
      group = [...inherited, ...(own.get(`${scope}\u0000${key}`) ?? [])];
      groups.set(`${scope}\u0000${key}`, group);
    }
    return group;
  };
  // A file that sets one setting 50,000 times asks for the same group's winner 50,000 times.
  const winners = new WeakMap<readonly SettingOccurrence[], Map<Runtime, SettingOccurrence | undefined>>();
  const cachedWinner = (runtime: Runtime, group: readonly SettingOccurrence[]) => {
    let byRuntime = winners.get(group);
    if (!byRuntime) winners.set(group, (byRuntime = new Map()));
    if (!byRuntime.has(runtime)) byRuntime.set(runtime, winnerFor(runtime, group));
    return byRuntime.get(runtime);
  };
  const settingGroup = (occurrence: SettingOccurrence): readonly SettingOccurrence[] => {
    const group = settingIn(occurrence.scope, keyOf(occurrence));
    return group.length > 0 ? group : [occurrence];
  };
  const ctx: RuleContext = {
    catalog,
    occurrences: extracted.occurrences,
    images: extracted.images ?? [],
    syntaxProblems: extracted.problems,
    osHints: extracted.osHints ?? [],
    ...createRuntimeLookup(extracted, settings, settingOf),
    settingOf,
    settingGroup,
    settingIn,
    winnerFor: cachedWinner,
    ancestors,
    takesEffect(occurrence) {
      const group = settingGroup(occurrence);
      if (group.length === 1) return true;
      const setting = ctx.settingOf(occurrence);
      const runtimes = setting ? effectiveRuntimes(ctx, occurrence, setting) : ctx.runtimesFor(occurrence.scope);
      const readers = readersOf(occurrence, runtimes);
      return readers.some((runtime) => cachedWinner(runtime, group) === occurrence);
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
