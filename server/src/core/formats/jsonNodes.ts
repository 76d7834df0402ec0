/**
 * Reading JSON documents with `jsonc-parser`: an error-tolerant parser that keeps every node's offset,
 * so a half-typed file still yields the settings written before the mistake. Helpers here turn nodes
 * into {@link SettingOccurrence}s with exact ranges; json.ts decides which kind of file it is.
 */
import { parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';
import type { Finding, Range, SettingOccurrence } from '../types.js';
import type { LineIndex } from '../text/lineIndex.js';

export type { Node } from 'jsonc-parser';

export interface JsonDocument {
  readonly text: string;
  readonly index: LineIndex;
  readonly root: Node | undefined;
  readonly errors: readonly ParseError[];
}

/** Parses leniently (comments, trailing commas); `undefined` when nesting is too deep for the parser's recursion. */
export function parseJson(text: string): { root: Node | undefined; errors: ParseError[] } | undefined {
  const errors: ParseError[] = [];
  try {
    const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    return { root, errors };
  } catch {
    return undefined;
  }
}

/** The errors of a strict reading (no comments, no trailing commas), without building a second tree. */
export function strictErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  try {
    visit(
      text,
      { onError: (error, offset, length) => errors.push({ error, offset, length }) },
      { allowTrailingComma: false, disallowComments: true },
    );
  } catch {
    // Too deep to visit: the lenient parse got through, so its errors stand.
  }
  return errors;
}

/** The value node of an object's property, when the node is an object that has it. */
export function property(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  // The last one wins, as in JSON.parse.
  let found: Node | undefined;
  for (const pair of node.children ?? []) {
    if (pair.children?.[0]?.value === key) found = pair.children[1];
  }
  return found;
}

/** The property nodes (`"key": value`) of an object, in order. */
export function properties(node: Node | undefined): readonly Node[] {
  return node?.type === 'object' ? (node.children ?? []) : [];
}

/** The items of an array node. */
export function items(node: Node | undefined): readonly Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** A string node's value. */
export function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** A node's range, quotes included. */
export function rangeOfNode(doc: JsonDocument, node: Node): Range {
  return doc.index.rangeOf(node.offset, node.offset + node.length);
}

/** A string node's range without its quotes (where a name is typed and replaced). */
export function innerRange(doc: JsonDocument, node: Node): Range {
  const closed = node.length >= 2 && doc.text.charAt(node.offset + node.length - 1) === '"';
  return doc.index.rangeOf(node.offset + 1, node.offset + node.length - (closed ? 1 : 0));
}

/**
 * What to delete to remove one member of an array or object: the member and the comma after it (up
 * to the next member), or the comma before it when it is the last, so the JSON stays valid.
 */
export function removalOf(doc: JsonDocument, siblings: readonly Node[], at: number): Range | undefined {
  const member = siblings[at];
  if (!member) return undefined;
  const next = siblings[at + 1];
  const previous = siblings[at - 1];
  if (next) return doc.index.rangeOf(member.offset, next.offset);
  if (previous) return doc.index.rangeOf(previous.offset + previous.length, member.offset + member.length);
  return doc.index.rangeOf(member.offset, member.offset + member.length);
}

/**
 * Template placeholders (`${var}` for Terraform's templatefile, `{{ .x }}` for Go and Jinja templates,
 * `%{ if }`): such a file is rendered before anything reads it, so the value is not the one written.
 */
export const TEMPLATE = /\$\{[^}]*\}|\{\{[\s\S]*\}\}|%\{[^}]*\}/;

/** The parts of one `NAME = value` written in JSON: the name's string node and the value's node. */
export interface JsonSetting {
  readonly name: Node;
  readonly value: Node | undefined;
  readonly scope: string;
  readonly removal: Range | undefined;
}

/**
 * An environment variable written in JSON. String values are literals; numbers and booleans are read
 * as their JSON text (a tool that stringifies them sees the same); `null` is no value; objects and
 * arrays (a CloudFormation `Ref`) are references.
 * JSON has no syntax to read the environment in place, so no fix writes a `${NAME}`.
 */
export function envOccurrence(doc: JsonDocument, setting: JsonSetting): SettingOccurrence | undefined {
  const name = stringOf(setting.name);
  if (name === undefined) return undefined;
  const { value } = setting;
  const scalar = value && (value.type === 'number' || value.type === 'boolean');
  const text = value?.type === 'string' ? stringOf(value) : scalar ? String(value.value) : undefined;
  return {
    surface: 'env',
    name,
    nameRange: innerRange(doc, setting.name),
    ...(value && text !== undefined ? { value: text, valueRange: rangeOfNode(doc, value) } : {}),
    valueKind:
      text !== undefined && !TEMPLATE.test(text) ? 'literal' : value && value.type !== 'null' ? 'reference' : 'none',
    scope: setting.scope,
    ...(setting.removal ? { removalRange: setting.removal } : {}),
    // A JSON string literal is exactly what JSON.stringify writes, which is what this style renders.
    quoting: 'yamlString',
    bakedIn: false,
    environmentReference: 'none',
  };
}

/** The first parse error as a finding; its message never quotes the text (which may hold a key). */
export function parseErrorFinding(doc: JsonDocument, errors: readonly ParseError[], reader: string): Finding[] {
  const first = [...errors].sort((a, b) => a.offset - b.offset)[0];
  if (!first) return [];
  const code = printParseErrorCode(first.error);
  const what = code === 'InvalidCommentToken' ? `comments are not allowed (${reader} reads strict JSON)` : words(code);
  const trailing = /Expected$/.test(code) && trailingComma(doc.text, first.offset);
  return [
    {
      code: 'parse-error',
      severity: 'error',
      message: `Malformed JSON: ${trailing ? `a trailing comma is not allowed (${reader} reads strict JSON)` : what}. Settings after this point may not be checked.`,
      range: doc.index.rangeOf(first.offset, first.offset + Math.max(1, first.length)),
    },
  ];
}

/** `PropertyNameExpected` -> "property name expected". */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Whether the error sits on a `}`/`]` that follows a comma (with only whitespace or comments between). */
function trailingComma(text: string, offset: number): boolean {
  const closer = text.charAt(offset);
  if (closer !== '}' && closer !== ']') return false;
  return /,\s*$/.test(text.slice(Math.max(0, offset - 200), offset));
}
