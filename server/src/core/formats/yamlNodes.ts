/**
 * Small helpers over the `yaml` package's nodes for the compose and Kubernetes readers: look-ups that
 * follow aliases and merge keys, scalars to occurrences with ranges in the source.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLSeq } from 'yaml';
import type { Finding, QuotingStyle, Range } from '../types.js';
import type { LineIndex } from '../text/lineIndex.js';

export interface YamlContext {
  readonly doc: Document.Parsed;
  readonly text: string;
  readonly index: LineIndex;
}

/** Follows an alias to the node it names. */
export function resolve(y: YamlContext, node: unknown): unknown {
  return isAlias(node) ? node.resolve(y.doc) : node;
}

/** A map's pairs, with those merged in through `<<: *anchor` (own keys win, as YAML says). */
export function pairsOf(y: YamlContext, node: unknown): Pair[] {
  const map = resolve(y, node);
  if (!isMap(map)) return [];
  const own = map.items.filter((pair) => scalarText(pair.key) !== '<<');
  const merged = map.items
    .filter((pair) => scalarText(pair.key) === '<<')
    .flatMap((pair) => {
      const target = resolve(y, pair.value);
      return isSeq(target) ? target.items.flatMap((item) => pairsOf(y, item)) : pairsOf(y, target);
    });
  const ownKeys = new Set(own.map((pair) => scalarText(pair.key)));
  return [...own, ...merged.filter((pair) => !ownKeys.has(scalarText(pair.key)))];
}

export function get(y: YamlContext, node: unknown, key: string): unknown {
  return resolve(y, pairsOf(y, node).find((pair) => scalarText(pair.key) === key)?.value);
}

export function seqItems(y: YamlContext, node: unknown): unknown[] {
  const seq = resolve(y, node) as YAMLSeq | undefined;
  return isSeq(seq) ? seq.items.map((item) => resolve(y, item)) : [];
}

export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return node.value === null ? '' : String(node.value);
}

export function rangeOf(y: YamlContext, node: Node | Scalar): Range | undefined {
  return node.range ? y.index.rangeOf(node.range[0], node.range[1]) : undefined;
}

export function sourceOf(y: YamlContext, node: Scalar): string {
  return node.range ? y.text.slice(node.range[0], node.range[1]) : String(node.value);
}

export function quotingOf(node: Scalar): QuotingStyle {
  if (node.type === 'QUOTE_DOUBLE') return 'double';
  if (node.type === 'QUOTE_SINGLE') return 'single';
  return 'yamlString';
}

/** The whole lines a node occupies, for "remove this setting". */
export function lineSpan(y: YamlContext, start: number, end: number): Range {
  const first = y.index.positionAt(start).line;
  const last = y.index.positionAt(Math.max(start, end - 1)).line;
  return { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } };
}

/** An unquoted scalar that YAML reads as a boolean, number or null where text is needed. */
export function typedScalar(node: Scalar): boolean {
  return node.type === 'PLAIN' && node.value !== null && typeof node.value !== 'string';
}

export function quoteFix(
  y: YamlContext,
  node: Scalar,
  message: string,
  severity: Finding['severity'],
): Finding | undefined {
  const range = rangeOf(y, node);
  if (!range) return undefined;
  const source = sourceOf(y, node);
  return {
    code: 'yaml-value-type',
    severity,
    message,
    range,
    fixes: [
      {
        title: `Quote the value: "${source}"`,
        edits: [{ range, newText: JSON.stringify(source), expected: source }],
        preferred: true,
        safe: true,
      },
    ],
  };
}
