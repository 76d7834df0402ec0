/**
 * missing-dependency: a setting that only takes effect together with another that is not set to the
 * value it needs in the same scope: Ruby `DD_PROFILING_EXPERIMENTAL_HEAP_ENABLED=true` without
 * `DD_PROFILING_ALLOCATION_ENABLED=true` (heap profiling stays off with only a log line),
 * `CORECLR_ENABLE_PROFILING=1` without the profiler GUID. Dependencies come from the catalog's `requires`;
 * a dependency whose default already satisfies it is not reported.
 *
 * The required setting counts on every surface the runtime reads, with the runtime's precedence
 * (surfaces.ts): `ENV DD_PROFILING_ENABLED=true` satisfies `-Ddd.profiling.allocation.enabled=true` on
 * the same stage's `java` command line, and a `-Ddd.profiling.enabled=false` there overrides it.
 */
import type { Setting } from '../catalog/schema.js';
import type { Finding, Runtime, SettingOccurrence } from '../types.js';
import { listRuntimes } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { canonicalOf } from './canonicalName.js';
import { effectiveRuntimes, readByNoneInUse } from './effectiveRuntimes.js';
import { precedenceOfRuntime, spelled, spelledWithValue } from './surfaces.js';
import { isOff } from './truth.js';

type Requirement = NonNullable<Setting['requires']>[number];

/** Why a requirement fails for some runtimes: the value in use (none: the default). */
interface Unmet {
  readonly runtimes: readonly Runtime[];
  readonly inUse?: SettingOccurrence;
}

export const missingDependency: Rule = (ctx) => {
  return ctx.occurrences.flatMap((occurrence) => {
    const setting = ctx.settingOf(occurrence);
    if (!setting?.requires || occurrence.valueKind === 'none' || isOff(setting, occurrence)) return [];
    // A value another surface overrides is reported by conflicting-settings; its needs do not matter.
    if (readByNoneInUse(ctx, occurrence, setting) || !ctx.takesEffect(occurrence)) return [];
    const runtimes = effectiveRuntimes(ctx, occurrence, setting);
    return setting.requires.flatMap((requirement) => {
      const applies = runtimes.filter((r) => !requirement.runtimes || requirement.runtimes.includes(r));
      const unmet = unmetFor(ctx, occurrence, requirement, applies);
      if (!unmet) return [];
      const sameSurface = ctx.catalog.lookup(occurrence.surface, requirement.setting) !== undefined;
      return [report(ctx, occurrence, requirement, unmet, sameSurface)];
    });
  });
};

/**
 * The runtimes for which the requirement is not met, with the value each uses instead (the first
 * runtime's, for the message); `undefined` when it is met for all of them.
 */
function unmetFor(
  ctx: RuleContext,
  occurrence: SettingOccurrence,
  requirement: Requirement,
  runtimes: readonly Runtime[],
): Unmet | undefined {
  const required =
    ctx.catalog.lookup(occurrence.surface, requirement.setting) ?? ctx.catalog.lookup('env', requirement.setting);
  const canonical =
    (required && canonicalOf(ctx, required)) ?? `${required?.surface ?? occurrence.surface}:${requirement.setting}`;
  const group = ctx.settingIn(occurrence.scope, canonical);
  const failing: Runtime[] = [];
  let inUse: SettingOccurrence | undefined;
  for (const runtime of runtimes) {
    const winner = ctx.winnerFor(runtime, group);
    const met = winner
      ? winner.valueKind !== 'literal' || sameValue(winner.value ?? '', requirement.value)
      : sameValue(required?.defaults?.[runtime] ?? '', requirement.value);
    if (met) continue;
    if (failing.length === 0) inUse = winner;
    failing.push(runtime);
  }
  return failing.length === 0 ? undefined : { runtimes: failing, ...(inUse ? { inUse } : {}) };
}

/**
 * Whether a value gives what the requirement asks. `auto` counts as on: the profiler may then start,
 * and the settings that depend on it apply when it does.
 */
function sameValue(actual: string, wanted: string): boolean {
  const truthy = /^(true|1|yes|on)$/i;
  if (truthy.test(wanted)) return truthy.test(actual.trim()) || /^auto$/i.test(actual.trim());
  return actual.trim().toLowerCase() === wanted.toLowerCase();
}

function report(
  ctx: RuleContext,
  occurrence: SettingOccurrence,
  requirement: Requirement,
  unmet: Unmet,
  sameSurface: boolean,
): Finding {
  const name = spelled(occurrence);
  const needed = sameSurface ? spelled({ ...occurrence, name: requirement.setting }) : requirement.setting;
  const start = `\`${name}\` has no effect for ${listRuntimes(unmet.runtimes)} unless \`${needed}\` is \`${requirement.value}\``;
  const { inUse } = unmet;
  if (!inUse) {
    return {
      code: 'missing-dependency',
      severity: 'warning',
      message: `${start}, and it is not set so here.`,
      range: occurrence.nameRange,
    };
  }
  const written = shown(ctx, inUse);
  const line = inUse.nameRange.start.line + 1;
  return {
    code: 'missing-dependency',
    severity: 'warning',
    message: `${start}, and ${written} on line ${line} sets it otherwise${overriding(ctx, inUse, unmet)}.`,
    range: occurrence.nameRange,
    related: [{ range: inUse.nameRange, message: `\`${needed}\` is set here` }],
  };
}

/** " (it wins over `DD_X=true` on line 2, because …)" when the value in use hides one on another surface. */
function overriding(ctx: RuleContext, inUse: SettingOccurrence, unmet: Unmet): string {
  const runtime = unmet.runtimes[0];
  const precedence = runtime && precedenceOfRuntime(runtime);
  if (!precedence) return '';
  const hidden = ctx
    .settingGroup(inUse)
    .filter((o) => o.surface !== inUse.surface && (o.surface === 'env' || o.surface === precedence.surface));
  const other = hidden[hidden.length - 1];
  if (!other) return '';
  const written = shown(ctx, other);
  return ` (it wins over ${written} on line ${other.nameRange.start.line + 1}, because ${precedence.why})`;
}

/** "`-Ddd.profiling.enabled=false`": the setting as written, its value left out if it is a credential. */
function shown(ctx: RuleContext, occurrence: SettingOccurrence): string {
  return `\`${spelledWithValue(occurrence, ctx.settingOf(occurrence)?.secret === true)}\``;
}
