/**
 * Makefiles (`Makefile`, `GNUmakefile`, `*.mk`): recipe lines (those starting with a tab) are shell
 * command lines, read like a script's (`docker run -e ...`, `java -javaagent...`, `ddtrace-run`);
 * `export NAME = value` lines set the environment of every recipe. Make expands `$(VAR)`/`${VAR}` and
 * turns `$$` into the `$` the shell sees, so a value holding `$` is a reference either way. Make keeps
 * quotes in an exported value (`export DD_ENV="prod"` is `"prod"` with its quotes): the value is
 * checked as meant, and the quotes are reported.
 */
import type { ExtractResult, Finding, SettingOccurrence } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';
import { extractCommandLine } from './commandLine.js';
import { mergeResults } from './result.js';
import { splitShellLine } from './shellWords.js';

/** `export NAME = value` with make's assignment operators (`=`, `:=`, `::=`, `?=`, `+=`, `!=`). */
const EXPORT = /^export[ \t]+([A-Za-z_]\w*)[ \t]*(?:::?|\?|\+|!)?=[ \t]*/;

export function extractMakefile(text: string): ExtractResult {
  const index = createLineIndex(text);
  const results: ExtractResult[] = [];
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  while (at < text.length) {
    if (text[at] === '\t') {
      let start = at + 1;
      while (text[start] === '@' || text[start] === '-' || text[start] === '+') start++;
      // Each recipe line is its own shell: a quote left open ends with it, never swallows the next.
      const end = logicalLineEnd(text, at);
      const { words } = splitShellLine(text.slice(start, end).replace(/\r?\n$/, ''), 0);
      const commandWords = words.map((w) => ({ value: w.value, range: index.rangeOf(start + w.start, start + w.end) }));
      results.push(
        extractCommandLine(commandWords, { scope: 'file', bakedIn: false, source: { text, index }, shell: true }),
      );
      at = end;
      continue;
    }
    const end = logicalLineEnd(text, at);
    const setting = exported(text, index, at, end);
    if (setting) results.push(setting);
    at = end;
  }
  return mergeResults(results);
}

/** Where the line starting at `from` ends (after its newline), following `\` continuations. */
function logicalLineEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const newline = text.indexOf('\n', at);
    if (newline < 0) return text.length;
    const body = text.slice(at, newline).replace(/\r$/, '');
    if (!/(^|[^\\])(\\\\)*\\$/.test(body)) return newline + 1;
    at = newline + 1;
  }
}

function exported(text: string, index: LineIndex, start: number, end: number): ExtractResult | undefined {
  const line = text.slice(start, end);
  const match = EXPORT.exec(line);
  if (!match) return undefined;
  const name = match[1] ?? '';
  const nameStart = start + line.indexOf(name, 'export'.length);
  // A `#` ends the value outside recipes (make has no quoting), and the line break is not part of it.
  const body = line.slice(match[0].length).replace(/\r?\n$/, '');
  const comment = body.search(/(^|[^\\])#/);
  const raw = (comment < 0 ? body : body.slice(0, comment + (body[comment] === '#' ? 0 : 1))).trimEnd();
  if (raw.includes('\n')) return undefined; // a value continued over lines: make joins them, we do not guess
  const valueStart = start + match[0].length;
  const quoted = /^(["']).*\1$/s.test(raw) && raw.length >= 2;
  const value = quoted ? raw.slice(1, -1) : raw;
  const at = quoted ? valueStart + 1 : valueStart;
  const occurrence: SettingOccurrence = {
    surface: 'env',
    name,
    nameRange: index.rangeOf(nameStart, nameStart + name.length),
    value,
    valueRange: index.rangeOf(at, at + value.length),
    valueKind: value.includes('$') ? 'reference' : 'literal',
    scope: 'file',
    bakedIn: false,
    quoting: 'none',
    removalRange: index.rangeOf(start, end),
  };
  return {
    occurrences: [occurrence],
    problems: quoted ? [keptQuotes(index, valueStart, raw, name)] : [],
    runtimeHints: [],
  };
}

/**
 * Make has no quoting: `export DD_ENV = "prod"` exports `"prod"`, quotes included, which no tracer
 * reads as `prod`. The value is checked as meant; this says what make does and removes the quotes.
 */
function keptQuotes(index: LineIndex, start: number, raw: string, name: string): Finding {
  const range = index.rangeOf(start, start + raw.length);
  return {
    code: 'value-syntax',
    severity: 'warning',
    message: `Make keeps quotes as part of a value: \`${name}\` is exported with the quote characters around it. Write the value without quotes.`,
    range,
    fixes: [
      { title: 'Remove the quotes', edits: [{ range, newText: raw.slice(1, -1), expected: raw }], preferred: true },
    ],
  };
}
