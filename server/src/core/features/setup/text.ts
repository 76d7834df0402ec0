/**
 * Writing lines into a file the way it is already written: its line endings, its indentation unit,
 * and a newline before anything appended to a last line that has none.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../../text/lineIndex.js';

/** The file's line ending: CRLF when its first line break is one. */
export function eolOf(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/** One level of indentation: a tab when lines are indented with tabs, else the smallest space step (2 by default). */
export function indentUnit(text: string): string {
  let smallest = Infinity;
  for (const match of text.matchAll(/^([ \t]+)\S/gm)) {
    const lead = match[1] ?? '';
    if (lead.startsWith('\t')) return '\t';
    if (lead.length >= 2) smallest = Math.min(smallest, lead.length);
  }
  return Number.isFinite(smallest) ? ' '.repeat(Math.min(smallest, 8)) : '  ';
}

/** The leading whitespace of a line. */
export function indentOf(text: string, index: LineIndex, line: number): string {
  const start = index.lineStart(line);
  return /^[ \t]*/.exec(text.slice(start, index.lineEnd(line)))?.[0] ?? '';
}

/** Inserts whole lines before `line`; past the last line, appends them (after a newline if the text lacks one). */
export function insertLines(
  text: string,
  index: LineIndex,
  line: number,
  lines: readonly string[],
  eol: string,
): TextEdit {
  const body = lines.join(eol) + eol;
  if (line < index.lineCount && index.lineStart(line) < text.length) {
    const at = index.positionAt(index.lineStart(line));
    return { range: { start: at, end: at }, newText: body };
  }
  const end = index.positionAt(text.length);
  const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
  return { range: { start: end, end }, newText: (needsBreak ? eol : '') + body };
}

/** The line after the one holding the last non-blank character before `offset`. */
export function lineAfter(text: string, index: LineIndex, offset: number): number {
  let at = Math.min(offset, text.length) - 1;
  while (at > 0 && /\s/.test(text[at] ?? '')) at--;
  return index.positionAt(Math.max(at, 0)).line + 1;
}

/** Whether a value can be written bare in a shell-like place (no spaces, quotes or expansions). */
export function isBare(value: string): boolean {
  return /^[A-Za-z0-9_.:/{}@%+,=-]+$/.test(value);
}
