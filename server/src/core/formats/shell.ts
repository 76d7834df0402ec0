/**
 * Shell scripts: `export DD_X=1` (also `declare -x`, `readonly`), plain `DD_X=1` assignments, and the
 * command lines they run (java, ddprof, ddtrace-run... through commandLine.ts). Heredoc bodies are
 * skipped: they are data, not commands.
 */
import type { ExtractContext, ExtractResult, SettingOccurrence } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';
import { extractCommandLine, extractJvmOptionsOf } from './commandLine.js';
import { mergeResults } from './result.js';
import { splitShellLine, type ShellWord } from './shellWords.js';

const EXPORTERS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);
const ASSIGNMENT = /^([A-Za-z_]\w*)(=|$)/;

export function extractShell(text: string, _ctx?: ExtractContext): ExtractResult {
  const index = createLineIndex(text);
  const results: ExtractResult[] = [];
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  while (at < text.length) {
    const { words, end } = splitShellLine(text, at);
    const heredoc = words.map((w) => /^<<-?['"]?(\w+)/.exec(w.value)?.[1]).find((tag) => tag !== undefined);
    results.push(readLine(text, index, words));
    at = heredoc ? skipHeredoc(text, end, heredoc) : Math.max(end, at + 1);
  }
  return mergeResults(results);
}

function readLine(text: string, index: LineIndex, words: ShellWord[]): ExtractResult {
  const first = words[0]?.value ?? '';
  if (EXPORTERS.has(first)) {
    const occurrences = words
      .slice(1)
      .filter((w) => !w.value.startsWith('-') && ASSIGNMENT.test(w.value))
      .map((w) => exported(text, index, w));
    const ctx = { scope: 'file', bakedIn: false, source: { text, index }, shell: true };
    return mergeResults([
      { occurrences, problems: [], runtimeHints: [] },
      ...occurrences.map((o) => extractJvmOptionsOf(o, ctx)),
    ]);
  }
  const commandWords = words.map((w) => ({ value: w.value, range: index.rangeOf(w.start, w.end) }));
  return extractCommandLine(commandWords, { scope: 'file', bakedIn: false, source: { text, index }, shell: true });
}

function exported(text: string, index: LineIndex, word: ShellWord): SettingOccurrence {
  const [, name = ''] = ASSIGNMENT.exec(word.value) ?? [];
  const nameRange = index.rangeOf(word.start, word.start + name.length);
  const base = {
    surface: 'env' as const,
    name,
    nameRange,
    scope: 'file',
    bakedIn: false,
    removalRange: lineOf(index, word.start),
  };
  if (!word.value.includes('=')) return { ...base, valueKind: 'none' };
  const valueStart = word.start + name.length + 1;
  const raw = text.slice(valueStart, word.end);
  return {
    ...base,
    value: word.value.slice(name.length + 1),
    valueRange: index.rangeOf(valueStart, word.end),
    valueKind: word.expands && !word.singleQuoted ? 'reference' : 'literal',
    quoting: raw.startsWith('"') ? 'double' : raw.startsWith("'") ? 'single' : 'none',
  };
}

function lineOf(index: LineIndex, offset: number) {
  const line = index.positionAt(offset).line;
  return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
}

/** Where the line after the heredoc's closing tag starts; a line scan, so no regular expression backtracks. */
function skipHeredoc(text: string, from: number, tag: string): number {
  let at = from;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    if (text.slice(at, end).trim() === tag) return newline < 0 ? text.length : newline + 1;
    at = end + 1;
  }
  return text.length;
}
