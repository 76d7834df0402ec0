/**
 * Helm chart values (`values.yaml`, `values-prod.yaml`, `datadog-values.yaml`): environment written
 * for the chart to render into its pods, wherever it sits: lists of `- name: X` / `value: y` (rendered
 * as they are into a container's `env`, so Kubernetes' typing applies) and `KEY: value` maps, under
 * the keys charts use (`env`, `extraEnv`, `environment`, `envVars`...). Each is a scope, with the
 * `image` beside it. In the Datadog chart's values (`datadog:`, `agents:`, `clusterAgent:`...) the
 * environment is the Agent's, except the tracer settings that Single Step Instrumentation injects into
 * applications (`ddTraceConfigs`). Nothing in a values file is expanded, so there is no reference syntax.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { ExtractResult, ScopeImage } from '../types.js';
import { mergeResults } from './result.js';
import { ssiHints } from './yamlApplicationMonitoring.js';
import { imageEvidence } from './yamlContainers.js';
import { DEFAULT_REFERENCE, envMap, kubernetesEnv, type EnvDialect } from './yamlEnv.js';
import { get, pairsOf, resolve, scalarText, seqItems, type YamlContext } from './yamlNodes.js';

const VALUES_NAME = /^(.*[.-])?values([.-].*)?\.ya?ml$/i;

/** Keys under which charts take environment variables. */
const ENV_KEYS = new Set([
  'env',
  'extraEnv',
  'extraEnvs',
  'environment',
  'envVars',
  'extraEnvVars',
  'environmentVariables',
  'ddTraceConfigs',
]);

/** Keys of the Datadog chart whose environment goes to the Agent's containers, with the chart's image. */
const AGENT_SECTIONS: Readonly<Record<string, string>> = {
  datadog: 'gcr.io/datadoghq/agent',
  agents: 'gcr.io/datadoghq/agent',
  clusterChecksRunner: 'gcr.io/datadoghq/agent',
  clusterAgent: 'gcr.io/datadoghq/cluster-agent',
};

/** Keys that only the Datadog chart's values have, at its top or under its `datadog:`. */
const CHART_KEYS = ['agents', 'clusterAgent', 'clusterChecksRunner', 'targetSystem'];
const CHART_DATADOG_KEYS = ['apm', 'logs', 'processAgent', 'kubelet', 'dogstatsd', 'apiKeyExistingSecret'];

const HELM: EnvDialect = { reference: DEFAULT_REFERENCE, environmentReference: 'none' };

interface Task {
  readonly node: unknown;
  readonly path: string;
  /** The Agent image when this part of the values configures the Datadog Agent. */
  readonly agent?: string;
}

export function readHelmValues(y: YamlContext, fileName: string): ExtractResult | undefined {
  const root = y.doc.contents;
  if (!VALUES_NAME.test(fileName) || !isMap(resolve(y, root))) return undefined;
  const results: ExtractResult[] = [];
  const seen = new Set<unknown>();
  const stack: Task[] = [{ node: root, path: '' }];
  for (let task = stack.pop(); task; task = stack.pop()) {
    const node = resolve(y, task.node);
    if (seen.has(node)) continue;
    seen.add(node);
    const chart = isDatadogChart(y, node);
    const children: Task[] = [];
    for (const pair of pairsOf(y, node)) {
      const key = scalarText(pair.key) ?? '';
      const path = task.path ? `${task.path}.${key}` : key;
      const agent = key === 'ddTraceConfigs' ? undefined : ((chart ? AGENT_SECTIONS[key] : undefined) ?? task.agent);
      if (ENV_KEYS.has(key)) results.push(readEnv(y, node, pair.value, path, agent));
      else children.push({ node: pair.value, path, ...(agent ? { agent } : {}) });
    }
    for (const [i, item] of seqItems(y, isSeq(node) ? node : undefined).entries()) {
      children.push({ node: item, path: `${task.path}[${i}]`, ...(task.agent ? { agent: task.agent } : {}) });
    }
    for (let i = children.length - 1; i >= 0; i--) if (isObject(children[i]?.node)) stack.push(children[i] as Task);
  }
  return mergeResults(results);
}

function readEnv(y: YamlContext, holder: unknown, node: unknown, path: string, agent?: string): ExtractResult {
  const scope = `helm:${path}`;
  const env = resolve(y, node);
  // A map, or a first name being typed (envMap reads both); a list is rendered as a container's `env`.
  const read = isSeq(env) ? kubernetesEnv(y, env, scope) : envMap(y, env, scope, HELM);
  const occurrences = read.occurrences.map((o) => ({ ...o, environmentReference: 'none' as const }));
  const images: ScopeImage[] = agent ? [{ scope, image: agent }] : [];
  // What Single Step Instrumentation injects into the applications it instruments.
  const injected = path.endsWith('ddTraceConfigs');
  return mergeResults([
    agent ? { occurrences: [], problems: [], runtimeHints: [], images } : imageEvidence(imageOf(y, holder), scope),
    { occurrences: [], problems: [], runtimeHints: injected ? ssiHints(scope) : [] },
    { ...read, occurrences },
  ]);
}

/** `image: python:3.12` or `image: { registry, repository, tag }`. */
function imageOf(y: YamlContext, holder: unknown): string | undefined {
  const image = get(y, holder, 'image');
  if (isScalar(image)) return scalarText(image) || undefined;
  const repository = scalarText(get(y, image, 'repository'));
  if (!repository) return undefined;
  const registry = scalarText(get(y, image, 'registry'));
  const tag = scalarText(get(y, image, 'tag'));
  return `${registry ? `${registry}/` : ''}${repository}${tag ? `:${tag}` : ''}`;
}

/** The values of the Datadog chart itself (or of a chart that has it as a dependency, at this level). */
function isDatadogChart(y: YamlContext, node: unknown): boolean {
  const datadog = get(y, node, 'datadog');
  if (!isMap(datadog)) return false;
  const keys = new Set(pairsOf(y, node).map((pair) => scalarText(pair.key)));
  const inner = new Set(pairsOf(y, datadog).map((pair) => scalarText(pair.key)));
  return CHART_KEYS.some((key) => keys.has(key)) || CHART_DATADOG_KEYS.some((key) => inner.has(key));
}

function isObject(node: unknown): boolean {
  return node !== null && typeof node === 'object';
}
