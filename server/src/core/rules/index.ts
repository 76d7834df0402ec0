/**
 * The rule set. Each rule lives in its own file named after its code; extractors raise the
 * syntax-level codes (value-syntax, yaml-value-type, arg-order, parse-error) themselves.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { AnalysisSettings, ExtractResult, Finding } from '../types.js';
import { conflictingSettings } from './conflictingSettings.js';
import { createRuleContext, type Rule } from './context.js';
import { deprecatedSetting } from './deprecatedSetting.js';
import { dotnetLoader } from './dotnetLoader.js';
import { duplicateSetting } from './duplicateSetting.js';
import { hardcodedSecret } from './hardcodedSecret.js';
import { invalidValue } from './invalidValue.js';
import { missingDependency } from './missingDependency.js';
import { otelAliases } from './otelAliases.js';
import type { RuleId } from './registry.js';
import { runtimeMismatch } from './runtimeMismatch.js';
import { unknownSetting } from './unknownSetting.js';
import { valueSyntax } from './valueSyntax.js';
import { wrongTarget } from './wrongTarget.js';
import { wrongOs } from './wrongOs.js';

/** Every rule with the code it reports, in the order they run (analysis runs them one by one, within its budget). */
export const RULE_CHECKS: readonly { readonly code: RuleId; readonly check: Rule }[] = [
  { code: 'unknown-setting', check: unknownSetting },
  { code: 'invalid-value', check: invalidValue },
  { code: 'deprecated-setting', check: deprecatedSetting },
  { code: 'duplicate-setting', check: duplicateSetting },
  { code: 'hardcoded-secret', check: hardcodedSecret },
  { code: 'runtime-mismatch', check: runtimeMismatch },
  { code: 'missing-dependency', check: missingDependency },
  { code: 'missing-dependency', check: dotnetLoader },
  { code: 'conflicting-settings', check: conflictingSettings },
  { code: 'conflicting-settings', check: otelAliases },
  { code: 'wrong-target', check: wrongTarget },
  { code: 'value-syntax', check: valueSyntax },
  { code: 'wrong-os', check: wrongOs },
];

export function runRules(catalog: Catalog, extracted: ExtractResult, settings: AnalysisSettings): Finding[] {
  const ctx = createRuleContext(catalog, extracted, settings);
  return RULE_CHECKS.flatMap(({ check }) => check(ctx));
}
