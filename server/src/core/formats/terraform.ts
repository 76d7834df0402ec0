/**
 * Terraform (`*.tf`, `*.tfvars`), read with tree-sitter's HCL grammar: the environment of the resources
 * that run processes. ECS container definitions (terraformEcs.ts), Kubernetes workloads and
 * `kubernetes_manifest`, Cloud Run services, Azure web apps' `app_settings`, Lambda functions'
 * `environment.variables`, Heroku apps' `config_vars`. Each container or resource is a scope. Values
 * that are expressions (`var.x`, `local.y`, `"${...}"`, function calls) are references; the file is
 * never evaluated. In `.tfvars` files, maps and `{ name, value }` lists that hold `DD_*` names.
 */
import type { ExtractContext, ExtractResult, Finding, RuntimeHint, SyntaxNode } from '../types.js';
import { createLineIndex } from '../text/lineIndex.js';
import { blockEnv, commandResult, imageResult, listEnv, mapEnv } from './hclEnv.js';
import {
  attributeIn,
  attributesOf,
  blockLabels,
  blocksIn,
  blockType,
  bodyOf,
  childBlocks,
  entryValue,
  firstSyntaxError,
  objectEntries,
  stringValue,
  tupleItems,
  type HclSource,
} from './hclNodes.js';
import { emptyResult, mergeResults } from './result.js';
import { withSyntaxTree } from './syntaxTree.js';
import { ecsTaskDefinition } from './terraformEcs.js';

export function extractTerraform(text: string, ctx: ExtractContext): ExtractResult {
  return withSyntaxTree(ctx, 'hcl', text, (root) => {
    const src: HclSource = { text, index: createLineIndex(text) };
    const read = /\.tfvars$/i.test(ctx.fileName) ? tfvars(src, root) : resources(src, root);
    return mergeResults([syntaxProblem(src, root, 'Terraform'), read]);
  });
}

/** The first syntax error, as one finding; what the parser recovered is still read. */
export function syntaxProblem(src: HclSource, root: SyntaxNode, language: string): ExtractResult {
  const error = firstSyntaxError(root);
  if (!error) return emptyResult();
  const multiline = error.startPosition.row !== error.endPosition.row;
  const problem: Finding = {
    code: 'parse-error',
    severity: 'error',
    message: `${language} syntax error${error.isMissing ? `: \`${error.type}\` expected` : ''}; the settings after it may not be read.`,
    // An error over several lines is a brace left open or closed twice: the parser gave up where it ends.
    range: multiline
      ? src.index.rangeOf(error.endIndex, error.endIndex)
      : src.index.rangeOf(error.startIndex, error.endIndex),
  };
  return { occurrences: [], problems: [problem], runtimeHints: [] };
}

type Reader = (src: HclSource, resource: SyntaxNode, scope: string) => ExtractResult;

const READERS: Readonly<Record<string, Reader>> = {
  aws_ecs_task_definition: (src, resource) => ecsTaskDefinition(src, resource),
  kubernetes_manifest: manifest,
  google_cloud_run_service: cloudRun,
  google_cloud_run_v2_service: cloudRun,
  google_cloud_run_v2_job: cloudRun,
  azurerm_linux_web_app: (src, r, scope) => webApp(src, r, scope, 'linux'),
  azurerm_windows_web_app: (src, r, scope) => webApp(src, r, scope, 'windows'),
  azurerm_linux_function_app: (src, r, scope) => webApp(src, r, scope, 'linux'),
  azurerm_windows_function_app: (src, r, scope) => webApp(src, r, scope, 'windows'),
  azurerm_app_service: (src, r, scope) => webApp(src, r, scope, undefined),
  aws_lambda_function: lambda,
  heroku_app: (src, r, scope) =>
    mergeResults(['config_vars', 'sensitive_config_vars'].map((key) => mapEnv(src, attributeIn(r, key), { scope }))),
};

/**
 * Every `resource` block, wherever the parser put it: after a syntax error it may nest one inside the
 * block before, and the rest of the file is still worth reading.
 */
function resources(src: HclSource, root: SyntaxNode): ExtractResult {
  const results: ExtractResult[] = [];
  const stack: SyntaxNode[] = [...childBlocks(bodyOf(root))].reverse();
  for (let block = stack.pop(); block; block = stack.pop()) {
    const [type = '', name = ''] = blockLabels(block);
    const reader = blockType(block) === 'resource' ? (READERS[type] ?? kubernetesReader(type)) : undefined;
    if (reader) results.push(reader(src, block, `tf:${type}.${name}`));
    // On into every block: a syntax error can leave later resources nested anywhere in an earlier one.
    stack.push(...childBlocks(bodyOf(block)).reverse());
  }
  return mergeResults(results);
}

/** `kubernetes_deployment`, `_v1`, `kubernetes_pod`, `kubernetes_cron_job`...: every `container` block. */
function kubernetesReader(type: string): Reader | undefined {
  if (!type.startsWith('kubernetes_')) return undefined;
  return (src, resource, scope) => {
    const results: ExtractResult[] = [];
    const stack: SyntaxNode[] = [resource];
    for (let block = stack.pop(); block; block = stack.pop()) {
      const kind = blockType(block);
      if (block !== resource && (kind === 'container' || kind === 'init_container')) {
        results.push(kubernetesContainer(src, block, `k8s:${scope.slice('tf:'.length)}`));
      } else stack.push(...childBlocks(bodyOf(block)).reverse());
    }
    return mergeResults(results);
  };
}

function kubernetesContainer(src: HclSource, container: SyntaxNode, prefix: string): ExtractResult {
  const scope = `${prefix}/${stringValue(attributeIn(container, 'name')) ?? ''}`;
  return mergeResults([
    imageResult(stringValue(attributeIn(container, 'image')), scope),
    blockEnv(src, blocksIn(container, 'env'), { scope }),
    commandResult(src, [attributeIn(container, 'command'), attributeIn(container, 'args')], scope),
  ]);
}

/** `manifest = { ... }`: the object form of a Kubernetes manifest, every `containers` list in it. */
function manifest(src: HclSource, resource: SyntaxNode, scope: string): ExtractResult {
  const results: ExtractResult[] = [];
  const stack: SyntaxNode[] = [];
  const root = attributeIn(resource, 'manifest');
  if (root) stack.push(root);
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const entry of objectEntries(node)) {
      if (entry.key === 'containers' || entry.key === 'initContainers') {
        for (const container of tupleItems(entry.value)) {
          const containerScope = `k8s:${scope.slice('tf:'.length)}/${stringValue(entryValue(container, 'name')) ?? ''}`;
          results.push(
            imageResult(stringValue(entryValue(container, 'image')), containerScope),
            listEnv(src, entryValue(container, 'env'), { scope: containerScope }),
            commandResult(src, [entryValue(container, 'command'), entryValue(container, 'args')], containerScope),
          );
        }
      } else stack.push(entry.value, ...tupleItems(entry.value));
    }
  }
  return mergeResults(results);
}

/** Cloud Run: `containers` blocks (under `template.spec` in v1, `template` in v2) with `env` blocks. */
function cloudRun(src: HclSource, resource: SyntaxNode, scope: string): ExtractResult {
  const results: ExtractResult[] = [];
  const stack: SyntaxNode[] = [resource];
  let count = 0;
  for (let block = stack.pop(); block; block = stack.pop()) {
    if (blockType(block) !== 'containers') {
      stack.push(...childBlocks(bodyOf(block)).reverse());
      continue;
    }
    count++;
    const name = stringValue(attributeIn(block, 'name')) ?? String(count);
    const containerScope = `cloudrun:${scope.slice('tf:'.length)}/${name}`;
    results.push(
      imageResult(stringValue(attributeIn(block, 'image')), containerScope),
      blockEnv(src, blocksIn(block, 'env'), { scope: containerScope }),
      commandResult(src, [attributeIn(block, 'command'), attributeIn(block, 'args')], containerScope),
    );
  }
  return mergeResults(results);
}

/** The runtime an application stack or Lambda runtime names (`python_version`, `nodejs20.x`, `java21`). */
const STACKS: readonly (readonly [RegExp, RuntimeHint['runtime']])[] = [
  [/^python/, 'python'],
  [/^node/, 'nodejs'],
  [/^java/, 'java'],
  [/^dotnet/, 'dotnet'],
  [/^php/, 'php'],
  [/^ruby/, 'ruby'],
  [/^go/, 'go'],
];

function stackHints(names: readonly string[], scope: string, reason: (name: string) => string): RuntimeHint[] {
  return names.flatMap((name) => {
    const runtime = STACKS.find(([pattern]) => pattern.test(name.toLowerCase()))?.[1];
    return runtime ? [{ runtime, scope, reason: reason(name) }] : [];
  });
}

/** App Service reads `@Microsoft.KeyVault(...)` settings from Key Vault when the app starts. */
const KEY_VAULT = /^@Microsoft\.KeyVault\(/i;

/** Azure App Service: `app_settings`; the stack from `site_config.application_stack`, the system from the type. */
function webApp(
  src: HclSource,
  resource: SyntaxNode,
  scope: string,
  os: 'linux' | 'windows' | undefined,
): ExtractResult {
  const stack = blocksIn(blocksIn(resource, 'site_config')[0], 'application_stack')[0];
  const versions = attributesOf(stack && bodyOf(stack)).map((a) => a.name.text);
  const runtimeHints = stackHints(versions, scope, (name) => `application_stack ${name}`);
  const type = blockLabels(resource)[0] ?? '';
  return mergeResults([
    { occurrences: [], problems: [], runtimeHints, ...(os ? { osHints: [{ os, scope, reason: type }] } : {}) },
    mapEnv(src, attributeIn(resource, 'app_settings'), { scope, resolved: KEY_VAULT }),
  ]);
}

/** Lambda: `environment { variables = { ... } }`, the runtime from `runtime = "python3.12"`. */
function lambda(src: HclSource, resource: SyntaxNode, scope: string): ExtractResult {
  const runtime = stringValue(attributeIn(resource, 'runtime'));
  const runtimeHints = stackHints(runtime ? [runtime] : [], scope, (name) => `runtime ${name}`);
  return mergeResults([
    { occurrences: [], problems: [], runtimeHints },
    ...blocksIn(resource, 'environment').map((env) => mapEnv(src, attributeIn(env, 'variables'), { scope })),
  ]);
}

const DATADOG_NAME = /^(DD|DATADOG)_[A-Z0-9_]+$/;

/**
 * A `.tfvars` file only assigns input variables, so nothing says which process reads them: only maps
 * and `{ name, value }` lists that hold Datadog names are read, each variable a scope.
 */
function tfvars(src: HclSource, root: SyntaxNode): ExtractResult {
  return mergeResults(
    attributesOf(bodyOf(root)).map(({ name, value }) => {
      const place = { scope: `tfvars:${name.text}`, noVariables: true };
      const keys = objectEntries(value).map((entry) => entry.key ?? '');
      if (keys.some((key) => DATADOG_NAME.test(key))) return mapEnv(src, value, place);
      const names = tupleItems(value).map((item) => stringValue(entryValue(item, 'name')) ?? '');
      return names.some((n) => DATADOG_NAME.test(n)) ? listEnv(src, value, place) : emptyResult();
    }),
  );
}
