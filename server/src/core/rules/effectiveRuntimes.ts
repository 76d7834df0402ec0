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

/**
 * Whether the runtime is known and none of its runtimes reads the setting: runtime-mismatch reports
 * that, and no other rule should pile on with what other runtimes would make of it.
 */
export function readByNoneInUse(ctx: RuleContext, occurrence: SettingOccurrence, setting: Setting): boolean {
  return (
    ctx.runtimeKnown(occurrence.scope) && !ctx.runtimesFor(occurrence.scope).some((r) => setting.runtimes.includes(r))
  );
}
