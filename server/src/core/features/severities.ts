import type { AnalysisSettings, Finding } from '../types.js';

/**
 * Applies the user's per-rule levels. A configured level replaces the finding's own severity;
 * `off` drops the finding. Unconfigured rules keep the severity the rule chose.
 */
export function applySeverities(findings: readonly Finding[], settings: AnalysisSettings): Finding[] {
  const levels = settings.rules ?? {};
  const kept: Finding[] = [];
  for (const finding of findings) {
    const level = Object.hasOwn(levels, finding.code) ? levels[finding.code] : undefined;
    if (level === 'off') continue;
    kept.push(level ? { ...finding, severity: level } : finding);
  }
  return kept;
}
