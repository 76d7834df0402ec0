/**
 * docker compose and Kubernetes YAML: the settings go into the chosen service's `environment:` (map or
 * list, as it is written) or the chosen container's `env:` list, created after the last key when
 * missing, at the indentation the file uses. Values are double-quoted: Kubernetes takes only strings
 * and compose rejects a bare boolean.
 */
import { LineCounter, isMap, isSeq, parseAllDocuments, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { RUNTIMES } from '../../types.js';
import {
  createWalk,
  get,
  indexAliases,
  pairsOf,
  resolve,
  scalarText,
  seqItems,
  type YamlContext,
} from '../../formats/yamlNodes.js';
import { indentUnit, insertLines, isBare, lineAfter } from './text.js';
import type { Entry, FormatInput, FormatPlanner, SetupTarget } from './types.js';

const COMPOSE_NAME = /^(docker-)?compose([.-].*)?\.ya?ml$/i;

interface Place extends SetupTarget {
  readonly kind: 'compose' | 'k8s';
  readonly y: YamlContext;
  /** The service or container map; undefined for a compose file with no service yet. */
  readonly node?: YAMLMap;
}

function places(input: FormatInput): Place[] {
  const docs = parseAllDocuments(input.text, { lineCounter: new LineCounter(), uniqueKeys: false });
  const found: Place[] = [];
  const walk = createWalk();
  for (const doc of Array.isArray(docs) ? docs : []) {
    indexAliases(walk, doc);
    const y: YamlContext = { doc, text: input.text, index: input.index, walk };
    const root = doc.contents;
    const services = pairsOf(y, get(y, root, 'services'));
    for (const pair of services) {
      const name = scalarText(pair.key) ?? '';
      const node = resolve(y, pair.value);
      if (isMap(node))
        found.push({ scope: `compose:${name}`, label: `service ${name}`, service: name, kind: 'compose', y, node });
    }
    const kind = scalarText(get(y, root, 'kind'));
    if (services.length === 0 && kind && get(y, root, 'apiVersion') !== undefined) {
      const prefix = `k8s:${kind}/${scalarText(get(y, get(y, root, 'metadata'), 'name')) ?? ''}`;
      found.push(...containers(y, root, prefix));
    }
  }
  if (found.length === 0 && COMPOSE_NAME.test(input.fileName) && input.text.trim() === '') {
    const y: YamlContext = { doc: docs[0]!, text: input.text, index: input.index, walk };
    found.push({ scope: 'compose:app', label: 'a new service app', service: 'app', kind: 'compose', y });
  }
  return found;
}

function containers(y: YamlContext, node: unknown, prefix: string): Place[] {
  return pairsOf(y, node).flatMap((pair) => {
    const key = scalarText(pair.key);
    if (key === 'containers' || key === 'initContainers') {
      return seqItems(y, pair.value).flatMap((item): Place[] => {
        const name = scalarText(get(y, item, 'name')) ?? '';
        return isMap(item)
          ? [{ scope: `${prefix}/${name}`, label: `container ${name}`, service: name, kind: 'k8s', y, node: item }]
          : [];
      });
    }
    return pair.value && typeof pair.value === 'object' ? containers(y, pair.value, prefix) : [];
  });
}

export const yamlPlanner: FormatPlanner = {
  runtimes: RUNTIMES,
  surface: 'env',
  platform: 'linux',
  targets: (input) =>
    places(input).map(({ scope, label, service }) => ({ scope, label, ...(service ? { service } : {}) })),
  unsupported(input) {
    const docs = parseAllDocuments(input.text, { uniqueKeys: false });
    if ((Array.isArray(docs) ? docs : []).some((doc) => doc.errors.length > 0))
      return 'The YAML has syntax errors; fix them first.';
    return places(input).length > 0
      ? undefined
      : 'This YAML file has no compose service or Kubernetes container to configure.';
  },
  insert(input, target, entries) {
    const place = places(input).find((p) => p.scope === target.scope);
    if (!place) return 'The chosen service or container is no longer in the file.';
    // YAML indents with spaces only.
    const unit = indentUnit(input.text).replace('\t', '  ');
    if (!place.node) {
      const lines = [
        'services:',
        `${unit}app:`,
        `${unit}${unit}environment:`,
        ...entries.map((e) => `${unit.repeat(3)}${composePair(e)}`),
      ];
      return [insertLines(input.text, input.index, input.index.lineCount, lines, input.eol)];
    }
    return intoPlace(input, place, place.node, entries, unit);
  },
};

function intoPlace(
  input: FormatInput,
  place: Place,
  node: YAMLMap,
  entries: readonly Entry[],
  unit: string,
): TextEdit[] | string {
  const key = place.kind === 'compose' ? 'environment' : 'env';
  if (node.flow) return `The ${place.label} is written in flow style ({…}); add the settings by hand.`;
  const own = node.items.find((pair) => scalarText(pair.key) === key);
  if (!own && get(place.y, node, key) !== undefined)
    return `The ${place.label} takes its ${key}: from a merged anchor; add the settings there or by hand.`;
  const keyColumn = columnOf(input, (node.items[0]?.key as { range?: number[] } | undefined)?.range?.[0] ?? 0);
  const value = resolve(place.y, own?.value);
  const write = (column: string, list: boolean): string[] =>
    entries.flatMap((e) =>
      place.kind === 'k8s' ? k8sItem(e, column) : [column + (list ? composeListItem(e) : composePair(e))],
    );
  if (isMap(value) || isSeq(value)) {
    if (value.flow) return `The ${key}: of ${place.label} is written in flow style; add the settings by hand.`;
    const first = value.items[0] as Pair | { range?: number[] } | undefined;
    const start =
      (isSeq(value)
        ? (first as { range?: number[] })?.range?.[0]
        : ((first as Pair)?.key as { range?: number[] })?.range?.[0]) ?? 0;
    const column = isSeq(value) ? dashColumn(input.text, input, start) : columnOf(input, start);
    const end = value.range?.[1] ?? start;
    return [
      insertLines(
        input.text,
        input.index,
        lineAfter(input.text, input.index, end),
        write(column, isSeq(value)),
        input.eol,
      ),
    ];
  }
  const inner = keyColumn + unit;
  if (own) {
    const at = lineAfter(input.text, input.index, (own.key as { range?: number[] }).range?.[1] ?? 0);
    return [insertLines(input.text, input.index, at, write(inner, false), input.eol)];
  }
  const end = node.range?.[1] ?? 0;
  const lines = [`${keyColumn}${key}:`, ...write(inner, false)];
  return [insertLines(input.text, input.index, lineAfter(input.text, input.index, end), lines, input.eol)];
}

function columnOf(input: FormatInput, offset: number): string {
  const position = input.index.positionAt(offset);
  return input.text.slice(input.index.lineStart(position.line), offset).replace(/[^\t]/g, ' ');
}

/** The indentation of a list item's `-`, found by walking back from the item's content. */
function dashColumn(text: string, input: FormatInput, itemStart: number): string {
  let at = itemStart - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--;
  return columnOf(input, text[at] === '-' ? at : itemStart);
}

function composePair(e: Entry): string {
  return `${e.name}: ${JSON.stringify(e.value)}`;
}

function composeListItem(e: Entry): string {
  return isBare(e.value) ? `- ${e.name}=${e.value}` : `- ${JSON.stringify(`${e.name}=${e.value}`)}`;
}

function k8sItem(e: Entry, column: string): string[] {
  return [`${column}- name: ${e.name}`, `${column}  value: ${JSON.stringify(e.value)}`];
}
