/**
 * SARIF 2.1.0, for code-scanning services (GitHub, GitLab, Azure DevOps): every rule with its help
 * link and default level, every finding with a 1-based region.
 */
import { RULES, ruleDocUrl } from '../core/rules/registry.js';
import type { Severity } from '../core/types.js';
import type { FileReport } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const RULE_IDS = Object.keys(RULES);

export function formatSarif(reports: readonly FileReport[], version: string): string {
  const rules = Object.entries(RULES).map(([id, meta]) => ({
    id,
    shortDescription: { text: meta.summary },
    helpUri: ruleDocUrl(id),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
  }));
  const results = reports.flatMap((report) =>
    report.findings.map((f) => ({
      ruleId: f.code,
      ruleIndex: RULE_IDS.indexOf(f.code),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(report.path), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dd-profiler-lint',
            version,
            informationUri: 'https://github.com/dd-profiler-config/dd-profiler-config',
            rules,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
