/**
 * Dockerfile: the settings go into the final stage (the image that runs), as one `ENV` instruction
 * just before its `CMD`/`ENTRYPOINT` so the layers above stay cached, written with the file's keyword
 * case, escape character and continuation indent. A file with no `FROM` gets the runtime's usual image.
 */
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { TextEdit } from 'vscode-languageserver-types';
import { RUNTIMES, type Runtime } from '../../types.js';
import { renderValue } from '../../rules/fixes.js';
import { indentOf, insertLines, isBare } from './text.js';
import type { Entry, FormatInput, FormatPlanner, SetupTarget } from './types.js';

const DEFAULT_IMAGES: Readonly<Record<Runtime, string>> = {
  java: 'eclipse-temurin:21-jre',
  python: 'python:3.12-slim',
  go: 'golang:1.23',
  ruby: 'ruby:3.3-slim',
  nodejs: 'node:22-slim',
  dotnet: 'mcr.microsoft.com/dotnet/aspnet:8.0',
  php: 'php:8.3-fpm',
  ddprof: 'debian:bookworm-slim',
};

interface Parsed {
  readonly instructions: readonly Instruction[];
  readonly escape: string;
  readonly froms: readonly Instruction[];
}

function parse(text: string): Parsed | undefined {
  try {
    const dockerfile = DockerfileParser.parse(text);
    const instructions = dockerfile.getInstructions();
    const froms = instructions.filter((i) => i.getKeyword().toUpperCase() === 'FROM');
    return { instructions, escape: dockerfile.getEscapeCharacter(), froms };
  } catch {
    return undefined;
  }
}

export const dockerfilePlanner: FormatPlanner = {
  runtimes: RUNTIMES,
  surface: 'env',
  platform: 'linux',
  targets(input) {
    const parsed = parse(input.text);
    if (!parsed) return [];
    const last = parsed.froms[parsed.froms.length - 1];
    if (!last) return [{ scope: 'stage:0', label: 'a new stage' }];
    const image = imageOf(last);
    const inherits = parentStages(parsed.froms, parsed.froms.length - 1);
    return [
      {
        scope: `stage:${parsed.froms.length - 1}`,
        label: `the final stage (FROM ${image})`,
        ...(inherits.length > 0 ? { inherits } : {}),
      },
    ];
  },
  unsupported: (input) => (parse(input.text) ? undefined : 'The Dockerfile could not be parsed.'),
  insert(input, _target: SetupTarget, entries, runtime): TextEdit[] {
    const parsed = parse(input.text);
    if (!parsed) return [];
    const lowercase =
      parsed.instructions.length > 0 &&
      parsed.instructions.every((i) => i.getKeyword() === i.getKeyword().toLowerCase());
    const keyword = (word: string): string => (lowercase ? word.toLowerCase() : word);
    const lines = envLines(input, entries, keyword('ENV'), parsed.escape);
    const last = parsed.froms[parsed.froms.length - 1];
    if (!last)
      return [
        insertLines(
          input.text,
          input.index,
          input.index.lineCount,
          [`${keyword('FROM')} ${DEFAULT_IMAGES[runtime]}`, ...lines],
          input.eol,
        ),
      ];
    const stageStart = last.getRange().start.line;
    const start = parsed.instructions.find(
      (i) => i.getRange().start.line > stageStart && /^(CMD|ENTRYPOINT)$/i.test(i.getKeyword()),
    );
    const datadogEnv = extendableEnv(input, parsed, stageStart, start?.getRange().start.line ?? Infinity);
    if (datadogEnv) return [appendToEnv(input, datadogEnv, entries, parsed.escape)];
    if (!start) return [insertLines(input.text, input.index, input.index.lineCount, lines, input.eol)];
    const line = start.getRange().start.line;
    const indent = indentOf(input.text, input.index, line);
    return [
      insertLines(
        input.text,
        input.index,
        line,
        lines.map((l, i) => (i === 0 ? indent + l : l)),
        input.eol,
      ),
    ];
  },
};

/**
 * The stage's last `ENV` that already holds `DD_*` settings, written in the `KEY=value` form, before the
 * start command: the new settings join it rather than open a second block.
 */
function extendableEnv(input: FormatInput, parsed: Parsed, after: number, before: number): Instruction | undefined {
  const datadogLines = new Set(
    input.extracted.occurrences
      .filter((o) => o.surface === 'env' && /^DD_/.test(o.name))
      .map((o) => o.nameRange.start.line),
  );
  return parsed.instructions
    .filter((i) => {
      const { start, end } = i.getRange();
      if (i.getKeyword().toUpperCase() !== 'ENV' || start.line <= after || start.line >= before) return false;
      const pairs = (i.getRawArgumentsContent() ?? '').trim();
      return /^[A-Za-z_][\w.-]*=/.test(pairs) && [...datadogLines].some((l) => l >= start.line && l <= end.line);
    })
    .pop();
}

/** `ENV A=1` + ` \` and the new pairs on continuation lines. */
function appendToEnv(input: FormatInput, env: Instruction, entries: readonly Entry[], escape: string): TextEdit {
  const end = env.getRange().end;
  const continuation = continuationIndent(input.text, escape);
  const pairs = entries.map((e) => `${continuation}${pair(e)}`);
  return { range: { start: end, end }, newText: ` ${escape}${input.eol}${pairs.join(` ${escape}${input.eol}`)}` };
}

function pair(e: Entry): string {
  return `${e.name}=${isBare(e.value) ? e.value : renderValue(e.value, 'double')}`;
}

function imageOf(from: Instruction): string {
  return (from.getRawArgumentsContent() ?? '').split(/\s+/).filter((w) => !w.startsWith('--'))[0] ?? '';
}

/** The stages a stage is built on (`FROM base AS final` after `FROM python AS base`), nearest first. */
function parentStages(froms: readonly Instruction[], stage: number): string[] {
  const image = imageOf(froms[stage]!).toLowerCase();
  const parent = froms.findIndex(
    (f, i) => i < stage && /\bAS\s+(\S+)/i.exec(f.getRawArgumentsContent() ?? '')?.[1]?.toLowerCase() === image,
  );
  return parent < 0 ? [] : [`stage:${parent}`, ...parentStages(froms, parent)];
}

/** `ENV A=1 \` + continuation lines, indented as the file's other continuations (four spaces by default). */
function envLines(input: FormatInput, entries: readonly Entry[], keyword: string, escape: string): string[] {
  const pairs = entries.map(pair);
  const continuation = continuationIndent(input.text, escape);
  return pairs.map((pair, i) => {
    const head = i === 0 ? `${keyword} ${pair}` : `${continuation}${pair}`;
    return i < pairs.length - 1 ? `${head} ${escape}` : head;
  });
}

function continuationIndent(text: string, escape: string): string {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] ?? '';
    if (line.trimStart().startsWith('#') || !line.trimEnd().endsWith(escape)) continue;
    const next = /^[ \t]+(?=\S)/.exec(lines[i + 1] ?? '')?.[0];
    if (next) return next;
  }
  return '    ';
}
