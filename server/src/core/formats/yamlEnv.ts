/**
 * Environment entries in YAML, with the typing traps each place has: Kubernetes rejects any env
 * `value` that is not a string; compose rejects a boolean in the map form of `environment:` (numbers it
 * turns into text). CI pipelines, serverless.yml and Helm values write `KEY: value` maps too, each
 * with its own reference syntax: an {@link EnvDialect} says what differs.
 */
import { isMap, isScalar, isSeq, type Pair, type Scalar } from 'yaml';
import type { ExtractResult, Finding, Range, SettingOccurrence } from '../types.js';
import { extractJvmOptionsOf } from './commandLine.js';
import { emptyResult, mergeResults } from './result.js';
import {
  get,
  lineSpan,
  pairsOf,
  quoteFix,
  quotingOf,
  rangeOf,
  resolve,
  scalarText,
  seqItems,
  sourceOf,
  typedScalar,
  type YamlContext,
} from './yamlNodes.js';

/** How one place writes environment maps: what a reference looks like, and what it rejects. */
export interface EnvDialect {
  /** Source text that the tool running the file replaces (`${VAR}`, `${{ secrets.X }}`, `{{ .Values.x }}`). */
  readonly reference: RegExp;
  /** A problem with a plain scalar's YAML type in this place, if it has one. */
  readonly typeProblem?: (y: YamlContext, value: Scalar) => Finding | undefined;
  /**
   * A value written as a map or a list: GitLab's `{ value: x, expand: false }` gives a scalar (read
   * verbatim, `$` included, when not expanded); CloudFormation's `{ Ref: X }` is a reference.
   */
  readonly structured?: (
    y: YamlContext,
    value: unknown,
  ) => { readonly value: Scalar; readonly verbatim: boolean } | 'reference' | undefined;
  /** A value with a YAML tag (`!Ref Bucket`) is computed by the tool, not text. */
  readonly tagsAreReferences?: boolean;
  /** How a fix that moves a key out of the file writes the reference; omitted: `${NAME}`. */
  readonly environmentReference?: SettingOccurrence['environmentReference'];
}

/** `${VAR}`, `$(...)` and template actions: what compose, Kubernetes and Helm replace before the runtime reads it. */
export const DEFAULT_REFERENCE = /\$\{|\$\(|\{\{/;

const COMPOSE: EnvDialect = {
  reference: DEFAULT_REFERENCE,
  typeProblem: (y, value) =>
    value.type === 'PLAIN' && typeof value.value === 'boolean'
      ? quoteFix(
          y,
          value,
          `docker compose rejects the boolean \`${sourceOf(y, value)}\` in \`environment:\`: values must be strings, numbers or null. Quote it.`,
          'error',
        )
      : undefined,
};

/** `environment:` of a compose service: a map (`KEY: value`) or a list (`- KEY=value`). */
export function composeEnvironment(y: YamlContext, node: unknown, scope: string): ExtractResult {
  const resolved = resolve(y, node);
  if (isMap(resolved)) return envMap(y, resolved, scope, COMPOSE);
  return mergeResults(
    seqItems(y, resolved).map((item) => (isScalar(item) ? composeListItem(y, item, scope) : emptyResult())),
  );
}

/** A `KEY: value` map of environment variables, read the way `dialect` says. */
export function envMap(y: YamlContext, node: unknown, scope: string, dialect: EnvDialect): ExtractResult {
  const resolved = resolve(y, node);
  // `env:` with a first name being typed on the next line (no `:` yet) is a scalar, not a map.
  if (isScalar(resolved) && resolved.type === 'PLAIN' && resolved.range && ENV_NAME.test(sourceOf(y, resolved))) {
    const name = sourceOf(y, resolved);
    const nameRange = rangeOf(y, resolved);
    if (nameRange) {
      return withOccurrence({
        ...envBase(y, name, nameRange, scope, resolved.range[0], resolved.range[1]),
        valueKind: 'none',
      });
    }
  }
  return mergeResults(pairsOf(y, resolved).map((pair) => envPair(y, pair, scope, dialect)));
}

/** Upper case, as environment names are written: `environment: staging` is a value, not a name. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * Where the value of `KEY:` will go when there is none yet: the blanks after `: ` on the key's line,
 * so that completion offers values there.
 */
function emptyValueSlot(y: YamlContext, key: Scalar): Range | undefined {
  if (!key.range) return undefined;
  const rest = /^:( +)(?=\r?\n|$)/.exec(y.text.slice(key.range[1]));
  if (!rest?.[1]) return undefined;
  const start = key.range[1] + 2;
  return y.index.rangeOf(start, start + rest[1].length - 1);
}

function envPair(y: YamlContext, pair: Pair, scope: string, dialect: EnvDialect): ExtractResult {
  const key = pair.key as Scalar;
  const raw = resolve(y, pair.value);
  const name = scalarText(key);
  const nameRange = rangeOf(y, key);
  if (!name || !nameRange || !isScalar(key) || !key.range) return emptyResult();
  const structured = isMap(raw) || isSeq(raw) ? dialect.structured?.(y, raw) : undefined;
  const value = structured === undefined || structured === 'reference' ? (structured ?? raw) : structured.value;
  const verbatim = typeof structured === 'object' && structured.verbatim;
  // A value this place does not read (a broken flow list) is not part of what "remove" deletes.
  const valueEnd = isScalar(raw) || structured !== undefined ? (raw as Scalar).range : undefined;
  const end = (valueEnd ? valueEnd[2] : key.range[2]) ?? key.range[1];
  const base = {
    ...envBase(y, name, nameRange, scope, key.range[0], end),
    ...(dialect.environmentReference ? { environmentReference: dialect.environmentReference } : {}),
  };
  if (value === 'reference' || (dialect.tagsAreReferences && isScalar(value) && value.tag)) {
    return withOccurrence({ ...base, valueKind: 'reference' });
  }
  if (!isScalar(value) || value.value === null) {
    const empty = value === null || value === undefined || (isScalar(value) && sourceOf(y, value) === '');
    const slot = empty ? emptyValueSlot(y, key) : undefined;
    return withOccurrence({ ...base, ...(slot ? { valueRange: slot } : {}), valueKind: 'none' });
  }
  const occurrence = scalarOccurrence(y, base, value, verbatim ? /(?!)/ : dialect.reference);
  const problem = dialect.typeProblem?.(y, value);
  return mergeResults([
    { occurrences: [occurrence], problems: problem ? [problem] : [], runtimeHints: [] },
    jvm(y, occurrence, scope),
  ]);
}

function composeListItem(y: YamlContext, item: Scalar, scope: string): ExtractResult {
  const text = scalarText(item) ?? '';
  const range = item.range;
  if (!range) return emptyResult();
  const at = range[0] + (item.type === 'PLAIN' ? 0 : 1);
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  const base = envBase(y, name, y.index.rangeOf(at, at + name.length), scope, range[0], range[1]);
  if (eq < 0) return withOccurrence({ ...base, valueKind: 'none' });
  const value = text.slice(eq + 1);
  const valueRange = listValueRange(y, item, name);
  const occurrence: SettingOccurrence = {
    ...base,
    value,
    ...(valueRange ? { valueRange } : {}),
    valueKind: DEFAULT_REFERENCE.test(value) || /\$[A-Za-z_]/.test(value) ? 'reference' : 'literal',
    quoting: 'none',
  };
  return mergeResults([withOccurrence(occurrence), jvm(y, occurrence, scope)]);
}

/**
 * Where the value of `- "KEY=value"` is in the source. In a quoted scalar the source may hold escapes
 * (`\"`, `\t`, `''`), so the value's source runs from after the `=` to the closing quote, whatever its
 * length once unescaped. `undefined` (no fixes) when the name itself is written with escapes.
 */
function listValueRange(y: YamlContext, item: Scalar, name: string): Range | undefined {
  const range = item.range;
  if (!range) return undefined;
  const quoted = item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE' ? 1 : 0;
  const start = range[0] + quoted;
  const end = range[1] - quoted;
  const source = y.text.slice(start, end);
  if (!source.startsWith(`${name}=`)) return undefined;
  return y.index.rangeOf(start + name.length + 1, end);
}

/** `env:` of a Kubernetes container (or a Helm value rendered into one): `- name: X` with `value:` or `valueFrom:`. */
export function kubernetesEnv(y: YamlContext, node: unknown, scope: string): ExtractResult {
  return mergeResults(seqItems(y, node).map((item) => kubernetesItem(y, item, scope)));
}

function kubernetesItem(y: YamlContext, item: unknown, scope: string): ExtractResult {
  const nameNode = pairsOf(y, item).find((p) => scalarText(p.key) === 'name')?.value as Scalar | undefined;
  const name = scalarText(nameNode);
  const nameRange = nameNode && rangeOf(y, nameNode);
  // An alias to an anchor that does not exist resolves to nothing.
  const itemRange = (item as { range?: [number, number, number] } | undefined)?.range;
  if (!name || !nameRange || !itemRange) return emptyResult();
  const base = envBase(y, name, nameRange, scope, itemRange[0], itemRange[1]);
  const value = get(y, item, 'value');
  if (get(y, item, 'valueFrom') !== undefined) return withOccurrence({ ...base, valueKind: 'reference' });
  if (!isScalar(value)) return withOccurrence({ ...base, valueKind: 'none' });
  const occurrence = scalarOccurrence(y, base, value);
  const problems: Finding[] = [];
  // kubectl reads manifests as YAML 1.1, where a plain yes/no/on/off is a boolean too.
  const yaml11Boolean = value.type === 'PLAIN' && /^(yes|no|on|off|y|n)$/i.test(sourceOf(y, value));
  if (
    typedScalar(value) ||
    yaml11Boolean ||
    (value.type === 'PLAIN' && value.value === null && sourceOf(y, value) !== '')
  ) {
    const shown = sourceOf(y, value);
    const problem = quoteFix(
      y,
      value,
      `Kubernetes rejects \`value: ${shown}\`: env values must be strings, and YAML reads this one as a ${kind(value)}. Quote it.`,
      'error',
    );
    if (problem) problems.push(problem);
  }
  return mergeResults([{ occurrences: [occurrence], problems, runtimeHints: [] }, jvm(y, occurrence, scope)]);
}

/** What every environment entry in YAML shares: its name, scope, and the lines that hold it. */
function envBase(y: YamlContext, name: string, nameRange: Range, scope: string, start: number, end: number) {
  return { surface: 'env' as const, name, nameRange, scope, bakedIn: false, removalRange: lineSpan(y, start, end) };
}

function scalarOccurrence(
  y: YamlContext,
  base: Omit<SettingOccurrence, 'valueKind'>,
  value: Scalar,
  reference = DEFAULT_REFERENCE,
): SettingOccurrence {
  const text = value.type === 'PLAIN' ? sourceOf(y, value) : (scalarText(value) ?? '');
  const valueRange = blockAware(y, value, rangeOf(y, value));
  return {
    ...base,
    value: text,
    ...(valueRange ? { valueRange } : {}),
    valueKind: reference.test(text) ? 'reference' : 'literal',
    quoting: quotingOf(value),
  };
}

/** A block scalar's range ends after its line break; a fix that replaces it must keep that break. */
function blockAware(y: YamlContext, value: Scalar, range: Range | undefined): Range | undefined {
  if (!range || !value.range || (value.type !== 'BLOCK_LITERAL' && value.type !== 'BLOCK_FOLDED')) return range;
  const source = y.text.slice(value.range[0], value.range[1]);
  return y.index.rangeOf(value.range[0], value.range[0] + source.trimEnd().length);
}

function jvm(y: YamlContext, occurrence: SettingOccurrence, scope: string): ExtractResult {
  return extractJvmOptionsOf(occurrence, { scope, bakedIn: false, source: { text: y.text, index: y.index } });
}

function kind(value: Scalar): string {
  if (typeof value.value === 'string') return 'boolean (YAML 1.1)';
  return value.value === null ? 'null' : typeof value.value === 'boolean' ? 'boolean' : 'number';
}

function withOccurrence(occurrence: SettingOccurrence): ExtractResult {
  return { occurrences: [occurrence], problems: [], runtimeHints: [] };
}
