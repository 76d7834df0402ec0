/**
 * The rule set. Each rule lives in its own file named after its code; extractors raise the
 * syntax-level codes (value-syntax, yaml-value-type, arg-order, parse-error) themselves.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { AnalysisSettings, ExtractResult, Finding } from '../types.js';
import { conflictingSettings } from './conflictingSettings.js';
import { createRuleContext, type Rule } from './context.js';
import { deprecatedSetting } from './deprecatedSetting.js';
import { duplicateSetting } from './duplicateSetting.js';
import { hardcodedSecret } from './hardcodedSecret.js';
import { invalidValue } from './invalidValue.js';
import { missingDependency } from './missingDependency.js';
import { runtimeMismatch } from './runtimeMismatch.js';
import { unknownSetting } from './unknownSetting.js';
import { valueSyntax } from './valueSyntax.js';

const ALL_RULES: readonly Rule[] = [
  unknownSetting,
  invalidValue,
  deprecatedSetting,
  duplicateSetting,
  hardcodedSecret,
  runtimeMismatch,
  missingDependency,
  conflictingSettings,
  valueSyntax,
];

export function runRules(catalog: Catalog, extracted: ExtractResult, settings: AnalysisSettings): Finding[] {
  const ctx = createRuleContext(catalog, extracted, settings);
  return ALL_RULES.flatMap((rule) => rule(ctx));
}
