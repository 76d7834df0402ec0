/**
 * GitLab CI pipelines (`.gitlab-ci.yml`, included `*.gitlab-ci.yml`, or a document shaped like one):
 * `variables:` of the pipeline, of each job (hidden `.templates` included), of `rules:` entries, and of
 * `services:`; `image:` per job (else `default:` or the global one). Each level is its own scope: a job
 * that sets what the pipeline set overrides it. Services are separate containers with their own image,
 * though GitLab passes the job's variables to them as well. GitLab expands `$VAR` and `${VAR}` in
 * values (`$$` is a literal `$`, and `expand: false` turns expansion off): those values are references.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { ExtractResult } from '../types.js';
import { mergeResults } from './result.js';
import { imageEvidence } from './yamlContainers.js';
import { envMap, type EnvDialect } from './yamlEnv.js';
import { readScript } from './yamlScripts.js';
import { get, pairsOf, resolve, scalarText, seqItems, type YamlContext } from './yamlNodes.js';

const GITLAB_NAME = /(^|\.)gitlab-ci\.ya?ml$/i;

/** Top-level keys that are not jobs. */
const GLOBAL_KEYS = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'spec',
  'types',
]);

/** Keys only a GitLab job has, beside `script`: enough to tell a pipeline from other YAML. */
const JOB_KEYS = ['stage', 'extends', 'rules', 'needs', 'only', 'except', 'tags', 'artifacts', 'when'];

/** A `$` that GitLab expands: not doubled, followed by a name or `{`. */
const EXPANDED = /(^|[^$])(\$\$)*\$(\{|[A-Za-z_])/;

const GITLAB: EnvDialect = {
  reference: EXPANDED,
  // A key belongs in the project's masked CI/CD variables, which GitLab passes to every job anyway:
  // a `${DD_API_KEY}` here would only refer to itself.
  environmentReference: 'none',
  // `NAME: { value: x, description: ..., expand: false }`: the value is `value`; unexpanded, it is text.
  structured: (y, node) => {
    const value = get(y, node, 'value');
    if (!isScalar(value)) return undefined;
    return { value, verbatim: scalarText(get(y, node, 'expand')) === 'false' };
  },
};

export function readGitlabCi(y: YamlContext, fileName: string): ExtractResult | undefined {
  const root = y.doc.contents;
  if (!isMap(resolve(y, root)) || (!GITLAB_NAME.test(fileName) && !looksLikePipeline(y, root))) return undefined;
  const image = imageOf(y, get(y, root, 'image')) ?? imageOf(y, get(y, get(y, root, 'default'), 'image'));
  const globalServices = [...services(y, get(y, root, 'services'), 'gitlab:global')];
  const defaults = get(y, root, 'default');
  const jobs = pairsOf(y, root)
    .filter((pair) => !GLOBAL_KEYS.has(scalarText(pair.key) ?? '') && isMap(resolve(y, pair.value)))
    // A hidden `.template` runs only through the jobs that extend it: the global image is not its own.
    .map((pair) => {
      const name = scalarText(pair.key) ?? '';
      return readJob(y, name, pair.value, name.startsWith('.') ? undefined : image);
    });
  return mergeResults([
    imageEvidence(image, 'gitlab:global'),
    envMap(y, get(y, root, 'variables'), 'gitlab:global', GITLAB),
    ...rules(y, get(y, get(y, root, 'workflow'), 'rules'), 'gitlab:workflow'),
    ...globalServices,
    ...services(y, get(y, defaults, 'services'), 'gitlab:default'),
    ...jobs,
  ]);
}

/** `stages:` at the top, or a job with `script:` and a key only GitLab jobs have. */
function looksLikePipeline(y: YamlContext, root: unknown): boolean {
  if (isSeq(get(y, root, 'stages'))) return true;
  return pairsOf(y, root).some((pair) => {
    const keys = new Set(pairsOf(y, pair.value).map((p) => scalarText(p.key)));
    return keys.has('script') && JOB_KEYS.some((key) => keys.has(key));
  });
}

function readJob(y: YamlContext, name: string, job: unknown, globalImage: string | undefined): ExtractResult {
  const scope = `gitlab:job=${name}`;
  const image = imageOf(y, get(y, job, 'image')) ?? globalImage;
  const ruleScopes = seqItems(y, get(y, job, 'rules')).map((_, i) => `${scope};rule=${i + 1}`);
  // The job's image runs its script, so its rules' variables share the image's runtime.
  const own = imageEvidence(image, scope);
  const shared = ruleScopes.map((s) => ({ ...imageEvidence(image, s), images: [] }));
  const extended = seqOrOne(y, get(y, job, 'extends')).reverse();
  const scopeParents = [
    // What the job extends (the last listed wins), then the pipeline's variables.
    ...[...extended.map((name) => `gitlab:job=${name}`), 'gitlab:global'].map((parent) => ({ scope, parent })),
    ...ruleScopes.map((rule) => ({ scope: rule, parent: scope })),
  ];
  return mergeResults([
    { ...own, scopeParents },
    ...shared,
    envMap(y, get(y, job, 'variables'), scope, GITLAB),
    ...rules(y, get(y, job, 'rules'), scope),
    ...services(y, get(y, job, 'services'), scope),
    ...['before_script', 'script', 'after_script'].map((key) => readScript(y, get(y, job, key), scope)),
  ]);
}

function rules(y: YamlContext, node: unknown, parent: string): ExtractResult[] {
  return seqItems(y, node).map((rule, i) => envMap(y, get(y, rule, 'variables'), `${parent};rule=${i + 1}`, GITLAB));
}

/** `extends: .a` or `extends: [.a, .b]`. */
function seqOrOne(y: YamlContext, node: unknown): string[] {
  const items = isSeq(resolve(y, node)) ? seqItems(y, node) : [node];
  return items.flatMap((item) => {
    const text = scalarText(item);
    return text ? [text] : [];
  });
}

/** `services:` entries: `name:image` strings or maps with `name`, `alias` and `variables`. */
function services(y: YamlContext, node: unknown, parent: string): ExtractResult[] {
  return seqItems(y, node).map((service) => {
    const image = imageOf(y, service);
    const alias = scalarText(get(y, service, 'alias'))
      ?.split(',')[0]
      ?.trim();
    const scope = `${parent};service=${alias || image || ''}`;
    // GitLab passes the job's variables to its services too.
    const link: ExtractResult = { occurrences: [], problems: [], runtimeHints: [], scopeParents: [{ scope, parent }] };
    return mergeResults([link, imageEvidence(image, scope), envMap(y, get(y, service, 'variables'), scope, GITLAB)]);
  });
}

/** `image: python:3.12` or `image: { name: python:3.12 }`; a `$VARIABLE` image names nothing. */
function imageOf(y: YamlContext, node: unknown): string | undefined {
  const image = isScalar(node) ? scalarText(node) : scalarText(get(y, node, 'name'));
  return image && !EXPANDED.test(image) ? image : undefined;
}
