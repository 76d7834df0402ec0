/**
 * docker-compose services and Kubernetes containers: each a scope with its image, environment and
 * command line.
 */
import { isScalar, type Pair } from 'yaml';
import type { ExtractResult, OsHint, Range, RuntimeHint } from '../types.js';
import { extractCommandLine, type CommandWord } from './commandLine.js';
import { unreadJvmVariablesInContainer } from './jvmLaunch.js';
import { mergeResults } from './result.js';
import { hintsFromImage, osOfImage } from './runtimeHints.js';
import { composeEnvironment, kubernetesEnv } from './yamlEnv.js';
import { get, pairsOf, rangeOf, resolve, scalarText, seqItems, type YamlContext } from './yamlNodes.js';

export function readCompose(y: YamlContext, services: unknown): ExtractResult {
  return mergeResults(
    pairsOf(y, services).map((pair) => {
      const scope = `compose:${scalarText(pair.key) ?? ''}`;
      const service = pair.value;
      const [entrypoint = [], command = []] = ['entrypoint', 'command'].map((key) =>
        commandWords(y, get(y, service, key)),
      );
      return containerResult(y, {
        scope,
        image: scalarText(get(y, service, 'image')),
        env: composeEnvironment(y, get(y, service, 'environment'), scope),
        start: { words: entrypoint, keyword: 'entrypoint:' },
        then: { words: command, keyword: 'command:' },
      });
    }),
  );
}

/**
 * Every container list anywhere in the manifest: Pods, workloads' templates, CronJobs' job templates.
 * Each map is read once, however many aliases lead to it, and without recursion (nesting may be deep).
 */
export function readKubernetes(y: YamlContext, root: unknown, prefix: string): ExtractResult {
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

export function readContainer(y: YamlContext, container: unknown, prefix: string): ExtractResult {
  const scope = `${prefix}/${scalarText(get(y, container, 'name')) ?? ''}`;
  return containerResult(y, {
    scope,
    image: scalarText(get(y, container, 'image')),
    env: kubernetesEnv(y, get(y, container, 'env'), scope),
    start: { words: commandWords(y, get(y, container, 'command')), keyword: 'command:' },
    then: { words: commandWords(y, get(y, container, 'args')), keyword: 'args:' },
  });
}

interface ContainerParts {
  readonly scope: string;
  readonly image: string | undefined;
  readonly env: ExtractResult;
  /** The program and its arguments, as the two keys that write them (compose `entrypoint`/`command`, k8s `command`/`args`). */
  readonly start: { readonly words: CommandWord[]; readonly keyword: string };
  readonly then: { readonly words: CommandWord[]; readonly keyword: string };
}

/** One container: its image, environment, and command line, with JVM options the start leaves unread. */
function containerResult(y: YamlContext, parts: ContainerParts): ExtractResult {
  const { scope, image, env, start, then } = parts;
  const unread = unreadJvmVariablesInContainer(env.occurrences, start, then, image);
  return mergeResults([
    imageEvidence(image, scope),
    env,
    { occurrences: [], problems: unread, runtimeHints: [] },
    extractCommandLine([...start.words, ...then.words], {
      scope,
      bakedIn: false,
      source: { text: y.text, index: y.index },
    }),
  ]);
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

/**
 * What an image says of the scope that runs it: runtimes, the image itself (for rules that tell the
 * Agent from the application), the operating system. An image a template fills in says nothing.
 */
export function imageEvidence(image: string | undefined, scope: string): ExtractResult {
  if (!image || image.includes('{{')) return { occurrences: [], problems: [], runtimeHints: [] };
  return {
    occurrences: [],
    problems: [],
    runtimeHints: imageHints(image, scope),
    images: [{ scope, image }],
    osHints: imageOs(image, scope),
  };
}
