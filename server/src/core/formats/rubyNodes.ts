/**
 * Prism's nodes as plain data. The core does not import Prism (it loads WebAssembly and the file
 * system); it reads the objects the parser returns through these guards.
 */
export interface Loc {
  readonly startOffset: number;
  readonly length: number;
}

export type RubyNode = Record<string, unknown> & { readonly location?: Loc };

export function asNode(value: unknown): RubyNode | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as RubyNode) : undefined;
}

/** The node's class name (`CallNode`, `StringNode`...). */
export function kind(node: RubyNode | undefined): string | undefined {
  return node?.constructor?.name;
}

function isSyntaxNode(value: unknown): value is RubyNode {
  const node = asNode(value);
  return (
    node !== undefined && typeof kind(node) === 'string' && kind(node)!.endsWith('Node') && node.location !== undefined
  );
}

/** Direct child nodes, in field order. */
export function children(node: RubyNode): RubyNode[] {
  const found: RubyNode[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isSyntaxNode(item)) found.push(item);
    } else if (isSyntaxNode(value)) found.push(value);
  }
  return found;
}
