/**
 * What the CLI found, in the three output formats. Positions are 1-based here, as people and SARIF
 * count them. Messages come from the core, which never includes a secret's value.
 */
import type { FormatId, Finding, Severity } from '../core/types.js';
import { ruleDocUrl } from '../core/rules/registry.js';

export interface FileReport {
  /** The path as shown: relative to the current directory, with forward slashes. */
  readonly path: string;
  readonly format: FormatId | undefined;
  readonly findings: readonly Finding[];
}

export type Counts = Record<Severity, number>;

export function countFindings(reports: readonly FileReport[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const report of reports) for (const finding of report.findings) counts[finding.severity]++;
  return counts;
}

const COLORS: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

export function formatText(reports: readonly FileReport[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const where = `${report.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where} ${paint(COLORS[f.severity], f.severity)} ${paint('2', f.code)} ${f.message}`);
    }
  }
  lines.push(summary(countFindings(reports), reports.length));
  return `${lines.join('\n')}\n`;
}

function summary(counts: Counts, files: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const fileCount = plural(files, 'file');
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return `No problems found in ${fileCount}.`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info + counts.hint > 0) parts.push(plural(counts.info + counts.hint, 'note'));
  return `${parts.join(', ')} in ${fileCount}.`;
}

/** The JSON output: stable field names, documented in docs/cli.md. */
export function formatJson(reports: readonly FileReport[], version: string): string {
  const counts = countFindings(reports);
  const files = reports.map((report) => ({
    path: report.path,
    format: report.format ?? null,
    findings: report.findings.map((f) => ({
      rule: f.code,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      docs: ruleDocUrl(f.code),
      fixes: (f.fixes ?? []).map((fix) => fix.title),
    })),
  }));
  return `${JSON.stringify({ tool: 'dd-profiler-lint', version, summary: { files: reports.length, ...counts }, files }, null, 2)}\n`;
}
