/**
 * Part of conflicting-settings: one setting given different values on two surfaces of one process,
 * such as `ENV DD_PROFILING_ENABLED=true` in a Dockerfile stage and `-Ddd.profiling.enabled=false` on
 * its `java` command line. The runtime uses one of the two whatever the order they are written in
 * (surfaces.ts says which, from each tracer's code); the other is reported, faded, naming the value
 * that wins and why.
 *
 * The same value on two surfaces is not reported: writing a setting both as `ENV` and as `-D` is a
 * common, harmless habit, and a change to one of them that makes them differ is reported then.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Setting } from '../catalog/schema.js';
import type { Finding, Runtime, SettingOccurrence, Surface } from '../types.js';
import { RUNTIME_LABELS } from '../text/names.js';
import type { RuleContext } from './context.js';
import { removeFix } from './fixes.js';
import { precedenceOfSurface, spelled, spelledWithValue, winnerFor, type SurfacePrecedence } from './surfaces.js';
import { effectiveRuntimes } from './effectiveRuntimes.js';

export function surfaceConflicts(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  // Each setting of a scope once per surface, however often it is written there.
  const done = new Map<readonly SettingOccurrence[], Set<Surface>>();
  for (const occurrence of ctx.occurrences) {
    const precedence = precedenceOfSurface(occurrence.surface);
    if (!precedence) continue;
    const group = ctx.settingGroup(occurrence);
    const surfaces = done.get(group) ?? new Set<Surface>();
    if (surfaces.has(occurrence.surface)) continue;
    done.set(group, surfaces.add(occurrence.surface));
    if (!ctx.runtimesFor(occurrence.scope).includes(precedence.runtime)) continue;
    const finding = conflict(ctx, occurrence.scope, group, precedence);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** The last value on each of the two surfaces; a finding on the one that loses when they differ. */
function conflict(
  ctx: RuleContext,
  scope: string,
  group: readonly SettingOccurrence[],
  precedence: SurfacePrecedence,
): Finding | undefined {
  // Another name for the setting (`OTEL_SERVICE_NAME` for `DD_SERVICE`) has its own precedence, which
  // the OpenTelemetry alias check (otelAliases.ts) judges: only the setting's own names compete here.
  const named = group.filter((o) => ctx.settingOf(o)?.aliasOf === undefined);
  const own = lastOn(named, precedence.surface);
  const env = lastOn(named, 'env');
  const winner = winnerFor(precedence.runtime, named);
  if (!own || !env || !winner || own.valueKind !== 'literal' || env.valueKind !== 'literal') return undefined;
  const ownSetting = ctx.settingOf(own);
  const envSetting = ctx.settingOf(env);
  if (!ownSetting || !envSetting) return undefined;
  const runtime = precedence.runtime;
  if (meaning(ctx.catalog, ownSetting, runtime, own) === meaning(ctx.catalog, envSetting, runtime, env))
    return undefined;
  const loser = winner === own ? env : own;
  // An inherited value that loses here may still be the one other stages built on the parent use.
  if (loser.scope !== scope) return undefined;
  const secret = ownSetting.secret === true || envSetting.secret === true;
  // Removing an environment variable is safe only when no other runtime of the process reads it.
  const readers = loser.surface === 'env' ? effectiveRuntimes(ctx, loser, envSetting) : [runtime];
  // With an earlier value on the same surface, removing the last one only brings that one back.
  const alone = named.filter((o) => o.surface === loser.surface).length === 1;
  return report(loser, winner, precedence, secret, alone && readers.length === 1 && readers[0] === runtime);
}

function lastOn(group: readonly SettingOccurrence[], surface: Surface): SettingOccurrence | undefined {
  for (let i = group.length - 1; i >= 0; i--) if (group[i]?.surface === surface) return group[i];
  return undefined;
}

/**
 * What a value means to the runtime, so `true` and `1` (or `TRUE` where case does not matter) are not a
 * conflict: booleans by the runtime's dialect, enums that list `1` and `0` beside `true` and `false`
 * as those, case-insensitive enums in lower case, anything else as written (trimmed).
 */
function meaning(catalog: Catalog, setting: Setting, runtime: Runtime, occurrence: SettingOccurrence): string {
  const value = (occurrence.value ?? '').trim();
  const spec = catalog.valueSpec(setting, runtime);
  if (spec.type === 'enum') {
    const folded = spec.caseInsensitive ? value.toLowerCase() : value;
    const numeric = spec.values.includes('1') && spec.values.includes('true');
    return numeric ? ({ '1': 'true', '0': 'false' }[folded] ?? folded) : folded;
  }
  if (spec.type !== 'boolean') return value;
  const dialect = catalog.dialect(spec.dialect);
  if (!dialect) return value;
  const fold = (s: string) => (dialect.caseInsensitive ? s.toLowerCase() : s);
  if (dialect.true.some((t) => fold(t) === fold(value))) return 'true';
  if (dialect.false.some((f) => fold(f) === fold(value))) return 'false';
  if ((spec.also ?? []).some((a) => fold(a) === fold(value))) return fold(value);
  return dialect.otherwise === 'true' || dialect.otherwise === 'false' ? dialect.otherwise : `=${value}`;
}

function report(
  loser: SettingOccurrence,
  winner: SettingOccurrence,
  precedence: SurfacePrecedence,
  secret: boolean,
  removable: boolean,
): Finding {
  const line = winner.nameRange.start.line + 1;
  const runtime = RUNTIME_LABELS[precedence.runtime];
  const fix = removable ? removeFix(loser, `Remove the overridden \`${spelled(loser)}\``) : undefined;
  return {
    code: 'conflicting-settings',
    severity: 'warning',
    message:
      `\`${spelledWithValue(loser, secret)}\` has no effect on ${runtime}: \`${spelledWithValue(winner, secret)}\` ` +
      `on line ${line} sets the same setting to another value and wins, because ${precedence.why}.`,
    range: loser.nameRange,
    tags: ['unnecessary'],
    related: [{ range: winner.nameRange, message: `the value ${runtime} uses` }],
    ...(fix ? { fixes: [fix] } : {}),
  };
}
