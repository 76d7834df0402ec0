/**
 * What the CLI found, as text for people and JSON for tools (SARIF is in sarif.ts). Positions are
 * 1-based here, as people and most tools count them; columns count UTF-16 code units, like LSP.
 * Messages and fix titles come from the core, which never includes a secret's value.
 */
import type { Fix, FormatId, Finding, Range, Severity } from '../core/types.js';
import { ruleDocUrl } from '../core/rules/registry.js';
import { escapeControls, escapeJsonOutput } from './escape.js';

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

/**
 * One line per finding, `path:line:col severity rule message`, then a summary line. Paths and messages
 * are escaped: both can carry bytes from the files, and the terminal must not run them.
 */
export function formatText(reports: readonly FileReport[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const where = `${escapeControls(report.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const message = escapeControls(oneLine(f.message));
      lines.push(`${where} ${paint(COLORS[f.severity], f.severity)} ${paint('2', f.code)} ${message}`);
    }
  }
  lines.push(summary(reports));
  return `${lines.join('\n')}\n`;
}

/** Keeps one finding per line, so `grep` and editors' problem matchers can read the output. */
function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ');
}

/** `4 errors, 3 warnings in 5 files (invalid-value 2, arg-order 1, …)`: totals, then counts per rule. */
export function summary(reports: readonly FileReport[]): string {
  const counts = countFindings(reports);
  const fileCount = plural(reports.length, 'file');
  const notes = counts.info + counts.hint;
  if (counts.error + counts.warning + notes === 0) return `No problems found in ${fileCount}`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (notes > 0) parts.push(plural(notes, 'note'));
  return `${parts.join(', ')} in ${fileCount} (${countsPerRule(reports)})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Findings per rule id, most frequent first, then by rule id, so output reads the same on every run. */
export function countsByRule(reports: readonly FileReport[]): Record<string, number> {
  const byRule = new Map<string, number>();
  for (const report of reports) for (const f of report.findings) byRule.set(f.code, (byRule.get(f.code) ?? 0) + 1);
  return Object.fromEntries([...byRule].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)));
}

function countsPerRule(reports: readonly FileReport[]): string {
  return Object.entries(countsByRule(reports))
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
}

/** The JSON output. Its shape is documented in docs/cli.md; fields are only ever added. */
export function formatJson(reports: readonly FileReport[], version: string): string {
  const counts = countFindings(reports);
  const output = {
    tool: { name: 'dd-profiler-lint', version },
    summary: {
      files: reports.length,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      hints: counts.hint,
      rules: countsByRule(reports),
    },
    files: reports.map((report) => ({
      path: report.path,
      format: report.format ?? null,
      findings: report.findings.map((f) => ({
        rule: f.code,
        severity: f.severity,
        message: f.message,
        ...oneBased(f.range),
        docs: ruleDocUrl(f.code),
        fixes: (f.fixes ?? []).map(jsonFix),
      })),
    })),
  };
  return `${escapeJsonOutput(JSON.stringify(output, null, 2))}\n`;
}

function jsonFix(fix: Fix) {
  return {
    title: fix.title,
    preferred: fix.preferred === true,
    safe: fix.safe === true,
    edits: fix.edits.map((edit) => ({ ...oneBased(edit.range), newText: edit.newText })),
  };
}

/** A range as 1-based line/column pairs; the end is exclusive, as in LSP. */
export function oneBased(range: Range) {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}
