/**
 * The Java tracer's configuration file (`datadog.properties`, `dd-java-agent.properties`, or whatever
 * `-Ddd.trace.config` names), read as java.util.Properties.load reads it: `#`/`!` comment lines, the
 * key ending at the first unescaped `=`, `:` or blank, a `\` at the end of a line continuing it (the
 * next line's leading blanks dropped), `\uXXXX` and `\t`-style escapes. Only `dd.*` keys are settings
 * (the tracer reads the file with that prefix). Any other `*.properties` file counts only when every
 * key in it is `dd.*`, so Spring's application.properties and friends stay silent.
 */
import type { ExtractContext, ExtractResult, Finding, SettingOccurrence } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';
import { emptyResult } from './result.js';

const TRACER_FILE = /^(datadog|dd-java-agent)\.properties$/i;
const SCOPE = 'java:properties';

/** A key or value after unescaping, with the source offset of each character. */
interface Piece {
  readonly value: string;
  readonly at: readonly number[];
  /** Offset just past the piece's last source character. */
  readonly end: number;
}

interface Entry {
  readonly key: Piece;
  readonly value: Piece;
  /** Where the value starts (an empty one is there); `undefined` when the key stands alone on its line. */
  readonly valueStart: number | undefined;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly malformedAt?: number;
}

export function extractJavaProperties(text: string, ctx: ExtractContext): ExtractResult {
  const index = createLineIndex(text);
  const entries = readEntries(text, index);
  const named = TRACER_FILE.test(ctx.fileName);
  const settings = entries.filter((e) => e.key.value.startsWith('dd.'));
  if (!named && (settings.length === 0 || settings.length !== entries.length)) return emptyResult();
  const occurrences = settings.map((entry) => occurrence(entry, index));
  // Java stops at the first malformed escape: what follows is never read, so one finding says it all.
  const first = entries.find((entry) => entry.malformedAt !== undefined)?.malformedAt;
  const problems: Finding[] = first === undefined ? [] : [malformed(index, first)];
  return { occurrences, problems, runtimeHints: [{ runtime: 'java', reason: 'a Java tracer properties file' }] };
}

function occurrence(entry: Entry, index: LineIndex): SettingOccurrence {
  const { key, value, valueStart } = entry;
  // A key alone is still being typed: no value place, so completion offers names there.
  const valueFrom = valueStart === undefined ? undefined : (value.at[0] ?? valueStart);
  return {
    surface: 'javaProperty',
    name: key.value,
    nameRange: index.rangeOf(key.at[0] ?? 0, key.end),
    ...(valueFrom !== undefined
      ? { value: value.value, valueRange: index.rangeOf(valueFrom, value.at.length > 0 ? value.end : valueFrom) }
      : {}),
    valueKind: valueFrom !== undefined ? 'literal' : 'none',
    scope: SCOPE,
    removalRange: { start: { line: entry.firstLine, character: 0 }, end: { line: entry.lastLine + 1, character: 0 } },
    quoting: 'none',
    bakedIn: false,
    environmentReference: 'none',
  };
}

function malformed(index: LineIndex, at: number): Finding {
  return {
    code: 'parse-error',
    severity: 'error',
    message:
      'Malformed `\\uXXXX` escape: Java stops reading the file here (IllegalArgumentException), so the tracer gets none of its settings.',
    range: index.rangeOf(at, at + 2),
  };
}

const BLANK = new Set([' ', '\t', '\f']);

/** Every key/value pair of the file, in order. */
function readEntries(text: string, index: LineIndex): Entry[] {
  const entries: Entry[] = [];
  let i = 0;
  while (i < text.length) {
    while (BLANK.has(text[i] ?? '')) i++;
    const ch = text[i];
    if (ch === undefined) break;
    if (ch === '\n' || ch === '\r' || ch === '#' || ch === '!') {
      i = ch === '#' || ch === '!' ? endOfLine(text, i) : i + 1;
      continue;
    }
    const entry = readEntry(text, i, index);
    entries.push(entry.entry);
    i = entry.next;
  }
  return entries;
}

function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** One logical line from `start` (its first non-blank character): the key, the separator, the value. */
function readEntry(text: string, start: number, index: LineIndex): { entry: Entry; next: number } {
  const reader = { text, i: start, malformedAt: undefined as number | undefined };
  const key = readPiece(reader, true);
  const alone = /^[\r\n]?$/.test(text[reader.i] ?? '');
  while (BLANK.has(text[reader.i] ?? '')) reader.i++;
  if (text[reader.i] === '=' || text[reader.i] === ':') reader.i++;
  while (BLANK.has(text[reader.i] ?? '') || continuation(text, reader.i)) reader.i = skipContinuation(text, reader.i);
  const valueStart = reader.i;
  const value = readPiece(reader, false);
  const entry: Entry = {
    key,
    value,
    valueStart: alone ? undefined : valueStart,
    firstLine: index.positionAt(start).line,
    lastLine: index.positionAt(reader.i).line,
    ...(reader.malformedAt !== undefined ? { malformedAt: reader.malformedAt } : {}),
  };
  return { entry, next: reader.i };
}

/** Whether `at` is a backslash that ends the line (a continuation). */
function continuation(text: string, at: number): boolean {
  return text[at] === '\\' && (text[at + 1] === '\n' || text[at + 1] === '\r');
}

/** Past a blank, or past a continuation and the next line's leading blanks. */
function skipContinuation(text: string, at: number): number {
  if (!continuation(text, at)) return at + 1;
  let i = at + 1;
  i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
  while (BLANK.has(text[i] ?? '')) i++;
  return i;
}

const ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f' };

/** Reads a key (up to an unescaped `=`, `:` or blank) or a value (up to the end of the logical line). */
function readPiece(reader: { text: string; i: number; malformedAt: number | undefined }, isKey: boolean): Piece {
  const { text } = reader;
  let value = '';
  const at: number[] = [];
  let end = reader.i;
  while (reader.i < text.length) {
    const i = reader.i;
    const ch = text[i] ?? '';
    if (ch === '\n' || ch === '\r') break;
    if (isKey && (ch === '=' || ch === ':' || BLANK.has(ch))) break;
    if (continuation(text, i)) {
      reader.i = skipContinuation(text, i);
      continue;
    }
    if (ch === '\\') {
      const next = text[i + 1] ?? '';
      const hex = next === 'u' ? /^[0-9a-fA-F]{4}/.exec(text.slice(i + 2, i + 6)) : undefined;
      if (next === 'u' && !hex) reader.malformedAt ??= i;
      value += hex ? String.fromCharCode(parseInt(hex[0], 16)) : (ESCAPES[next] ?? next);
      at.push(i);
      reader.i = i + (hex ? 6 : 2);
      end = reader.i;
      continue;
    }
    value += ch;
    at.push(i);
    reader.i = i + 1;
    end = reader.i;
  }
  return { value, at, end };
}
