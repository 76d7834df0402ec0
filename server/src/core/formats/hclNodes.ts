/**
 * Reading HCL (Terraform, Nomad) through tree-sitter's HCL grammar: blocks, attributes and object
 * entries; values as HCL reads them (escapes undone), with expressions (`var.x`, `"${...}"`, function
 * calls) told apart from literals; and the ranges the features need: a name inside its quotes, a value
 * with its quotes, the lines that remove an entry.
 */
import type { LineIndex } from '../text/lineIndex.js';
import type { Range, SettingOccurrence, SyntaxNode } from '../types.js';
import { namedChildrenOf } from './syntaxTree.js';

export interface HclSource {
  readonly text: string;
  readonly index: LineIndex;
}

/** A block's type: `resource`, `container`, `env`. */
export function blockType(block: SyntaxNode): string {
  const first = block.namedChildren[0];
  return first?.type === 'identifier' ? first.text : '';
}

/** A block's labels: `resource "aws_lambda_function" "api"` -> `["aws_lambda_function", "api"]`. */
export function blockLabels(block: SyntaxNode): string[] {
  const labels: string[] = [];
  for (const child of namedChildrenOf(block).slice(1)) {
    if (child.type === 'block_start') break;
    if (child.type === 'string_lit') labels.push(unescapeHcl(literalText(child)));
    else if (child.type === 'identifier') labels.push(child.text);
  }
  return labels;
}

/** The body of a block (or of the file, given the root); `undefined` for an empty block. */
export function bodyOf(node: SyntaxNode): SyntaxNode | undefined {
  return namedChildrenOf(node).find((child) => child.type === 'body');
}

/** The blocks directly in a body, of one type when given. */
export function childBlocks(body: SyntaxNode | undefined, type?: string): SyntaxNode[] {
  if (!body) return [];
  return namedChildrenOf(body).filter((c) => c.type === 'block' && (type === undefined || blockType(c) === type));
}

/** The blocks of a type in the body of a block. */
export function blocksIn(block: SyntaxNode | undefined, type: string): SyntaxNode[] {
  return block ? childBlocks(bodyOf(block), type) : [];
}

/** The attributes directly in a body: `name = expression`. */
export function attributesOf(
  body: SyntaxNode | undefined,
): { name: SyntaxNode; value: SyntaxNode; node: SyntaxNode }[] {
  if (!body) return [];
  return namedChildrenOf(body).flatMap((node) => {
    if (node.type !== 'attribute') return [];
    const [name, value] = namedChildrenOf(node);
    return name?.type === 'identifier' && value ? [{ name, value, node }] : [];
  });
}

/** The value of a block's attribute, as an expression node. */
export function attributeIn(block: SyntaxNode | undefined, name: string): SyntaxNode | undefined {
  return block ? attributesOf(bodyOf(block)).find((a) => a.name.text === name)?.value : undefined;
}

/** The expression inside wrappers (`expression`, parentheses) that add nothing. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (;;) {
    const named = namedChildrenOf(current).filter((c) => c.type !== 'comment');
    const only = named[0];
    if ((current.type !== 'expression' && current.type !== 'collection_value') || named.length !== 1 || !only)
      return current;
    current = only;
  }
}

/** One `key = value` (or `key: value`) of an object constructor. */
export interface ObjectEntry {
  /** The key as HCL reads it; `undefined` for a computed key (`(local.k)`, `"${x}"`). */
  readonly key: string | undefined;
  /** Where the key's text is (offsets), inside its quotes. */
  readonly keySpan: readonly [number, number];
  readonly value: SyntaxNode;
  readonly node: SyntaxNode;
}

/** The entries of an object constructor (`{ ... }`); none when the node is not one. */
export function objectEntries(node: SyntaxNode | undefined): ObjectEntry[] {
  const object = node && unwrap(node);
  if (object?.type !== 'object') return [];
  return namedChildrenOf(object).flatMap((elem): ObjectEntry[] => {
    const keyNode = elem.type === 'object_elem' ? elem.childForFieldName('key') : null;
    const value = elem.childForFieldName('val');
    if (!keyNode || !value) return [];
    const key = unwrap(keyNode);
    if (key.type === 'variable_expr') return [{ key: key.text, keySpan: spanOf(key), value, node: elem }];
    const literal = stringLiteral(key);
    if (literal) return [{ key: unescapeHcl(literalText(literal)), keySpan: innerSpan(literal), value, node: elem }];
    return [{ key: undefined, keySpan: spanOf(key), value, node: elem }];
  });
}

/** The value of an object's key, as an expression node. */
export function entryValue(node: SyntaxNode | undefined, key: string): SyntaxNode | undefined {
  return objectEntries(node).find((entry) => entry.key === key)?.value;
}

/** The elements of a tuple constructor (`[ ... ]`); none when the node is not one. */
export function tupleItems(node: SyntaxNode | undefined): SyntaxNode[] {
  const tuple = node && unwrap(node);
  if (tuple?.type !== 'tuple') return [];
  return namedChildrenOf(tuple).filter((c) => c.type === 'expression');
}

/** A value as the program that receives it reads it. */
export interface HclValue {
  /** The text; `undefined` when the value is `null` or not text at all. */
  readonly value?: string;
  readonly kind: SettingOccurrence['valueKind'];
  /** What JSON would make of it (`jsonencode` keeps booleans and numbers as such). */
  readonly type: 'string' | 'bool' | 'number' | 'null' | 'other';
  readonly node: SyntaxNode;
}

/** Reads an expression: literals are literals, anything computed is a reference. */
export function readValue(expression: SyntaxNode): HclValue {
  const node = unwrap(expression);
  if (node.type === 'literal_value') {
    const literal = node.namedChildren[0];
    if (literal?.type === 'string_lit')
      return { value: unescapeHcl(literalText(literal)), kind: 'literal', type: 'string', node };
    if (literal?.type === 'bool_lit') return { value: literal.text, kind: 'literal', type: 'bool', node };
    if (literal?.type === 'numeric_lit') return { value: literal.text, kind: 'literal', type: 'number', node };
    return { kind: 'none', type: 'null', node };
  }
  const heredoc = node.type === 'template_expr' ? node.namedChildren[0] : undefined;
  if (
    heredoc?.type === 'heredoc_template' &&
    namedChildrenOf(heredoc).every((c) => c.type !== 'template_interpolation' && c.type !== 'template_directive')
  ) {
    return { value: unescapeTemplate(literalText(heredoc)), kind: 'literal', type: 'other', node };
  }
  if (node.type === 'object' || node.type === 'tuple') return { kind: 'none', type: 'other', node };
  return { kind: 'reference', type: 'other', node };
}

/** The string literal an expression is, if it is one: `"text"` without interpolation. */
export function stringLiteral(node: SyntaxNode): SyntaxNode | undefined {
  const inner = unwrap(node);
  const literal = inner.type === 'literal_value' ? inner.namedChildren[0] : inner;
  return literal?.type === 'string_lit' ? literal : undefined;
}

/** The text of an expression that is a plain string literal (an image name, a container name). */
export function stringValue(node: SyntaxNode | undefined): string | undefined {
  const literal = node && stringLiteral(node);
  return literal && unescapeHcl(literalText(literal));
}

/** The source between the quotes of a string literal (or of a heredoc's body), escapes as written. */
function literalText(node: SyntaxNode): string {
  return namedChildrenOf(node)
    .filter((c) => c.type === 'template_literal')
    .map((c) => c.text)
    .join('');
}

/** A node's offsets. */
export function spanOf(node: SyntaxNode): readonly [number, number] {
  return [node.startIndex, node.endIndex];
}

/** A string literal's offsets without its quotes: where a name is, for fixes that expect it unchanged. */
export function innerSpan(literal: SyntaxNode): readonly [number, number] {
  return [literal.startIndex + 1, Math.max(literal.startIndex + 1, literal.endIndex - 1)];
}

/**
 * A node's range through the document's line index, not tree-sitter's rows: tree-sitter breaks lines
 * only at `\n`, LSP (and the index) at a lone `\r` too.
 */
export function rangeIn(src: HclSource, node: SyntaxNode | readonly [number, number]): Range {
  const [start, end] = 'startIndex' in node ? spanOf(node) : node;
  return src.index.rangeOf(start, end);
}

/** HCL's escapes in a quoted string: `\"`, `\\`, `\n`, `\t`, `\r`, `\uNNNN`, `\UNNNNNNNN`, `$${`, `%%{`. */
export function unescapeHcl(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])|\$\$\{|%%\{/g, (match, escape?: string) => {
    if (escape === undefined) return match.slice(1);
    if (escape.length > 1) {
      const code = Number.parseInt(escape.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ESCAPES[escape] ?? escape;
  });
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r' };

/** In a heredoc only the template sequences are escaped: `$${` and `%%{`. */
function unescapeTemplate(raw: string): string {
  return raw.replace(/\$\$\{|%%\{/g, (match) => match.slice(1));
}

/**
 * What to delete to remove one entry: its whole lines when it stands alone on them (with a trailing
 * comma and comment), else the entry and the comma after it; in JSON, where a trailing comma is an
 * error, the comma before it when it is the last.
 */
export function removalOf(src: HclSource, start: number, end: number, json = false): Range {
  const { text } = src;
  let after = skipBlanks(text, end);
  const comma = text[after] === ',';
  if (comma) after = skipBlanks(text, after + 1);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const alone = /^[ \t]*$/.test(text.slice(lineStart, start));
  const restOfLine = /^(#|\/\/|\r?\n|\r|$)/.test(text.slice(after, after + 2));
  if (alone && restOfLine) {
    const lineEnd = text.indexOf('\n', after);
    const from = json && !comma ? previousComma(text, lineStart) : lineStart;
    return src.index.rangeOf(from, lineEnd < 0 ? text.length : lineEnd + 1);
  }
  if (json && !comma) {
    const before = previousComma(text, start);
    return src.index.rangeOf(before < start ? before : start, end);
  }
  return src.index.rangeOf(start, after);
}

/** The offset of the comma before `at` (only blanks between), else `at`. */
function previousComma(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : at;
}

function skipBlanks(text: string, at: number): number {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

/** The first syntax error in the tree, for a parse-error finding; the rest of the file is still read. */
export function firstSyntaxError(root: SyntaxNode): SyntaxNode | undefined {
  if (!root.hasError) return undefined;
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SyntaxNode;
    if (node.isError || node.isMissing) return node;
    if (!node.hasError) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return undefined;
}
