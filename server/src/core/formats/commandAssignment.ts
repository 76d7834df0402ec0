/**
 * The words of a command line that name things: the program (by base name), `NAME=value` assignments
 * with their name and value placed in the source however the word is quoted, and a word's source text.
 */
import type { SettingOccurrence } from '../types.js';
import type { CommandLineContext, CommandWord, Locate } from './commandLine.js';

export const ASSIGNMENT = /^([A-Za-z_]\w*)=(.*)$/s;

/** The base name of a command word (`/usr/local/bin/ddtrace-run` -> `ddtrace-run`). */
export function programName(word: CommandWord | undefined): string {
  return (word?.value ?? '').split(/[\\/]/).pop() ?? '';
}

/** `NAME=value` as a setting, with the name and value located in the source however the word is quoted. */
export function assignment(word: CommandWord, ctx: CommandLineContext, locate: Locate): SettingOccurrence {
  const [, name = '', value = ''] = ASSIGNMENT.exec(word.value) ?? [];
  return {
    surface: 'env',
    name,
    ...assignmentRanges(word, name, ctx, locate),
    value,
    valueKind: value.includes('$') ? 'reference' : 'literal',
    scope: ctx.scope,
    bakedIn: ctx.bakedIn,
  };
}

/**
 * Where the name and value of `NAME=value` are: `NAME="a b"` (the value's quotes are part of its range,
 * so a fix rewrites them), `"NAME=a b"` (inside the word's quotes) or a bare word.
 */
function assignmentRanges(
  word: CommandWord,
  name: string,
  ctx: CommandLineContext,
  locate: Locate,
): Pick<SettingOccurrence, 'nameRange' | 'valueRange' | 'quoting'> {
  const raw = rawOf(word, ctx);
  const { index } = ctx.source ?? {};
  if (raw !== undefined && index && word.range.start.line === word.range.end.line) {
    const start = index.offsetAt(word.range.start);
    const at = raw.startsWith(`${name}=`) ? 0 : /^["']/.test(raw) && raw.startsWith(`${name}=`, 1) ? 1 : -1;
    if (at >= 0) {
      const closed = at === 1 && raw.length > 1 && raw.endsWith(raw[0] ?? '');
      const valueRaw = raw.slice(at + name.length + 1, closed ? raw.length - 1 : raw.length);
      const quote =
        at === 0 && /^".*"$/s.test(valueRaw) ? 'double' : at === 0 && /^'.*'$/s.test(valueRaw) ? 'single' : 'none';
      return {
        nameRange: index.rangeOf(start + at, start + at + name.length),
        valueRange: index.rangeOf(start + at + name.length + 1, start + at + name.length + 1 + valueRaw.length),
        quoting: quote,
      };
    }
  }
  return {
    nameRange: locate(word, 0, name.length),
    valueRange: locate(word, name.length + 1, word.value.length),
    quoting: 'none',
  };
}

/** A word's source text, quotes included, when the line's source is known. */
export function rawOf(word: CommandWord, ctx: CommandLineContext): string | undefined {
  if (!ctx.source) return undefined;
  const { text, index } = ctx.source;
  return text.slice(index.offsetAt(word.range.start), index.offsetAt(word.range.end));
}
