import type { Setting } from '../catalog/schema.js';
import type { Runtime, SettingOccurrence } from '../types.js';
import type { RuleContext } from './context.js';

/**
 * The runtimes whose reading of a setting matters here: those the scope runs that read the setting.
 * When none of them reads it (runtime-mismatch reports that), every runtime that does.
 */
export function effectiveRuntimes(ctx: RuleContext, occurrence: SettingOccurrence, setting: Setting): Runtime[] {
  const inScope = ctx.runtimesFor(occurrence.scope);
  const both = setting.runtimes.filter((runtime) => inScope.includes(runtime));
  return both.length > 0 ? both : [...setting.runtimes];
}
