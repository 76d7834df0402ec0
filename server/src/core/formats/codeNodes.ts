/**
 * Pieces the extractors of source code (Go, JavaScript/TypeScript, Python) share: a literal's value and
 * ranges, and the text to delete to remove one argument or property from a list.
 */
import type { Finding, Range, SettingOccurrence, SyntaxNode } from '../types.js';
import { namedChildrenOf, nodeRange, walkTree } from './syntaxTree.js';

/** What an occurrence says of its value. */
export type ValueParts = Pick<SettingOccurrence, 'value' | 'valueRange' | 'valueKind' | 'quoting'>;

/**
 * A string literal's contents, or `undefined` when it holds what only run time knows (an interpolation)
 * or an escape the JSON reader does not share with the language.
 */
export function stringContents(node: SyntaxNode, quoteLength = 1): string | undefined {
  const inner = node.text.slice(quoteLength, node.text.length - quoteLength);
  if (!inner.includes('\\')) return inner;
  // JSON reads the escapes these languages share (\n, \t, \", \\, \u); a quote of the other kind is plain text.
  const unquoted = inner.replace(/\\'/g, "'");
  const json = node.text.startsWith('"') ? unquoted : unquoted.replace(/"/g, '\\"');
  try {
    const decoded: unknown = JSON.parse(`"${json}"`);
    return typeof decoded === 'string' ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/** The range inside the quotes of a one-line string literal (its whole range when it spans lines). */
export function contentRange(node: SyntaxNode, quoteLength = 1): Range {
  const range = nodeRange(node);
  if (range.start.line !== range.end.line) return range;
  return {
    start: { line: range.start.line, character: range.start.character + quoteLength },
    end: {
      line: range.end.line,
      character: Math.max(range.start.character + quoteLength, range.end.character - quoteLength),
    },
  };
}

/**
 * The text to delete to remove `items[index]` from a comma-separated list: up to the next item, or from
 * the previous one when it is the last, so the list stays well formed.
 */
export function listItemRemoval(items: readonly SyntaxNode[], index: number): Range | undefined {
  const item = items[index];
  if (!item) return undefined;
  const next = items[index + 1];
  const previous = items[index - 1];
  const range = nodeRange(item);
  if (next) return { start: range.start, end: nodeRange(next).start };
  if (previous) return { start: nodeRange(previous).end, end: range.end };
  return range;
}

/** The named children without comments (tree-sitter keeps comments among a list's items). */
export function itemsOf(node: SyntaxNode | null | undefined): SyntaxNode[] {
  return node ? namedChildrenOf(node).filter((child) => child.type !== 'comment') : [];
}

/** Whether a name is a Datadog environment variable worth reading in code (`DD_…`, `DATADOG_…`). */
export function isDatadogEnvName(name: string): boolean {
  return /^_?(DD|DATADOG)_[A-Za-z0-9_]*$/.test(name);
}

/**
 * One note when the parser had to recover from a syntax error: settings near it may be missed. Only an
 * `info`, and only where the grammar is the language's own (not JSX read by the TypeScript grammar):
 * the compiler is the judge of syntax, and the file may be mid-edit.
 */
export function syntaxNote(root: SyntaxNode, language: string): Finding[] {
  if (!root.hasError) return [];
  let first: SyntaxNode | undefined;
  walkTree(root, (node) => {
    if (first) return false;
    if (node.isError || node.isMissing) {
      first = node;
      return false;
    }
    return node.hasError;
  });
  const at = first ? nodeRange(first).start : { line: 0, character: 0 };
  return [
    {
      code: 'parse-error',
      severity: 'info',
      message: `${language} syntax error on line ${at.line + 1}: settings near it may not be read.`,
      range: { start: at, end: at },
    },
  ];
}

/**
 * For each match of `pattern` in the text, in source order, the nearest ancestor of the match's first
 * character that `accept`s it (each node once): walking a whole tree crosses into WebAssembly at every
 * node, going straight to what a text search found does not.
 */
export function nodesAround(
  root: SyntaxNode,
  text: string,
  pattern: RegExp,
  accept: (node: SyntaxNode, at: number) => boolean,
  maxDepth = 6,
): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(pattern)) {
    let node = root.descendantForIndex(match.index);
    for (let depth = 0; node && depth <= maxDepth; depth++, node = node.parent) {
      if (!accept(node, match.index)) continue;
      const key = `${node.startIndex}:${node.endIndex}:${node.type}`;
      if (!seen.has(key)) found.push(node);
      seen.add(key);
      break;
    }
  }
  return found;
}
