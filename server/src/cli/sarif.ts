/**
 * SARIF 2.1.0, for code-scanning services (GitHub, GitLab, Azure DevOps): every rule with its help
 * link and default level, every finding with a 1-based region relative to `%SRCROOT%` (the directory
 * the tool ran in), and the quick fixes as SARIF fixes.
 */
import { RULES, ruleDocUrl } from '../core/rules/registry.js';
import type { Finding, Fix, Range, Severity } from '../core/types.js';
import { escapeJsonOutput } from './escape.js';
import type { FileReport } from './report.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_URI = 'https://github.com/dd-profiler-config/dd-profiler-config';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};
const RULE_IDS: readonly string[] = Object.keys(RULES);

export function formatSarif(reports: readonly FileReport[], version: string): string {
  const rules = Object.entries(RULES).map(([id, meta]) => ({
    id,
    shortDescription: { text: meta.summary },
    helpUri: ruleDocUrl(id),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'dd-profiler-lint', version, informationUri: TOOL_URI, rules } },
        // LSP columns count UTF-16 code units; saying so keeps non-ASCII lines aligned in viewers.
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) => report.findings.map((finding) => result(report.path, finding))),
      },
    ],
  };
  return `${escapeJsonOutput(JSON.stringify(log, null, 2))}\n`;
}

function result(path: string, finding: Finding) {
  // Per segment, so a `#` or `?` in a file name is not read as a fragment or query.
  const artifactLocation = { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  const index = RULE_IDS.indexOf(finding.code);
  const fixes = (finding.fixes ?? []).map((fix) => sarifFix(artifactLocation, fix));
  return {
    ruleId: finding.code,
    ...(index >= 0 ? { ruleIndex: index } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(finding.range) } }],
    ...(fixes.length > 0 ? { fixes } : {}),
  };
}

function sarifFix(artifactLocation: { uri: string; uriBaseId: string }, fix: Fix) {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((edit) => ({
          deletedRegion: region(edit.range),
          insertedContent: { text: edit.newText },
        })),
      },
    ],
  };
}

/** SARIF regions are 1-based with an exclusive end column, so an LSP range maps one to one. */
function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}
