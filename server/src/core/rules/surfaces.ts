/**
 * One setting, every surface: `DD_PROFILING_ENABLED`, `-Ddd.profiling.enabled`, `c.profiling.enabled`,
 * `datadog.profiling.enabled` and ddprof's `--enable` are one setting for one process. Each runtime
 * reads the environment and at most one other surface, and one of the two always wins, whatever the
 * order they are written in. Which one, from each tracer's code:
 *
 * - Java: system properties over environment variables. DataDog/dd-trace-java `ConfigProvider` queries
 *   its sources highest first, JVM system properties before environment variables
 *   (docs/add_new_configurations.md, "Where Configurations Live").
 * - Ruby: code over environment. DataDog/dd-trace-rb lib/datadog/core/configuration/option.rb ranks
 *   `Precedence::PROGRAMMATIC` ("configuration provided in Ruby code") above `ENVIRONMENT`.
 * - PHP: environment over php.ini. DataDog/dd-trace-php zend_abstract_interface/config/config_ini.h: "If
 *   present environment variable always overrides original value, otherwise the first found user
 *   specified ini value will be used"; the profiler registers its settings through the same
 *   `zai_config_minit` (profiling/src/config.rs). Only per-directory values (`php_value` in a pool or
 *   `.htaccess`, `ini_set`) beat the environment, and no extractor reads those as php.ini settings.
 * - ddprof: the flag over the environment. DataDog/ddprof src/ddprof_cli.cc binds each flag to its
 *   variable with CLI11's `envname`, which reads the variable only when the flag is absent.
 *
 * Within one surface the last value written wins (a later `ENV`, a later `-D`, a later assignment).
 */
import { displayName } from '../text/names.js';
import { RUNTIMES, type Runtime, type SettingOccurrence, type Surface } from '../types.js';

/** What a runtime reads besides the environment, and which of the two wins. */
export interface SurfacePrecedence {
  readonly runtime: Runtime;
  /** The runtime's own surface (`javaProperty` for Java). */
  readonly surface: Exclude<Surface, 'env'>;
  /** The surface whose value the runtime uses when both are set. */
  readonly winner: Surface;
  /** Why, as a message clause: "the Java tracer reads system properties before environment variables". */
  readonly why: string;
}

export const PRECEDENCES: readonly SurfacePrecedence[] = [
  {
    runtime: 'java',
    surface: 'javaProperty',
    winner: 'javaProperty',
    why: 'the Java tracer reads a system property before the environment variable',
  },
  {
    runtime: 'ruby',
    surface: 'rubyConfigure',
    winner: 'rubyConfigure',
    why: 'Ruby settings made in code take precedence over environment variables',
  },
  {
    runtime: 'php',
    surface: 'phpIni',
    winner: 'env',
    why: 'the PHP extension lets a set environment variable override the php.ini value',
  },
  {
    runtime: 'go',
    surface: 'goProfiler',
    winner: 'goProfiler',
    // dd-trace-go profiler/options.go: defaultConfig() reads the environment, then Start applies each option.
    why: 'options passed to `profiler.Start` are applied after the environment is read',
  },
  {
    runtime: 'nodejs',
    surface: 'nodeInit',
    winner: 'nodeInit',
    // dd-trace-js packages/dd-trace/src/config.js: options given to init() are merged above the environment.
    why: 'options passed to `tracer.init()` take precedence over environment variables',
  },
  {
    runtime: 'python',
    surface: 'pythonProfiler',
    winner: 'pythonProfiler',
    // dd-trace-py ddtrace/profiling/profiler.py: an argument given to Profiler() replaces the configured value.
    why: 'arguments passed to `Profiler()` take precedence over environment variables',
  },
  {
    runtime: 'ddprof',
    surface: 'ddprofFlag',
    winner: 'ddprofFlag',
    why: 'ddprof reads the environment variable only when the flag is not given',
  },
];

/** The precedence of the runtime that reads a surface other than the environment. */
export function precedenceOfSurface(surface: Surface): SurfacePrecedence | undefined {
  return PRECEDENCES.find((p) => p.surface === surface);
}

/** The precedence of a runtime that reads a second surface; `undefined` for environment-only runtimes. */
export function precedenceOfRuntime(runtime: Runtime): SurfacePrecedence | undefined {
  return PRECEDENCES.find((p) => p.runtime === runtime);
}

/** Whether a runtime reads settings written on a surface. */
export function reads(runtime: Runtime, surface: Surface): boolean {
  return surface === 'env' || precedenceOfRuntime(runtime)?.surface === surface;
}

/**
 * The occurrence a runtime uses among occurrences of one setting in one process (in the order written):
 * the last one on the winning surface, else the last one it reads at all.
 */
export function winnerFor(runtime: Runtime, group: readonly SettingOccurrence[]): SettingOccurrence | undefined {
  const winning = precedenceOfRuntime(runtime)?.winner ?? 'env';
  let last: SettingOccurrence | undefined;
  let lastWinning: SettingOccurrence | undefined;
  for (const occurrence of group) {
    if (!reads(runtime, occurrence.surface)) continue;
    last = occurrence;
    if (occurrence.surface === winning) lastWinning = occurrence;
  }
  return lastWinning ?? last;
}

/**
 * The runtimes for which an occurrence could be the value in use: its surface's runtime, or for an
 * environment variable the runtimes given (those the process runs that read the setting), else all.
 */
export function readersOf(occurrence: SettingOccurrence, runtimes: readonly Runtime[]): readonly Runtime[] {
  const own = precedenceOfSurface(occurrence.surface);
  if (own) return [own.runtime];
  return runtimes.length > 0 ? runtimes : RUNTIMES;
}

/** The name as written on its surface, `-D` included for a Java property so it reads as one. */
export function spelled(occurrence: SettingOccurrence): string {
  const name = displayName(occurrence.surface, occurrence.name);
  return occurrence.surface === 'javaProperty' ? `-D${name}` : name;
}

/**
 * The setting as written, with its value unless it is a credential: `-Ddd.profiling.enabled=false`,
 * `c.profiling.enabled = false`, `--enable false`, `DD_PROFILING_ENABLED=true`.
 */
export function spelledWithValue(occurrence: SettingOccurrence, secret: boolean): string {
  const name = spelled(occurrence);
  if (secret) return name;
  const value = occurrence.value ?? '';
  if (occurrence.surface === 'rubyConfigure') return `${name} = ${value}`;
  return occurrence.surface === 'ddprofFlag' ? `${name} ${value}` : `${name}=${value}`;
}
