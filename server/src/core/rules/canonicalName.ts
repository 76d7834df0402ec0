/**
 * The env name an occurrence stands for, whatever its spelling: `dd.agent.host`, `c.agent.host`,
 * `datadog.agent_host` and `DD_TRACE_AGENT_HOSTNAME` are all `DD_AGENT_HOST`. Lets value checks that
 * are about one setting apply on every surface and alias.
 */
import type { SettingOccurrence } from '../types.js';
import type { RuleContext } from './context.js';

export function canonicalName(ctx: RuleContext, occurrence: SettingOccurrence): string | undefined {
  const setting = ctx.settingOf(occurrence);
  if (!setting) return undefined;
  const env = setting.surface === 'env' ? setting.name : setting.equivalents?.env;
  if (!env) return undefined;
  return ctx.catalog.lookup('env', env)?.aliasOf ?? env;
}
