/**
 * Curated equivalences: names that mean the same feature in different tracers (Python's
 * `DD_PROFILING_MEMORY_ENABLED` is what Java, Ruby, .NET and PHP call `DD_PROFILING_ALLOCATION_ENABLED`).
 * "Runtime X reads Y" is only ever said from these groups and from the catalog's own aliases, never
 * from spelling alone: the name closest in letters (`DD_PROFILING_EXCEPTION_ENABLED`) may mean
 * something else entirely. The data lives in `schemas/equivalences.json`, each group with its source.
 */
import { z } from 'zod';
import type { Surface } from '../types.js';
import type { Setting } from './schema.js';

export const equivalenceSchema = z.strictObject({
  /** What the names do, in a few words, for reviewers and messages. */
  feature: z.string().min(1),
  /** Env names of the same feature, preferred first; which runtime reads which comes from the catalog. */
  names: z.array(z.string().regex(/^[A-Z_][A-Z0-9_]*$/)).min(2),
  /** Where the equivalence was read: tracer repositories and paths, or documentation pages. */
  source: z.string().min(1),
  notes: z.string().optional(),
});

export type Equivalence = z.infer<typeof equivalenceSchema>;

/**
 * Looks up the names that mean the same as a name, for "runtime X reads Y". Built once per catalog.
 * Env names only: the other surfaces are one runtime's each.
 */
export interface EquivalenceIndex {
  /** Names of the same feature (curated groups, then the alias family), in preference order, without `name`. */
  sameFeature(surface: Surface, name: string): readonly string[];
}

export function createEquivalenceIndex(groups: readonly Equivalence[], settings: readonly Setting[]): EquivalenceIndex {
  const byName = new Map<string, string[]>();
  const add = (name: string, others: readonly string[]) => {
    const list = byName.get(name) ?? [];
    for (const other of others) if (other !== name && !list.includes(other)) list.push(other);
    byName.set(name, list);
  };
  for (const group of groups) for (const name of group.names) add(name, group.names);
  for (const family of aliasFamilies(settings)) for (const name of family) add(name, family);
  return { sameFeature: (surface, name) => (surface === 'env' ? (byName.get(name) ?? []) : []) };
}

/** A canonical env name with every name that is an alias of it: the same setting, other spellings. */
function aliasFamilies(settings: readonly Setting[]): string[][] {
  const families = new Map<string, string[]>();
  for (const setting of settings) {
    if (setting.surface !== 'env' || !setting.aliasOf) continue;
    const family = families.get(setting.aliasOf) ?? [setting.aliasOf];
    family.push(setting.name);
    families.set(setting.aliasOf, family);
  }
  return [...families.values()];
}

/** Problems with the groups: every name must be a known env setting, and appear in one group only. */
export function checkEquivalences(
  groups: readonly Equivalence[],
  isKnownEnv: (name: string) => boolean,
): { readonly path: (string | number)[]; readonly message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, number>();
  groups.forEach((group, i) =>
    group.names.forEach((name, j) => {
      const path = [i, 'names', j];
      if (!isKnownEnv(name)) problems.push({ path, message: `"${name}" is not a known env setting` });
      const other = seen.get(name);
      if (other !== undefined && other !== i) problems.push({ path, message: `"${name}" is also in group ${other}` });
      seen.set(name, i);
    }),
  );
  return problems;
}
