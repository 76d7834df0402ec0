/**
 * The rule set. Each rule lives in its own file named after its code.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { AnalysisSettings, ExtractResult, Finding } from '../types.js';
import { createRuleContext, type Rule } from './context.js';

const ALL_RULES: readonly Rule[] = [];

export function runRules(catalog: Catalog, extracted: ExtractResult, settings: AnalysisSettings): Finding[] {
  const ctx = createRuleContext(catalog, extracted, settings);
  return ALL_RULES.flatMap((rule) => rule(ctx));
}
