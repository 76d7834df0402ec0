/**
 * JavaScript and TypeScript (one tree-sitter grammar, TypeScript's, reads both): dd-trace set up in code
 * as the seed documents it, and AWS CDK environments (cdkTypescript.ts).
 *
 * - `require('dd-trace').init({ profiling: true, env: 'prod' })`, `tracer.init({...})` where `tracer`
 *   is dd-trace imported or required: each key of the options object is a `nodeInit` occurrence; keys
 *   of the nested groups dd-trace reads (`experimental`, `appsec`…) are dotted (`experimental.b3`).
 * - `import 'dd-trace/init'`, `require('dd-trace/init')`, `node -r dd-trace/init`: the runtime is Node.js.
 * - `process.env.DD_X = '…'`, `process.env['DD_X'] = '…'`: env occurrences (reads are the program's own).
 *
 * A file that names neither dd-trace nor a Datadog variable is not parsed.
 */
import type { ExtractContext, ExtractResult, RuntimeHint, SettingOccurrence, SyntaxNode } from '../types.js';
import { readCdkTypescript } from './cdkTypescript.js';
import {
  contentRange,
  isDatadogEnvName,
  itemsOf,
  listItemRemoval,
  nodesAround,
  stringContents,
  syntaxNote,
} from './codeNodes.js';
import { jsValue, propertyKey } from './jsNodes.js';
import { mergeResults, emptyResult } from './result.js';
import { nodeRange, walkTree, withSyntaxTree } from './syntaxTree.js';

const WORTH_PARSING = /dd-trace|\b_?(DD|DATADOG)_[A-Z]/;

/** Option groups whose keys dd-trace reads one by one (`experimental: { b3: true }` is `experimental.b3`). */
const GROUPS = new Set([
  'experimental',
  'appsec',
  'iast',
  'runtimeMetrics',
  'dogstatsd',
  'llmobs',
  'dynamicInstrumentation',
  'codeOriginForSpans',
  'remoteConfig',
  'cloudPayloadTagging',
  'tracePropagationStyle',
  'ingestion',
  'dbm',
  'apiSecurity',
  'aiguard',
  'rasp',
  'stackTrace',
  'extendedHeadersCollection',
  'eventTracking',
  'flaggingProvider',
  'spanEnrichment',
  'exit_spans',
]);

export function extractJavascript(text: string, ctx: ExtractContext): ExtractResult {
  if (!WORTH_PARSING.test(text)) return emptyResult();
  return withSyntaxTree(ctx, 'typescript', text, (root) => {
    const occurrences: SettingOccurrence[] = [];
    const runtimeHints: RuntimeHint[] = [];
    const modules = nodesAround(root, text, /dd-trace/g, (node) => node.type === 'string', 2);
    const tracers = tracerNames(modules);
    if (modules.some((node) => isDdTraceModule(node, 'dd-trace/init')))
      runtimeHints.push({ runtime: 'nodejs', reason: '`dd-trace/init`' });
    const inits = nodesAround(root, text, /\binit\b/g, (node) => node.type === 'call_expression', 3);
    for (const call of inits) readInit(call, tracers, occurrences);
    const environments = nodesAround(root, text, /\bprocess\s*\.\s*env\b/g, isProcessEnv, 2);
    for (const node of environments) if (node.parent) readEnv(node.parent, occurrences);
    // Setting process.env configures this Node.js process; reading it (a CDK app passing a key on) does not.
    if (runtimeHints.length === 0 && (tracers.size > 0 || occurrences.some((o) => o.valueKind !== 'none')))
      runtimeHints.push({ runtime: 'nodejs', reason: 'a JavaScript file that sets up dd-trace' });
    // The TypeScript grammar does not read JSX, so only TypeScript files get a syntax note.
    const problems = /\.[mc]?ts$/i.test(ctx.fileName) ? syntaxNote(root, 'TypeScript') : [];
    const own: ExtractResult = { occurrences, problems, runtimeHints };
    return /aws-cdk/.test(text) ? mergeResults([own, readCdkTypescript(root, text)]) : own;
  });
}

/** `'dd-trace'` imported or required (the string node of the module name). */
function isDdTraceModule(node: SyntaxNode, module: string): boolean {
  if (node.type !== 'string' || stringContents(node) !== module) return false;
  const parent = node.parent;
  if (parent?.type === 'import_statement') return true;
  const call = parent?.type === 'arguments' ? parent.parent : null;
  return call?.type === 'call_expression' && call.childForFieldName('function')?.text === 'require';
}

/** Names bound to dd-trace: `import tracer from 'dd-trace'`, `const tracer = require('dd-trace')`. */
function tracerNames(modules: readonly SyntaxNode[]): Set<string> {
  const names = new Set<string>();
  for (const node of modules) {
    if (!isDdTraceModule(node, 'dd-trace')) continue;
    const parent = node.parent;
    if (parent?.type === 'import_statement') {
      walkTree(parent, (child) => {
        // `import tracer`, `import * as tracer`, `import { tracer as t }`: any name the import binds.
        if (child.type === 'identifier') names.add(child.text);
      });
      continue;
    }
    let bound = parent?.parent?.parent; // the declarator of `const x = require('dd-trace')`
    while (bound?.type === 'member_expression' || bound?.type === 'call_expression') bound = bound.parent;
    const name = bound?.type === 'variable_declarator' ? bound.childForFieldName('name') : null;
    if (name?.type === 'identifier') names.add(name.text);
  }
  return names;
}

/** `process.env` itself (the object of `process.env.X` or `process.env['X']`). */
function isProcessEnv(node: SyntaxNode): boolean {
  return node.type === 'member_expression' && node.childForFieldName('object')?.text === 'process';
}

/** `tracer.init({...})` or `require('dd-trace').init({...})`. */
function readInit(node: SyntaxNode, tracers: Set<string>, into: SettingOccurrence[]): void {
  const callee = node.childForFieldName('function');
  if (callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'init') return;
  const target = callee.childForFieldName('object');
  const isTracer =
    (target?.type === 'identifier' && tracers.has(target.text)) ||
    (target?.type === 'call_expression' &&
      target.childForFieldName('function')?.text === 'require' &&
      stringContents(itemsOf(target.childForFieldName('arguments'))[0] ?? target) === 'dd-trace');
  const [options] = itemsOf(node.childForFieldName('arguments'));
  if (isTracer && options?.type === 'object') readOptions(options, '', into);
}

function readOptions(object: SyntaxNode, prefix: string, into: SettingOccurrence[]): void {
  const items = itemsOf(object);
  items.forEach((item, index) => {
    const key = propertyKey(item);
    if (!key) return;
    const name = `${prefix}${key.name}`;
    const value = item.type === 'pair' ? item.childForFieldName('value') : null;
    if (value?.type === 'object' && GROUPS.has(key.name)) {
      readOptions(value, `${name}.`, into);
      return;
    }
    const removalRange = listItemRemoval(items, index);
    into.push({
      surface: 'nodeInit',
      name,
      nameRange: key.range,
      ...(value ? jsValue(value) : { valueKind: 'none' }),
      scope: 'file',
      ...(removalRange ? { removalRange } : {}),
    });
  });
}

/** `process.env.DD_X = …`, `process.env['DD_X'] = …`. */
function readEnv(node: SyntaxNode, into: SettingOccurrence[]): void {
  const object = node.childForFieldName('object');
  if (object?.type !== 'member_expression' || object.text.replace(/\s/g, '') !== 'process.env') return;
  const key = node.type === 'member_expression' ? node.childForFieldName('property') : node.childForFieldName('index');
  if (!key) return;
  const name = key.type === 'string' ? stringContents(key) : key.type === 'property_identifier' ? key.text : undefined;
  if (!name || !isDatadogEnvName(name)) return;
  // Only a write configures the process; a read is the program's own business (it may be its own variable).
  const left = node.parent?.type === 'assignment_expression' ? node.parent.childForFieldName('left') : null;
  const assigned = left?.startIndex === node.startIndex ? node.parent?.childForFieldName('right') : null;
  if (!assigned) return;
  into.push({
    surface: 'env',
    name,
    nameRange: key.type === 'string' ? contentRange(key) : nodeRange(key),
    ...jsValue(assigned),
    scope: 'file',
    environmentReference: 'none',
  });
}
