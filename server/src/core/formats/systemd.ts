/**
 * systemd units (`*.service`) and their drop-ins (`*.service.d/*.conf`), read as systemd.syntax(7)
 * reads them: `[Section]` headers, `Key=Value` with blanks around `=` dropped, `#`/`;` comment lines,
 * a trailing `\` joining the next line. In `[Service]`: `Environment=` holds several assignments
 * split and unquoted like systemd's extract_first_word (quotes anywhere in a word, C escapes), with
 * `%` specifiers (`%i`, `%n`) filled in at run time so a value holding one is a reference;
 * `EnvironmentFile=` is named but not followed; `ExecStart=` is a command line (`java -javaagent…`,
 * `ddtrace-run …`) read like any other. `$VAR` is not expanded in `Environment=`, so it stays literal.
 */
import type { ExtractContext, ExtractResult, Finding, Range, SettingOccurrence } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';
import { extractCommandLine, type CommandWord } from './commandLine.js';
import { mergeResults } from './result.js';

/** A logical line: its characters with the source offset of each (continuations joined by a space). */
interface Logical {
  readonly chars: string;
  readonly at: readonly number[];
  /** Offsets of the first and past-the-last character of the physical lines it spans. */
  readonly start: number;
  readonly end: number;
}

/** One word after unquoting, with the source offset of each of its characters. */
interface Word {
  readonly value: string;
  readonly at: readonly number[];
  readonly start: number;
  readonly end: number;
  /** A quote opened in the word was never closed. */
  readonly unterminated?: boolean;
}

const SCOPE = 'systemd:service';
const MAX_PROBLEMS = 10;

export function extractSystemd(text: string, _ctx?: ExtractContext): ExtractResult {
  const index = createLineIndex(text);
  const occurrences: SettingOccurrence[] = [];
  const problems: Finding[] = [];
  const commands: ExtractResult[] = [];
  let section = '';
  for (const line of logicalLines(text)) {
    const trimmed = line.chars.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (trimmed.startsWith('[')) {
      const header = /^\[([^\]]*)\]$/.exec(trimmed);
      if (!header)
        problems.push(syntaxError(index, line, 'error', 'Invalid section header: systemd refuses to load the unit.'));
      section = header?.[1] ?? '';
      continue;
    }
    const eq = line.chars.indexOf('=');
    if (eq < 0) problems.push(syntaxError(index, line, 'warning', "Missing '=': systemd ignores this line."));
    if (section !== 'Service' || eq < 0) continue;
    const key = line.chars.slice(0, eq).trim();
    const valueAt = eq + 1 + (/^\s*/.exec(line.chars.slice(eq + 1))?.[0].length ?? 0);
    const value = slice(line, valueAt);
    if (key === 'Environment') {
      const words = splitWords(value);
      // systemd rejects the whole line when a quote is left open (extract_first_word without RELAX).
      if (words.some((word) => word.unterminated))
        problems.push(syntaxError(index, line, 'warning', 'Unterminated quote: systemd ignores this whole line.'));
      else {
        // Loops, not push(...): one continued line may hold tens of thousands of words.
        for (const occurrence of environment(words, index, line)) occurrences.push(occurrence);
        for (const problem of strayWords(words, index)) problems.push(problem);
      }
    }
    if (key === 'ExecStart') commands.push(execStart(value, index, text));
  }
  const osHints = [{ os: 'linux' as const, reason: 'a systemd unit' }];
  // A file that is not a unit at all would otherwise get a finding per line.
  const shown = problems.slice(0, MAX_PROBLEMS);
  return mergeResults([{ occurrences, problems: shown, runtimeHints: [], osHints }, ...commands]);
}

/** A line systemd cannot read; the message never quotes it (it may hold a key). */
function syntaxError(index: LineIndex, line: Logical, severity: 'error' | 'warning', message: string): Finding {
  const first = line.at[0] ?? line.start;
  const last = line.at[line.at.length - 1] ?? first;
  return { code: 'parse-error', severity, message, range: index.rangeOf(first, last + 1) };
}

/** Physical lines joined where one ends in a backslash, as systemd reads them (the backslash becomes a space). */
function logicalLines(text: string): Logical[] {
  const lines: Logical[] = [];
  // Characters collect in an array: joining thousands of continued lines by string slicing is quadratic.
  let chars: string[] = [];
  let at: number[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === undefined || ch === '\n' || ch === '\r') {
      const end = i;
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (ch !== undefined && chars[chars.length - 1] === '\\' && !isComment(chars)) {
        chars[chars.length - 1] = ' ';
        continue;
      }
      lines.push({ chars: chars.join(''), at, start, end });
      chars = [];
      at = [];
      start = i + 1;
      continue;
    }
    chars.push(ch);
    at.push(i);
  }
  return lines;
}

/** Comment lines are never continued. */
function isComment(chars: readonly string[]): boolean {
  for (const ch of chars) if (ch !== ' ' && ch !== '\t') return ch === '#' || ch === ';';
  return false;
}

function slice(line: Logical, from: number): Logical {
  return { ...line, chars: line.chars.slice(from), at: line.at.slice(from) };
}

/**
 * Splits a value into words as systemd does for `Environment=` and command lines: blanks separate
 * words; `'…'` and `"…"` quote anywhere in a word; a backslash escapes the next character (`\n`,
 * `\t` and friends become their control characters outside single quotes).
 */
function splitWords(line: Logical): Word[] {
  const words: Word[] = [];
  let i = 0;
  const { chars, at } = line;
  while (i < chars.length) {
    while (i < chars.length && /\s/.test(chars[i] ?? '')) i++;
    if (i >= chars.length) break;
    let value = '';
    const offsets: number[] = [];
    const start = at[i] ?? 0;
    let quote: string | undefined;
    for (; i < chars.length; i++) {
      const ch = chars[i] ?? '';
      if (quote === undefined && /\s/.test(ch)) break;
      if (ch === quote) quote = undefined;
      else if (quote === undefined && (ch === '"' || ch === "'")) quote = ch;
      else if (ch === '\\' && i + 1 < chars.length) {
        i++;
        value += quote === "'" ? `\\${chars[i]}` : unescape(chars[i] ?? '');
        offsets.push(at[i - 1] ?? 0);
        if (quote === "'") offsets.push(at[i] ?? 0);
      } else {
        value += ch;
        offsets.push(at[i] ?? 0);
      }
    }
    words.push({ value, at: offsets, start, end: (at[i - 1] ?? start) + 1, ...(quote ? { unterminated: true } : {}) });
  }
  return words;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' };

function unescape(ch: string): string {
  return ESCAPES[ch] ?? ch;
}

function environment(words: readonly Word[], index: LineIndex, line: Logical): SettingOccurrence[] {
  return words.flatMap((word): SettingOccurrence[] => {
    const eq = word.value.indexOf('=');
    if (eq <= 0) return [];
    const name = word.value.slice(0, eq);
    const text = word.value.slice(eq + 1);
    const nameRange = index.rangeOf(word.at[0] ?? word.start, (word.at[eq - 1] ?? word.start) + 1);
    const valueRange = valueRangeOf(word, eq, index);
    return [
      {
        surface: 'env',
        name,
        nameRange,
        value: text.replace(/%%/g, '%'),
        valueRange,
        valueKind: /%[a-zA-Z]/.test(text.replace(/%%/g, '')) ? 'reference' : 'literal',
        scope: SCOPE,
        ...(words.length === 1 ? { removalRange: wholeLines(index, line) } : {}),
        quoting: 'none',
        bakedIn: false,
        environmentReference: 'none',
      },
    ];
  });
}

/**
 * `Environment=DD_TAGS=env:prod team:web`: a value with a blank splits into a second word without
 * `=`, which systemd drops. The word is not quoted in the message (it may be part of a key).
 */
function strayWords(words: readonly Word[], index: LineIndex): Finding[] {
  return words.flatMap((word, i): Finding[] => {
    if (word.value.includes('=')) return [];
    const after = i > 0 ? ' (if it belongs to the value before it, quote the whole assignment: `"NAME=a b"`)' : '';
    return [
      {
        code: 'value-syntax',
        severity: 'warning',
        message: `This word has no \`=\`: systemd ignores it${after}.`,
        range: index.rangeOf(word.start, word.end),
      },
    ];
  });
}

/** From the first character after `=` to the word's last character (a closing quote stays outside). */
function valueRangeOf(word: Word, eq: number, index: LineIndex): Range {
  const first = word.at[eq + 1];
  const last = word.at[word.at.length - 1];
  if (first === undefined || last === undefined) {
    const after = (word.at[eq] ?? word.start) + 1;
    return index.rangeOf(after, after);
  }
  return index.rangeOf(first, last + 1);
}

function wholeLines(index: LineIndex, line: Logical): Range {
  const first = index.positionAt(line.start).line;
  const last = index.positionAt(line.end).line;
  return { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } };
}

/** `ExecStart=-/usr/bin/java …`: the prefixes (`@`, `-`, `:`, `+`, `!`) are not part of the program. */
function execStart(value: Logical, index: LineIndex, text: string): ExtractResult {
  const words: CommandWord[] = splitWords(value).map((word, i) => {
    const prefix = i === 0 ? (/^[@\-:+!]*/.exec(word.value)?.[0].length ?? 0) : 0;
    const from = word.at[prefix] ?? word.start;
    return { value: word.value.slice(prefix), range: index.rangeOf(from, word.end) };
  });
  return extractCommandLine(words, { scope: SCOPE, bakedIn: false, source: { text, index } });
}
