/**
 * unknown-setting: a Datadog setting name that no profiler reads, such as `DD_PROFILING_ENABLE` or
 * `DD_PROFILER_ENABLED`. The profiler silently ignores it. Offers the closest known names.
 *
 * Only names that are clearly profiler settings (`DD_PROFILING_*`, `dd.profiling.*`, `c.profiling.*`,
 * `datadog.profiling.*`, ddprof flags) or that are within two edits of a known name are reported:
 * the tracers read hundreds of other `DD_*` settings this tool does not catalogue, and those must not
 * raise false alarms.
 */
import { editDistance } from '../catalog/suggest.js';
import type { Finding, SettingOccurrence, Surface } from '../types.js';
import { displayName } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { renameOrRemove } from './fixes.js';

const PROFILER_NAMES: Readonly<Record<Surface, RegExp>> = {
  env: /^_?DD_PROFIL/,
  javaProperty: /^dd\.profil/,
  rubyConfigure: /^profil/,
  phpIni: /^datadog\.profil/,
  ddprofFlag: /^-/,
};

const DATADOG_NAMES: Readonly<Record<Surface, RegExp>> = {
  env: /^DD_/,
  javaProperty: /^dd\./,
  rubyConfigure: /^./,
  phpIni: /^datadog\./,
  ddprofFlag: /^-/,
};

export const unknownSetting: Rule = (ctx) =>
  ctx.occurrences.flatMap((occurrence) => {
    if (ctx.settingOf(occurrence)) return [];
    const upper = miscasedEnvName(ctx, occurrence);
    if (upper) return occurrence.caseInsensitive ? [] : [wrongCase(ctx, occurrence, upper)];
    if (!DATADOG_NAMES[occurrence.surface].test(occurrence.name)) return [];
    if (occurrence.name.endsWith('.')) return []; // a path still being typed (`c.profiling.`)
    const finding = check(ctx, occurrence);
    return finding ? [finding] : [];
  });

function check(ctx: RuleContext, occurrence: SettingOccurrence): Finding | undefined {
  const suggestions = ctx.catalog.suggest(occurrence.surface, occurrence.name, 3);
  const profilerName = PROFILER_NAMES[occurrence.surface].test(occurrence.name);
  const closest = suggestions[0];
  const near = closest !== undefined && editDistance(occurrence.name, closest, 3) <= 2;
  if (!profilerName && !near) return undefined;
  const shown = displayName(occurrence.surface, occurrence.name);
  const hint =
    suggestions.length > 0
      ? ` Did you mean ${suggestions.map((s) => `\`${displayName(occurrence.surface, s)}\``).join(', ')}?`
      : '';
  return {
    code: 'unknown-setting',
    severity: 'warning',
    message: `\`${shown}\` is not a setting any Datadog profiler reads, so it is silently ignored.${hint}`,
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
