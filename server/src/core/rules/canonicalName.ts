/**
 * The env name an occurrence stands for, whatever its spelling: `dd.agent.host`, `c.agent.host`,
 * `datadog.agent_host` and `DD_TRACE_AGENT_HOSTNAME` are all `DD_AGENT_HOST`. Lets value checks that
 * are about one setting apply on every surface and alias.
 */
import type { Setting } from '../catalog/schema.js';
import type { SettingOccurrence } from '../types.js';
import type { RuleContext } from './context.js';

export function canonicalName(ctx: RuleContext, occurrence: SettingOccurrence): string | undefined {
  const setting = ctx.settingOf(occurrence);
  return setting && canonicalOf(ctx, setting);
}

/** The env name a catalog entry stands for, as {@link canonicalName} gives it for an occurrence. */
export function canonicalOf(ctx: Pick<RuleContext, 'catalog'>, setting: Setting): string | undefined {
  const env = setting.surface === 'env' ? setting.name : setting.equivalents?.env;
  if (!env) return undefined;
  return ctx.catalog.lookup('env', env)?.aliasOf ?? env;
}
