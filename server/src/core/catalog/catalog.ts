/**
 * The loaded settings catalog: validated data plus the look-ups rules and features need.
 */
import type { Runtime, Surface } from '../types.js';
import type { KnownIndex, KnownName } from './registry.js';
import type { BooleanDialect, Setting, SettingStatus, ValueSpec } from './schema.js';
import { suggestNames } from './suggest.js';
import { createEquivalenceIndex, type Equivalence } from './equivalences.js';

export type { KnownName } from './registry.js';

export interface Catalog {
  /** Every setting on a surface. */
  all(surface: Surface): readonly Setting[];
  /** Exact look-up; env and java property names are case-sensitive as the runtimes read them. */
  lookup(surface: Surface, name: string): Setting | undefined;
  /** Closest known names on the surface, best first, for "did you mean". */
  suggest(surface: Surface, name: string, max?: number): string[];
  /** The boolean parsing rules a setting's spec refers to. */
  dialect(name: string): BooleanDialect | undefined;
  /** The value spec that applies for one runtime. */
  valueSpec(setting: Setting, runtime: Runtime): ValueSpec;
  /** The status for one runtime, falling back to the setting's own. */
  status(setting: Setting, runtime?: Runtime): SettingStatus;
  /** The replacement name for one runtime, if any. */
  replacement(setting: Setting, runtime?: Runtime): string | undefined;
  /**
   * Whether anyone reads the name, and who: every name of the tracers' registries and the Agent's
   * settings, besides the curated settings (which `lookup` returns with their value specs). A Java
   * property or php.ini key is looked up through its env form for the runtime that reads it.
   */
  known(surface: Surface, name: string): KnownName | undefined;
  /** Closest known names (curated or from the registries) for "did you mean" on an unknown name. */
  nearestKnown(surface: Surface, name: string, max?: number): string[];
  /** Names of the same feature under other tracers' spellings (curated, and aliases), preferred first. */
  sameFeature(surface: Surface, name: string): readonly string[];
}

/** Builds the look-up structure over already-validated data. */
export function createCatalog(
  settings: readonly Setting[],
  dialects: Readonly<Record<string, BooleanDialect>>,
  equivalences: readonly Equivalence[] = [],
  index?: KnownIndex,
): Catalog {
  const sameFeature = createEquivalenceIndex(equivalences, settings);
  const bySurface = new Map<Surface, Setting[]>();
  const byKey = new Map<string, Setting>();
  for (const setting of settings) {
    const list = bySurface.get(setting.surface) ?? [];
    list.push(setting);
    bySurface.set(setting.surface, list);
    for (const spelling of [setting.name, ...(setting.spellings ?? [])]) {
      byKey.set(`${setting.surface}\u0000${spelling}`, setting);
    }
  }
  const namesBySurface = new Map<Surface, string[]>();
  const suggestions = new Map<string, string[]>();
  const names = (surface: Surface): string[] => {
    let list = namesBySurface.get(surface);
    if (!list) {
      list = (bySurface.get(surface) ?? []).filter((s) => !isHiddenFromSuggestions(s)).map((s) => s.name);
      namesBySurface.set(surface, list);
    }
    return list;
  };
  const lookup = (surface: Surface, name: string) => byKey.get(`${surface}\u0000${name}`);
  const nearest = new Map<string, string[]>();
  // A Java property or php.ini key may be near a name only the registries know (`dd.trace.sample.rate`):
  // their env names spelled the way each tracer derives the other surface.
  const derived = new Map<Surface, string[]>();
  const surfaceNames = (surface: Surface): string[] => {
    const form = ENV_FORMS[surface];
    if (!form || !index) return names(surface);
    let list = derived.get(surface);
    if (!list) {
      const fromEnv = index.namesReadBy(form.runtime).flatMap((env) => {
        const spelled = fromEnvName(env, form.prefix);
        return spelled ? [spelled] : [];
      });
      derived.set(surface, (list = [...new Set([...names(surface), ...fromEnv])]));
    }
    return list;
  };
  // suggestNames skips names whose length differs by more than a quarter of the name plus 2; grouping the
  // 7,000 known env names by length hands it only those that can match.
  let envByLength: Map<number, string[]> | undefined;
  const envNamesNear = (length: number): string[] => {
    envByLength ??= groupByLength(index?.names() ?? []);
    const reach = Math.max(2, Math.floor(length / 4)) + 2;
    const near: string[] = [];
    for (let l = length - reach; l <= length + reach; l++) near.push(...(envByLength.get(l) ?? []));
    return near;
  };
  return {
    all: (surface) => bySurface.get(surface) ?? [],
    lookup,
    suggest(surface, name, max = 3) {
      // The same misspelling tends to repeat in a file and across keystrokes: remember recent answers.
      const key = `${surface}\u0000${name}\u0000${max}`;
      let found = suggestions.get(key);
      if (!found) {
        if (suggestions.size > 1000) suggestions.clear();
        suggestions.set(key, (found = suggestNames(name, names(surface), max)));
      }
      return [...found];
    },
    dialect: (name) => dialects[name],
    valueSpec: (setting, runtime) => setting.valueByRuntime?.[runtime] ?? setting.value,
    status: (setting, runtime) => (runtime && setting.statusByRuntime?.[runtime]) || setting.status,
    replacement: (setting, runtime) => (runtime && setting.replacementByRuntime?.[runtime]) || setting.replacement,
    sameFeature: (surface, name) => sameFeature.sameFeature(surface, name),
    known: (surface, name) => knownName(surface, name, lookup, index),
    nearestKnown(surface, name, max = 3) {
      const key = `${surface}\u0000${name}\u0000${max}`;
      let found = nearest.get(key);
      if (!found) {
        if (nearest.size > 1000) nearest.clear();
        const candidates = surface === 'env' && index ? envNamesNear(name.length) : surfaceNames(surface);
        nearest.set(key, (found = suggestNames(name, candidates, max)));
      }
      return [...found];
    },
  };
}

function groupByLength(names: readonly string[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const name of names) {
    const group = groups.get(name.length);
    if (group) group.push(name);
    else groups.set(name.length, [name]);
  }
  return groups;
}

/** The env name a Java property or php.ini key is read as, and the runtime that reads it that way. */
const ENV_FORMS: Partial<Record<Surface, { prefix: string; runtime: Runtime }>> = {
  javaProperty: { prefix: 'dd.', runtime: 'java' },
  phpIni: { prefix: 'datadog.', runtime: 'php' },
};

function knownName(
  surface: Surface,
  name: string,
  lookup: (surface: Surface, name: string) => Setting | undefined,
  index: KnownIndex | undefined,
): KnownName | undefined {
  if (surface === 'env') return index?.get(name) ?? fromSetting(lookup(surface, name));
  const curated = lookup(surface, name);
  if (curated) return fromSetting(curated);
  const form = ENV_FORMS[surface];
  if (!form || !index || !name.startsWith(form.prefix)) return undefined;
  // dd-trace-java and dd-trace-php derive the env name the same way: upper case, `.` and `-` become `_`.
  const env = `DD_${name.slice(form.prefix.length).toUpperCase().replace(/[.-]/g, '_')}`;
  const found = index.get(env);
  return found?.runtimes.includes(form.runtime) ? { ...found, runtimes: [form.runtime] } : undefined;
}

/** `DD_TRACE_SAMPLE_RATE` as `dd.trace.sample.rate` (Java) or `datadog.trace.sample_rate` (PHP). */
function fromEnvName(env: string, prefix: string): string | undefined {
  if (!env.startsWith('DD_')) return undefined;
  const rest = env.slice(3).toLowerCase();
  if (prefix === 'dd.') return `dd.${rest.replace(/_/g, '.')}`;
  const section = /^(trace|profiling|appsec|dynamic_instrumentation)_/.exec(rest)?.[1];
  return section ? `datadog.${section}.${rest.slice(section.length + 1)}` : `datadog.${rest}`;
}

/** A curated setting seen through the KnownName lens (surfaces the registries do not cover). */
function fromSetting(setting: Setting | undefined): KnownName | undefined {
  if (!setting) return undefined;
  return {
    name: setting.name,
    runtimes: setting.runtimes,
    agent: false,
    internal: setting.status === 'internal' || setting.status === 'hidden',
    aliasOf: {},
    retired: {},
    types: {},
    defaults: {},
    origin: 'catalog',
  };
}

/** Settings a user should never be steered towards. */
function isHiddenFromSuggestions(setting: Setting): boolean {
  return setting.status === 'removed' || setting.status === 'internal' || setting.status === 'hidden';
}
