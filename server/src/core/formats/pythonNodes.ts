/** Reading Python literals (tree-sitter-python nodes). */
import type { Range, SyntaxNode } from '../types.js';
import { itemsOf, type ValueParts } from './codeNodes.js';
import { nodeRange } from './syntaxTree.js';

/**
 * A string literal's contents, or `undefined` for an f-string with interpolations, a byte string, or
 * escapes beyond the common ones (`\n`, `\t`, `\\`, quotes).
 */
export function pythonString(node: SyntaxNode): string | undefined {
  const parts = itemsOf(node);
  const start = parts.find((part) => part.type === 'string_start')?.text ?? '';
  if (/[bB]/.test(start) || parts.some((part) => part.type === 'interpolation')) return undefined;
  const raw = /[rR]/.test(start);
  // Escape sequences sit inside or beside the content nodes, depending on the grammar's version.
  const text = parts
    .filter((part) => part.type === 'string_content' || part.type === 'escape_sequence')
    .map((part) => part.text)
    .join('');
  if (raw || !text.includes('\\')) return text;
  let known = true;
  const decoded = text.replace(/\\(.)/g, (whole, c: string) => {
    const escaped = ESCAPES[`\\${c}`];
    if (escaped === undefined) known = false;
    return escaped ?? whole;
  });
  return known ? decoded : undefined;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\n': '\n',
  '\\t': '\t',
  '\\r': '\r',
  '\\\\': '\\',
  "\\'": "'",
  '\\"': '"',
};

/** The range of a one-part string's contents (inside prefix and quotes); the whole literal otherwise. */
export function pythonContentRange(node: SyntaxNode): Range {
  const contents = itemsOf(node).filter((part) => part.type === 'string_content');
  const [only] = contents;
  return contents.length === 1 && only ? nodeRange(only) : nodeRange(node);
}

/**
 * A literal's value as text (`True` as `true`), or a reference for anything computed at run time.
 * `forEnvironment`: the value goes into `os.environ`, which holds strings, so a fix writes a string.
 */
export function pythonValue(node: SyntaxNode, forEnvironment = false): ValueParts {
  const valueRange = nodeRange(node);
  switch (node.type) {
    case 'true':
    case 'false':
      return { value: node.type, valueRange, valueKind: 'literal', quoting: 'python' };
    case 'integer':
    case 'float':
      return { value: node.text.replace(/_/g, ''), valueRange, valueKind: 'literal', quoting: 'python' };
    case 'string': {
      const value = pythonString(node);
      if (value === undefined) return { valueRange, valueKind: 'reference' };
      const quote = itemsOf(node)
        .find((part) => part.type === 'string_start')
        ?.text.endsWith("'")
        ? 'single'
        : 'double';
      return { value, valueRange, valueKind: 'literal', quoting: forEnvironment ? quote : 'python' };
    }
    default:
      return { valueRange, valueKind: 'reference' };
  }
}
