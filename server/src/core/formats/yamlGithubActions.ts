/**
 * GitHub Actions workflows (a document with `on:` and `jobs:`): `env:` of the workflow, of each job,
 * of each step, of the job's `container:` and of each service container. A step's process sees the
 * workflow's, the job's and its own `env` (the later level wins), so each level is its own scope: one
 * name twice in one map is a duplicate, a job that sets what the workflow set overrides it. Service
 * containers are separate processes with their own image (an Agent there is the Agent's scope).
 * Values holding `${{ ... }}` (secrets, vars, matrix) are filled in by the runner: references.
 */
import { isScalar, isSeq, type Scalar } from 'yaml';
import type { ExtractResult, OsHint, Runtime, RuntimeHint } from '../types.js';
import { mergeResults } from './result.js';
import { imageEvidence } from './yamlContainers.js';
import { envMap, type EnvDialect } from './yamlEnv.js';
import { readScript } from './yamlScripts.js';
import { get, pairsOf, quoteFix, scalarText, seqItems, sourceOf, type YamlContext } from './yamlNodes.js';

/** Setup actions that install a runtime for the job's later steps. */
const SETUP_ACTIONS: readonly (readonly [RegExp, Runtime])[] = [
  [/^actions\/setup-java@/i, 'java'],
  [/^actions\/setup-python@/i, 'python'],
  [/^actions\/setup-go@/i, 'go'],
  [/^ruby\/setup-ruby@/i, 'ruby'],
  [/^actions\/setup-node@/i, 'nodejs'],
  [/^actions\/setup-dotnet@/i, 'dotnet'],
  [/^shivammathur\/setup-php@/i, 'php'],
];

/** A decimal the runner turns into a number and back: `1.10` becomes `1.1`, `2.0` becomes `2`. */
const DECIMAL = /^[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?$/;

const GITHUB: EnvDialect = {
  reference: /\$\{\{/,
  environmentReference: 'githubSecrets',
  typeProblem: (y: YamlContext, value: Scalar) => {
    const source = sourceOf(y, value);
    if (value.type !== 'PLAIN' || typeof value.value !== 'number' || !DECIMAL.test(source)) return undefined;
    const read = String(value.value);
    if (read === source) return undefined;
    return quoteFix(
      y,
      value,
      `GitHub Actions reads \`${source}\` as a number and passes \`${read}\` to the process. Quote it to keep \`${source}\`.`,
      'warning',
    );
  },
};

export function readGithubActions(y: YamlContext): ExtractResult | undefined {
  const root = y.doc.contents;
  const keys = new Set(pairsOf(y, root).map((pair) => scalarText(pair.key)));
  if (!keys.has('on') || !keys.has('jobs')) return undefined;
  const jobs = pairsOf(y, get(y, root, 'jobs')).map((pair) => readJob(y, scalarText(pair.key) ?? '', pair.value));
  return mergeResults([envMap(y, get(y, root, 'env'), 'gha:workflow', GITHUB), ...jobs]);
}

function readJob(y: YamlContext, id: string, job: unknown): ExtractResult {
  const scope = `gha:job=${id}`;
  const steps = seqItems(y, get(y, job, 'steps'));
  const stepScopes = steps.map((_, i) => `${scope};step=${i + 1}`);
  const container = get(y, job, 'container');
  const containerImage = isScalar(container) ? scalarText(container) : scalarText(get(y, container, 'image'));
  // Steps run inside the job's container when it has one: its image tells their runtime.
  const inContainer = imageEvidence(containerImage, scope);
  const found = [...setupRuntimes(y, steps), ...inContainer.runtimeHints];
  const hasContainer = container !== undefined && container !== null;
  const evidence: ExtractResult = {
    occurrences: [],
    problems: [],
    // A step sees the job's container, the job's and the workflow's env.
    scopeParents: [
      { scope, parent: 'gha:workflow' },
      ...(hasContainer ? [{ scope: `${scope};container`, parent: scope }] : []),
      ...stepScopes.map((step) => ({ scope: step, parent: hasContainer ? `${scope};container` : scope })),
    ],
    runtimeHints: [scope, ...stepScopes].flatMap((s) =>
      found.map(({ runtime, reason }) => ({ runtime, scope: s, reason })),
    ),
    osHints: [scope, ...stepScopes].flatMap((s) => runnerOs(y, job, s)),
  };
  return mergeResults([
    evidence,
    envMap(y, get(y, job, 'env'), scope, GITHUB),
    isScalar(container) ? imageEvidence(containerImage, `${scope};container`) : readContainer(y, container, scope),
    ...pairsOf(y, get(y, job, 'services')).map((pair) =>
      readContainer(y, pair.value, scope, scalarText(pair.key) ?? ''),
    ),
    ...steps.map((step, i) => envMap(y, get(y, step, 'env'), stepScopes[i] ?? scope, GITHUB)),
    ...steps.map((step, i) => readScript(y, get(y, step, 'run'), stepScopes[i] ?? scope)),
  ]);
}

/** The job's `container:` or one of its `services:`: an image and its own `env`. */
function readContainer(y: YamlContext, node: unknown, job: string, service?: string): ExtractResult {
  const scope = service === undefined ? `${job};container` : `${job};service=${service}`;
  const image = scalarText(get(y, node, 'image'));
  return mergeResults([imageEvidence(image, scope), envMap(y, get(y, node, 'env'), scope, GITHUB)]);
}

function setupRuntimes(y: YamlContext, steps: readonly unknown[]): Omit<RuntimeHint, 'scope'>[] {
  return steps.flatMap((step) => {
    const uses = scalarText(get(y, step, 'uses')) ?? '';
    return SETUP_ACTIONS.filter(([pattern]) => pattern.test(uses)).map(([, runtime]) => ({
      runtime,
      reason: `uses: ${uses}`,
    }));
  });
}

/** `runs-on: windows-latest` (or a list with a Windows label): the steps run on Windows. */
function runnerOs(y: YamlContext, job: unknown, scope: string): OsHint[] {
  const runsOn = get(y, job, 'runs-on');
  const labels = isSeq(runsOn) ? seqItems(y, runsOn).map(scalarText) : [scalarText(runsOn)];
  const label = labels.find((l) => l !== undefined && /^(windows|ubuntu|macos)-/i.test(l));
  if (!label || /\$\{\{/.test(label)) return [];
  if (/^macos-/i.test(label)) return [];
  return [{ os: /^windows-/i.test(label) ? 'windows' : 'linux', scope, reason: `runs-on: ${label}` }];
}
