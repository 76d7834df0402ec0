/**
 * AWS CDK in TypeScript/JavaScript: the environment of containers and functions.
 *
 *   const web = taskDef.addContainer('web', { image: …, environment: { DD_ENV: 'prod' } });
 *   new lambda.Function(this, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, environment: { … } });
 *   web.addEnvironment('DD_SERVICE', 'web');
 *
 * Each `environment: {…}` object passed to a call or `new` is one scope, named after the construct's id
 * (`cdk:web`) and reachable through the variable it is assigned to, so `addEnvironment` on that variable
 * lands in the same scope. Only string, number and boolean literals are values; anything else (a
 * secret, a prop, a token) is a reference. The image (`ContainerImage.fromRegistry('…')`) and the
 * Lambda runtime of the scope are reported, so the Agent's sidecar is told apart from the application.
 */
import type { ExtractResult, RuntimeHint, ScopeImage, SettingOccurrence, SyntaxNode } from '../types.js';
import { contentRange, itemsOf, listItemRemoval, nodesAround, stringContents } from './codeNodes.js';
import { cdkRuntimeHint } from './cdkRuntimes.js';
import { jsValue, propertyKey } from './jsNodes.js';
import { hintsFromImage } from './runtimeHints.js';
import { nodeRange, walkTree } from './syntaxTree.js';

export function readCdkTypescript(root: SyntaxNode, text: string): ExtractResult {
  const occurrences: SettingOccurrence[] = [];
  const images: ScopeImage[] = [];
  const runtimeHints: RuntimeHint[] = [];
  const scopesOfVariables = new Map<string, string>();
  const pairs = nodesAround(
    root,
    text,
    /\benvironment\b/g,
    (node, at) => node.type === 'pair' && isEnvironmentKey(node, at),
  );
  for (const pair of pairs) {
    const environment = pair.childForFieldName('value');
    const props = pair.parent;
    const call = props?.parent?.type === 'arguments' ? props.parent.parent : null;
    if (environment?.type !== 'object' || !props || !call) continue;
    const scope = `cdk:${constructId(call) ?? `line ${nodeRange(call).start.line + 1}`}`;
    const variable = boundVariable(call);
    if (variable) scopesOfVariables.set(variable, scope);
    readEnvironment(environment, scope, occurrences);
    describeScope(props, call, scope, images, runtimeHints);
  }
  const additions = nodesAround(
    root,
    text,
    /\baddEnvironment\b/g,
    (node) => node.type === 'call_expression' && methodName(node) === 'addEnvironment',
  );
  for (const call of additions) readAddEnvironment(call, scopesOfVariables, occurrences);
  return { occurrences, problems: [], runtimeHints, ...(images.length > 0 ? { images } : {}) };
}

/** The pair's key is `environment` and holds the match (not its value, which may name it too). */
function isEnvironmentKey(pair: SyntaxNode, at: number): boolean {
  const key = pair.childForFieldName('key');
  return !!key && key.startIndex <= at && at < key.endIndex && propertyKey(pair)?.name === 'environment';
}

function readEnvironment(object: SyntaxNode, scope: string, into: SettingOccurrence[]): void {
  const items = itemsOf(object);
  items.forEach((item, index) => {
    const key = propertyKey(item);
    const value = item.type === 'pair' ? item.childForFieldName('value') : null;
    if (!key || !value) return;
    const removalRange = listItemRemoval(items, index);
    into.push({
      surface: 'env',
      name: key.name,
      nameRange: key.range,
      ...jsValue(value),
      scope,
      ...(removalRange ? { removalRange } : {}),
      environmentReference: 'none',
    });
  });
}

/** `container.addEnvironment('DD_X', 'v')`, in the scope of the container the variable holds. */
function readAddEnvironment(call: SyntaxNode, scopes: ReadonlyMap<string, string>, into: SettingOccurrence[]): void {
  const [key, value] = itemsOf(call.childForFieldName('arguments'));
  const name = key?.type === 'string' ? stringContents(key) : undefined;
  if (!key || !name || !value) return;
  const receiver = call.childForFieldName('function')?.childForFieldName('object')?.text ?? '';
  const variable = receiver.replace(/^this\./, '');
  into.push({
    surface: 'env',
    name,
    nameRange: contentRange(key),
    ...jsValue(value),
    scope: scopes.get(variable) ?? `cdk:${variable}`,
    environmentReference: 'none',
  });
}

function methodName(call: SyntaxNode): string | undefined {
  const callee = call.childForFieldName('function');
  return callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
}

/** `addContainer('web', …)` -> `web`; `new X(this, 'Fn', …)` -> `Fn`. */
function constructId(call: SyntaxNode): string | undefined {
  const args = itemsOf(call.childForFieldName('arguments'));
  const id = call.type === 'new_expression' ? args[1] : args[0];
  return id?.type === 'string' ? stringContents(id) : undefined;
}

/** The variable or property a construct is assigned to (`const web = …`, `this.web = …`). */
function boundVariable(call: SyntaxNode): string | undefined {
  let parent = call.parent;
  while (parent && ['as_expression', 'non_null_expression', 'parenthesized_expression'].includes(parent.type))
    parent = parent.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  if (parent?.type === 'assignment_expression') return parent.childForFieldName('left')?.text.replace(/^this\./, '');
  return undefined;
}

/** The scope's image (`image: ContainerImage.fromRegistry('…')`) and runtime (`runtime: Runtime.NODEJS_20_X`). */
function describeScope(
  props: SyntaxNode,
  call: SyntaxNode,
  scope: string,
  images: ScopeImage[],
  hints: RuntimeHint[],
): void {
  for (const item of itemsOf(props)) {
    const key = propertyKey(item)?.name;
    const value = item.type === 'pair' ? item.childForFieldName('value') : null;
    if (!value) continue;
    if (key === 'image' || key === 'code') {
      const image = registryImage(value);
      if (image) {
        images.push({ scope, image });
        for (const runtime of hintsFromImage(image)) hints.push({ runtime, scope, reason: `image ${image}` });
      }
    }
    if (key === 'runtime') {
      const hint = cdkRuntimeHint(value.text, scope);
      if (hint) hints.push(hint);
    }
  }
  const constructor = call.type === 'new_expression' ? call.childForFieldName('constructor')?.text : undefined;
  const hint = constructor ? cdkRuntimeHint(constructor, scope) : undefined;
  if (hint) hints.push(hint);
}

/** `ContainerImage.fromRegistry('datadog/agent:7')` (any receiver) -> `datadog/agent:7`. */
function registryImage(value: SyntaxNode): string | undefined {
  let found: string | undefined;
  walkTree(value, (node) => {
    if (found || node.type !== 'call_expression') return;
    if (!/^from(Registry|EcrRepository)$/.test(methodName(node) ?? '')) return;
    const [arg] = itemsOf(node.childForFieldName('arguments'));
    if (arg?.type === 'string') found = stringContents(arg);
  });
  return found;
}
