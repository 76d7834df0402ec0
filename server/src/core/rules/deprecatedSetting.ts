/**
 * deprecated-setting: a deprecated, legacy or removed setting. A removed one does nothing at all (an
 * error); a deprecated one still works for now (a warning). Names the replacement and offers to rename.
 * The status is read per runtime: `DD_PROFILING_LOG_DIR` is deprecated for .NET only.
 *
 * Two sources: the curated catalog's statuses (profiler settings, with their value specs), and the
 * retirements `catalog.known` records tracer-wide from the registries and the curated overrides (App
 * Analytics in every runtime, `DATADOG_*` spellings, .NET's `DD_<Integration>_ENABLED`, names a
 * tracer major version stopped reading).
 */
import type { Catalog, KnownName } from '../catalog/catalog.js';
import type { Setting } from '../catalog/schema.js';
import type { Finding, Runtime, SettingOccurrence, Surface } from '../types.js';
import { displayName, listRuntimes } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { effectiveRuntimes } from './effectiveRuntimes.js';
import { renameOrRemove } from './fixes.js';

const RETIRED = new Set(['deprecated', 'legacy', 'removed']);

/** What the message and the fix need, whichever source the retirement comes from. */
interface Retired {
  readonly runtimes: readonly Runtime[];
  readonly readers: readonly Runtime[];
  readonly removed: boolean;
  readonly since?: string;
  readonly replacement?: string;
  readonly note?: string;
}

export const deprecatedSetting: Rule = (ctx) =>
  ctx.occurrences.flatMap((occurrence) => {
    const setting = ctx.settingOf(occurrence);
    const retired = setting ? fromSetting(ctx, occurrence, setting) : fromKnown(ctx, occurrence);
    return retired ? [report(ctx, occurrence, retired)] : [];
  });

function fromSetting(ctx: RuleContext, occurrence: SettingOccurrence, setting: Setting): Retired | undefined {
  if (!ctx.runtimeKnown(occurrence.scope) && ctx.catalog.known(occurrence.surface, occurrence.name)?.product)
    return undefined;
  const runtimes = effectiveRuntimes(ctx, occurrence, setting);
  const retired = runtimes.filter((runtime) => RETIRED.has(ctx.catalog.status(setting, runtime)));
  // Retired for some runtimes only, while the runtime is unknown: it may be current where it runs.
  if (retired.length === 0 || retired.length < runtimes.length) return undefined;
  const first = retired[0]!;
  const replacement = ctx.catalog.replacement(setting, first);
  const removed = retired.every((runtime) => ctx.catalog.status(setting, runtime) === 'removed');
  return {
    runtimes: retired,
    readers: setting.runtimes,
    removed,
    ...(setting.removedIn && removed ? { since: setting.removedIn } : {}),
    ...(replacement ? { replacement } : {}),
    ...(setting.deprecationNote ? { note: setting.deprecationNote } : {}),
  };
}

function fromKnown(ctx: RuleContext, occurrence: SettingOccurrence): Retired | undefined {
  const known = ctx.catalog.known(occurrence.surface, occurrence.name);
  const retiredFor = Object.keys(known?.retired ?? {}) as Runtime[];
  if (!known || retiredFor.length === 0) return undefined;
  // Another product (datadog-ci reads DATADOG_API_KEY) or the Agent may read it as current: only say
  // "retired" once the file is known to configure a tracer.
  if ((known.product || known.agent) && !ctx.runtimeKnown(occurrence.scope)) return undefined;
  const readers = known.runtimes.length > 0 ? known.runtimes : retiredFor;
  const inScope = ctx.runtimesFor(occurrence.scope);
  const here = readers.filter((runtime) => inScope.includes(runtime));
  const runtimes = here.length > 0 ? here : readers;
  const retired = runtimes.filter((runtime) => known.retired[runtime]);
  if (retired.length === 0 || retired.length < runtimes.length) return undefined;
  const first = known.retired[retired[0]!]!;
  return {
    runtimes: retired,
    readers,
    removed: retired.every((runtime) => known.retired[runtime]?.status === 'removed'),
    ...(first.since ? { since: first.since } : {}),
    ...replacementOn(ctx.catalog, occurrence.surface, first.replacement, known),
    ...(first.note ? { note: first.note } : {}),
  };
}

/**
 * The replacement spelled on the occurrence's surface: the registries name env variables, so a Java
 * property or php.ini key gets the curated equivalent when there is one, else no replacement.
 */
function replacementOn(
  catalog: Catalog,
  surface: Surface,
  envName: string | undefined,
  known: KnownName,
): { replacement?: string } {
  if (!envName || envName === known.name) return {};
  if (surface === 'env') return catalog.known('env', envName) ? { replacement: envName } : {};
  const equivalents = catalog.lookup('env', envName)?.equivalents;
  const onSurface =
    surface === 'javaProperty' ? equivalents?.javaProperty : surface === 'phpIni' ? equivalents?.phpIni : undefined;
  return onSurface ? { replacement: onSurface } : {};
}

function report(ctx: RuleContext, occurrence: SettingOccurrence, retired: Retired): Finding {
  const name = displayName(occurrence.surface, occurrence.name);
  const scope = retired.runtimes.length < retired.readers.length ? ` for ${listRuntimes(retired.runtimes)}` : '';
  // A removed keyword argument is not ignored: Python rejects the call.
  const effect = occurrence.surface === 'pythonProfiler' ? 'creating the Profiler raises a TypeError' : 'has no effect';
  const state = retired.removed
    ? `was removed${retired.since ? ` in ${retired.since}` : ''} and ${effect}`
    : `is deprecated${retired.since ? ` since ${retired.since}` : ''}`;
  const replacement = retired.replacement;
  const instead = replacement ? ` Use \`${displayName(occurrence.surface, replacement)}\` instead.` : '';
  const note = retired.note ? ` ${retired.note}` : '';
  const fixable =
    replacement &&
    (ctx.catalog.lookup(occurrence.surface, replacement) || ctx.catalog.known(occurrence.surface, replacement));
  return {
    code: 'deprecated-setting',
    severity: retired.removed ? 'error' : 'warning',
    message: `\`${name}\` ${state}${scope}.${instead}${note}`,
    range: occurrence.nameRange,
    tags: ['deprecated'],
    ...(fixable ? { fixes: renameOrRemove(ctx, occurrence, replacement, true, true) } : {}),
  };
}
