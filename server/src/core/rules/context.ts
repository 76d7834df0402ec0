/**
 * What every rule sees: the catalog, the occurrences, and which runtimes each scope configures.
 * Rules never see syntax.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Setting } from '../catalog/schema.js';
import { scopeHints, scopeRuntimes } from './scopeRuntimes.js';
import {
  type AnalysisSettings,
  type ExtractResult,
  type Finding,
  type Runtime,
  type SettingOccurrence,
} from '../types.js';

export interface RuleContext {
  readonly catalog: Catalog;
  readonly occurrences: readonly SettingOccurrence[];
  /** Runtimes the scope is known to run: the user's override, else evidence in the file, else all of them. */
  runtimesFor(scope: string): readonly Runtime[];
  /** Whether `runtimesFor` came from an override or evidence rather than the all-runtimes fallback. */
  runtimeKnown(scope: string): boolean;
  /** Why the runtime of a scope is believed, for messages ("FROM python:3.12"). */
  runtimeReason(scope: string): string | undefined;
  /** The catalog entry of an occurrence, cached per occurrence. */
  settingOf(occurrence: SettingOccurrence): Setting | undefined;
}

/** A rule: a pure function from the context to findings. */
export type Rule = (ctx: RuleContext) => Finding[];

export function createRuleContext(catalog: Catalog, extracted: ExtractResult, settings: AnalysisSettings): RuleContext {
  const override = settings.runtime && settings.runtime !== 'auto' ? settings.runtime : undefined;
  const hinted = (scope: string) => scopeHints(extracted, scope);
  const settingCache = new Map<SettingOccurrence, Setting | null>();
  const runtimesByScope = new Map<string, readonly Runtime[]>();
  return {
    catalog,
    occurrences: extracted.occurrences,
    runtimesFor(scope) {
      let runtimes = runtimesByScope.get(scope);
      if (!runtimes) runtimesByScope.set(scope, (runtimes = scopeRuntimes(extracted, settings, scope)));
      return runtimes;
    },
    runtimeKnown: (scope) => override !== undefined || hinted(scope).length > 0,
    runtimeReason: (scope) => (override ? 'the runtime setting' : hinted(scope)[0]?.reason),
    settingOf(occurrence) {
      const cached = settingCache.get(occurrence);
      if (cached !== undefined || settingCache.has(occurrence)) return cached ?? undefined;
      const setting = catalog.lookup(occurrence.surface, occurrence.name);
      settingCache.set(occurrence, setting ?? null);
      return setting;
    },
  };
}
