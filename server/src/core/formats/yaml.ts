/**
 * YAML files, parsed with the `yaml` package (node ranges, anchors, aliases, merge keys, several
 * documents per file), then read by the first recogniser that knows the document: docker-compose,
 * Kubernetes manifests (Helm chart templates too, read around their template actions), GitHub Actions
 * workflows, GitLab CI pipelines, serverless.yml, Helm values and Datadog's application_monitoring.yaml.
 * Other YAML (OpenAPI, Ansible...) yields nothing: no noise where no profiler settings can be.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { ExtractContext, ExtractResult, Finding } from '../types.js';
import { createLineIndex } from '../text/lineIndex.js';
import { emptyResult, mergeResults } from './result.js';
import { readApplicationMonitoring } from './yamlApplicationMonitoring.js';
import { readCompose, readKubernetes } from './yamlContainers.js';
import { readGithubActions } from './yamlGithubActions.js';
import { readGitlabCi } from './yamlGitlabCi.js';
import { readHelmValues } from './yamlHelmValues.js';
import { get, MAX_YAML_ENTRIES, pairsOf, scalarText, createWalk, indexAliases, overBudget } from './yamlNodes.js';
import type { YamlContext } from './yamlNodes.js';
import { MAX_YAML_NESTING, yamlNestingDepth } from './yamlDepth.js';
import { readServerless } from './yamlServerless.js';
import {
  maskTemplates,
  overlapsTemplate,
  restoreTemplateScalars,
  templateBranches,
  type Span,
} from './yamlTemplates.js';

const COMPOSE_NAME = /^(docker-)?compose([.-].*)?\.ya?ml$/i;
const MAX_ERRORS = 5;

/** Top-level keys that make a file one of the kinds read here before it is parsed. */
const READ_KIND = /^(services|apiVersion|kind|jobs|stages|provider|functions|apm_configuration_default):/m;

/** Reads one document if it is this recogniser's kind; `undefined` when it is not. */
type Recogniser = (y: YamlContext, fileName: string) => ExtractResult | undefined;

/** In order: the first that knows a document reads it. */
const RECOGNISERS: readonly Recogniser[] = [
  readApplicationMonitoring,
  readGithubActions,
  readGitlabCi,
  readServerless,
  readComposeOrKubernetes,
  readHelmValues,
];

export function extractYaml(text: string, ctx: ExtractContext): ExtractResult {
  if (yamlNestingDepth(text) > MAX_YAML_NESTING) {
    // Say so only where settings can be: other YAML stays silent, parsed or not.
    return COMPOSE_NAME.test(ctx.fileName) || READ_KIND.test(text) ? tooDeepNote() : emptyResult();
  }
  const index = createLineIndex(text);
  const template = maskTemplates(text);
  const parsed = parseAllDocuments(template?.masked ?? text, { lineCounter: new LineCounter(), uniqueKeys: false });
  const docs: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  const walk = createWalk();
  const results = docs.flatMap((doc) => {
    if (template) restoreTemplateScalars(doc, text, template.spans);
    indexAliases(walk, doc);
    const y: YamlContext = { doc, text, index, walk };
    for (const recognise of RECOGNISERS) {
      const result = recognise(y, ctx.fileName);
      if (result) return [result];
    }
    return [];
  });
  if (results.length === 0) return emptyResult();
  // A templated file is not YAML until rendered: its mask may not parse where the output would.
  const errors = template ? [] : syntaxErrors(docs, index);
  if (overBudget(walk)) errors.push(expansionNote());
  const merged = mergeResults([{ occurrences: [], problems: errors, runtimeHints: [] }, ...results]);
  return template
    ? byBranch(withoutTemplatedNames(merged, template.spans, index), text, template.spans, index)
    : merged;
}

/**
 * Settings inside `{{ if }}`/`{{ else }}` branches get a scope per branch (sharing their container's
 * image and runtime), so the same name in both branches of one condition is not a duplicate.
 */
function byBranch(
  result: ExtractResult,
  text: string,
  spans: readonly Span[],
  index: YamlContext['index'],
): ExtractResult {
  const branchAt = templateBranches(text, spans);
  const derived = new Map<string, Set<string>>();
  const occurrences = result.occurrences.map((o) => {
    const branch = branchAt(index.offsetAt(o.nameRange.start));
    if (branch === '') return o;
    const scope = `${o.scope}#${branch}`;
    derived.set(o.scope, (derived.get(o.scope) ?? new Set()).add(scope));
    return { ...o, scope };
  });
  const copies = <T extends { readonly scope?: string }>(items: readonly T[] | undefined): T[] =>
    (items ?? []).flatMap((item) => [
      item,
      ...[...(derived.get(item.scope ?? '') ?? [])].map((scope) => ({ ...item, scope })),
    ]);
  const scopeParents = [...derived].flatMap(([parent, scopes]) => [...scopes].map((scope) => ({ scope, parent })));
  return {
    ...result,
    occurrences,
    ...(scopeParents.length > 0 ? { scopeParents: [...(result.scopeParents ?? []), ...scopeParents] } : {}),
    runtimeHints: copies(result.runtimeHints),
    ...(result.images ? { images: copies(result.images) } : {}),
    ...(result.osHints ? { osHints: copies(result.osHints) } : {}),
  };
}

function syntaxErrors(docs: readonly Document.Parsed[], index: YamlContext['index']): Finding[] {
  return docs
    .flatMap((doc) => doc.errors)
    .slice(0, MAX_ERRORS)
    .map((error): Finding => ({
      code: 'parse-error',
      severity: 'error',
      message: `YAML syntax error: ${error.message.split('\n')[0]}`,
      range: index.rangeOf(error.pos[0], Math.max(error.pos[0], error.pos[1])),
    }));
}

/** A name written by a template action (`- name: {{ .Values.name }}`) is not known until rendered. */
function withoutTemplatedNames(
  result: ExtractResult,
  spans: readonly Span[],
  index: YamlContext['index'],
): ExtractResult {
  const occurrences = result.occurrences.filter(
    (o) => !overlapsTemplate(spans, index.offsetAt(o.nameRange.start), index.offsetAt(o.nameRange.end)),
  );
  return { ...result, occurrences };
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

/** docker-compose (by its `services:` or its file name) and Kubernetes manifests (by `kind` and `apiVersion`). */
function readComposeOrKubernetes(y: YamlContext, fileName: string): ExtractResult | undefined {
  const root = y.doc.contents;
  const services = get(y, root, 'services');
  if (pairsOf(y, services).length > 0 || (COMPOSE_NAME.test(fileName) && root !== null)) {
    return readCompose(y, services);
  }
  const kind = scalarText(get(y, root, 'kind'));
  if (kind && get(y, root, 'apiVersion') !== undefined) {
    const name = scalarText(get(y, get(y, root, 'metadata'), 'name')) ?? '';
    return readKubernetes(y, root, `k8s:${kind}/${name}`);
  }
  return undefined;
}
