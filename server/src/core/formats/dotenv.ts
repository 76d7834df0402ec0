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

const KEY = /^[ \t]*(export[ \t]+)?([A-Za-z_][\w.-]*)/;
const QUOTES = new Set(['"', "'", '`']);
const REFERENCE = /\$(\{[^}]*\}|[A-Za-z_]\w*)/;

interface Cursor {
  readonly text: string;
  readonly index: LineIndex;
  readonly occurrences: SettingOccurrence[];
  readonly problems: Finding[];
}

export function extractDotenv(text: string, _ctx?: ExtractContext): ExtractResult {
  const cursor: Cursor = { text, index: createLineIndex(text), occurrences: [], problems: [] };
  let offset = text.startsWith('\uFEFF') ? 1 : 0;
  while (offset < text.length) offset = Math.max(readLine(cursor, offset), offset + 1);
  return { occurrences: cursor.occurrences, problems: cursor.problems, runtimeHints: [] };
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
  if (QUOTES.has(quote)) {
    const close = closingQuote(c.text, quote, at + 1);
    if (close >= 0) return quotedValue(c, { name, nameStart, nameEnd, lineStart }, at, close);
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
    valueKind: REFERENCE.test(value) ? 'reference' : 'literal',
    quoting: 'none',
  });
  unquotedProblems(c, { quote, value, valueStart, end, hash: hash >= 0 ? at + hash : -1, lineEnd });
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
    valueKind: quote !== "'" && REFERENCE.test(inner) ? 'reference' : 'literal',
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
}

/** The traps of unquoted values: a quote never closed, a `#` cutting the value, inner spaces. */
function unquotedProblems(c: Cursor, v: Unquoted): void {
  if (QUOTES.has(v.quote)) {
    const fix = { title: 'Close the quote', edits: [{ range: c.index.rangeOf(v.end, v.end), newText: v.quote }] };
    c.problems.push({
      ...syntax(
        c,
        v.valueStart,
        v.end,
        `The opening ${v.quote} is never closed, so the quote character becomes part of the value.`,
      ),
      fixes: [fix],
    });
  } else if (v.hash > v.valueStart && !/[ \t]/.test(c.text[v.hash - 1] ?? '')) {
    const whole = c.text.slice(v.valueStart, v.lineEnd).trimEnd();
    const fix = {
      title: 'Quote the value to keep the `#`',
      edits: [
        {
          range: c.index.rangeOf(v.valueStart, v.valueStart + whole.length),
          newText: `"${whole.replace(/["\\]/g, (ch) => `\\${ch}`)}"`,
        },
      ],
    };
    c.problems.push({
      ...syntax(c, v.hash, v.lineEnd, 'This `#` starts a comment, so the value is cut before it.'),
      fixes: [fix],
    });
  } else if (/\s/.test(v.value)) {
    const fix = {
      title: 'Quote the value',
      edits: [
        { range: c.index.rangeOf(v.valueStart, v.end), newText: `"${v.value.replace(/["\\]/g, (ch) => `\\${ch}`)}"` },
      ],
    };
    c.problems.push({
      ...syntax(
        c,
        v.valueStart,
        v.end,
        'Spaces inside an unquoted value: shells that source this file and `docker --env-file` read it differently. Quote it.',
      ),
      fixes: [fix],
    });
  }
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

function endOfLine(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const end = lf < 0 ? text.length : lf;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
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
