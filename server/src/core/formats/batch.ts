/**
 * Windows batch files: `SET NAME=value`, `set "NAME=value"`, `setx NAME value [/M]`, `REM`/`::`
 * comments, `%VAR%` references, and the command lines they run. The classic trap: in
 * `SET NAME=value ` the trailing space is part of the value.
 */
import type { ExtractContext, ExtractResult, Finding, SettingOccurrence } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';
import { extractCommandLine } from './commandLine.js';
import { mergeResults } from './result.js';

const SET = /^(\s*@?set\s+)("?)([A-Za-z_][\w.]*)(=?)(.*)$/i;
const SETX = /^(\s*setx\s+)([A-Za-z_]\w*)(\s+)("?)([^"]*?)("?)(\s+\/m)?\s*$/i;

export function extractBatch(text: string, _ctx?: ExtractContext): ExtractResult {
  const index = createLineIndex(text);
  const results: ExtractResult[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const content = text.slice(start, index.lineEnd(line));
    const at = line === 0 && text.startsWith('\uFEFF') ? start + 1 : start;
    const body = content.replace(/^\uFEFF/, '');
    if (/^\s*(rem\b|::|@?echo\b)/i.test(body) || body.trim() === '') continue;
    results.push(
      readSet(index, body, at, line) ?? readSetx(index, body, at, line) ?? commandLine(index, text, body, at),
    );
  }
  const dotnet = /\b(CORECLR|COR)_\w+/i.test(text);
  const hints = dotnet ? [{ runtime: 'dotnet' as const, reason: 'CLR profiler variables' }] : [];
  const os = [{ os: 'windows' as const, reason: 'a batch script' }];
  return mergeResults([...results, { occurrences: [], problems: [], runtimeHints: hints, osHints: os }]);
}

function readSet(index: LineIndex, body: string, at: number, line: number): ExtractResult | undefined {
  const match = SET.exec(body);
  if (!match) return undefined;
  const [, lead = '', quote = '', name = '', eq = '', rest = ''] = match;
  const nameStart = at + lead.length + quote.length;
  const base = {
    surface: 'env' as const,
    name,
    nameRange: index.rangeOf(nameStart, nameStart + name.length),
    scope: 'file',
    bakedIn: false,
    caseInsensitive: true,
    removalRange: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
  };
  if (!eq) return { occurrences: [{ ...base, valueKind: 'none' }], problems: [], runtimeHints: [] };
  const valueStart = nameStart + name.length + 1;
  const value = quote ? rest.replace(/"\s*$/, '') : rest;
  const occurrence: SettingOccurrence = {
    ...base,
    value,
    valueRange: index.rangeOf(valueStart, valueStart + value.length),
    valueKind: /%\w+%|!\w+!/.test(value) ? 'reference' : 'literal',
    quoting: 'none',
    environmentReference: 'batch',
  };
  const problems: Finding[] = [];
  if (!quote && value !== value.trimEnd() && value.trim() !== '') {
    const trailing = value.length - value.trimEnd().length;
    const range = index.rangeOf(valueStart + value.length - trailing, valueStart + value.length);
    problems.push({
      code: 'value-syntax',
      severity: 'warning',
      message: `Trailing space after the value: \`SET\` keeps it, so the value ends with ${trailing} space(s) and will not match.`,
      range,
      fixes: [{ title: 'Remove the trailing space', edits: [{ range, newText: '' }], preferred: true, safe: true }],
    });
  }
  return { occurrences: [occurrence], problems, runtimeHints: [] };
}

function readSetx(index: LineIndex, body: string, at: number, line: number): ExtractResult | undefined {
  const match = SETX.exec(body);
  if (!match) return undefined;
  const [, lead = '', name = '', gap = '', quote = '', value = ''] = match;
  const nameStart = at + lead.length;
  const valueStart = nameStart + name.length + gap.length + quote.length;
  const occurrence: SettingOccurrence = {
    surface: 'env',
    name,
    nameRange: index.rangeOf(nameStart, nameStart + name.length),
    value,
    valueRange: index.rangeOf(valueStart, valueStart + value.length),
    valueKind: /%\w+%/.test(value) ? 'reference' : 'literal',
    scope: 'file',
    bakedIn: false,
    caseInsensitive: true,
    quoting: 'none',
    environmentReference: 'batch',
    removalRange: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
  };
  return { occurrences: [occurrence], problems: [], runtimeHints: [] };
}

function commandLine(index: LineIndex, text: string, body: string, at: number): ExtractResult {
  const words = [...body.matchAll(/"[^"]*"|\S+/g)].map((m) => ({
    value: m[0].replace(/^"(.*)"$/, '$1'),
    range: index.rangeOf(at + (m.index ?? 0), at + (m.index ?? 0) + m[0].length),
  }));
  return extractCommandLine(words, { scope: 'file', bakedIn: false, source: { text, index } });
}
