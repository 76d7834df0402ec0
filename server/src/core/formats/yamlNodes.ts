/**
 * Small helpers over the `yaml` package's nodes for the compose and Kubernetes readers: look-ups that
 * follow aliases and merge keys, scalars to occurrences with ranges in the source.
 */
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  type Alias,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Finding, QuotingStyle, Range } from '../types.js';
import type { LineIndex } from '../text/lineIndex.js';

export interface YamlContext {
  readonly doc: Document.Parsed;
  readonly text: string;
  readonly index: LineIndex;
  readonly walk: YamlWalk;
}

/**
 * Shared by every look-up in one file, so that anchors, aliases and merge keys cost their size once:
 * a few hundred bytes of `<<: [*a, *a]` or nested aliases otherwise expand exponentially.
 */
export interface YamlWalk {
  /** What each alias names, found in one pass over the document (the `yaml` package re-walks it per call). */
  readonly aliases: Map<Alias, unknown>;
  /** Each map's pairs with its merge keys applied, computed once. */
  readonly pairs: Map<YAMLMap, readonly Pair[]>;
  /** Maps whose merge keys are being resolved: a map merged into itself merges nothing more. */
  readonly resolving: Set<YAMLMap>;
  /** Entries (pairs and list items) left to look at; when it reaches zero the rest reads as empty. */
  remaining: number;
}

/** Entries the readers look at per file, aliases and merges included: real files use a few thousand. */
export const MAX_YAML_ENTRIES = 200_000;

/** Merge keys chained deeper than this merge nothing more (a guard for the stack, not a real-file limit). */
const MAX_MERGE_DEPTH = 1000;

export function createWalk(): YamlWalk {
  return { aliases: new Map(), pairs: new Map(), resolving: new Set(), remaining: MAX_YAML_ENTRIES };
}

/** Records the anchors of one document in document order (iteratively: nesting may be deep). */
export function indexAliases(walk: YamlWalk, doc: Document.Parsed): void {
  const anchors = new Map<string, unknown>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      walk.aliases.set(node, anchors.get(node.source));
      continue;
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    const children: unknown[] = [];
    if (isMap(node)) for (const pair of node.items) children.push(pair.key, pair.value);
    else if (isSeq(node)) for (const item of node.items) children.push(item);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** Spends part of the file's budget; false once it is gone. */
function spend(y: YamlContext, entries: number): boolean {
  if (y.walk.remaining < entries) {
    y.walk.remaining = 0;
    return false;
  }
  y.walk.remaining -= entries;
  return true;
}

/** Whether aliases and merge keys expanded past the budget, so part of the file was not read. */
export function overBudget(walk: YamlWalk): boolean {
  return walk.remaining === 0;
}

/** Follows an alias to the node it names. */
export function resolve(y: YamlContext, node: unknown): unknown {
  return isAlias(node) ? y.walk.aliases.get(node) : node;
}

/** A map's pairs, with those merged in through `<<: *anchor` (own keys win, then earlier merges, as YAML says). */
export function pairsOf(y: YamlContext, node: unknown): readonly Pair[] {
  const map = resolve(y, node);
  if (!isMap(map) || y.walk.resolving.has(map) || y.walk.resolving.size >= MAX_MERGE_DEPTH) return [];
  const cached = y.walk.pairs.get(map);
  // Every read is charged, not only the first: a map reached through many aliases costs each time.
  if (cached) return spend(y, cached.length) ? cached : [];
  y.walk.resolving.add(map);
  const own = map.items.filter((pair) => scalarText(pair.key) !== '<<');
  const keys = new Set(own.map((pair) => scalarText(pair.key)));
  const result = [...own];
  for (const merge of map.items.filter((pair) => scalarText(pair.key) === '<<')) {
    const target = resolve(y, merge.value);
    for (const source of isSeq(target) ? target.items : [target]) {
      for (const pair of pairsOf(y, source)) {
        const key = scalarText(pair.key);
        if (keys.has(key)) continue;
        keys.add(key);
        result.push(pair);
      }
    }
  }
  y.walk.resolving.delete(map);
  const pairs = spend(y, result.length) ? result : [];
  y.walk.pairs.set(map, pairs);
  return pairs;
}

export function get(y: YamlContext, node: unknown, key: string): unknown {
  return resolve(y, pairsOf(y, node).find((pair) => scalarText(pair.key) === key)?.value);
}

export function seqItems(y: YamlContext, node: unknown): unknown[] {
  const seq = resolve(y, node) as YAMLSeq | undefined;
  if (!isSeq(seq) || !spend(y, seq.items.length)) return [];
  return seq.items.map((item) => resolve(y, item));
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
