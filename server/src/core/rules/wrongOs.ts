/**
 * wrong-os: a setting or value for the other operating system than the one the process runs on:
 * `COR_*` (.NET Framework, which exists only on Windows) in a Linux image, a profiler path to a
 * Windows `.dll` on Linux or a Linux `.so` on Windows, a `C:\` path in a Linux image, `LD_PRELOAD` on
 * Windows, and the profile types and profilers the documentation lists as unavailable on Windows.
 *
 * Only reported where the file says which system runs the scope: its image (`FROM`), its kind (a
 * `.ps1`, a `.bat`, IIS configuration), or paths that all point one way (`LD_PRELOAD`, `/opt/...`,
 * `.so`). A `.env` or a compose service without an image says nothing, so nothing is reported there.
 */
import type { Finding, Runtime, SettingOccurrence } from '../types.js';
import { displayName } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { renameFix, renameOrRemove } from './fixes.js';

export type Os = 'linux' | 'windows';

/** The system a scope runs on, and what says so (for messages). */
export interface ScopeOs {
  readonly os: Os;
  readonly reason: string;
}

const LABEL: Record<Os, string> = { linux: 'Linux', windows: 'Windows' };

/** .NET Framework's profiler variables and their .NET Core / .NET 5+ counterparts. */
const FRAMEWORK_ONLY = /^COR_(ENABLE_PROFILING|PROFILER|PROFILER_PATH(_32|_64)?)$/;
/** Settings that name the native loader or the tracer's home: their files differ per system. */
const NATIVE_PATHS = /^(CORECLR_PROFILER_PATH(_32|_64)?|COR_PROFILER_PATH(_32|_64)?|DD_DOTNET_TRACER_HOME)$/;
const WINDOWS_PATH = /^([A-Za-z]:[\\/]|\\\\)/;
const WINDOWS_RID = /[\\/]win-(x64|x86|arm64)([\\/]|$)/i;
const LINUX_RID = /[\\/]linux-(musl-)?(x64|arm64)([\\/]|$)/i;

/**
 * What the seed (the "Enabling the Profiler" page) says is not available on Windows, quoted. Java
 * lists its Windows profile types as "CPU, Allocations, I/O profiling, Exception".
 */
const UNAVAILABLE_ON_WINDOWS: Readonly<Record<string, string>> = {
  DD_PROFILING_DDPROF_WALL_ENABLED:
    'Wallclock profiling is not available for Java on Windows (the documented Windows profile types are "CPU, Allocations, I/O profiling, Exception")',
  DD_PROFILING_DDPROF_LIVEHEAP_ENABLED:
    'Live heap profiling is not available for Java on Windows (the documented Windows profile types are "CPU, Allocations, I/O profiling, Exception")',
};

/** Profilers the seed documents for Linux only, with its words. */
const LINUX_ONLY_PROFILERS: Partial<Record<Runtime, string>> = {
  php: 'the PHP profiler "requires at least PHP 7.1, on 64-bit Linux"',
  ruby: 'the Ruby profiler supports "Linux (GNU libc)" and "Alpine Linux (musl libc)" only',
};

export const wrongOs: Rule = (ctx) => {
  const systems = scopeSystems(ctx);
  return ctx.occurrences.flatMap((occurrence) => {
    const system = systems.get(occurrence.scope);
    const finding = system && check(ctx, occurrence, system);
    return finding ? [finding] : [];
  });
};

function check(ctx: RuleContext, occurrence: SettingOccurrence, system: ScopeOs): Finding | undefined {
  const name = envName(ctx, occurrence);
  if (!name) return undefined;
  const from = `(from ${system.reason})`;
  const shown = displayName(occurrence.surface, occurrence.name);
  const value = occurrence.valueKind === 'literal' ? (occurrence.value ?? '').trim() : '';
  if (system.os === 'linux' && FRAMEWORK_ONLY.test(name)) {
    const twin = `CORECLR_${name.slice('COR_'.length)}`;
    const message = `\`${shown}\` is read only by the .NET Framework, which runs only on Windows; this process runs on Linux ${from}, where .NET reads \`${twin}\`.`;
    // renameOrRemove scans the file for the twin: only worth it when the twin is there at all.
    const twinSet = ctx.occurrences.length < 1000 || hasTwin(ctx, occurrence.scope, twin);
    const fix = twinSet ? renameOrRemove(ctx, occurrence, twin, true) : [renameFix(occurrence, twin, true)];
    return finding(occurrence, 'warning', message, fix);
  }
  if (NATIVE_PATHS.test(name) && value !== '') {
    const wrong = wrongLibrary(value, system.os);
    if (wrong) {
      const message = `\`${shown}\` points at ${wrong}, but this process runs on ${LABEL[system.os]} ${from}: the runtime cannot load it. ${expectedLibrary(system.os)}`;
      return finding(occurrence, 'error', message);
    }
  }
  if (system.os === 'linux' && WINDOWS_PATH.test(value) && isPathSetting(ctx, occurrence)) {
    const message = `\`${shown}\` is a Windows path, but this process runs on Linux ${from}: no such path exists there.`;
    return finding(occurrence, 'warning', message);
  }
  if (system.os === 'windows')
    return onWindows(occurrence, name, shown, value, from) ?? linuxOnly(ctx, occurrence, name, value, from);
  return undefined;
}

/** Enabling a profiler the seed supports only on Linux, in a Windows scope whose runtime is known to be that one. */
function linuxOnly(
  ctx: RuleContext,
  occurrence: SettingOccurrence,
  name: string,
  value: string,
  from: string,
): Finding | undefined {
  if (name !== 'DD_PROFILING_ENABLED' || !/^(true|1|yes|on)$/i.test(value) || !ctx.runtimeKnown(occurrence.scope))
    return undefined;
  const limits = ctx.runtimesFor(occurrence.scope).map((runtime) => LINUX_ONLY_PROFILERS[runtime]);
  if (limits.length === 0 || limits.some((limit) => limit === undefined)) return undefined;
  const shown = displayName(occurrence.surface, occurrence.name);
  const message = `\`${shown}\` cannot take effect here: ${limits.join('; ')}, and this process runs on Windows ${from}.`;
  return finding(occurrence, 'warning', message);
}

function onWindows(
  occurrence: SettingOccurrence,
  name: string,
  shown: string,
  value: string,
  from: string,
): Finding | undefined {
  if (name === 'LD_PRELOAD') {
    const message = `\`${shown}\` is read only by the Linux dynamic loader; this process runs on Windows ${from}, where nothing reads it.`;
    return finding(occurrence, 'warning', message);
  }
  const limit = UNAVAILABLE_ON_WINDOWS[name];
  if (limit && /^(true|1|yes|on)$/i.test(value)) {
    return finding(
      occurrence,
      'warning',
      `\`${shown}\` has no effect here: ${limit}; this process runs on Windows ${from}.`,
    );
  }
  return undefined;
}

/** The other system's library in a loader path: a `.dll` or `win-*` folder on Linux, a `.so` or `linux-*` folder on Windows. */
function wrongLibrary(value: string, os: Os): string | undefined {
  if (os === 'linux') {
    if (/\.dll$/i.test(value)) return 'a Windows library (`.dll`)';
    if (WINDOWS_RID.test(value)) return 'the Windows build (a `win-*` folder)';
  } else {
    if (/\.so$/i.test(value)) return 'a Linux library (`.so`)';
    if (LINUX_RID.test(value)) return 'the Linux build (a `linux-*` folder)';
  }
  return undefined;
}

function expectedLibrary(os: Os): string {
  return os === 'linux'
    ? 'On Linux the loader is `Datadog.Trace.ClrProfiler.Native.so` (`/opt/datadog/` or `<APP_DIRECTORY>/datadog/linux-x64/`).'
    : 'On Windows the loader is `<APP_DIRECTORY>\\datadog\\win-x64\\Datadog.Trace.ClrProfiler.Native.dll`.';
}

/** Whether the catalog says the setting holds a path (so a `C:\` value is a path, not some text). */
function isPathSetting(ctx: RuleContext, occurrence: SettingOccurrence): boolean {
  const type = ctx.settingOf(occurrence)?.value.type;
  return type === 'path' || type === 'pathList';
}

/** The environment name of an occurrence on any surface (`dd.profiling.ddprof.wall.enabled` -> its env twin). */
function envName(ctx: RuleContext, occurrence: SettingOccurrence): string | undefined {
  if (occurrence.surface === 'env') return occurrence.name.toUpperCase();
  return ctx.settingOf(occurrence)?.equivalents?.env;
}

function finding(
  occurrence: SettingOccurrence,
  severity: Finding['severity'],
  message: string,
  fixes?: Finding['fixes'],
): Finding {
  return {
    code: 'wrong-os',
    severity,
    message,
    range: occurrence.nameRange,
    ...(fixes && fixes.length > 0 ? { fixes } : {}),
  };
}

/**
 * Each scope's system: the file's word for it (its image, the kind of file), else paths in its values
 * when they all point to one system. Nothing else is a guess worth a finding. One pass over the hints
 * and one over the occurrences, however many scopes.
 */
/** The system each scope runs on, where the file says (image, file kind, or paths that all point one way). */
export function scopeSystems(ctx: RuleContext): Map<string, ScopeOs> {
  const stated = new Map<string, ScopeOs>();
  let whole: ScopeOs | undefined;
  for (const hint of ctx.osHints) {
    if (hint.scope === undefined) whole ??= hint;
    else if (!stated.has(hint.scope)) stated.set(hint.scope, hint);
  }
  const fromPaths = new Map<string, Map<Os, string>>();
  const systems = new Map<string, ScopeOs>();
  for (const occurrence of ctx.occurrences) {
    const { scope } = occurrence;
    const given = stated.get(scope) ?? whole;
    if (given) {
      systems.set(scope, given);
      continue;
    }
    const evidence = pathEvidence(ctx, occurrence);
    if (!evidence) continue;
    const seen = fromPaths.get(scope) ?? new Map<Os, string>();
    if (!seen.has(evidence)) seen.set(evidence, `\`${occurrence.name}=${shorten(occurrence.value ?? '')}\``);
    fromPaths.set(scope, seen);
  }
  for (const [scope, seen] of fromPaths) {
    const [only] = [...seen];
    if (seen.size === 1 && only) systems.set(scope, { os: only[0], reason: only[1] });
  }
  return systems;
}

const twinIndex = new WeakMap<RuleContext, Set<string>>();

/** Whether `name` is set in the scope, from an index built once per analysis (many `COR_*` stay linear). */
function hasTwin(ctx: RuleContext, scope: string, name: string): boolean {
  let index = twinIndex.get(ctx);
  if (!index) {
    index = new Set(ctx.occurrences.map((o) => `${o.scope}\u0000${envName(ctx, o) ?? o.name}`));
    twinIndex.set(ctx, index);
  }
  return index.has(`${scope}\u0000${name}`);
}

function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

/**
 * Which system a path setting's literal value belongs to, if it clearly says. Only path settings count:
 * their values are shown in messages as the evidence, and a path is never a secret.
 */
function pathEvidence(ctx: RuleContext, occurrence: SettingOccurrence): Os | undefined {
  if (occurrence.valueKind !== 'literal' || occurrence.surface !== 'env' || !isPathSetting(ctx, occurrence))
    return undefined;
  const value = (occurrence.value ?? '').trim();
  if (WINDOWS_PATH.test(value)) return 'windows';
  if (/^\/opt\//.test(value) || (occurrence.name.toUpperCase() === 'LD_PRELOAD' && value.startsWith('/')))
    return 'linux';
  return undefined;
}
