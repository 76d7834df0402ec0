/**
 * missing-dependency, the .NET loader set: the CLR loads Datadog's profiler only when every variable of
 * the set is there, and a missing one fails silently (no tracer, no profiles, no error). From the seed
 * ("Enabling the Profiler", .NET):
 *
 * - Linux: `CORECLR_ENABLE_PROFILING=1`, `CORECLR_PROFILER={846F5F1C-…}`, `CORECLR_PROFILER_PATH` (or
 *   a `_64`/`_32`/`_ARM64`/`_ARM32` variant, which the CLR reads first), `DD_DOTNET_TRACER_HOME` (info;
 *   optional for the NuGet install, whose loader sits in `<APP_DIRECTORY>/datadog/<rid>/`), and,
 *   for the profiler, `Datadog.Linux.ApiWrapper.x64.so` in `LD_PRELOAD`.
 * - Windows: the enable flag and the GUID (`COR_*` for .NET Framework); the MSI registers the profiler's
 *   path, and since v2.14.0 the GUID too, so nothing else is reported there.
 *
 * Judged only where the file clearly sets the loader up: the enable flag set to `1`, or the GUID together
 * with a loader path. A file that sets other things (only `DD_PROFILING_ENABLED`, as Single Step
 * Instrumentation wants) is left alone, and so is a scope whose operating system the file does not show.
 * `COR_*` on Linux is wrong-os's finding.
 */
import type { Finding, SettingOccurrence } from '../types.js';
import type { Rule, RuleContext } from './context.js';
import { scopeSystems, type ScopeOs } from './wrongOs.js';
import { processName } from './processName.js';

const GUID = '{846F5F1C-F9AE-4B07-969E-05C26BC060D8}';
const WRAPPER = 'Datadog.Linux.ApiWrapper.x64.so';
const PATH_SUFFIXES = ['', '_64', '_32', '_ARM64', '_ARM32'];

/** `CORECLR_` for .NET Core and .NET 5+, `COR_` for .NET Framework. */
const PREFIXES = ['CORECLR_', 'COR_'] as const;

/** The last occurrence of each env name, per scope: the value the process starts with. */
type ScopeSettings = Map<string, SettingOccurrence>;

export const dotnetLoader: Rule = (ctx) => {
  const systems = scopeSystems(ctx);
  const scopes = lastByScope(ctx);
  const findings: Finding[] = [];
  for (const [scope, settings] of scopes) {
    const system = systems.get(scope);
    for (const prefix of PREFIXES) {
      const set = { ctx, scope, settings, prefix, scopes };
      // `COR_*` on Linux is wrong-os's finding: nothing more is said of it.
      if (prefix === 'COR_' && system?.os === 'linux') continue;
      findings.push(...notEnabled(set), ...(system ? incomplete(set, system) : []));
    }
  }
  return findings;
};

interface LoaderSet {
  readonly ctx: RuleContext;
  readonly scope: string;
  readonly settings: ScopeSettings;
  readonly prefix: (typeof PREFIXES)[number];
  readonly scopes: ReadonlyMap<string, ScopeSettings>;
}

function lastByScope(ctx: RuleContext): Map<string, ScopeSettings> {
  const scopes = new Map<string, ScopeSettings>();
  for (const occurrence of ctx.occurrences) {
    if (occurrence.surface !== 'env') continue;
    const settings = scopes.get(occurrence.scope) ?? new Map<string, SettingOccurrence>();
    settings.set(occurrence.name.toUpperCase(), occurrence);
    scopes.set(occurrence.scope, settings);
  }
  return scopes;
}

/** The Datadog GUID and a loader path, but no enable flag: the CLR never reads the other two. */
function notEnabled(set: LoaderSet): Finding[] {
  const { prefix, settings } = set;
  const profiler = settings.get(`${prefix}PROFILER`);
  if (!profiler || !isOurGuid(profiler) || provided(set, `${prefix}ENABLE_PROFILING`)) return [];
  const path = loaderPath(settings, prefix);
  if (!path) return [];
  return [
    {
      code: 'missing-dependency',
      severity: 'warning',
      message:
        `\`${profiler.name}\` and \`${path.name}\` have no effect in ${processName(set.scope)}: the .NET runtime loads a ` +
        `profiler only when \`${prefix}ENABLE_PROFILING\` is \`1\`, and it is not set here.`,
      range: profiler.nameRange,
    },
  ];
}

/** The enable flag is on: what else the operating system needs. */
function incomplete(set: LoaderSet, system: ScopeOs): Finding[] {
  const { prefix, settings } = set;
  if (system.os !== 'linux') return [];
  // On Linux `COR_ENABLE_PROFILING` is a misspelt `CORECLR_` (wrong-os renames it): what else is needed
  // is the same, and must be said before the rename as after it.
  const enable = settings.get(`${prefix}ENABLE_PROFILING`) ?? settings.get('COR_ENABLE_PROFILING');
  if (!enable || enable.valueKind !== 'literal' || enable.value?.trim() !== '1') return [];
  const context = `${processName(set.scope)} (it runs on Linux: ${system.reason})`;
  const findings: Finding[] = [];
  const missing = [
    provided(set, `${prefix}PROFILER`) ? undefined : `\`${prefix}PROFILER=${GUID}\` (which profiler to load)`,
    PATH_SUFFIXES.some((suffix) => provided(set, `${prefix}PROFILER_PATH${suffix}`))
      ? undefined
      : `\`${prefix}PROFILER_PATH\` (where it is: \`/opt/datadog/Datadog.Trace.ClrProfiler.Native.so\` with ` +
        `the Linux package, \`<APP_DIRECTORY>/datadog/linux-x64/Datadog.Trace.ClrProfiler.Native.so\` with NuGet)`,
  ].filter((text) => text !== undefined);
  if (missing.length > 0) {
    findings.push({
      code: 'missing-dependency',
      severity: 'warning',
      message: `\`${enable.name}=1\` loads nothing in ${context}: on Linux the .NET runtime also needs ${missing.join(' and ')}, not set here.`,
      range: enable.nameRange,
    });
  }
  if (!provided(set, 'DD_DOTNET_TRACER_HOME') && !isNuGet(loaderPath(settings, prefix))) {
    findings.push({
      code: 'missing-dependency',
      severity: 'info',
      message:
        `\`DD_DOTNET_TRACER_HOME\` is not set in ${context}: the documented Linux set includes it ` +
        `(\`/opt/datadog\` with the Linux package), and \`dd-dotnet check\` reports it missing.`,
      range: enable.nameRange,
    });
  }
  findings.push(...wrapperMissing(set, context));
  return findings;
}

/** On Linux the profiler (not the tracer) needs the API wrapper preloaded. */
function wrapperMissing(set: LoaderSet, context: string): Finding[] {
  const switchedOn = set.settings.get('DD_PROFILING_ENABLED');
  if (!switchedOn || switchedOn.valueKind !== 'literal' || !isOn(switchedOn.value?.trim() ?? '')) return [];
  const preload = set.settings.get('LD_PRELOAD');
  if (preload) {
    if (preload.valueKind !== 'literal' || preload.value?.includes(WRAPPER)) return [];
    return [
      {
        code: 'missing-dependency',
        severity: 'warning',
        message:
          `\`LD_PRELOAD\` in ${context} does not list \`${WRAPPER}\`: the .NET profiler does not start on Linux ` +
          `without it. Add \`/opt/datadog/continuousprofiler/${WRAPPER}\` (Linux package) or ` +
          `\`<APP_DIRECTORY>/datadog/<rid>/${WRAPPER}\` (NuGet), separated by \`:\`.`,
        range: preload.nameRange,
      },
    ];
  }
  if (provided(set, 'LD_PRELOAD')) return [];
  return [
    {
      code: 'missing-dependency',
      severity: 'warning',
      message:
        `\`${switchedOn.name}\` has no effect in ${context}: the .NET profiler on Linux needs \`${WRAPPER}\` in ` +
        `\`LD_PRELOAD\` (\`/opt/datadog/continuousprofiler/${WRAPPER}\` with the Linux package), and ` +
        `\`LD_PRELOAD\` is not set here.`,
      range: switchedOn.nameRange,
    },
  ];
}

/**
 * Whether the scope sets the name. In a Dockerfile, another stage counts too: a stage built `FROM` an
 * earlier one inherits its `ENV`, and telling which stage the image runs is not worth a false alarm.
 */
function provided(set: LoaderSet, name: string): boolean {
  if (set.settings.has(name)) return true;
  // `COR_PROFILER` where `CORECLR_PROFILER` belongs is wrong-os's finding (with a rename), not a gap.
  if (name.startsWith('CORECLR_') && set.settings.has(`COR_${name.slice('CORECLR_'.length)}`)) return true;
  if (!set.scope.startsWith('stage:')) return false;
  return [...set.scopes].some(([scope, settings]) => scope.startsWith('stage:') && settings.has(name));
}

function loaderPath(settings: ScopeSettings, prefix: string): SettingOccurrence | undefined {
  for (const suffix of PATH_SUFFIXES) {
    const path = settings.get(`${prefix}PROFILER_PATH${suffix}`);
    if (path) return path;
  }
  return undefined;
}

/**
 * A loader path inside the application's folder (`<APP_DIRECTORY>/datadog/linux-x64/…`): the NuGet
 * install, for which the documentation lists `DD_DOTNET_TRACER_HOME` as optional.
 */
function isNuGet(path: SettingOccurrence | undefined): boolean {
  return path?.valueKind === 'literal' && /[\\/]datadog[\\/]linux-(musl-)?(x64|arm64)[\\/]/i.test(path.value ?? '');
}

function isOurGuid(occurrence: SettingOccurrence): boolean {
  if (occurrence.valueKind !== 'literal') return false;
  const value = (occurrence.value ?? '').trim().toUpperCase();
  return value === GUID || `{${value}}` === GUID;
}

/**
 * The profiler switch meant on: `1`, `true`, `auto`. `Auto` is invalid-value's finding, but the wrapper
 * is missing whichever spelling is fixed, so it is reported for every case.
 */
function isOn(value: string): boolean {
  return /^(1|true|auto)$/i.test(value);
}
