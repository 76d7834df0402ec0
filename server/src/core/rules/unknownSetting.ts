/**
 * unknown-setting: a Datadog setting name that nothing reads, such as `DD_PROFILING_ENABLE`,
 * `DD_HEAPPROF_ENABLED` or `DD_TRACE_SAMPLE_RAT`. It is silently ignored. Offers the closest known names.
 *
 * "Known" is the whole `DD_*` namespace as the tracers' own registries, the Agent's settings and the
 * curated catalog describe it (`catalog.known`), plus names other Datadog products read. Because a
 * false alarm on a correct file costs more than a miss, an unknown name is reported only when it is
 * clearly meant for the profiler (`DD_PROFILING_*`, any `DD_*PROF*`, `dd.profiling.*` and `dd.*prof*`, `c.profiling.*`,
 * `datadog.profiling.*`, ddprof flags) or sits within two edits of a known name (one edit for an
 * integration switch such as `DD_TRACE_X_ENABLED`, where tracers read names no registry lists).
 * A name far from everything and not about profiling passes: some other tool may read it.
 */
import { editDistance } from '../catalog/suggest.js';
import type { Finding, SettingOccurrence, Surface } from '../types.js';
import { displayName } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { renameOrRemove } from './fixes.js';

const PROFILER_NAMES: Readonly<Record<Surface, RegExp>> = {
  env: /^_?DD_(PROFIL|[A-Z0-9_]*PROF)/,
  javaProperty: /^dd\.(profil|[a-z0-9.-]*prof)/,
  rubyConfigure: /^profil/,
  phpIni: /^datadog\.(profil|[a-z0-9._]*prof)/,
  ddprofFlag: /^-/,
  // Everything passed to profiler.Start or Profiler(...) is meant for the profiler.
  goProfiler: /^./,
  nodeInit: /^profil/,
  pythonProfiler: /^./,
};

const DATADOG_NAMES: Readonly<Record<Surface, RegExp>> = {
  env: /^(_?DD_|DATADOG_)/,
  javaProperty: /^dd\./,
  rubyConfigure: /^./,
  phpIni: /^datadog\./,
  ddprofFlag: /^-/,
  goProfiler: /^./,
  nodeInit: /^./,
  pythonProfiler: /^./,
};

/** Where an unknown name is not ignored but breaks the program: a Go build, a Python call. */
const IN_CODE: Partial<Record<Surface, (shown: string) => string>> = {
  goProfiler: (shown) =>
    `\`${shown}\` is not an option or profile type of dd-trace-go's profiler package: the build fails.`,
  pythonProfiler: (shown) => `\`${shown}\` is not a keyword of ddtrace's \`Profiler\`: creating it raises a TypeError.`,
};

/** Per-integration switches: tracers derive these from integration names, not all of which are listed. */
const INTEGRATION_SWITCH =
  /^DD_(TRACE_)?[A-Za-z0-9_]+_(ENABLED|ANALYTICS_ENABLED|ANALYTICS_SAMPLE_RATE|SERVICE|SERVICE_NAME)$/;

export const unknownSetting: Rule = (ctx) =>
  ctx.occurrences.flatMap((occurrence) => {
    if (ctx.settingOf(occurrence)) return [];
    const upper = miscasedEnvName(ctx, occurrence);
    if (upper) return occurrence.caseInsensitive ? [] : [wrongCase(ctx, occurrence, upper)];
    if (!DATADOG_NAMES[occurrence.surface].test(occurrence.name)) return [];
    if (occurrence.name.endsWith('.')) return []; // a path still being typed (`c.profiling.`)
    if (ctx.catalog.known(occurrence.surface, occurrence.name)) return [];
    const finding = check(ctx, occurrence);
    return finding ? [finding] : [];
  });

function check(ctx: RuleContext, occurrence: SettingOccurrence): Finding | undefined {
  const nearest = ctx.catalog.nearestKnown(occurrence.surface, occurrence.name, 3);
  const profilerName = PROFILER_NAMES[occurrence.surface].test(occurrence.name);
  const closest = nearest[0];
  const reach = INTEGRATION_SWITCH.test(envForm(occurrence)) ? 1 : 2;
  const near = closest !== undefined && editDistance(occurrence.name, closest, reach + 1) <= reach;
  if (!profilerName && !near) return undefined;
  // Never steer towards an internal or retired name: renaming to it would trade one finding for another.
  const suggestions = nearest.filter((name) => isCurrent(ctx, occurrence.surface, name));
  const shown = displayName(occurrence.surface, occurrence.name);
  const hint =
    suggestions.length > 0
      ? ` Did you mean ${suggestions.map((s) => `\`${displayName(occurrence.surface, s)}\``).join(', ')}?`
      : '';
  return {
    code: 'unknown-setting',
    severity: 'warning',
    message: `${IN_CODE[occurrence.surface]?.(shown) ?? `\`${shown}\` is not a setting any Datadog ${profilerName ? 'profiler' : 'tracer or Agent'} reads, so it is silently ignored.`}${hint}`,
    range: occurrence.nameRange,
    // Only a change of case is certain; any other did-you-mean is a guess a person must confirm.
    fixes: suggestions.flatMap((suggestion, index) =>
      renameOrRemove(
        ctx,
        occurrence,
        suggestion,
        index === 0,
        suggestion.toLowerCase() === occurrence.name.toLowerCase(),
      ),
    ),
  };
}

/** `dd_profiling_enabled`: a known env name in the wrong case. */
function miscasedEnvName(ctx: RuleContext, occurrence: SettingOccurrence): string | undefined {
  if (occurrence.surface !== 'env' || !/^dd_/i.test(occurrence.name)) return undefined;
  const upper = occurrence.name.toUpperCase();
  return upper !== occurrence.name && ctx.catalog.lookup('env', upper) ? upper : undefined;
}

/**
 * Linux and macOS environment names are case-sensitive, so the tracer never sees the miscased one.
 * Windows reads them case-insensitively: batch, PowerShell and IIS config names are not reported.
 */
function wrongCase(ctx: RuleContext, occurrence: SettingOccurrence, upper: string): Finding {
  return {
    code: 'unknown-setting',
    severity: 'warning',
    message: `\`${occurrence.name}\` is not \`${upper}\`: environment variable names are case-sensitive on Linux and macOS, so the profiler never sees this one.`,
    range: occurrence.nameRange,
    fixes: renameOrRemove(ctx, occurrence, upper, true, true),
  };
}

function isCurrent(ctx: RuleContext, surface: Surface, name: string): boolean {
  const known = ctx.catalog.known(surface, name);
  if (!known || known.internal) return false;
  return known.runtimes.length === 0 || known.runtimes.some((runtime) => !known.retired[runtime]);
}

/** `dd.trace.jdbc.enabled` and `datadog.trace.pdo_enabled` as the env names they are derived from. */
function envForm(occurrence: SettingOccurrence): string {
  const prefix = occurrence.surface === 'javaProperty' ? 'dd.' : occurrence.surface === 'phpIni' ? 'datadog.' : '';
  if (!prefix || !occurrence.name.startsWith(prefix)) return occurrence.name;
  return `DD_${occurrence.name.slice(prefix.length).toUpperCase().replace(/[.-]/g, '_')}`;
}
