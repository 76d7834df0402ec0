/**
 * The names every Datadog tracer and the Agent read, from their own registries (schemas/registry.json,
 * generated), corrected where the tracers' code disagrees (registryOverrides.json, curated) and merged
 * with the curated catalog. The curated catalog says what values a setting accepts; this index says
 * which names exist at all, for whom, and which are retired, so that an unknown name can be reported
 * across the whole `DD_*` namespace without crying wolf on a name some tracer reads.
 */
import { RUNTIMES } from '../types.js';
import type { Runtime } from '../types.js';
import type { OtherProduct, RegistryName, RegistryOverride, Retirement, Setting } from './schema.js';

/** Where a name's knowledge comes from, strongest first. */
export type KnownOrigin = 'catalog' | 'registry' | 'override' | 'agent' | 'otherProduct';

/** Everything known about one environment variable name. */
export interface KnownName {
  /** The env name (a Java property or php.ini key is looked up through its env form). */
  readonly name: string;
  /** The tracers that read it: registries, the curated catalog and the code-over-registry overrides. */
  readonly runtimes: readonly Runtime[];
  /** The Datadog Agent binds or reads it. */
  readonly agent: boolean;
  /** Internal or undocumented wherever it is read: known, never offered. */
  readonly internal: boolean;
  /** The canonical setting it is an alias of, per runtime. */
  readonly aliasOf: Readonly<Partial<Record<Runtime, string>>>;
  /** Deprecated, legacy or removed, per runtime, with the replacement (an env name) when there is one. */
  readonly retired: Readonly<Partial<Record<Runtime, Retirement>>>;
  /** Registry types and defaults, as evidence only (the curated value specs decide what is accepted). */
  readonly types: Readonly<Partial<Record<Runtime, string>>>;
  readonly defaults: Readonly<Partial<Record<Runtime, string>>>;
  /** Another Datadog product that reads it (a Lambda layer, datadog-ci...), when no tracer does. */
  readonly product?: string;
  readonly origin: KnownOrigin;
}

interface Draft {
  name: string;
  runtimes: Set<Runtime>;
  agent: boolean;
  internal: Set<Runtime>;
  aliasOf: Partial<Record<Runtime, string>>;
  retired: Partial<Record<Runtime, Retirement>>;
  types: Partial<Record<Runtime, string>>;
  defaults: Partial<Record<Runtime, string>>;
  product?: string;
  origin: KnownOrigin;
}

/** The data the index is built from, already validated by zod. */
export interface RegistryInput {
  readonly names: readonly RegistryName[];
  readonly overrides: readonly RegistryOverride[];
  readonly otherProducts: readonly OtherProduct[];
  /** Curated env settings (their runtimes and statuses are merged in). */
  readonly curated: readonly Setting[];
}

export interface KnownIndex {
  /** The env name, if anyone reads it. */
  get(name: string): KnownName | undefined;
  /** Every known env name (for near-miss detection). */
  names(): readonly string[];
  /** The env names a runtime's registry lists (for near-miss detection on its other surfaces). */
  namesReadBy(runtime: Runtime): readonly string[];
  /** The registry's runtimes for a curated name, to widen the curated entry. */
  runtimesOf(name: string): readonly Runtime[];
}

const TRACERS = RUNTIMES.filter((runtime) => runtime !== 'ddprof');
const TRACER_NAMES: Readonly<Partial<Record<Runtime, string>>> = {
  java: 'dd-trace-java',
  python: 'ddtrace (Python)',
  go: 'dd-trace-go',
  ruby: 'datadog (Ruby)',
  nodejs: 'dd-trace-js',
  dotnet: 'dd-trace-dotnet',
  php: 'dd-trace-php',
};

/**
 * Builds the index lazily: nothing is assembled or even put in a map up front, because the server
 * builds the catalog before its first answer and most of the 7,000 names never occur in a file. The
 * registry's names are sorted (the generator sorts them; a test checks it), so a look-up is a binary
 * search; the per-integration names of an override are one regular expression over the ids.
 */
export function buildKnownIndex(input: RegistryInput): KnownIndex {
  const curated = new Map(input.curated.map((setting) => [setting.name, setting]));
  const exact = input.overrides.map((override) => ({ override, matches: matcherOf(override) }));
  const patterns = input.overrides.flatMap((override) =>
    override.pattern ? [{ regex: new RegExp(`^(?:${override.pattern})$`), override }] : [],
  );
  const products = new Map<string, string>();
  for (const product of input.otherProducts) {
    for (const name of product.names ?? []) products.set(name, product.product);
  }
  const productPatterns = input.otherProducts.flatMap((p) =>
    p.pattern ? [{ regex: new RegExp(`^(?:${p.pattern})$`), product: p.product }] : [],
  );
  const cache = new Map<string, KnownName | null>();
  let allNames: string[] | undefined;

  function assemble(name: string): KnownName | undefined {
    const entry = findSorted(input.names, name);
    const setting = curated.get(name);
    const d = emptyDraft(name, setting ? 'catalog' : entry?.runtimes ? 'registry' : entry ? 'agent' : 'override');
    if (entry) addRegistryName(d, entry);
    if (setting) addCurated(d, setting);
    // Patterns first, so that an override naming the name exactly has the last word.
    const overrides = [
      ...patterns.filter((p) => p.regex.test(name)).map((p) => p.override),
      ...exact.filter((e) => e.matches(name)).map((e) => e.override),
    ];
    // A pattern that only retires names covers names someone reads; one that says `reads` adds readers.
    const applicable = overrides.filter((o) => o.reads !== undefined || entry || setting || !o.pattern);
    // Readers first, so that a retirement covers every runtime that reads the name.
    for (const override of applicable) applyReads(d, override);
    for (const override of applicable) applyRetirement(d, override);
    // A name listed for another product is that product's too; a pattern only claims names nobody else reads.
    const listed = products.get(name);
    const matched = d.runtimes.size === 0 && !d.agent ? productPatterns.find((p) => p.regex.test(name)) : undefined;
    const product = listed ?? matched?.product;
    if (product) d.product = product;
    if (product && d.runtimes.size === 0 && !d.agent) d.origin = 'otherProduct';
    if (!entry && !setting && applicable.length === 0 && !product) return undefined;
    return freeze(d);
  }

  return {
    get(name) {
      let found = cache.get(name);
      if (found === undefined) {
        if (cache.size > 5000) cache.clear();
        cache.set(name, (found = assemble(name) ?? null));
      }
      return found ?? undefined;
    },
    names: () =>
      (allNames ??= [
        ...new Set([
          ...input.names.map((e) => e.name),
          ...curated.keys(),
          ...input.overrides.flatMap(expandNames),
          ...products.keys(),
        ]),
      ]),
    namesReadBy: (runtime) => input.names.filter((e) => e.runtimes?.includes(runtime)).map((e) => e.name),
    runtimesOf(name) {
      return this.get(name)?.runtimes ?? [];
    },
  };
}

/** Binary search in the registry's names, sorted by UTF-16 code units as `importRegistries.mjs` writes them. */
function findSorted(names: readonly RegistryName[], name: string): RegistryName | undefined {
  let low = 0;
  let high = names.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = names[middle]!;
    if (candidate.name === name) return candidate;
    if (candidate.name < name) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** Whether an override names `name` exactly: its `names`, or a `{X}` template with one of its ids. */
function matcherOf(override: RegistryOverride): (name: string) => boolean {
  const names = override.names ?? [];
  if (!override.each) {
    const set = new Set(names);
    return (name) => set.has(name);
  }
  // An id as written (`AdoNet`) and upper-cased (`ADONET`): .NET reads both spellings.
  const ids = new Set(override.each.flatMap((id) => [id, id.toUpperCase()]));
  const templates = names.map((template) => template.split('{X}') as [string, string]);
  return (name) =>
    templates.some(
      ([before, after]) =>
        name.length > before.length + after.length &&
        name.startsWith(before) &&
        name.endsWith(after) &&
        ids.has(name.slice(before.length, name.length - after.length)),
    );
}

function emptyDraft(name: string, origin: KnownOrigin): Draft {
  return {
    name,
    runtimes: new Set(),
    agent: false,
    internal: new Set(),
    aliasOf: {},
    retired: {},
    types: {},
    defaults: {},
    origin,
  };
}

function addRegistryName(d: Draft, entry: RegistryName): void {
  for (const runtime of entry.runtimes ?? []) d.runtimes.add(runtime);
  if (entry.agent) d.agent = true;
  for (const runtime of entry.internal ?? []) d.internal.add(runtime);
  Object.assign(d.aliasOf, entry.aliasOf ?? {});
  Object.assign(d.types, entry.types ?? {});
  Object.assign(d.defaults, entry.defaults ?? {});
  for (const [runtime, replacement] of entries(entry.deprecated)) {
    d.retired[runtime] = { status: 'deprecated', ...(replacement ? { replacement } : {}) };
  }
  for (const [runtime, major] of entries(entry.removedIn)) {
    const replacement = entry.deprecated?.[runtime];
    d.retired[runtime] = {
      status: 'removed',
      since: `${TRACER_NAMES[runtime] ?? runtime} ${major}`,
      ...(replacement ? { replacement } : {}),
    };
  }
}

/** The curated entry's runtimes and statuses join the registries' (curated statuses win). */
function addCurated(d: Draft, setting: Setting): void {
  d.origin = 'catalog';
  for (const runtime of setting.runtimes) d.runtimes.add(runtime);
  if (setting.status === 'internal' || setting.status === 'hidden') {
    for (const runtime of setting.runtimes) d.internal.add(runtime);
  }
  for (const runtime of setting.runtimes) {
    const status = setting.statusByRuntime?.[runtime] ?? setting.status;
    if (status !== 'deprecated' && status !== 'legacy' && status !== 'removed') continue;
    // A removal the registry records (dd-trace-js major-overrides.js) is code: it beats a curated "deprecated".
    if (d.retired[runtime]?.status === 'removed') continue;
    const replacement = setting.replacementByRuntime?.[runtime] ?? setting.replacement;
    d.retired[runtime] = {
      status,
      ...(replacement ? { replacement } : {}),
      ...(setting.removedIn && status === 'removed' ? { since: setting.removedIn } : {}),
    };
  }
}

function expandNames(override: RegistryOverride): string[] {
  const names = override.names ?? [];
  if (!override.each) return [...names];
  // An integration id as written (`AdoNet`) and upper-cased (`ADONET`): .NET reads both spellings.
  return names.flatMap((name) =>
    override.each!.flatMap((id) => [...new Set([id, id.toUpperCase()])].map((x) => name.replace('{X}', x))),
  );
}

function applyReads(d: Draft, override: RegistryOverride): void {
  for (const runtime of override.runtimes) {
    if (override.reads === true) d.runtimes.add(runtime);
    if (override.reads === false) d.runtimes.delete(runtime);
    if (override.ignoresType) {
      delete d.types[runtime];
      delete d.defaults[runtime];
    }
  }
}

function applyRetirement(d: Draft, override: RegistryOverride): void {
  if (!override.retired) return;
  // Retire it where it is read; a name none of them reads any more is retired for all of them.
  const readers = override.runtimes.filter((runtime) => d.runtimes.has(runtime));
  for (const runtime of readers.length > 0 ? readers : override.runtimes) {
    d.retired[runtime] = resolveRetirement(d, runtime, override);
  }
}

/** A retirement with `$1`-style replacements filled in; the registry's alias target wins when it names one. */
function resolveRetirement(d: Draft, runtime: Runtime, override: RegistryOverride): Retirement {
  const retired = override.retired!;
  const alias = d.aliasOf[runtime];
  let replacement = retired.replacement;
  if (replacement && override.pattern) {
    const match = new RegExp(`^(?:${override.pattern})$`).exec(d.name);
    replacement = match ? replacement.replace(/\$(\d)/g, (_, i: string) => match[Number(i)] ?? '') : undefined;
  }
  if (replacement?.includes('{X}')) replacement = fillTemplate(d.name, override, replacement);
  if (retired.replacement !== undefined && alias) replacement = alias;
  return { ...retired, ...(replacement ? { replacement } : {}) };
}

/** `DD_TRACE_{X}_ENABLED` for `DD_AdoNet_ENABLED` (template `DD_{X}_ENABLED`): the id upper-cased. */
function fillTemplate(name: string, override: RegistryOverride, replacement: string): string | undefined {
  for (const template of override.names ?? []) {
    const [before = '', after = ''] = template.split('{X}');
    if (name.startsWith(before) && name.endsWith(after) && name.length > before.length + after.length) {
      return replacement.replace('{X}', name.slice(before.length, name.length - after.length).toUpperCase());
    }
  }
  return undefined;
}

function freeze(d: Draft): KnownName {
  const runtimes: Runtime[] = TRACERS.filter((r) => d.runtimes.has(r));
  if (d.runtimes.has('ddprof')) runtimes.push('ddprof');
  return {
    name: d.name,
    runtimes,
    agent: d.agent,
    internal: runtimes.length > 0 && runtimes.every((r) => d.internal.has(r)),
    aliasOf: d.aliasOf,
    retired: d.retired,
    types: d.types,
    defaults: d.defaults,
    ...(d.product ? { product: d.product } : {}),
    origin: d.origin,
  };
}

function entries<T>(record: Partial<Record<Runtime, T>> | undefined): [Runtime, T][] {
  return Object.entries(record ?? {}) as [Runtime, T][];
}
