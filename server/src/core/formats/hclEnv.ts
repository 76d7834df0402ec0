/**
 * Environment entries in HCL, in the three shapes Terraform providers and Nomad use: a map
 * (`variables = { DD_ENV = "prod" }`, Nomad `env { DD_ENV = "prod" }`), a list of objects
 * (`environment = [{ name = "DD_ENV", value = "prod" }]` in an ECS container definition) and repeated
 * blocks (`env { name = "DD_ENV" value = "prod" }` for Kubernetes and Cloud Run). Each becomes the same
 * occurrence, with the scope's image and runtime evidence beside it.
 */
import type { ExtractResult, Finding, OsHint, Range, RuntimeHint, SettingOccurrence, SyntaxNode } from '../types.js';
import { extractCommandLine, extractJvmOptionsOf, type CommandWord } from './commandLine.js';
import {
  attributeIn,
  attributesOf,
  blocksIn,
  bodyOf,
  entryValue,
  innerSpan,
  rangeIn,
  objectEntries,
  readValue,
  removalOf,
  stringLiteral,
  stringValue,
  tupleItems,
  type HclSource,
  type HclValue,
} from './hclNodes.js';
import { emptyResult, mergeResults } from './result.js';
import { hintsFromImage, osOfImage } from './runtimeHints.js';
import { isSecretName } from '../text/secretNames.js';

/** How a place reads values: `jsonencode` keeps booleans and numbers, which ECS then rejects. */
export interface EnvPlace {
  readonly scope: string;
  /** A boolean or number here is an error: the values go through `jsonencode` to an API that wants strings. */
  readonly stringsOnly?: string;
  /** A `.tfvars` file assigns input variables and cannot read any: no `var.x` to offer there. */
  readonly noVariables?: boolean;
  /** Literal text the platform itself resolves at run time (an Azure Key Vault reference). */
  readonly resolved?: RegExp;
}

/** `{ KEY = value, "KEY" = value }`: an object constructor used as a map of variables. */
export function mapEnv(src: HclSource, object: SyntaxNode | undefined, place: EnvPlace): ExtractResult {
  return mergeResults(
    objectEntries(object).map((entry) =>
      entry.key === undefined
        ? emptyResult()
        : envEntry(src, place, entry.key, rangeIn(src, entry.keySpan), readValue(entry.value), entry.node),
    ),
  );
}

/** Nomad's `env { KEY = value }`: attributes of a block as a map of variables. */
export function blockAttributesEnv(src: HclSource, block: SyntaxNode, place: EnvPlace): ExtractResult {
  return mergeResults(
    attributesOf(bodyOf(block)).map((a) =>
      envEntry(src, place, a.name.text, rangeIn(src, a.name), readValue(a.value), a.node),
    ),
  );
}

/** `[{ name = "KEY", value = "v" }, ...]`; `valueFrom` (ECS secrets, Kubernetes) is a reference. */
export function listEnv(src: HclSource, tuple: SyntaxNode | undefined, place: EnvPlace): ExtractResult {
  return mergeResults(
    tupleItems(tuple).map((item) => {
      const nameNode = entryValue(item, 'name');
      const literal = nameNode && stringLiteral(nameNode);
      const name = stringValue(nameNode);
      if (!literal || !name) return emptyResult();
      const valueNode = entryValue(item, 'value');
      const from = entryValue(item, 'valueFrom') ?? entryValue(item, 'value_from');
      const value = valueNode ? readValue(valueNode) : from ? referenceOf(from) : undefined;
      return envEntry(src, place, name, rangeIn(src, innerSpan(literal)), value, item);
    }),
  );
}

/** `env { name = "KEY" value = "v" }` blocks; `value_from { ... }`/`value_source { ... }` is a reference. */
export function blockEnv(src: HclSource, blocks: readonly SyntaxNode[], place: EnvPlace): ExtractResult {
  return mergeResults(
    blocks.map((block) => {
      const nameNode = attributeIn(block, 'name');
      const literal = nameNode && stringLiteral(nameNode);
      const name = stringValue(nameNode);
      if (!literal || !name) return emptyResult();
      const valueNode = attributeIn(block, 'value');
      const from = [...blocksIn(block, 'value_from'), ...blocksIn(block, 'value_source')][0];
      const value = valueNode ? readValue(valueNode) : from ? referenceOf(from) : undefined;
      return envEntry(src, place, name, rangeIn(src, innerSpan(literal)), value, block);
    }),
  );
}

function referenceOf(node: SyntaxNode): HclValue {
  return { kind: 'reference', type: 'other', node };
}

function envEntry(
  src: HclSource,
  place: EnvPlace,
  name: string,
  nameRange: Range,
  read: HclValue | undefined,
  entry: SyntaxNode,
): ExtractResult {
  const resolved = read?.kind === 'literal' && place.resolved?.test(read.value ?? '');
  const value: HclValue | undefined = read && resolved ? { ...read, kind: 'reference' } : read;
  const base = {
    surface: 'env' as const,
    name,
    nameRange,
    scope: place.scope,
    bakedIn: false,
    removalRange: removalOf(src, entry.startIndex, entry.endIndex),
    // Terraform and Nomad (HCL2 job specifications) both read input variables as `var.<name>`.
    ...(isSecretName(name) && !place.noVariables ? { secretReference: `var.${name.toLowerCase()}` } : {}),
  };
  const valueRange = value && value.kind !== 'none' ? rangeIn(src, value.node) : undefined;
  const occurrence: SettingOccurrence = {
    ...base,
    valueKind: value?.kind ?? 'none',
    ...(value?.value !== undefined && value.kind !== 'none' ? { value: value.value } : {}),
    // A heredoc value spans lines: replacing it in place is left to the user.
    ...(valueRange && !isHeredoc(value?.node) ? { valueRange, quoting: 'double' as const } : {}),
  };
  const problems: Finding[] = [];
  if (place.stringsOnly && value && (value.type === 'bool' || value.type === 'number') && valueRange) {
    problems.push(notAString(value, valueRange, place.stringsOnly));
  }
  return mergeResults([
    { occurrences: [occurrence], problems, runtimeHints: [] },
    extractJvmOptionsOf(occurrence, { scope: place.scope, bakedIn: false, source: src }),
  ]);
}

function isHeredoc(node: SyntaxNode | undefined): boolean {
  return node?.type === 'template_expr' && node.namedChildren[0]?.type === 'heredoc_template';
}

function notAString(value: HclValue, range: Range, where: string): Finding {
  const shown = value.value ?? '';
  return {
    code: 'value-syntax',
    severity: 'error',
    message: `${where} rejects the ${value.type === 'bool' ? 'boolean' : 'number'} \`${shown}\`: environment values must be strings. Quote it.`,
    range,
    fixes: [
      {
        title: `Quote the value: "${shown}"`,
        edits: [{ range, newText: JSON.stringify(shown), expected: shown }],
        preferred: true,
        safe: true,
      },
    ],
  };
}

/** The image a scope runs, with the runtime and system it implies. */
export function imageResult(image: string | undefined, scope: string): ExtractResult {
  if (!image) return emptyResult();
  const reason = `image ${image}`;
  const runtimeHints: RuntimeHint[] = hintsFromImage(image).map((runtime) => ({ runtime, scope, reason }));
  const os = osOfImage(image);
  const osHints: OsHint[] = os ? [{ os, scope, reason }] : [];
  return { occurrences: [], problems: [], runtimeHints, images: [{ scope, image }], ...(os ? { osHints } : {}) };
}

/**
 * A command given as lists of string literals (`command = ["java", "-jar", ...]`) or single strings
 * (Nomad's `command = "java"`), read as one command line.
 */
export function commandResult(
  src: HclSource,
  parts: readonly (SyntaxNode | undefined)[],
  scope: string,
): ExtractResult {
  const words: CommandWord[] = parts.flatMap((part) =>
    (part && stringLiteral(part) ? [part] : tupleItems(part)).flatMap((item) => {
      const literal = stringLiteral(item);
      const value = stringValue(item);
      return literal && value !== undefined ? [{ value, range: rangeIn(src, literal) }] : [];
    }),
  );
  return words.length > 0 ? extractCommandLine(words, { scope, bakedIn: false, source: src }) : emptyResult();
}
