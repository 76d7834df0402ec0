/**
 * Joins the curated catalog and the registries: the registries say which runtimes read a name, the
 * curated entry says what values each accepts. A curated env setting gains every runtime whose
 * registry reads it (a false "read only by .NET and PHP" on `DD_GIT_COMMIT_SHA` came from a runtimes
 * list compiled from documentation), and a retirement the registries or the overrides record for a
 * runtime becomes that runtime's status. Curated value specs, units, dependencies and equivalents are
 * untouched.
 */
import type { Runtime } from '../types.js';
import { buildKnownIndex } from './registry.js';
import type { KnownIndex, KnownName, RegistryInput } from './registry.js';
import type { Setting, SettingStatus } from './schema.js';

export interface Merged {
  readonly settings: Setting[];
  readonly index: KnownIndex;
}

export function mergeRegistry(settings: readonly Setting[], input: Omit<RegistryInput, 'curated'>): Merged {
  const envNames = new Set(settings.filter((s) => s.surface === 'env').map((s) => s.name));
  const index = buildKnownIndex({ ...input, curated: settings.filter((s) => s.surface === 'env') });
  return {
    index,
    settings: settings.map((setting) => {
      const known = setting.surface === 'env' ? index.get(setting.name) : undefined;
      return known ? widen(setting, known, envNames) : setting;
    }),
  };
}

const RETIRED: ReadonlySet<SettingStatus> = new Set(['deprecated', 'legacy', 'removed']);

function widen(setting: Setting, known: KnownName, envNames: ReadonlySet<string>): Setting {
  const added = known.runtimes.filter((runtime) => !setting.runtimes.includes(runtime));
  const patched = retirementsFor(setting, known, envNames);
  if (added.length === 0 && !patched) return setting;
  const statusByRuntime = { ...(patched?.statusByRuntime ?? setting.statusByRuntime) };
  // A name curated as legacy where it is an alias (DD_TRACE_AGENT_HOSTNAME in Node.js and .NET) is a
  // plain setting in a runtime whose registry lists it without a deprecation (Python).
  if (RETIRED.has(setting.status)) {
    for (const runtime of added) if (!known.retired[runtime]) statusByRuntime[runtime] = 'stable';
  }
  const statuses = Object.keys(statusByRuntime).length > 0 ? { statusByRuntime } : {};
  return { ...setting, runtimes: [...setting.runtimes, ...added], ...patched, ...statuses };
}

/** Statuses the curated entry lacks: registry deprecations and code-over-registry corrections. */
function retirementsFor(
  setting: Setting,
  known: KnownName,
  envNames: ReadonlySet<string>,
): Partial<Setting> | undefined {
  let statusByRuntime = setting.statusByRuntime;
  let replacementByRuntime = setting.replacementByRuntime;
  let removedIn = setting.removedIn;
  for (const [runtime, retired] of Object.entries(known.retired) as [
    Runtime,
    NonNullable<KnownName['retired'][Runtime]>,
  ][]) {
    const current = statusByRuntime?.[runtime] ?? setting.status;
    if (current === retired.status || (RETIRED.has(current) && retired.status !== 'removed')) continue;
    statusByRuntime = { ...statusByRuntime, [runtime]: retired.status };
    if (retired.replacement && envNames.has(retired.replacement)) {
      replacementByRuntime = { ...replacementByRuntime, [runtime]: retired.replacement };
    }
    if (retired.status === 'removed' && retired.since) removedIn ??= retired.since;
  }
  if (statusByRuntime === setting.statusByRuntime) return undefined;
  return {
    statusByRuntime,
    ...(replacementByRuntime ? { replacementByRuntime } : {}),
    ...(removedIn ? { removedIn } : {}),
  };
}
