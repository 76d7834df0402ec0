/**
 * Evidence of a runtime in the setting names themselves: a name only one runtime reads says which
 * runtime the file configures (`DD_PROFILING_EXPERIMENTAL_CPU_TIME_ENABLED` is PHP's, `-Ddd.*` is Java's,
 * `datadog.*` in an ini file is PHP's, `c.*` is Ruby's). Used only when nothing else in the file says,
 * so that a PHP `.env` is not told what Java or Ruby would make of its values.
 *
 * Only names a user writes for one runtime on purpose count: the profiler's own names, tracer-specific
 * `DD_TRACE_*` spellings, the .NET CLR loader variables and every non-env surface. Shared-looking names
 * that the catalog happens to list for one runtime (`LD_PRELOAD`, `DD_AGENT_PORT`, `DATADOG_API_KEY`)
 * are what people copy between runtimes, so they prove nothing.
 */
import type { Setting } from '../catalog/schema.js';
import type { Runtime, SettingOccurrence } from '../types.js';
import { displayName, RUNTIME_LABELS } from '../text/names.js';

/** Env names specific enough to identify a runtime when only that runtime reads them. */
const TELLING_ENV_NAME = /^(_?DD_PROFILING_|DD_INTERNAL_PROFILING_|DD_TRACE_|CORECLR_|COR_)/;

export interface NameEvidence {
  readonly runtimes: readonly Runtime[];
  /** For messages: "`DD_X`, read only by PHP". */
  readonly reason: string;
}

/**
 * The runtimes that the names of a scope's known settings point at, or `undefined` when no name is
 * specific to one runtime. Names pointing at different runtimes give all of them (a shared file).
 */
export function nameEvidence(
  occurrences: readonly SettingOccurrence[],
  settingOf: (occurrence: SettingOccurrence) => Setting | undefined,
): NameEvidence | undefined {
  const runtimes: Runtime[] = [];
  let first: SettingOccurrence | undefined;
  for (const occurrence of occurrences) {
    const runtime = tellingRuntime(occurrence, settingOf(occurrence));
    if (!runtime) continue;
    first ??= occurrence;
    if (!runtimes.includes(runtime)) runtimes.push(runtime);
  }
  if (!first || runtimes.length === 0) return undefined;
  const named = `\`${displayName(first.surface, first.name)}\``;
  const reason =
    runtimes.length === 1
      ? `${named}, read only by ${RUNTIME_LABELS[runtimes[0] as Runtime]}`
      : `names such as ${named}`;
  return { runtimes, reason };
}

/** The one runtime a written name identifies, if it identifies one. */
function tellingRuntime(occurrence: SettingOccurrence, setting: Setting | undefined): Runtime | undefined {
  if (!setting || setting.runtimes.length !== 1) return undefined;
  if (occurrence.surface === 'env' && !TELLING_ENV_NAME.test(occurrence.name)) return undefined;
  return setting.runtimes[0];
}
