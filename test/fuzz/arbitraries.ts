/**
 * What the fuzzer feeds the service: text written from scratch out of hostile pieces, and real fixture
 * files mutated the way editing, copy-paste and bad tooling damage files (lines deleted, duplicated and
 * swapped, stray characters, deep nesting, other line endings, truncation). Positions are drawn as plain
 * numbers and taken modulo the text's length, so fast-check can shrink a failure to a small case.
 */
import fc from 'fast-check';
import { FILE_NAMES, loadCorpus, type FuzzCase } from './corpus.js';

/** Characters and fragments that have broken parsers: quotes, escapes, odd spaces and line ends, NUL. */
const HOSTILE = [
  '\u00a0',
  '\r',
  '\r\n',
  '\n',
  '\u0000',
  '\t',
  '  ',
  '"',
  "'",
  '`',
  '\\',
  '\\\n',
  '\ufeff',
  '\u2028',
  '\u200b',
  '😀',
  '\ud800',
  'é',
  '<<: *a\n',
  '*a',
  '&a ',
  '${',
  '}',
  '$(',
  ')',
  '%',
  '%%',
  '#',
  ';',
  '<!--',
  '-->',
  '<',
  '>',
  '/>',
  '&#x110000;',
  '&#0;',
  '&amp;',
  '&lt;',
  '&',
  '=',
  ':',
  '- ',
  '{',
  '[',
  ']',
  '|',
  '&&',
  '^',
  '--',
  '<<EOF\n',
  '@"\n',
  '"@',
  '#{',
  '::',
  'REM ',
  '~',
  '!',
];

/** Fragments of the settings and commands the extractors look for, so the noise reaches deep code. */
const SETTINGY = [
  'DD_PROFILING_ENABLED',
  'DD_API_KEY',
  'DD_SERVICE',
  'DD_ENV',
  'DD_VERSION',
  'DD_AGENT_HOST',
  'DD_TRACE_AGENT_PORT',
  'DD_PROFILING_UPLOAD_PERIOD',
  'DD_PROFILING_ENABLED=true',
  'DD_PROFILING_ALLOCATION_ENABLED',
  'DD_PROFILING_EXPERIMENTAL_CPU_TIME_ENABLED',
  'DD_TRACE_ENABLED=false',
  'dd.profiling.enabled',
  '-Ddd.profiling.enabled=true',
  '-Ddd.api-key=',
  '-javaagent:/dd-java-agent.jar ',
  '-jar app.jar',
  'java ',
  'ddtrace-run ',
  'ddprof --api_key ',
  'node --require dd-trace/init ',
  'ENV ',
  'ARG ',
  'FROM python:3.12 AS base\n',
  'COPY --from=base ',
  'RUN ',
  'CMD ',
  'ENTRYPOINT ',
  'export ',
  'set ',
  'SET ',
  'setx ',
  '$env:',
  'c.profiling.enabled = true',
  'c.api_key = ',
  'Datadog.configure do |c|\n',
  'end\n',
  "ENV['DD_ENV']",
  "ENV.fetch('DD_ENV')",
  'import "github.com/DataDog/dd-trace-go/v2/profiler"\n',
  'profiler.Start(',
  'profiler.WithPeriod(',
  'profiler.WithProfileTypes(profiler.HeapProfile, ',
  '60*time.Second',
  'os.Setenv("DD_ENV", ',
  "require('dd-trace').init({ ",
  "import 'dd-trace/init'\n",
  'profiling: ',
  'process.env.DD_ENV = ',
  "import * as ecs from 'aws-cdk-lib/aws-ecs'\n",
  'environment: { ',
  "addEnvironment('DD_ENV', ",
  'from ddtrace.profiling import Profiler\n',
  'Profiler(env=',
  'os.environ["DD_ENV"] = ',
  'environment={',
  'environment:\n',
  'env:\n',
  'services:\n  web:\n',
  'containers:\n',
  '- name: ',
  'value: ',
  'valueFrom:',
  '<environmentVariable name="',
  '" value="',
  '<environmentVariables>',
  '<aspNetCore ',
  'datadog.profiling.enabled = 1',
  'env[DD_ENV] = ',
  'php_value ',
  'resource "aws_ecs_task_definition" "t" {\n',
  'container_definitions = jsonencode([{ name = "app", environment = [',
  '{ name = "DD_ENV", value = ',
  'container_definitions = <<EOF\n[{"environment": [{"name": "DD_ENV", "value": ',
  '\nEOF\n',
  '${var.x}',
  'env {\n',
  'job "j" { group "g" { task "t" {',
  'environment { DD_ENV = ',
  "withEnv(['DD_ENV=",
  '}\n',
  '# dd-profiler-config: ignore\n',
  '# dd-profiler-config: runtime java\n',
  'true',
  'false',
  '1',
  '0',
  'yes',
  'On',
  '65536',
  '-1',
  '1e3',
  '0x10',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 4, arbitrary: fc.constantFrom(...SETTINGY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);

/** Text written from scratch out of hostile pieces and setting fragments. */
export const noiseText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

/** A document written from scratch under one of `fileNames` (by default one of every format). */
export function noiseCase(fileNames: readonly string[] = FILE_NAMES.map((f) => f.fileName)): fc.Arbitrary<FuzzCase> {
  return fc.tuple(fc.constantFrom(...fileNames), noiseText).map(([fileName, text]) => ({ fileName, text }));
}

/** Ways to nest deeply, each as (opener, closer); a mutation may leave the closers out. */
export const NESTINGS = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['$(', ')'],
  ['"$(', ')"'],
  ['<a>', '</a>'],
  ['begin\n', 'end\n'],
  ['[[', ']]'],
  ['<!--', '-->'],
  ['- ', ''],
  ['x: ', ''],
  ['${A:-', '}'],
  ['Datadog.configure do |c|\n', 'end\n'],
] as const;

export type Mutation =
  | { readonly kind: 'deleteLine' | 'duplicateLine' | 'truncate'; readonly at: number }
  | { readonly kind: 'swapLines'; readonly at: number; readonly other: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'deleteSpan'; readonly at: number; readonly length: number }
  | {
      readonly kind: 'nest';
      readonly at: number;
      readonly depth: number;
      readonly nesting: number;
      readonly closed: boolean;
    }
  | { readonly kind: 'indentLines'; readonly at: number; readonly count: number; readonly by: number }
  | { readonly kind: 'lineEndings'; readonly ending: '\n' | '\r\n' | '\r' };

/** One mutation; `maxDepth` bounds the nesting (small in the unit suite, larger in the long run). */
export function mutation(maxDepth: number): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('deleteLine', 'duplicateLine', 'truncate'), at }),
    fc.record({ kind: fc.constant('swapLines'), at, other: fc.nat() }),
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert'), at, text: noiseText }) },
    fc.record({ kind: fc.constant('deleteSpan'), at, length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({
      kind: fc.constant('nest'),
      at,
      depth: fc.integer({ min: 1, max: maxDepth }),
      nesting: fc.nat(NESTINGS.length - 1),
      closed: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('indentLines'),
      at,
      count: fc.integer({ min: 1, max: 8 }),
      by: fc.integer({ min: -4, max: 4 }),
    }),
    fc.record({ kind: fc.constant('lineEndings'), ending: fc.constantFrom('\n', '\r\n', '\r') }),
  ) as fc.Arbitrary<Mutation>;
}

/** Lines with their own line ending, so joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** The offset of line boundary `at` (modulo the number of boundaries). */
function lineBoundary(lines: readonly string[], at: number): number {
  return lines.slice(0, at % (lines.length + 1)).join('').length;
}

/** Applies one mutation; every position is taken modulo what the text has. */
export function mutate(text: string, m: Mutation): string {
  const lines = splitLines(text);
  const line = lines.length > 0 ? (m.kind === 'lineEndings' ? 0 : m.at % lines.length) : 0;
  switch (m.kind) {
    case 'deleteLine':
      return lines.filter((_, i) => i !== line).join('');
    case 'duplicateLine':
      return lines.flatMap((l, i) => (i === line ? [withEnding(l), l] : [l])).join('');
    case 'swapLines': {
      const other = lines.length > 0 ? m.other % lines.length : 0;
      const swapped = lines.map((l, i) => (i === line ? lines[other] : i === other ? lines[line] : l) ?? '');
      return swapped.map(withEnding).join('');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'deleteSpan': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'nest': {
      const [open, close] = NESTINGS[m.nesting] ?? NESTINGS[0];
      const at = lineBoundary(lines, m.at);
      const nested =
        open.repeat(m.depth) + 'DD_PROFILING_ENABLED=true' + (m.closed ? close.repeat(m.depth) : '') + '\n';
      return text.slice(0, at) + nested + text.slice(at);
    }
    case 'indentLines':
      return lines.map((l, i) => (i >= line && i < line + m.count ? reindent(l, m.by) : l)).join('');
    case 'lineEndings':
      return text.replace(/\r\n|\r|\n/g, m.ending);
  }
}

function withEnding(line: string): string {
  return /[\r\n]$/.test(line) ? line : `${line}\n`;
}

function reindent(line: string, by: number): string {
  return by >= 0 ? ' '.repeat(by) + line : line.replace(new RegExp(`^ {0,${-by}}`), '');
}

/** A fixture from the repository (or from `corpus`), damaged by a few mutations. */
export function mutatedFixture(maxDepth: number, corpus: readonly FuzzCase[] = loadCorpus()): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(fc.constantFrom(...corpus), fc.array(mutation(maxDepth), { minLength: 1, maxLength: 6 }))
    .map(([doc, mutations]) => ({ fileName: doc.fileName, text: mutations.reduce(mutate, doc.text) }));
}
