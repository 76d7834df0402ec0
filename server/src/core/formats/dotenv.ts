/**
 * `.env` files, read with the semantics of the npm `dotenv` package (the loader most runtimes'
 * tooling uses, and what docker compose's `env_file` follows for quoting): optional `export `,
 * `KEY=value`, single quotes literal, double quotes with `\n` escapes, backticks, values spanning
 * lines inside quotes, `#` comments (in an unquoted value a `#` starts a comment anywhere), and
 * `${VAR}` references expanded by dotenv-expand/compose.
 *
 * No maintained dotenv parser reports positions, so this is a small scanner over the text; it keeps
 * offsets so every value points back at its source.
 */
import type { ExtractContext, ExtractResult, Finding, SettingOccurrence } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';
import { extractJvmOptionsOf } from './commandLine.js';
import { mergeResults } from './result.js';

const KEY = /^[ \t]*(export[ \t]+)?([A-Za-z_][\w.-]*)/;
const QUOTES = new Set(['"', "'", '`']);

interface Cursor {
  readonly text: string;
  readonly index: LineIndex;
  readonly occurrences: SettingOccurrence[];
  readonly problems: Finding[];
  /**
   * Quote characters opened on an earlier line and never closed: a fix must not write one below, or
   * dotenv would read from that opening to it and swallow the lines between.
   */
  readonly unclosed: Set<string>;
}

export function extractDotenv(text: string, _ctx?: ExtractContext): ExtractResult {
  const cursor: Cursor = { text, index: createLineIndex(text), occurrences: [], problems: [], unclosed: new Set() };
  let offset = text.startsWith('\uFEFF') ? 1 : 0;
  while (offset < text.length) offset = Math.max(readLine(cursor, offset), offset + 1);
  // `JAVA_OPTS=-Ddd.env=prod` (an env_file of a Java service): its `-Ddd.*` are settings too.
  const source = { text, index: cursor.index };
  const jvm = cursor.occurrences.map((o) => extractJvmOptionsOf(o, { scope: o.scope, bakedIn: false, source }));
  return mergeResults([{ occurrences: cursor.occurrences, problems: cursor.problems, runtimeHints: [] }, ...jvm]);
}

/** Reads one logical line (a quoted value may span several) starting at `start`; returns the next start. */
function readLine(c: Cursor, start: number): number {
  const lineEnd = endOfLine(c.text, start);
  const line = c.text.slice(start, lineEnd);
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return nextLine(c.text, lineEnd);
  const key = KEY.exec(line);
  if (!key?.[2]) {
    c.problems.push(syntax(c, start, lineEnd, 'This line is not `KEY=value`, so it is ignored.'));
    return nextLine(c.text, lineEnd);
  }
  const nameStart = start + key[0].length - key[2].length;
  const nameEnd = start + key[0].length;
  let at = skipBlanks(c.text, nameEnd);
  if (c.text[at] !== '=') {
    const occurrence = baseOccurrence(c, key[2], nameStart, nameEnd, start, nextLine(c.text, lineEnd));
    c.occurrences.push({ ...occurrence, valueKind: 'none' });
    if (at < lineEnd)
      c.problems.push(syntax(c, nameStart, lineEnd, `No \`=\` after \`${key[2]}\`, so the line is ignored.`));
    return nextLine(c.text, lineEnd);
  }
  if (at > nameEnd) c.problems.push(spacedEquals(c, nameEnd, at));
  const valueAt = skipBlanks(c.text, at + 1);
  if (valueAt > at + 1 && valueAt < lineEnd) c.problems.push(spacedEquals(c, at + 1, valueAt));
  at = valueAt;
  return readValue(c, key[2], nameStart, nameEnd, start, at);
}

function readValue(c: Cursor, name: string, nameStart: number, nameEnd: number, lineStart: number, at: number): number {
  const quote = c.text[at] ?? '';
  let swallowed: number | undefined;
  if (QUOTES.has(quote)) {
    const close = closingQuote(c.text, quote, at + 1);
    swallowed = close >= 0 ? swallowedSetting(c.text, at, close) : undefined;
    if (close >= 0 && swallowed === undefined)
      return quotedValue(c, { name, nameStart, nameEnd, lineStart }, at, close);
  }
  const lineEnd = endOfLine(c.text, at);
  const hash = c.text.slice(at, lineEnd).indexOf('#');
  const valueEnd = hash >= 0 ? at + hash : lineEnd;
  const raw = c.text.slice(at, valueEnd);
  const value = raw.trim();
  const valueStart = at;
  const end = valueStart + raw.trimEnd().length;
  const base = baseOccurrence(c, name, nameStart, nameEnd, lineStart, nextLine(c.text, lineEnd));
  c.occurrences.push({
    ...base,
    value,
    valueRange: c.index.rangeOf(valueStart, end),
    valueKind: isReference(value) ? 'reference' : 'literal',
    quoting: 'none',
  });
  const commentMatters = /^_?(DD|DATADOG)_/.test(name) && !/^\s*export\s/.test(c.text.slice(lineStart, nameStart));
  unquotedProblems(c, {
    quote,
    value,
    valueStart,
    end,
    hash: hash >= 0 ? at + hash : -1,
    lineEnd,
    swallowed,
    commentMatters,
  });
  return nextLine(c.text, lineEnd);
}

interface Key {
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly lineStart: number;
}

function quotedValue(c: Cursor, key: Key, open: number, close: number): number {
  const quote = c.text[open] ?? '"';
  const inner = c.text.slice(open + 1, close);
  const value = quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : inner;
  const lineEnd = endOfLine(c.text, close);
  const base = baseOccurrence(c, key.name, key.nameStart, key.nameEnd, key.lineStart, nextLine(c.text, lineEnd));
  c.occurrences.push({
    ...base,
    value,
    valueRange: c.index.rangeOf(open, close + 1),
    valueKind: quote !== "'" && isReference(inner) ? 'reference' : 'literal',
    quoting: quote === "'" ? 'single' : 'double',
  });
  const after = c.text.slice(close + 1, lineEnd).trim();
  if (after !== '' && !after.startsWith('#')) {
    c.problems.push(syntax(c, close + 1, lineEnd, 'Text after the closing quote is ignored.'));
  }
  return nextLine(c.text, lineEnd);
}

interface Unquoted {
  readonly quote: string;
  readonly value: string;
  readonly valueStart: number;
  readonly end: number;
  readonly hash: number;
  readonly lineEnd: number;
  /** Where a setting starts that the quote, closed only on a later line, would swallow. */
  readonly swallowed: number | undefined;
  /**
   * Whether a ` # comment` is worth a warning: a Datadog setting, not written `export KEY=…` (for shells,
   * which drop the comment too, and a line `--env-file` cannot read anyway).
   */
  readonly commentMatters: boolean;
}

/**
 * The traps of unquoted values: a quote never closed, a `#` cutting the value, inner spaces. A comment
 * and inner spaces are two problems, each with its fix: removing the comment leaves the spaces.
 */
function unquotedProblems(c: Cursor, v: Unquoted): void {
  if (QUOTES.has(v.quote)) {
    const fix = { title: 'Close the quote', edits: [{ range: c.index.rangeOf(v.end, v.end), newText: v.quote }] };
    const message =
      v.swallowed === undefined
        ? `The opening ${v.quote} is never closed, so the quote character becomes part of the value.`
        : `The opening ${v.quote} is not closed on this line: dotenv would read on to the next ${v.quote} and take the setting on line ${c.index.positionAt(v.swallowed).line + 1} into this value. Close the quote.`;
    c.problems.push({
      ...syntax(c, v.valueStart, v.end, message),
      ...(v.swallowed === undefined ? {} : { severity: 'error' as const }),
      fixes: [fix],
    });
    if (v.swallowed === undefined) c.unclosed.add(v.quote);
  } else if (v.hash > v.valueStart && !/[ \t]/.test(c.text[v.hash - 1] ?? '')) {
    const whole = c.text.slice(v.valueStart, v.lineEnd).trimEnd();
    const quoted = quotedText(c, whole);
    const fix = {
      title: 'Quote the value to keep the `#`',
      edits: [{ range: c.index.rangeOf(v.valueStart, v.valueStart + whole.length), newText: quoted ?? '' }],
    };
    c.problems.push({
      ...syntax(c, v.hash, v.lineEnd, 'This `#` starts a comment, so the value is cut before it.'),
      ...(quoted === undefined ? {} : { fixes: [fix] }),
    });
  } else if (v.hash > v.valueStart && v.commentMatters) {
    // The loaders disagree: dotenv (npm), python-dotenv and compose drop ` # …`; `docker run --env-file` keeps it.
    const fix = { title: 'Remove the comment', edits: [{ range: c.index.rangeOf(v.end, v.lineEnd), newText: '' }] };
    c.problems.push({
      ...syntax(
        c,
        v.hash,
        v.lineEnd,
        'npm dotenv, python-dotenv and docker compose drop this comment, but `docker run --env-file` keeps it as part of the value. Put the comment on its own line.',
      ),
      fixes: [fix],
    });
  }
  if (!QUOTES.has(v.quote) && /\s/.test(v.value)) {
    const quoted = quotedText(c, v.value);
    const fix = {
      title: 'Quote the value',
      edits: [{ range: c.index.rangeOf(v.valueStart, v.end), newText: quoted ?? '' }],
    };
    c.problems.push({
      ...syntax(
        c,
        v.valueStart,
        v.end,
        'Spaces inside an unquoted value: shells that source this file and `docker --env-file` read it differently. Quote it.',
      ),
      ...(quoted === undefined ? {} : { fixes: [fix] }),
    });
  }
}

/**
 * `value` quoted for dotenv, or `undefined` when no quote can be written safely. Double quotes only for
 * a value without `"` or `\`: dotenv reads no escapes there but `\n` and `\r`, and a `\` before the
 * closing `"` hides it. Otherwise single quotes (read as written), unless the value holds one. Neither
 * where an earlier quote of that kind is open (a quote written below would close it).
 */
function quotedText(c: Cursor, value: string): string | undefined {
  if (!/["\\]/.test(value) && !c.unclosed.has('"')) return `"${value}"`;
  if (!value.includes("'") && !c.unclosed.has("'")) return `'${value}'`;
  return undefined;
}

function baseOccurrence(
  c: Cursor,
  name: string,
  nameStart: number,
  nameEnd: number,
  lineStart: number,
  removalEnd: number,
) {
  return {
    surface: 'env' as const,
    name,
    nameRange: c.index.rangeOf(nameStart, nameEnd),
    scope: 'file',
    removalRange: c.index.rangeOf(lineStart, removalEnd),
    bakedIn: false,
  };
}

function spacedEquals(c: Cursor, from: number, to: number): Finding {
  return {
    ...syntax(
      c,
      from,
      to,
      'Spaces around `=`: dotenv accepts them, but `docker --env-file` and shells read the name with the space.',
    ),
    fixes: [{ title: 'Remove the spaces', edits: [{ range: c.index.rangeOf(from, to), newText: '' }] }],
  };
}

function syntax(c: Cursor, from: number, to: number, message: string): Finding {
  return { code: 'value-syntax', severity: 'warning', message, range: c.index.rangeOf(from, Math.max(from, to)) };
}

function skipBlanks(text: string, at: number): number {
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/** Where the line's content ends: before `\n`, `\r\n` or a lone `\r` (dotenv turns every `\r\n?` into `\n`). */
function endOfLine(text: string, from: number): number {
  let at = from;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
}

function nextLine(text: string, lineEnd: number): number {
  let at = lineEnd;
  if (text[at] === '\r') at++;
  if (text[at] === '\n') at++;
  return at;
}

/** The closing quote; in double quotes a backslash escapes it. */
function closingQuote(text: string, quote: string, from: number): number {
  for (let at = text.indexOf(quote, from); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (quote !== '"' || text[at - 1] !== '\\') return at;
  }
  return -1;
}

/**
 * `$VAR` or `${…}`, as dotenv-expand reads them. Not the regular expression `\$\{[^}]*\}`: on a value
 * of many `${` it rescans the rest of the line from each one.
 */
function isReference(value: string): boolean {
  const brace = value.indexOf('${');
  return /\$[A-Za-z_]/.test(value) || (brace >= 0 && value.indexOf('}', brace + 2) >= 0);
}

/** An environment-style setting (`DD_API_KEY=`, `export X=`) at the start of a line. */
const SETTING_LINE = /^[ \t]*(export[ \t]+[A-Za-z_][\w.-]*|[A-Z][A-Z0-9]*_[A-Z0-9_]*)[ \t]*=/;

/**
 * A quoted value may span lines, but when a line inside it is itself a setting, the quote was almost
 * surely left open by mistake: reading on would hide that setting (often a secret) inside this value.
 * Returns where the first such line starts, or `undefined` when the span holds none.
 */
function swallowedSetting(text: string, open: number, close: number): number | undefined {
  for (let at = nextLine(text, endOfLine(text, open)); at <= close && at < text.length;) {
    const end = endOfLine(text, at);
    if (SETTING_LINE.test(text.slice(at, end))) return at;
    at = nextLine(text, end);
  }
  return undefined;
}
