/**
 * The values worth offering for a setting: those every runtime in use accepts first, then those only
 * some accept, each with the runtimes that read it.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Setting, ValueSpec } from '../catalog/schema.js';
import { listRuntimes } from '../text/names.js';
import type { Runtime } from '../types.js';

export interface ValueCandidate {
  readonly value: string;
  readonly detail: string;
}

export function valueCandidates(catalog: Catalog, setting: Setting, runtimes: readonly Runtime[]): ValueCandidate[] {
  const relevant = setting.runtimes.filter((r) => runtimes.includes(r));
  const readers = relevant.length > 0 ? relevant : setting.runtimes;
  const byValue = new Map<string, Runtime[]>();
  for (const runtime of readers) {
    for (const value of offered(catalog, catalog.valueSpec(setting, runtime))) {
      byValue.set(value, [...(byValue.get(value) ?? []), runtime]);
    }
  }
  return [...byValue]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([value, accepted]) => ({
      value,
      detail:
        accepted.length === readers.length ? 'accepted by every runtime here' : `read by ${listRuntimes(accepted)}`,
    }));
}

function offered(catalog: Catalog, spec: ValueSpec): string[] {
  switch (spec.type) {
    case 'boolean': {
      const dialect = catalog.dialect(spec.dialect);
      const canonical = ['true', 'false'].filter((v) => dialect?.true.includes(v) || dialect?.false.includes(v));
      return [...canonical, ...(spec.also ?? [])].concat(
        canonical.length === 0 ? [...(dialect?.true.slice(0, 1) ?? []), ...(dialect?.false.slice(0, 1) ?? [])] : [],
      );
    }
    case 'enum':
      return [...spec.values];
    case 'guid':
      return spec.expected ? [spec.expected] : [];
    case 'string':
      return [...(spec.known ?? [])];
    default:
      return [];
  }
}
