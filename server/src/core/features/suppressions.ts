/**
 * Inline suppressions, one syntax in every format's comments:
 *
 *   # dd-profiler-config: ignore unknown-setting, invalid-value     (this line, or the next one)
 *   <!-- dd-profiler-config: ignore-file hardcoded-secret -->        (the whole file)
 *
 * A directive on a line of its own applies to the next line that is not blank and not a directive,
 * and to the lines that continue it (see logicalLines.ts); a directive after other text applies to its
 * own line. With no codes it silences every rule.
 */
import type { Finding } from '../types.js';
import { logicalLineStarts, looksLikeXml } from './logicalLines.js';

export const DIRECTIVE = 'dd-profiler-config:';
const DIRECTIVE_PATTERN = /dd-profiler-config:\s*(ignore-file|ignore)\b([\w\s,-]*)/;

interface Suppression {
  readonly line: number | 'file';
  readonly codes: ReadonlySet<string> | 'all';
}

export function parseSuppressions(text: string): Suppression[] {
  if (!text.includes(DIRECTIVE)) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const starts = logicalLineStarts(lines, looksLikeXml(text));
  const result: Suppression[] = [];
  let pending: Suppression['codes'][] = [];
  lines.forEach((line, index) => {
    const match = DIRECTIVE_PATTERN.exec(line);
    if (!match) {
      if (line.trim() !== '') {
        for (const codes of pending) {
          for (let covered = index; starts[covered] === starts[index]; covered++) result.push({ line: covered, codes });
        }
        pending = [];
      }
      return;
    }
    const names = (match[2] ?? '').split(/[\s,]+/).filter((name) => /^[a-z][a-z-]*$/.test(name));
    const codes: Suppression['codes'] = names.length > 0 ? new Set(names) : 'all';
    if (match[1] === 'ignore-file') result.push({ line: 'file', codes });
    else if (isTrailing(line, match.index)) result.push({ line: index, codes });
    else pending.push(codes);
  });
  return result;
}

/** A directive is trailing when non-comment text stands before its comment opener on the same line. */
function isTrailing(line: string, directiveIndex: number): boolean {
  const before = line.slice(0, directiveIndex).trim();
  return before.replace(/(#|\/\/|;|<!--|--|REM|rem|::)\s*$/, '').trim() !== '';
}

export function applySuppressions(text: string, findings: readonly Finding[]): Finding[] {
  const suppressions = parseSuppressions(text);
  if (suppressions.length === 0) return [...findings];
  return findings.filter(
    (finding) =>
      !suppressions.some(
        (s) =>
          (s.line === 'file' || s.line === finding.range.start.line) &&
          (s.codes === 'all' || s.codes.has(finding.code)),
      ),
  );
}
