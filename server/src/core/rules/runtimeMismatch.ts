/**
 * runtime-mismatch: a setting the runtime in use does not read: the right idea under another
 * tracer's name (`DD_PROFILING_UPLOAD_PERIOD` in a Python image, where Python reads
 * `DD_PROFILING_UPLOAD_INTERVAL`). Only reported once the runtime is known (from the file or the
 * `runtime` setting).
 *
 * The name it offers instead comes only from the catalog's curated equivalences and aliases (the same
 * feature under that runtime's name), never from spelling: the closest name in letters may mean
 * something else (`DD_PROFILING_EXCEPTION_ENABLED` is not Python's allocation profiling).
 */
import type { Setting } from '../catalog/schema.js';
import type { Finding, Runtime, SettingOccurrence } from '../types.js';
import { displayName, listRuntimes } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { redactAssignments } from '../text/secretNames.js';
import { renameOrRemove } from './fixes.js';

const RETIRED = new Set(['deprecated', 'legacy', 'removed', 'internal', 'hidden']);

export const runtimeMismatch: Rule = (ctx) =>
  ctx.occurrences.flatMap((occurrence) => {
    const setting = ctx.settingOf(occurrence);
    if (!setting || !ctx.runtimeKnown(occurrence.scope)) return [];
    const inUse = ctx.runtimesFor(occurrence.scope);
    if (inUse.some((runtime) => setting.runtimes.includes(runtime))) return [];
    return [report(ctx, occurrence, setting, inUse)];
  });

function report(ctx: RuleContext, occurrence: SettingOccurrence, setting: Setting, inUse: readonly Runtime[]): Finding {
  const name = displayName(occurrence.surface, occurrence.name);
  const alternative = equivalentFor(ctx, occurrence, inUse);
  const reason = ctx.runtimeReason(occurrence.scope);
  // The reason may quote a command line, and a command line may hold a key.
  const because = reason ? ` (runtime from ${redactAssignments(reason)})` : '';
  const instead = alternative
    ? ` ${listRuntimes(alternative.readers)} reads \`${displayName(occurrence.surface, alternative.name)}\`.`
    : '';
  return {
    code: 'runtime-mismatch',
    severity: 'warning',
    message: `\`${name}\` is read only by ${listRuntimes(setting.runtimes)}, not by ${listRuntimes(inUse)}${because}.${instead}`,
    range: occurrence.nameRange,
    ...(alternative ? { fixes: renameOrRemove(ctx, occurrence, alternative.name, true) } : {}),
  };
}

/** The first equivalent name that a runtime in use reads as a current (not retired) setting. */
function equivalentFor(
  ctx: RuleContext,
  occurrence: SettingOccurrence,
  inUse: readonly Runtime[],
): { name: string; readers: Runtime[] } | undefined {
  for (const name of ctx.catalog.sameFeature(occurrence.surface, occurrence.name)) {
    const candidate = ctx.catalog.lookup(occurrence.surface, name);
    if (!candidate) continue;
    const readers = inUse.filter(
      (runtime) => candidate.runtimes.includes(runtime) && !RETIRED.has(ctx.catalog.status(candidate, runtime)),
    );
    if (readers.length > 0) return { name, readers };
  }
  return undefined;
}
