/**
 * `aws_ecs_task_definition.container_definitions`, in the three ways it is written: `jsonencode([...])`
 * of HCL objects, a heredoc of JSON (read with jsonc-parser, offsets mapped back into the file), or a
 * `file()`/`templatefile()` call, which is named in a hint and not followed (the file is checked on its
 * own when it is one the tool reads). Each container is a scope with its image, so the Agent sidecar is
 * told from the application. Values pass through `jsonencode` to the ECS API, which wants strings.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { ExtractResult, Finding, OsHint, SettingOccurrence, SyntaxNode } from '../types.js';
import { extractCommandLine, extractJvmOptionsOf, type CommandWord } from './commandLine.js';
import { commandResult, imageResult, listEnv } from './hclEnv.js';
import {
  attributeIn,
  blocksIn,
  blockLabels,
  entryValue,
  rangeIn,
  removalOf,
  stringValue,
  tupleItems,
  unwrap,
  type HclSource,
} from './hclNodes.js';
import { emptyResult, mergeResults } from './result.js';
import { isSecretName } from '../text/secretNames.js';
import { namedChildrenOf } from './syntaxTree.js';

const ECS = 'ECS';

/** The containers of one `aws_ecs_task_definition` resource. */
export function ecsTaskDefinition(src: HclSource, resource: SyntaxNode): ExtractResult {
  const prefix = `ecs:${blockLabels(resource)[1] ?? ''}`;
  const definitions = attributeIn(resource, 'container_definitions');
  if (!definitions) return emptyResult();
  const os = platformOs(resource);
  const node = unwrap(definitions);
  const call = node.type === 'function_call' ? functionName(node) : undefined;
  let result: ExtractResult;
  if (call === 'jsonencode') result = hclContainers(src, node, prefix);
  else if (call === 'file' || call === 'templatefile') result = notFollowed(src, node, call);
  else if (node.type === 'template_expr' && node.namedChildren[0]?.type === 'heredoc_template')
    result = heredocContainers(src, node.namedChildren[0], prefix);
  else result = emptyResult();
  if (!os) return result;
  const scopes = new Set([...result.occurrences.map((o) => o.scope), ...(result.images ?? []).map((i) => i.scope)]);
  const osHints: OsHint[] = [...scopes].map((scope) => ({ ...os, scope }));
  return mergeResults([result, { occurrences: [], problems: [], runtimeHints: [], osHints }]);
}

/** `runtime_platform { operating_system_family = "WINDOWS_SERVER_2022_CORE" }`: the system of every container. */
function platformOs(resource: SyntaxNode): Omit<OsHint, 'scope'> | undefined {
  const family = stringValue(attributeIn(blocksIn(resource, 'runtime_platform')[0], 'operating_system_family'));
  if (!family) return undefined;
  return { os: /^WINDOWS/i.test(family) ? 'windows' : 'linux', reason: `operating_system_family ${family}` };
}

function functionName(call: SyntaxNode): string | undefined {
  const name = call.namedChildren[0];
  return name?.type === 'identifier' ? name.text : undefined;
}

function hclContainers(src: HclSource, call: SyntaxNode, prefix: string): ExtractResult {
  const args = namedChildrenOf(call).find((c) => c.type === 'function_arguments');
  const list = args?.namedChildren[0] ?? undefined;
  return mergeResults(
    tupleItems(list).map((container, i) => {
      const scope = `${prefix}/${stringValue(entryValue(container, 'name')) ?? String(i + 1)}`;
      const place = { scope, stringsOnly: ECS };
      return mergeResults([
        imageResult(stringValue(entryValue(container, 'image')), scope),
        listEnv(src, entryValue(container, 'environment'), place),
        listEnv(src, entryValue(container, 'secrets'), place),
        commandResult(src, [entryValue(container, 'entryPoint'), entryValue(container, 'command')], scope),
      ]);
    }),
  );
}

function notFollowed(src: HclSource, call: SyntaxNode, name: string): ExtractResult {
  const path = stringValue(
    namedChildrenOf(call).find((c) => c.type === 'function_arguments')?.namedChildren[0] ?? undefined,
  );
  const what = path ? `\`${path}\`` : 'another file';
  const problem: Finding = {
    code: 'parse-error',
    severity: 'hint',
    message: `The container definitions are read from ${what} by \`${name}()\`, which is not followed here: check that file on its own.`,
    range: rangeIn(src, call),
  };
  return { occurrences: [], problems: [problem], runtimeHints: [] };
}

/** A heredoc of JSON: its body parsed as the ECS API will, `${...}` outside strings read as a value. */
function heredocContainers(src: HclSource, heredoc: SyntaxNode, prefix: string): ExtractResult {
  const parts = namedChildrenOf(heredoc);
  const open = parts.find((c) => c.type === 'heredoc_identifier');
  const close = parts.filter((c) => c.type === 'heredoc_identifier').pop();
  // A `%{ for }` directive writes the JSON at plan time: there is no JSON to read here.
  if (!open || !close || open === close || parts.some((c) => c.type === 'template_directive')) return emptyResult();
  const newline = src.text.indexOf('\n', open.endIndex);
  const start = newline < 0 ? close.startIndex : newline + 1;
  const end = Math.max(start, close.startIndex);
  const spans = parts
    .filter((c) => c.type === 'template_interpolation')
    .map((c) => [c.startIndex - start, c.endIndex - start] as const);
  const body = maskInterpolations(src.text.slice(start, end), spans);
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  const j: JsonSource = { ...src, start };
  const problems: Finding[] = errors.slice(0, 1).map((error) => ({
    code: 'parse-error',
    severity: 'error',
    message: `The container definitions are not valid JSON (${printParseErrorCode(error.error)}): Terraform will refuse them.`,
    range: src.index.rangeOf(start + error.offset, start + error.offset + error.length),
  }));
  const containers = root?.type === 'array' ? (root.children ?? []) : [];
  return mergeResults([
    { occurrences: [], problems, runtimeHints: [] },
    ...containers.map((container, i) =>
      jsonContainer(j, container, `${prefix}/${jsonString(property(container, 'name')) ?? String(i + 1)}`),
    ),
  ]);
}

/**
 * `${...}` outside a JSON string becomes a number of the same length (`0    `), so the JSON around it
 * parses and every offset stays where it was; inside a string it stays, and marks the value a reference.
 */
function maskInterpolations(body: string, spans: readonly (readonly [number, number])[]): string {
  if (spans.length === 0) return body;
  const out: string[] = [];
  let inString = false;
  let at = 0;
  for (const [from, to] of spans) {
    for (let i = at; i < from; i++) {
      const ch = body[i];
      if (inString && ch === '\\') i++;
      else if (ch === '"') inString = !inString;
    }
    out.push(body.slice(at, from), inString ? body.slice(from, to) : '0'.padEnd(to - from, ' '));
    at = Math.max(at, to);
  }
  out.push(body.slice(at));
  return out.join('');
}

interface JsonSource extends HclSource {
  /** Where the JSON starts in the file. */
  readonly start: number;
}

function jsonContainer(j: JsonSource, container: JsonNode, scope: string): ExtractResult {
  const image = jsonString(property(container, 'image'));
  return mergeResults([
    imageResult(image, scope),
    ...['environment', 'secrets'].flatMap((key) =>
      (property(container, key)?.children ?? []).map((item) => jsonEnvItem(j, item, scope)),
    ),
    jsonCommand(j, [property(container, 'entryPoint'), property(container, 'command')], scope),
  ]);
}

function jsonEnvItem(j: JsonSource, item: JsonNode, scope: string): ExtractResult {
  const nameNode = property(item, 'name');
  const name = jsonString(nameNode);
  if (!nameNode || !name) return emptyResult();
  const value = property(item, 'value');
  const from = property(item, 'valueFrom');
  const base = {
    surface: 'env' as const,
    name,
    nameRange: j.index.rangeOf(j.start + nameNode.offset + 1, j.start + nameNode.offset + nameNode.length - 1),
    scope,
    bakedIn: false,
    removalRange: removalOf(j, j.start + item.offset, j.start + item.offset + item.length, true),
    ...(isSecretName(name) ? { secretReference: `"\${var.${name.toLowerCase()}}"` } : {}),
  };
  if (!value || value.type === 'null') {
    return { occurrences: [{ ...base, valueKind: from ? 'reference' : 'none' }], problems: [], runtimeHints: [] };
  }
  const valueRange = j.index.rangeOf(j.start + value.offset, j.start + value.offset + value.length);
  const text = typeof value.value === 'string' ? value.value : String(value.value);
  // In the heredoc `${...}` is Terraform's interpolation and `$${` a literal `${`.
  const reference = typeof value.value === 'string' && /(^|[^$])\$\{/.test(text);
  const occurrence: SettingOccurrence = {
    ...base,
    value: reference ? text : text.replace(/\$\$\{/g, '${'),
    valueRange,
    valueKind: reference ? 'reference' : 'literal',
    quoting: 'yamlString',
  };
  const problems: Finding[] = [];
  if (value.type === 'boolean' || value.type === 'number') {
    problems.push({
      code: 'value-syntax',
      severity: 'error',
      message: `${ECS} rejects the ${value.type} \`${text}\`: environment values must be strings. Quote it.`,
      range: valueRange,
      fixes: [
        {
          title: `Quote the value: "${text}"`,
          edits: [{ range: valueRange, newText: JSON.stringify(text), expected: text }],
          preferred: true,
          safe: true,
        },
      ],
    });
  }
  return mergeResults([
    { occurrences: [occurrence], problems, runtimeHints: [] },
    extractJvmOptionsOf(occurrence, { scope, bakedIn: false, source: j }),
  ]);
}

function jsonCommand(j: JsonSource, lists: readonly (JsonNode | undefined)[], scope: string): ExtractResult {
  const words: CommandWord[] = lists.flatMap((list) =>
    (list?.type === 'array' ? (list.children ?? []) : []).flatMap((item) =>
      item.type === 'string'
        ? [
            {
              value: String(item.value),
              range: j.index.rangeOf(j.start + item.offset, j.start + item.offset + item.length),
            },
          ]
        : [],
    ),
  );
  return words.length > 0 ? extractCommandLine(words, { scope, bakedIn: false, source: j }) : emptyResult();
}

function property(object: JsonNode | undefined, key: string): JsonNode | undefined {
  if (object?.type !== 'object') return undefined;
  const pair = object.children?.find((p) => p.children?.[0]?.value === key);
  return pair?.children?.[1];
}

function jsonString(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}
