/**
 * Reading tree-sitter trees in the core: ranges, a stack-based walk (trees may nest thousands deep),
 * and the note an extractor returns when its grammar is not loaded. The adapter owns loading
 * (server/src/node/treeSitter.ts); the core only sees {@link SyntaxNode}s inside a `Parsers.syntax` call.
 */
import type { ExtractContext, ExtractResult, Grammar, Range, SyntaxNode } from '../types.js';

/** The node's range as LSP positions (tree-sitter's rows and UTF-16 columns are the same units). */
export function nodeRange(node: SyntaxNode): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/**
 * Visits the nodes under `root` in source order; `enter` returning `false` skips a node's children.
 * An explicit stack, not recursion: a hostile file can nest deeper than the call stack.
 */
export function walkTree(root: SyntaxNode, enter: (node: SyntaxNode) => boolean | void): void {
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SyntaxNode;
    if (enter(node) === false) continue;
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
}

/** The named children of a node, without tree-sitter's `null` holes. */
export function namedChildrenOf(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((child): child is SyntaxNode => child !== null);
}

/**
 * Parses with the grammar and reads the tree, or says in one finding why the file is not checked:
 * the grammar is not loaded (the adapter failed to load it), or reading failed.
 */
export function withSyntaxTree(
  ctx: ExtractContext,
  grammar: Grammar,
  text: string,
  read: (root: SyntaxNode) => ExtractResult,
): ExtractResult {
  const result = ctx.parsers.syntax?.(grammar, text, read);
  return (
    result ??
    notChecked(
      `This file is not checked: the ${grammar} parser (tree-sitter) could not be loaded, or gave up on the file (too large or too malformed to parse in time).`,
    )
  );
}

function notChecked(message: string): ExtractResult {
  const at = { line: 0, character: 0 };
  return {
    occurrences: [],
    problems: [{ code: 'parse-error', severity: 'info', message, range: { start: at, end: at } }],
    runtimeHints: [],
  };
}
