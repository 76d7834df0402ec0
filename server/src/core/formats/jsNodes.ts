/** Reading JavaScript/TypeScript object literals and values (tree-sitter-typescript nodes). */
import type { Range, SyntaxNode } from '../types.js';
import { contentRange, itemsOf, stringContents, type ValueParts } from './codeNodes.js';
import { nodeRange } from './syntaxTree.js';

/** A property's name and the range of its text (inside the quotes of a quoted key). */
export function propertyKey(item: SyntaxNode): { name: string; range: Range } | undefined {
  if (item.type === 'shorthand_property_identifier') return { name: item.text, range: nodeRange(item) };
  if (item.type !== 'pair') return undefined;
  let key = item.childForFieldName('key');
  if (key?.type === 'computed_property_name') key = itemsOf(key)[0] ?? null;
  if (key?.type === 'property_identifier') return { name: key.text, range: nodeRange(key) };
  if (key?.type !== 'string') return undefined;
  const name = stringContents(key);
  return name === undefined ? undefined : { name, range: contentRange(key) };
}

/** A literal's value as text, or a reference for anything computed at run time. */
export function jsValue(node: SyntaxNode): ValueParts {
  const valueRange = nodeRange(node);
  switch (node.type) {
    case 'true':
    case 'false':
    case 'number':
      return { value: node.text.replace(/_/g, ''), valueRange, valueKind: 'literal', quoting: 'js' };
    case 'string': {
      const value = stringContents(node);
      const quoting = node.text.startsWith('"') ? 'double' : 'single';
      return value === undefined
        ? { valueRange, valueKind: 'reference' }
        : { value, valueRange, valueKind: 'literal', quoting };
    }
    case 'template_string':
      return itemsOf(node).some((part) => part.type === 'template_substitution')
        ? { valueRange, valueKind: 'reference' }
        : { value: node.text.slice(1, -1), valueRange, valueKind: 'literal', quoting: 'js' };
    default:
      return { valueRange, valueKind: 'reference' };
  }
}
