/**
 * AWS CDK in Python: `environment={"DD_ENV": "prod"}` passed to a construct (`add_container("web", …)`,
 * `ecs.ContainerDefinition(self, "Agent", …)`, `_lambda.Function(self, "Fn", …)`) and
 * `container.add_environment("DD_X", "v")`. As in TypeScript (cdkTypescript.ts): one scope per
 * construct, named after its id and reachable through the variable it is assigned to; literal values
 * only; the image (`ContainerImage.from_registry("…")`) and Lambda runtime of each scope reported.
 */
import type { ExtractResult, RuntimeHint, ScopeImage, SettingOccurrence, SyntaxNode } from '../types.js';
import { itemsOf, listItemRemoval } from './codeNodes.js';
import { cdkRuntimeHint } from './cdkRuntimes.js';
import { pythonContentRange, pythonString, pythonValue } from './pythonNodes.js';
import { hintsFromImage } from './runtimeHints.js';
import { nodeRange, walkTree } from './syntaxTree.js';

export function readCdkPython(root: SyntaxNode): ExtractResult {
  const occurrences: SettingOccurrence[] = [];
  const images: ScopeImage[] = [];
  const runtimeHints: RuntimeHint[] = [];
  const scopesOfVariables = new Map<string, string>();
  const additions: SyntaxNode[] = [];
  walkTree(root, (node) => {
    if (node.type !== 'call') return;
    if (/\.add_environment$/.test(node.childForFieldName('function')?.text ?? '')) additions.push(node);
    const args = itemsOf(node.childForFieldName('arguments'));
    const environment = keyword(args, 'environment');
    if (environment?.type !== 'dictionary') return;
    const scope = `cdk:${constructId(node, args) ?? `line ${nodeRange(node).start.line + 1}`}`;
    const parent = node.parent;
    if (parent?.type === 'assignment') {
      const left = parent.childForFieldName('left')?.text.replace(/^self\./, '');
      if (left) scopesOfVariables.set(left, scope);
    }
    readEnvironment(environment, scope, occurrences);
    const image = registryImage(keyword(args, 'image'));
    if (image) {
      images.push({ scope, image });
      for (const runtime of hintsFromImage(image)) runtimeHints.push({ runtime, scope, reason: `image ${image}` });
    }
    const runtime = keyword(args, 'runtime')?.text ?? node.childForFieldName('function')?.text ?? '';
    const hint = cdkRuntimeHint(runtime, scope);
    if (hint) runtimeHints.push(hint);
  });
  for (const call of additions) readAddEnvironment(call, scopesOfVariables, occurrences);
  return { occurrences, problems: [], runtimeHints, ...(images.length > 0 ? { images } : {}) };
}

function keyword(args: readonly SyntaxNode[], name: string): SyntaxNode | undefined {
  const arg = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return arg?.childForFieldName('value') ?? undefined;
}

/** `add_container("web", …)` -> `web`; `X(self, "Fn", …)` -> `Fn`; or the `id=` keyword. */
function constructId(call: SyntaxNode, args: readonly SyntaxNode[]): string | undefined {
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const id = keyword(args, 'id') ?? (positional[0]?.text === 'self' ? positional[1] : positional[0]);
  return id?.type === 'string' ? pythonString(id) : undefined;
}

function readEnvironment(dictionary: SyntaxNode, scope: string, into: SettingOccurrence[]): void {
  const items = itemsOf(dictionary);
  items.forEach((item, index) => {
    const key = item.type === 'pair' ? item.childForFieldName('key') : null;
    const value = item.childForFieldName('value');
    const name = key?.type === 'string' ? pythonString(key) : undefined;
    if (!key || !value || !name) return;
    const removalRange = listItemRemoval(items, index);
    into.push({
      surface: 'env',
      name,
      nameRange: pythonContentRange(key),
      ...pythonValue(value, true),
      scope,
      ...(removalRange ? { removalRange } : {}),
      environmentReference: 'none',
    });
  });
}

function readAddEnvironment(call: SyntaxNode, scopes: ReadonlyMap<string, string>, into: SettingOccurrence[]): void {
  const [key, value] = itemsOf(call.childForFieldName('arguments'));
  const name = key?.type === 'string' ? pythonString(key) : undefined;
  if (!key || !name || !value) return;
  const receiver = (call.childForFieldName('function')?.childForFieldName('object')?.text ?? '').replace(/^self\./, '');
  into.push({
    surface: 'env',
    name,
    nameRange: pythonContentRange(key),
    ...pythonValue(value, true),
    scope: scopes.get(receiver) ?? `cdk:${receiver}`,
    environmentReference: 'none',
  });
}

/** `ContainerImage.from_registry("datadog/agent:7")` -> `datadog/agent:7`. */
function registryImage(value: SyntaxNode | undefined): string | undefined {
  let found: string | undefined;
  if (value)
    walkTree(value, (node) => {
      if (found || node.type !== 'call') return;
      if (!/\.from_(registry|ecr_repository)$/.test(node.childForFieldName('function')?.text ?? '')) return;
      const [arg] = itemsOf(node.childForFieldName('arguments'));
      if (arg?.type === 'string') found = pythonString(arg);
    });
  return found;
}
