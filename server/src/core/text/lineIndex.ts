/**
 * Offset <-> LSP position conversion for one text. Extractors work in string offsets (UTF-16 code
 * units, which is what LSP positions count by default), and report ranges through this.
 */
import type { Position, Range } from '../types.js';

export interface LineIndex {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(start: number, end: number): Range;
  /** Number of lines (a trailing newline opens one more empty line). */
  readonly lineCount: number;
  /** Offset of the first character of a line. */
  lineStart(line: number): number;
  /** Offset of the end of a line's content, before `\r\n` or `\n`. */
  lineEnd(line: number): number;
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  const positionAt = (offset: number): Position => {
    let clamped = Math.max(0, Math.min(offset, text.length));
    // Between the \r and the \n of a CRLF is not a place on the line: it is the line's end.
    if (text.charCodeAt(clamped) === 10 && text.charCodeAt(clamped - 1) === 13) clamped--;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (starts[low] ?? 0) };
  };
  const lineStart = (line: number): number =>
    line < 0 ? 0 : line >= starts.length ? text.length : (starts[line] ?? text.length);
  const lineEnd = (line: number): number => {
    let end = line + 1 < starts.length ? (starts[line + 1] ?? text.length) : text.length;
    if (end > lineStart(line) && text.charCodeAt(end - 1) === 10) end--;
    if (end > lineStart(line) && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };
  return {
    lineCount: starts.length,
    positionAt,
    offsetAt: (position) => Math.min(lineStart(position.line) + position.character, lineEnd(position.line)),
    rangeOf: (start, end) => ({ start: positionAt(start), end: positionAt(end) }),
    lineStart,
    lineEnd,
  };
}
