/**
 * Jenkinsfiles, read with tree-sitter's Groovy grammar: declarative `environment { DD_X = '...' }` blocks
 * (the pipeline's, and each stage's as its own scope), `withEnv(['DD_X=...'])` lists, and scripted
 * `env.DD_X = '...'` assignments. Single-quoted strings are literals; a double-quoted GString with `$`,
 * `credentials('id')`, `sh(...)` and any other expression are references, read by Jenkins at run time.
 */
import type {
  ExtractContext,
  ExtractResult,
  QuotingStyle,
  RuntimeHint,
  SettingOccurrence,
  SyntaxNode,
} from '../types.js';
import { hintsFromImage } from './runtimeHints.js';
import { createLineIndex } from '../text/lineIndex.js';
import { extractJvmOptionsOf } from './commandLine.js';
import { rangeIn, removalOf, type HclSource } from './hclNodes.js';
import { emptyResult, mergeResults } from './result.js';
import { isSecretName } from '../text/secretNames.js';
import { namedChildrenOf, walkTree, withSyntaxTree } from './syntaxTree.js';
import { syntaxProblem } from './terraform.js';

type Source = HclSource;

export function extractJenkinsfile(text: string, ctx: ExtractContext): ExtractResult {
  return withSyntaxTree(ctx, 'groovy', text, (root) => {
    const src: Source = { text, index: createLineIndex(text) };
    // `Jenkinsfile.*` also names notes and backups: a syntax error counts only in what reads as a pipeline.
    const results: ExtractResult[] = PIPELINE.test(text) ? [syntaxProblem(src, root, 'Groovy')] : [];
    walkTree(root, (node) => {
      if (node.type === 'method_invocation' || node.type === 'juxt_function_call') {
        const name = node.childForFieldName('name')?.text;
        if (name === 'environment') results.push(environmentBlock(src, node));
        else if (name === 'withEnv') results.push(withEnv(src, node));
        else if (name === 'image' || name === 'docker') results.push(agentImage(src, node, name));
      } else if (node.type === 'assignment_expression') results.push(envAssignment(src, node));
    });
    return mergeResults(results);
  });
}

const PIPELINE = /\b(pipeline|node|stage|steps|environment|withEnv)\s*[({]/;

/** A GString with an unescaped `$name` or `${...}` is evaluated by Groovy, so its value is not in the file. */
const INTERPOLATION = /(^|[^\\])\$[{A-Za-z_]/;

interface GroovyString {
  readonly value: string;
  /** The source between the quotes. */
  readonly start: number;
  readonly end: number;
  readonly quoting: QuotingStyle;
  readonly reference: boolean;
}

/** A Groovy string literal in any of its quotings, unescaped; `undefined` for anything else. */
function groovyString(src: Source, node: SyntaxNode): GroovyString | undefined {
  if (node.type !== 'character_literal' && node.type !== 'string_literal') return undefined;
  const raw = src.text.slice(node.startIndex, node.endIndex);
  const quote = /^('''|"""|'|"|\/)/.exec(raw)?.[1];
  if (!quote || !raw.endsWith(quote) || raw.length < quote.length * 2) return undefined;
  const inner = raw.slice(quote.length, raw.length - quote.length);
  const doubled = quote.startsWith('"');
  return {
    value: quote === '/' ? inner.replace(/\\\//g, '/') : unescapeGroovy(inner),
    start: node.startIndex + quote.length,
    end: node.endIndex - quote.length,
    quoting: doubled ? 'double' : 'single',
    reference: (doubled || quote === '/') && INTERPOLATION.test(inner),
  };
}

function unescapeGroovy(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (match, escape: string) => {
    if (escape.length > 1) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    return ESCAPES[escape] ?? escape;
  });
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** `environment { NAME = value }`: the stage's when inside one, else the pipeline's. */
function environmentBlock(src: Source, block: SyntaxNode): ExtractResult {
  const body = block.childForFieldName('body');
  if (body?.type !== 'closure') return emptyResult();
  const scope = `jenkins:${stageOf(block) ?? 'pipeline'}`;
  const assignments = namedChildrenOf(body).flatMap((statement) =>
    statement.type === 'assignment_expression'
      ? [statement]
      : namedChildrenOf(statement).filter((c) => c.type === 'assignment_expression'),
  );
  return mergeResults(
    assignments.map((assignment) => {
      const left = assignment.childForFieldName('left');
      return left?.type === 'identifier' ? assigned(src, assignment, left, scope) : emptyResult();
    }),
  );
}

/** Scripted pipelines: `env.DD_X = '...'` sets the variable for the rest of the build. */
function envAssignment(src: Source, assignment: SyntaxNode): ExtractResult {
  const left = assignment.childForFieldName('left');
  if (left?.type !== 'field_access' || left.childForFieldName('object')?.text !== 'env') return emptyResult();
  const field = left.childForFieldName('field');
  return field ? assigned(src, assignment, field, 'jenkins:env') : emptyResult();
}

function assigned(src: Source, assignment: SyntaxNode, name: SyntaxNode, scope: string): ExtractResult {
  const right = assignment.childForFieldName('right');
  const base = {
    surface: 'env' as const,
    name: name.text,
    nameRange: rangeIn(src, name),
    scope,
    bakedIn: false,
    removalRange: removalOf(src, assignment.startIndex, assignment.endIndex),
    // Jenkins keeps keys in its credentials store; the declarative `credentials()` helper reads one.
    ...(isSecretName(name.text)
      ? { secretReference: `credentials('${name.text.toLowerCase().replace(/_/g, '-')}')` }
      : {}),
  };
  if (!right) return withOccurrence({ ...base, valueKind: 'none' });
  const valueRange = rangeIn(src, right);
  const string = groovyString(src, right);
  const plain = /^(decimal_integer_literal|decimal_floating_point_literal|true|false)$/.test(right.type);
  const occurrence: SettingOccurrence = string
    ? {
        ...base,
        value: string.value,
        valueRange,
        valueKind: string.reference ? 'reference' : 'literal',
        quoting: string.quoting,
      }
    : plain
      ? { ...base, value: right.text, valueRange, valueKind: 'literal', quoting: 'single' }
      : { ...base, valueRange, valueKind: 'reference', quoting: 'single' };
  return mergeResults([
    withOccurrence(occurrence),
    extractJvmOptionsOf(occurrence, { scope, bakedIn: false, source: src }),
  ]);
}

/** `withEnv(['DD_X=value', "DD_Y=${y}"]) { ... }`: its own scope, since it overrides for its body only. */
function withEnv(src: Source, call: SyntaxNode): ExtractResult {
  const list = call.childForFieldName('arguments')?.namedChildren.find((c) => c?.type === 'array_literal');
  if (!list) return emptyResult();
  const stage = stageOf(call);
  const scope = `jenkins:${stage ? `${stage}/` : ''}withEnv:${call.startPosition.row + 1}`;
  return mergeResults(namedChildrenOf(list).map((item) => withEnvItem(src, item, scope)));
}

function withEnvItem(src: Source, item: SyntaxNode, scope: string): ExtractResult {
  const string = groovyString(src, item);
  const eq = string?.value.indexOf('=') ?? -1;
  if (!string || eq <= 0) return emptyResult();
  const name = string.value.slice(0, eq);
  const source = src.text.slice(string.start, string.end);
  // Escapes would make the source differ from the value: then it is not placed (no fixes rewrite it).
  const placed = source === `${name}=${string.value.slice(eq + 1)}`;
  const occurrence: SettingOccurrence = {
    surface: 'env',
    name,
    nameRange: src.index.rangeOf(string.start, string.start + name.length),
    scope,
    bakedIn: false,
    removalRange: removalOf(src, item.startIndex, item.endIndex),
    value: string.value.slice(eq + 1),
    ...(placed
      ? { valueRange: src.index.rangeOf(string.start + name.length + 1, string.end), quoting: 'none' as const }
      : {}),
    valueKind: string.reference ? 'reference' : 'literal',
    environmentReference: 'none',
  };
  return mergeResults([
    withOccurrence(occurrence),
    extractJvmOptionsOf(occurrence, { scope, bakedIn: false, source: src }),
  ]);
}

/**
 * `agent { docker { image 'python:3.12' } }` or `agent { docker 'python:3.12' }`: the runtime the
 * pipeline (or the stage) runs in.
 */
function agentImage(src: Source, call: SyntaxNode, name: string): ExtractResult {
  const docker = name === 'docker' ? call : call.parent?.parent;
  if (
    docker?.childForFieldName('name')?.text !== 'docker' ||
    docker.parent?.parent?.childForFieldName('name')?.text !== 'agent'
  )
    return emptyResult();
  const args = call.childForFieldName('arguments') ?? call.childForFieldName('args');
  const first = args?.namedChildren[0];
  const image = first ? groovyString(src, first) : undefined;
  if (!image || image.reference) return emptyResult();
  const stage = stageOf(call);
  const runtimeHints: RuntimeHint[] = hintsFromImage(image.value).map((runtime) => ({
    runtime,
    ...(stage ? { scope: `jenkins:${stage}` } : {}),
    reason: `image ${image.value}`,
  }));
  return { occurrences: [], problems: [], runtimeHints };
}

/** The label of the `stage('...')` a node is in, as `stage:Build`. */
function stageOf(node: SyntaxNode): string | undefined {
  for (let at = node.parent; at; at = at.parent) {
    if (at.type !== 'method_invocation' || at.childForFieldName('name')?.text !== 'stage') continue;
    const label = at.childForFieldName('arguments')?.namedChildren[0];
    const text = label ? label.text.replace(/^(['"])(.*)\1$/, '$2') : '';
    return `stage:${text}`;
  }
  return undefined;
}

function withOccurrence(occurrence: SettingOccurrence): ExtractResult {
  return { occurrences: [occurrence], problems: [], runtimeHints: [] };
}
