/**
 * Shell commands written in CI YAML (a GitHub Actions step's `run:`, GitLab's `script:` lines), read
 * one command line at a time for what command lines say: `-javaagent` after `-jar`, `-Ddd.*`
 * properties, the runtime a command starts (`ddtrace-run`, `java -jar`). Words are split on blanks
 * (quotes around a whole word removed), lines continued with `\` joined; a line that is a comment, or
 * a quoted scalar written with escapes, is not read (its ranges could not point at the source).
 */
import { isScalar, type Scalar } from 'yaml';
import type { ExtractResult } from '../types.js';
import { extractCommandLine, type CommandWord } from './commandLine.js';
import { mergeResults } from './result.js';
import { seqItems, type YamlContext } from './yamlNodes.js';

/** The command lines of a `run:` scalar or a `script:` list, analysed in `scope`. */
export function readScript(y: YamlContext, node: unknown, scope: string): ExtractResult {
  const scalars = isScalar(node) ? [node] : seqItems(y, node).filter(isScalar);
  const source = { text: y.text, index: y.index };
  return mergeResults(
    scalars
      .flatMap((scalar) => commandLines(y, scalar))
      .map((words) => extractCommandLine(words, { scope, bakedIn: false, source })),
  );
}

function commandLines(y: YamlContext, scalar: Scalar): CommandWord[][] {
  const body = bodyOf(y, scalar);
  if (!body) return [];
  const lines: CommandWord[][] = [];
  let current: CommandWord[] = [];
  for (const line of y.text.slice(body.start, body.end).matchAll(/[^\r\n]+/g)) {
    const at = body.start + line.index;
    const words = [...line[0].matchAll(/\S+/g)].map((m) => ({
      value: m[0].replace(/^(["'])(.*)\1$/, '$2'),
      range: y.index.rangeOf(at + m.index, at + m.index + m[0].length),
    }));
    if (words[0]?.value.startsWith('#')) continue;
    const continued = words[words.length - 1]?.value === '\\';
    current.push(...(continued ? words.slice(0, -1) : words));
    if (!continued) {
      if (current.length > 0) lines.push(current);
      current = [];
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** Where the scalar's text is in the source, when it is there verbatim (plain, literal block, quoted without escapes). */
function bodyOf(y: YamlContext, scalar: Scalar): { start: number; end: number } | undefined {
  if (!scalar.range || typeof scalar.value !== 'string') return undefined;
  const [start, end] = scalar.range;
  if (scalar.type === 'PLAIN') return { start, end };
  if (scalar.type === 'BLOCK_LITERAL') {
    const header = y.text.indexOf('\n', start);
    return header < 0 || header >= end ? undefined : { start: header + 1, end };
  }
  if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') {
    return y.text.slice(start + 1, end - 1) === scalar.value ? { start: start + 1, end: end - 1 } : undefined;
  }
  return undefined;
}
