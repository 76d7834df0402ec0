/**
 * Go: the profiler set up in code, as the seed documents it, parsed with tree-sitter-go:
 *
 *   profiler.Start(profiler.WithService("web"), profiler.WithPeriod(60*time.Second),
 *     profiler.WithProfileTypes(profiler.CPUProfile, profiler.HeapProfile))
 *
 * Each option call of dd-trace-go's `profiler` package (v1 `gopkg.in/DataDog/dd-trace-go.v1/profiler`
 * or v2 `github.com/DataDog/dd-trace-go/v2/profiler`, under whatever name it is imported) is an
 * occurrence on the `goProfiler` surface named after the function (`WithService`); each profile type
 * given to `WithProfileTypes` is one too (`HeapProfile`), so a misspelt one gets a "did you mean".
 * `os.Setenv("DD_…", "…")` is an env occurrence (reads are the program's own business).
 *
 * Values are what the option receives: a string's contents, `true`/`false`, a number, and a duration
 * written `60 * time.Second` or `time.Minute` as Go's own text for it (`60s`, `1m`); a bare number given
 * for a duration (nanoseconds in Go) stays bare, so the duration check says it has no unit. Anything
 * else (a variable, a call) is a reference.
 */
import type { ExtractContext, ExtractResult, SettingOccurrence, SyntaxNode } from '../types.js';
import {
  contentRange,
  isDatadogEnvName,
  itemsOf,
  listItemRemoval,
  stringContents,
  syntaxNote,
  type ValueParts,
} from './codeNodes.js';
import { emptyResult } from './result.js';
import { nodeRange, walkTree, withSyntaxTree } from './syntaxTree.js';

/** Files that import dd-trace-go or name a Datadog variable; any other Go file is not parsed at all. */
const WORTH_PARSING = /DataDog\/dd-trace-go|\b_?(DD|DATADOG)_[A-Z]/;

const PROFILER_IMPORT = /^(gopkg\.in\/DataDog\/dd-trace-go\.v1|github\.com\/DataDog\/dd-trace-go(\/v\d+)?)\/profiler$/;

/** Exported functions of the package that are not options. */
const NOT_OPTIONS = new Set(['Start', 'Stop', 'PprofDiff', 'ProfileType', 'Option']);

const DURATION_UNITS: Readonly<Record<string, string>> = {
  Nanosecond: 'ns',
  Microsecond: 'us',
  Millisecond: 'ms',
  Second: 's',
  Minute: 'm',
  Hour: 'h',
};

export function extractGo(text: string, ctx: ExtractContext): ExtractResult {
  if (!WORTH_PARSING.test(text)) return emptyResult();
  return withSyntaxTree(ctx, 'go', text, (root) => {
    const packages = importedNames(root);
    const occurrences: SettingOccurrence[] = [];
    walkTree(root, (node) => {
      if (node.type !== 'call_expression') return;
      const [operand, field] = selectorParts(node.childForFieldName('function'));
      if (!operand || !field) return;
      if (packages.profiler.has(operand)) readProfilerCall(node, field, packages.profiler, occurrences);
      else if (operand === packages.os) readEnvCall(node, field, occurrences);
    });
    const runtimeHints =
      packages.profiler.size > 0 || occurrences.length > 0 ? [{ runtime: 'go' as const, reason: 'a Go file' }] : [];
    return { occurrences, problems: syntaxNote(root, 'Go'), runtimeHints };
  });
}

/** The names the file gives the profiler package (`profiler`, or its alias) and `os`. */
function importedNames(root: SyntaxNode): { profiler: Set<string>; os: string | undefined } {
  const profiler = new Set<string>();
  let os: string | undefined;
  walkTree(root, (node) => {
    if (node.type === 'function_declaration' || node.type === 'method_declaration') return false;
    if (node.type !== 'import_spec') return;
    const path = stringContents(node.childForFieldName('path') ?? node) ?? '';
    const alias = node.childForFieldName('name')?.text;
    if (PROFILER_IMPORT.test(path)) profiler.add(alias ?? 'profiler');
    if (path === 'os') os = alias ?? 'os';
    return false;
  });
  return { profiler, os };
}

/** `a.b` as `['a', 'b']`. */
function selectorParts(node: SyntaxNode | null): [string | undefined, string | undefined] {
  if (node?.type !== 'selector_expression') return [undefined, undefined];
  const operand = node.childForFieldName('operand');
  return [operand?.type === 'identifier' ? operand.text : undefined, node.childForFieldName('field')?.text];
}

function readProfilerCall(node: SyntaxNode, name: string, aliases: Set<string>, into: SettingOccurrence[]): void {
  const args = itemsOf(node.childForFieldName('arguments'));
  if (name === 'Start') {
    // An option being typed (`profiler.With`) is not a call yet: read it as a name so it completes.
    args.forEach((arg, index) => {
      const [operand, field] = selectorParts(arg);
      if (operand && field && aliases.has(operand)) into.push(bareName(arg, field, args, index));
      const typing = justTypedDot(arg, args[index + 1], aliases);
      if (typing) into.push(typing);
    });
    return;
  }
  if (NOT_OPTIONS.has(name)) return;
  const fieldNode = node.childForFieldName('function')?.childForFieldName('field');
  if (!fieldNode) return;
  const list = node.parent?.type === 'argument_list' ? itemsOf(node.parent) : [];
  const removalRange = listItemRemoval(
    list,
    list.findIndex((item) => item.startIndex === node.startIndex),
  );
  into.push({
    surface: 'goProfiler',
    name,
    nameRange: nodeRange(fieldNode),
    ...optionValue(name, args),
    scope: 'file',
    ...(removalRange ? { removalRange } : {}),
  });
  if (name === 'WithProfileTypes') {
    args.forEach((arg, index) => {
      const [operand, field] = selectorParts(arg);
      if (operand && field && aliases.has(operand)) into.push(bareName(arg, field, args, index));
    });
  }
}

/** A profile type (`profiler.HeapProfile`) or an option named without a call. */
function bareName(node: SyntaxNode, name: string, list: readonly SyntaxNode[], index: number): SettingOccurrence {
  const field = node.childForFieldName('field') ?? node;
  const removalRange = listItemRemoval(list, index);
  return {
    surface: 'goProfiler',
    name,
    nameRange: nodeRange(field),
    valueKind: 'none',
    scope: 'file',
    ...(removalRange ? { removalRange } : {}),
  };
}

/**
 * `profiler.` with nothing after it yet (the parser sees the package name, then an error at the dot): an
 * empty name right after the dot, where completion offers the options.
 */
function justTypedDot(
  arg: SyntaxNode,
  next: SyntaxNode | undefined,
  aliases: Set<string>,
): SettingOccurrence | undefined {
  if (arg.type !== 'identifier' || !aliases.has(arg.text) || next?.type !== 'ERROR' || !next.text.startsWith('.'))
    return undefined;
  const { start } = nodeRange(next);
  const at = { line: start.line, character: start.character + 1 };
  return { surface: 'goProfiler', name: '', nameRange: { start: at, end: at }, valueKind: 'none', scope: 'file' };
}

/** `WithTags("a:b", "c:d")` is one value, `a:b,c:d`; a fix can rewrite it only when it is one argument. */
function optionValue(name: string, args: readonly SyntaxNode[]): ValueParts {
  const [first] = args;
  if (!first || name === 'WithProfileTypes') return { valueKind: 'none' };
  if (name === 'WithTags' && args.length > 1) {
    const tags = args.map(goLiteral);
    if (tags.some((tag) => tag === undefined)) return { valueKind: 'reference' };
    return { value: tags.join(','), valueKind: 'literal' };
  }
  const value = goLiteral(first);
  return value === undefined
    ? { valueRange: nodeRange(first), valueKind: 'reference' }
    : { value, valueRange: nodeRange(first), valueKind: 'literal', quoting: 'go' };
}

/** A literal's value as text, durations as Go writes them (`90s`), or `undefined` for run-time values. */
function goLiteral(node: SyntaxNode): string | undefined {
  switch (node.type) {
    case 'interpreted_string_literal':
      return stringContents(node);
    case 'raw_string_literal':
      return node.text.slice(1, -1);
    case 'true':
    case 'false':
    case 'int_literal':
    case 'float_literal':
      return node.text.replace(/_/g, '');
    case 'selector_expression':
    case 'binary_expression':
    case 'parenthesized_expression':
      return duration(node);
    default:
      return undefined;
  }
}

/** `time.Minute` -> `1m`, `90 * time.Second` -> `90s`, `time.Duration(5) * time.Second` -> `5s`. */
function duration(node: SyntaxNode): string | undefined {
  if (node.type === 'parenthesized_expression') {
    const inner = itemsOf(node)[0];
    return inner ? duration(inner) : undefined;
  }
  const unit = timeUnit(node);
  if (unit) return `1${unit}`;
  if (node.type !== 'binary_expression' || node.childForFieldName('operator')?.text !== '*') return undefined;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return undefined;
  const [count, unitNode] = timeUnit(right) ? [left, right] : [right, left];
  const countText = integer(count);
  const unitText = timeUnit(unitNode);
  return countText !== undefined && unitText ? `${countText}${unitText}` : undefined;
}

function timeUnit(node: SyntaxNode): string | undefined {
  const [operand, field] = selectorParts(node);
  return operand === 'time' && field ? DURATION_UNITS[field] : undefined;
}

/** `5` or `time.Duration(5)`. */
function integer(node: SyntaxNode): string | undefined {
  if (node.type === 'int_literal' && /^\d[\d_]*$/.test(node.text)) return node.text.replace(/_/g, '');
  if (
    node.type === 'call_expression' &&
    selectorParts(node.childForFieldName('function')).join('.') === 'time.Duration'
  ) {
    const [arg] = itemsOf(node.childForFieldName('arguments'));
    return arg ? integer(arg) : undefined;
  }
  return undefined;
}

/** `os.Setenv("DD_X", "v")`; reads (`os.Getenv`) are the program's own business. */
function readEnvCall(node: SyntaxNode, name: string, into: SettingOccurrence[]): void {
  if (name !== 'Setenv') return;
  const [key, value] = itemsOf(node.childForFieldName('arguments'));
  if (!value || (key?.type !== 'interpreted_string_literal' && key?.type !== 'raw_string_literal')) return;
  const envName = stringContents(key);
  if (!envName || !isDatadogEnvName(envName)) return;
  const literal = value.type.endsWith('string_literal') ? goLiteral(value) : undefined;
  into.push({
    surface: 'env',
    name: envName,
    nameRange: contentRange(key),
    ...(literal === undefined
      ? { valueRange: nodeRange(value), valueKind: 'reference' as const }
      : { value: literal, valueRange: nodeRange(value), valueKind: 'literal' as const, quoting: 'double' as const }),
    scope: 'file',
    environmentReference: 'none',
  });
}
