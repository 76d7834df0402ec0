/**
 * Ruby: `Datadog.configure do |c| … end` blocks (`c.profiling.enabled = true`, `c.env = 'prod'`…) and
 * `ENV['DD_…']` / `ENV.fetch('DD_…')` uses, parsed with Prism, Ruby's own parser (loaded as WebAssembly
 * by the adapter and passed in). Prism recovers from syntax errors, so a half-typed `c.profiling.`
 * still yields the path being typed.
 *
 * Values are written as Ruby means them: `true`, `600`, `prod` (a string's contents), `:auto` (a
 * symbol keeps its colon); any other expression is a run-time value (valueKind `reference`).
 */
import { MAX_RUBY_NESTING, rubyNestingDepth } from './rubyDepth.js';
import type { ExtractContext, ExtractResult, Finding, SettingOccurrence } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';
import { byteToCharOffsets } from '../text/utf8.js';
import { asNode, children, kind, type Loc, type RubyNode } from './rubyNodes.js';

interface Walk {
  readonly index: LineIndex;
  readonly char: (byteOffset: number) => number;
  readonly occurrences: SettingOccurrence[];
}

const MAX_ERRORS = 3;

export function extractRuby(text: string, ctx: ExtractContext): ExtractResult {
  const at = { line: 0, character: 0 };
  if (!ctx.parsers.ruby) {
    const message = 'Ruby files are not checked: the Ruby parser (Prism) could not be loaded.';
    return {
      occurrences: [],
      problems: [{ code: 'parse-error', severity: 'info', message, range: { start: at, end: at } }],
      runtimeHints: [],
    };
  }
  if (rubyNestingDepth(text) > MAX_RUBY_NESTING) {
    return notParsed(
      `This Ruby file is not checked: it nests more than ${MAX_RUBY_NESTING} levels deep, past what the parser handles.`,
    );
  }
  const result = parse(ctx.parsers.ruby, text);
  if (!result) return notParsed();
  const walk: Walk = { index: createLineIndex(text), char: byteToCharOffsets(text), occurrences: [] };
  visit(walk, asNode(result.value));
  const problems: Finding[] = (result?.errors ?? []).slice(0, MAX_ERRORS).map((error) => ({
    code: 'parse-error',
    severity: 'error',
    message: `Ruby syntax error: ${withoutLongQuotes(error.message)}`,
    range: rangeOf(walk, error.location),
  }));
  const runtimeHints = walk.occurrences.length > 0 ? [{ runtime: 'ruby' as const, reason: 'a Ruby file' }] : [];
  return { occurrences: walk.occurrences, problems, runtimeHints };
}

type Parsed = { value?: unknown; errors?: { message: string; location: Loc }[] } | undefined;

/** Prism's result, or `undefined` when it failed (the adapter then replaces its instance for the next file). */
function parse(ruby: (source: string) => unknown, text: string): Parsed | null {
  try {
    return asNode(ruby(text)) as Parsed;
  } catch {
    return null;
  }
}

function notParsed(
  message = 'This Ruby file is not checked: the parser gave up on it (nesting too deep or the file too large for Prism).',
): ExtractResult {
  const at = { line: 0, character: 0 };
  return {
    occurrences: [],
    problems: [{ code: 'parse-error', severity: 'warning', message, range: { start: at, end: at } }],
    runtimeHints: [],
  };
}

/**
 * Walks the tree in source order, with an explicit stack (nesting may be thousands deep); inside a
 * `Datadog.configure` block, `receiver` is the block parameter's name.
 */
function visit(walk: Walk, root: RubyNode | undefined): void {
  const stack: { node: RubyNode | undefined; receiver: string | undefined }[] = [{ node: root, receiver: undefined }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, receiver } = item;
    if (!node) continue;
    if (kind(node) === 'CallNode') {
      const configured = configureBlockParameter(node);
      if (configured) {
        stack.push({ node: asNode(asNode(node.block)?.body), receiver: configured });
        continue;
      }
      if (receiver && readSetting(walk, node, receiver)) continue;
      if (readEnv(walk, node)) continue;
    }
    const nested = children(node);
    for (let i = nested.length - 1; i >= 0; i--) stack.push({ node: nested[i], receiver });
  }
}

/** `Datadog.configure do |c|` → `c`. */
function configureBlockParameter(node: RubyNode): string | undefined {
  const target = asNode(node.receiver);
  if (node.name !== 'configure' || kind(target) !== 'ConstantReadNode' || target?.name !== 'Datadog') return undefined;
  const parameters = asNode(asNode(asNode(node.block)?.parameters)?.parameters);
  const first = asNode((parameters?.requireds as unknown[] | undefined)?.[0]);
  return typeof first?.name === 'string' ? first.name : undefined;
}

/** `c.a.b = value` or a bare `c.a.b` (being typed): the path after the receiver. */
function readSetting(walk: Walk, node: RubyNode, receiver: string): boolean {
  const path: RubyNode[] = [];
  let current: RubyNode | undefined = node;
  while (kind(current) === 'CallNode' && current) {
    path.unshift(current);
    current = asNode(current.receiver);
  }
  if (kind(current) !== 'LocalVariableReadNode' || current?.name !== receiver || path.length === 0) return false;
  const last = path[path.length - 1] as RubyNode;
  const args = argumentsOf(last);
  const setter = typeof last.name === 'string' && last.name.endsWith('=');
  if (!setter && args.length > 0) return false; // a method call such as c.tracing.instrument :rails
  const first = path[0]?.messageLoc as Loc | undefined;
  const lastMessage = last.messageLoc as Loc | undefined;
  if (!first || !lastMessage) return false;
  // Settings are read with dots (`c.profiling.enabled`); an operator call such as `-x` or `!x` is not one.
  if (path.some((call) => !call.callOperatorLoc)) return false;
  let nameStart = walk.char(first.startOffset);
  let nameEnd = walk.char(lastMessage.startOffset + lastMessage.length);
  let names = path.map((call) => String(call.name).replace(/=$/, ''));
  // `c.profiling.` followed by a newline: Prism takes the next line's word as the method name.
  const operator = last.callOperatorLoc as Loc | undefined;
  if (operator && walk.index.positionAt(walk.char(operator.startOffset)).line !== walk.index.positionAt(nameEnd).line) {
    nameEnd = walk.char(operator.startOffset + operator.length);
    names = [...names.slice(0, -1), ''];
    // A bare `c.` at a line's end: the whole path is on the next line, so the name is empty, after the dot.
    nameStart = Math.min(nameStart, nameEnd);
  }
  const value = setter ? args[0] : undefined;
  walk.occurrences.push({
    surface: 'rubyConfigure',
    name: names.join('.'),
    nameRange: walk.index.rangeOf(nameStart, setter ? Math.min(nameEnd, nameStart + names.join('.').length) : nameEnd),
    ...literal(walk, value),
    scope: 'file',
    removalRange: lineSpan(walk, node.location as Loc),
    quoting: 'ruby',
    bakedIn: true,
  });
  return true;
}

/** `ENV['DD_X']`, `ENV.fetch('DD_X')`, `ENV['DD_X'] = 'v'`. */
function readEnv(walk: Walk, node: RubyNode): boolean {
  const target = asNode(node.receiver);
  if (
    kind(target) !== 'ConstantReadNode' ||
    target?.name !== 'ENV' ||
    !['[]', '[]=', 'fetch'].includes(String(node.name))
  )
    return false;
  const [key, assigned] = argumentsOf(node);
  if (kind(key) !== 'StringNode' || !key) return false;
  const name = stringValue(key);
  const content = (key.contentLoc as Loc | undefined) ?? (key.location as Loc);
  walk.occurrences.push({
    surface: 'env',
    name,
    nameRange: rangeOf(walk, content),
    ...(node.name === '[]=' ? literal(walk, assigned) : { valueKind: 'none' as const }),
    scope: 'file',
    quoting: 'ruby',
    bakedIn: true,
  });
  return true;
}

function literal(
  walk: Walk,
  value: RubyNode | undefined,
): Pick<SettingOccurrence, 'value' | 'valueRange' | 'valueKind' | 'environmentReference'> {
  if (!value) return { valueKind: 'none' };
  const valueRange = rangeOf(walk, value.location as Loc);
  const text = literalText(walk, value);
  if (text === undefined) return { valueRange, valueKind: 'reference' };
  // A string still being typed (`'abc` with no closing quote) runs to the end of the file: replacing it
  // with a reference would take the rest of the file with it.
  return unclosed(value)
    ? { value: text, valueRange, valueKind: 'literal', environmentReference: 'none' }
    : { value: text, valueRange, valueKind: 'literal' };
}

/** A quoted literal whose closing quote is missing (Prism recovers with an empty closing location). */
function unclosed(node: RubyNode): boolean {
  const opening = node.openingLoc as Loc | undefined;
  const closing = node.closingLoc as Loc | undefined;
  return opening !== undefined && opening !== null && closing?.length === 0;
}

function literalText(walk: Walk, node: RubyNode): string | undefined {
  switch (kind(node)) {
    case 'TrueNode':
      return 'true';
    case 'FalseNode':
      return 'false';
    case 'NilNode':
      return 'nil';
    case 'IntegerNode':
    case 'FloatNode':
      return String(node.value);
    case 'StringNode':
      return stringValue(node);
    case 'SymbolNode':
      return `:${stringValue(node)}`;
    default:
      return undefined;
  }
}

function stringValue(node: RubyNode): string {
  const unescaped = asNode(node.unescaped);
  return typeof unescaped?.value === 'string' ? unescaped.value : '';
}

function argumentsOf(node: RubyNode): RubyNode[] {
  const list = asNode(node.arguments_)?.arguments_;
  return Array.isArray(list) ? list.map(asNode).filter((n): n is RubyNode => n !== undefined) : [];
}

function rangeOf(walk: Walk, loc: Loc) {
  return walk.index.rangeOf(walk.char(loc.startOffset), walk.char(loc.startOffset + loc.length));
}

function lineSpan(walk: Walk, loc: Loc) {
  const { start, end } = rangeOf(walk, loc);
  return { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } };
}

/**
 * Prism quotes the offending token (`'$0123…' is not allowed as a global variable name`): a long one may
 * be a key written without quotes, so it is not repeated. Keywords and operators are short.
 */
function withoutLongQuotes(message: string): string {
  return message.replace(/'[^']{13,}'/g, 'this token');
}
