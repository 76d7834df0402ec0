/**
 * docker-compose files and Kubernetes manifests, parsed with the `yaml` package (node ranges, anchors,
 * aliases, merge keys, several documents per file). Other YAML (CI workflows, OpenAPI...) yields
 * nothing: no noise where no profiler settings can be.
 */
import { LineCounter, parseAllDocuments, isScalar, type Pair } from 'yaml';
import type { ExtractContext, ExtractResult, Finding, OsHint, Range, RuntimeHint, ScopeImage } from '../types.js';
import { createLineIndex } from '../text/lineIndex.js';
import { extractCommandLine, type CommandWord } from './commandLine.js';
import { emptyResult, mergeResults } from './result.js';
import { hintsFromImage, osOfImage } from './runtimeHints.js';
import { MAX_YAML_NESTING, yamlNestingDepth } from './yamlDepth.js';
import { composeEnvironment, kubernetesEnv } from './yamlEnv.js';
import {
  createWalk,
  get,
  indexAliases,
  MAX_YAML_ENTRIES,
  overBudget,
  pairsOf,
  rangeOf,
  resolve,
  scalarText,
  seqItems,
  type YamlContext,
} from './yamlNodes.js';

const COMPOSE_NAME = /^(docker-)?compose([.-].*)?\.ya?ml$/i;
const MAX_ERRORS = 5;

/** Top-level keys that make a file a compose file or a manifest before it is parsed. */
const COMPOSE_OR_MANIFEST = /^(services|apiVersion|kind):/m;

export function extractYaml(text: string, ctx: ExtractContext): ExtractResult {
  if (yamlNestingDepth(text) > MAX_YAML_NESTING) {
    // Say so only where settings can be: other YAML stays silent, parsed or not.
    return COMPOSE_NAME.test(ctx.fileName) || COMPOSE_OR_MANIFEST.test(text) ? tooDeepNote() : emptyResult();
  }
  const index = createLineIndex(text);
  const documents = parseAllDocuments(text, { lineCounter: new LineCounter(), uniqueKeys: false });
  const docs = Array.isArray(documents) ? documents : [];
  const walk = createWalk();
  const results = docs.map((doc) => {
    indexAliases(walk, doc);
    return readDocument({ doc, text, index, walk }, COMPOSE_NAME.test(ctx.fileName));
  });
  const relevant = results.some((r) => r.relevant);
  if (!relevant) return emptyResult();
  const errors = docs
    .flatMap((doc) => doc.errors)
    .slice(0, MAX_ERRORS)
    .map((error): Finding => ({
      code: 'parse-error',
      severity: 'error',
      message: `YAML syntax error: ${error.message.split('\n')[0]}`,
      range: index.rangeOf(error.pos[0], Math.max(error.pos[0], error.pos[1])),
    }));
  if (overBudget(walk)) errors.push(expansionNote());
  return mergeResults([{ occurrences: [], problems: errors, runtimeHints: [] }, ...results.map((r) => r.result)]);
}

function tooDeepNote(): ExtractResult {
  const at = { line: 0, character: 0 };
  const message = `This YAML file is not checked: it nests more than ${MAX_YAML_NESTING} levels deep, past what the parser handles.`;
  return {
    occurrences: [],
    problems: [{ code: 'parse-error', severity: 'warning', message, range: { start: at, end: at } }],
    runtimeHints: [],
  };
}

function expansionNote(): Finding {
  const at = { line: 0, character: 0 };
  return {
    code: 'parse-error',
    severity: 'warning',
    message: `Anchors, aliases and merge keys expand this file past ${MAX_YAML_ENTRIES.toLocaleString('en-US')} entries: the settings beyond that were not checked.`,
    range: { start: at, end: at },
  };
}

function readDocument(y: YamlContext, composeByName: boolean): { relevant: boolean; result: ExtractResult } {
  const root = y.doc.contents;
  const services = get(y, root, 'services');
  if (pairsOf(y, services).length > 0 || (composeByName && root !== null)) {
    return { relevant: true, result: readCompose(y, services) };
  }
  const kind = scalarText(get(y, root, 'kind'));
  if (kind && get(y, root, 'apiVersion') !== undefined) {
    const name = scalarText(get(y, get(y, root, 'metadata'), 'name')) ?? '';
    return { relevant: true, result: readKubernetes(y, root, `k8s:${kind}/${name}`) };
  }
  return { relevant: false, result: emptyResult() };
}

function readCompose(y: YamlContext, services: unknown): ExtractResult {
  return mergeResults(
    pairsOf(y, services).map((pair) => {
      const scope = `compose:${scalarText(pair.key) ?? ''}`;
      const service = pair.value;
      const image = scalarText(get(y, service, 'image'));
      const hints = image ? imageHints(image, scope) : [];
      const commands = ['entrypoint', 'command'].map((key) => commandWords(y, get(y, service, key)));
      return mergeResults([
        {
          occurrences: [],
          problems: [],
          runtimeHints: hints,
          ...imageOf(image, scope),
          osHints: image ? imageOs(image, scope) : [],
        },
        composeEnvironment(y, get(y, service, 'environment'), scope),
        extractCommandLine(commands.flat(), { scope, bakedIn: false, source: { text: y.text, index: y.index } }),
      ]);
    }),
  );
}

/**
 * Every container list anywhere in the manifest: Pods, workloads' templates, CronJobs' job templates.
 * Each map is read once, however many aliases lead to it, and without recursion (nesting may be deep).
 */
function readKubernetes(y: YamlContext, root: unknown, prefix: string): ExtractResult {
  const results: ExtractResult[] = [];
  const seen = new Set<unknown>();
  // Depth first, in document order: a task is a map to read or a container list found in one.
  const stack: ({ readonly map: unknown } | { readonly containers: unknown })[] = [{ map: root }];
  for (let task = stack.pop(); task; task = stack.pop()) {
    if ('containers' in task) {
      for (const container of seqItems(y, task.containers)) results.push(readContainer(y, container, prefix));
      continue;
    }
    const node = resolve(y, task.map);
    if (seen.has(node)) continue;
    seen.add(node);
    const pairs = pairsOf(y, node);
    for (let i = pairs.length - 1; i >= 0; i--) {
      const pair = pairs[i] as Pair;
      const key = scalarText(pair.key);
      if (key === 'containers' || key === 'initContainers') stack.push({ containers: pair.value });
      else if (pair.value && typeof pair.value === 'object') stack.push({ map: pair.value });
    }
  }
  return mergeResults(results);
}

function readContainer(y: YamlContext, container: unknown, prefix: string): ExtractResult {
  const scope = `${prefix}/${scalarText(get(y, container, 'name')) ?? ''}`;
  const image = scalarText(get(y, container, 'image'));
  const words = [...commandWords(y, get(y, container, 'command')), ...commandWords(y, get(y, container, 'args'))];
  return mergeResults([
    {
      occurrences: [],
      problems: [],
      runtimeHints: image ? imageHints(image, scope) : [],
      ...imageOf(image, scope),
      osHints: image ? imageOs(image, scope) : [],
    },
    kubernetesEnv(y, get(y, container, 'env'), scope),
    extractCommandLine(words, { scope, bakedIn: false, source: { text: y.text, index: y.index } }),
  ]);
}

/** The scope's image for rules that tell the Agent from the application; nothing when none is named. */
function imageOf(image: string | undefined, scope: string): { images?: ScopeImage[] } {
  return image ? { images: [{ scope, image }] } : {};
}

function imageHints(image: string, scope: string): RuntimeHint[] {
  return hintsFromImage(image).map((runtime) => ({ runtime, scope, reason: `image ${image}` }));
}

function imageOs(image: string, scope: string): OsHint[] {
  const os = osOfImage(image);
  return os ? [{ os, scope, reason: `image ${image}` }] : [];
}

/** A command as a list of scalars, or one string split on spaces (as compose does). */
function commandWords(y: YamlContext, node: unknown): CommandWord[] {
  if (isScalar(node) && typeof node.value === 'string' && node.range) {
    const start = node.range[0] + (node.type === 'PLAIN' ? 0 : 1);
    return [...node.value.matchAll(/\S+/g)].map((m) => ({
      value: m[0].replace(/^(["'])(.*)\1$/, '$2'),
      range: y.index.rangeOf(start + (m.index ?? 0), start + (m.index ?? 0) + m[0].length),
    }));
  }
  return seqItems(y, node).flatMap((item) => {
    const range: Range | undefined = isScalar(item) ? rangeOf(y, item) : undefined;
    return range ? [{ value: scalarText(item) ?? '', range }] : [];
  });
}
