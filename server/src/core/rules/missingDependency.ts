/**
 * missing-dependency: a setting that only takes effect together with another that is not set to the
 * value it needs in the same scope: Ruby `DD_PROFILING_EXPERIMENTAL_HEAP_ENABLED=true` without
 * `DD_PROFILING_ALLOCATION_ENABLED=true` (heap profiling stays off with only a log line),
 * `CORECLR_ENABLE_PROFILING=1` without the profiler GUID. Dependencies come from the catalog's `requires`;
 * a dependency whose default already satisfies it is not reported.
 */
import type { Setting } from '../catalog/schema.js';
import type { Finding, Runtime, SettingOccurrence } from '../types.js';
import { displayName, listRuntimes } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { comparePositions } from '../text/ranges.js';
import { effectiveRuntimes, readByNoneInUse } from './effectiveRuntimes.js';
import { isOff } from './truth.js';

export const missingDependency: Rule = (ctx) => {
  const byName = indexByScopeAndName(ctx);
  return ctx.occurrences.flatMap((occurrence) => {
    const setting = ctx.settingOf(occurrence);
    if (!setting?.requires || occurrence.valueKind === 'none' || isOff(setting, occurrence)) return [];
    if (readByNoneInUse(ctx, occurrence, setting)) return [];
    const runtimes = effectiveRuntimes(ctx, occurrence, setting);
    return setting.requires.flatMap((requirement) => {
      const applies = runtimes.filter((r) => !requirement.runtimes || requirement.runtimes.includes(r));
      const present = lastPresent(ctx, byName, occurrence, requirement.setting);
      if (applies.length === 0 || satisfied(ctx, occurrence, requirement, applies, present)) return [];
      const sameSurface = ctx.catalog.lookup(occurrence.surface, requirement.setting) !== undefined;
      return [report(occurrence, requirement, applies, sameSurface)];
    });
  });
};

/** Known settings by scope and by name (their own and their env equivalent), built once per run. */
function indexByScopeAndName(ctx: RuleContext): Map<string, SettingOccurrence[]> {
  const index = new Map<string, SettingOccurrence[]>();
  for (const occurrence of ctx.occurrences) {
    const setting = ctx.settingOf(occurrence);
    if (!setting) continue;
    for (const name of new Set([occurrence.name, setting.equivalents?.env].filter((n) => n !== undefined))) {
      const key = `${occurrence.scope}\u0000${name}`;
      const list = index.get(key);
      if (list) list.push(occurrence);
      else index.set(key, [occurrence]);
    }
  }
  return index;
}

/**
 * The last place the required setting is written in the scope, on any surface: `dd.profiling.enabled`
 * is also set by `DD_PROFILING_ENABLED`, so both names are looked up. The last one written wins; when
 * the scope does not write it, the nearest scope it inherits from (a step's job, its workflow) counts.
 */
function lastPresent(
  ctx: RuleContext,
  byName: Map<string, SettingOccurrence[]>,
  occurrence: SettingOccurrence,
  name: string,
): SettingOccurrence | undefined {
  const envName = ctx.catalog.lookup(occurrence.surface, name)?.equivalents?.env;
  const names = envName && envName !== name ? [name, envName] : [name];
  for (const scope of [occurrence.scope, ...ctx.ancestors(occurrence.scope)]) {
    let last: SettingOccurrence | undefined;
    for (const n of names) {
      const list = byName.get(`${scope}\u0000${n}`);
      const candidate = list?.[list.length - 1];
      if (candidate && (!last || comparePositions(candidate.nameRange.start, last.nameRange.start) > 0))
        last = candidate;
    }
    if (last) return last;
  }
  return undefined;
}

type Requirement = NonNullable<Setting['requires']>[number];

function satisfied(
  ctx: RuleContext,
  occurrence: SettingOccurrence,
  requirement: Requirement,
  runtimes: Runtime[],
  last: SettingOccurrence | undefined,
): boolean {
  const required =
    ctx.catalog.lookup(occurrence.surface, requirement.setting) ?? ctx.catalog.lookup('env', requirement.setting);
  if (last) return last.valueKind !== 'literal' || sameValue(last.value ?? '', requirement.value);
  return runtimes.every((runtime) => sameValue(required?.defaults?.[runtime] ?? '', requirement.value));
}

function sameValue(actual: string, wanted: string): boolean {
  const truthy = /^(true|1|yes|on)$/i;
  if (truthy.test(wanted)) return truthy.test(actual.trim());
  return actual.trim().toLowerCase() === wanted.toLowerCase();
}

function report(
  occurrence: SettingOccurrence,
  requirement: Requirement,
  runtimes: readonly Runtime[],
  sameSurface: boolean,
): Finding {
  const name = displayName(occurrence.surface, occurrence.name);
  const needed = sameSurface ? displayName(occurrence.surface, requirement.setting) : requirement.setting;
  return {
    code: 'missing-dependency',
    severity: 'warning',
    message: `\`${name}\` has no effect for ${listRuntimes(runtimes)} unless \`${needed}\` is \`${requirement.value}\`, and it is not set so here.`,
    range: occurrence.nameRange,
  };
}
