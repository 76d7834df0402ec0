/**
 * Small questions rules ask about occurrences: is this setting switched off, do two occurrences name
 * the same setting across surfaces.
 */
import type { Setting } from '../catalog/schema.js';
import type { SettingOccurrence } from '../types.js';
import type { RuleContext } from './context.js';

/** Whether a literal value switches a boolean-like setting off (so its dependencies do not matter). */
export function isOff(setting: Setting, occurrence: SettingOccurrence): boolean {
  if (occurrence.valueKind !== 'literal') return false;
  const value = (occurrence.value ?? '').trim();
  const booleanLike = setting.value.type === 'boolean' || setting.value.type === 'enum';
  return booleanLike && /^(false|0|no|off|)$/i.test(value);
}

/** Whether an occurrence is the setting called `name` (on its surface, or via the env equivalent). */
export function sameSetting(ctx: RuleContext, occurrence: SettingOccurrence, name: string): boolean {
  if (occurrence.name === name) return true;
  return ctx.settingOf(occurrence)?.equivalents?.env === name;
}
