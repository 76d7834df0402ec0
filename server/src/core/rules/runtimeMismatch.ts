/**
 * runtime-mismatch: a setting the runtime in use does not read: the right idea under another
 * tracer's name (`DD_PROFILING_UPLOAD_PERIOD` in a Python image, where Python reads
 * `DD_PROFILING_UPLOAD_INTERVAL`). Only reported once the runtime is known (from the file or the
 * `runtime` setting), and offers the closest name that runtime does read.
 */
import type { Setting } from '../catalog/schema.js';
import type { Finding, Runtime, SettingOccurrence } from '../types.js';
import { displayName, listRuntimes } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { suggestNames } from '../catalog/suggest.js';

const RETIRED = new Set(['deprecated', 'legacy', 'removed', 'internal', 'hidden']);
import { renameOrRemove } from './fixes.js';

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
  const readHere = ctx.catalog
    .all(occurrence.surface)
    .filter((s) => !RETIRED.has(s.status) && s.runtimes.some((r) => inUse.includes(r)))
    .map((s) => s.name);
  const [alternative] = suggestNames(occurrence.name, readHere, 1);
  const reason = ctx.runtimeReason(occurrence.scope);
  const because = reason ? ` (runtime from ${reason})` : '';
  const instead = alternative
    ? ` ${listRuntimes(inUse)} reads \`${displayName(occurrence.surface, alternative)}\`.`
    : '';
  return {
    code: 'runtime-mismatch',
    severity: 'warning',
    message: `\`${name}\` is read only by ${listRuntimes(setting.runtimes)}, not by ${listRuntimes(inUse)}${because}.${instead}`,
    range: occurrence.nameRange,
    ...(alternative ? { fixes: renameOrRemove(ctx, occurrence, alternative, true) } : {}),
  };
}
