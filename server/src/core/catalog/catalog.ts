/**
 * The loaded settings catalog: validated data plus the look-ups rules and features need.
 */
import type { Runtime, Surface } from '../types.js';
import type { BooleanDialect, Setting, SettingStatus, ValueSpec } from './schema.js';
import { suggestNames } from './suggest.js';
import { createEquivalenceIndex, type Equivalence } from './equivalences.js';

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
  /** Names of the same feature under other tracers' spellings (curated, and aliases), preferred first. */
  sameFeature(surface: Surface, name: string): readonly string[];
}

/** Builds the look-up structure over already-validated data. */
export function createCatalog(
  settings: readonly Setting[],
  dialects: Readonly<Record<string, BooleanDialect>>,
  equivalences: readonly Equivalence[] = [],
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
  return {
    all: (surface) => bySurface.get(surface) ?? [],
    lookup: (surface, name) => byKey.get(`${surface}\u0000${name}`),
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
  };
}

/** Settings a user should never be steered towards. */
function isHiddenFromSuggestions(setting: Setting): boolean {
  return setting.status === 'removed' || setting.status === 'internal' || setting.status === 'hidden';
}
