/**
 * deprecated-setting: a deprecated, legacy or removed setting. A removed one does nothing at all (an
 * error); a deprecated one still works for now (a warning). Names the replacement and offers to rename.
 * The status is read per runtime: `DD_PROFILING_LOG_DIR` is deprecated for .NET only.
 */
import type { Setting } from '../catalog/schema.js';
import type { Finding, SettingOccurrence } from '../types.js';
import { displayName, listRuntimes } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { effectiveRuntimes } from './effectiveRuntimes.js';
import { renameOrRemove } from './fixes.js';

const RETIRED = new Set(['deprecated', 'legacy', 'removed']);

export const deprecatedSetting: Rule = (ctx) =>
  ctx.occurrences.flatMap((occurrence) => {
    const setting = ctx.settingOf(occurrence);
    const finding = setting && check(ctx, occurrence, setting);
    return finding ? [finding] : [];
  });

function check(ctx: RuleContext, occurrence: SettingOccurrence, setting: Setting): Finding | undefined {
  const runtimes = effectiveRuntimes(ctx, occurrence, setting);
  const retired = runtimes.filter((runtime) => RETIRED.has(ctx.catalog.status(setting, runtime)));
  // Retired for some runtimes only, while the runtime is unknown: it may be current where it runs.
  if (retired.length === 0 || retired.length < runtimes.length) return undefined;
  const first = retired[0];
  const removed = retired.every((runtime) => ctx.catalog.status(setting, runtime) === 'removed');
  const replacement = ctx.catalog.replacement(setting, first);
  const name = displayName(occurrence.surface, occurrence.name);
  const scope = retired.length < setting.runtimes.length ? ` for ${listRuntimes(retired)}` : '';
  const state = removed
    ? `was removed${setting.removedIn ? ` in ${setting.removedIn}` : ''} and has no effect`
    : 'is deprecated';
  const instead = replacement ? ` Use \`${displayName(occurrence.surface, replacement)}\` instead.` : '';
  const note = setting.deprecationNote ? ` ${setting.deprecationNote}` : '';
  return {
    code: 'deprecated-setting',
    severity: removed ? 'error' : 'warning',
    message: `\`${name}\` ${state}${scope}.${instead}${note}`,
    range: occurrence.nameRange,
    tags: ['deprecated'],
    ...(replacement && ctx.catalog.lookup(occurrence.surface, replacement)
      ? { fixes: renameOrRemove(ctx, occurrence, replacement, true, true) }
      : {}),
  };
}
