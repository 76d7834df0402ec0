/**
 * The YAML recognisers beyond compose and Kubernetes: which documents each claims (by name and by
 * content), the template mask's exactness, and that none throws on hostile input under any of the
 * file names that select it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractYaml } from '../../server/src/core/formats/yaml.js';
import { maskTemplates, templateBranches } from '../../server/src/core/formats/yamlTemplates.js';
import type { ExtractResult } from '../../server/src/core/types.js';
import { adversarialInputs, UNIT_SCALE } from './adversarialInputs.js';

const extract = (fileName: string, text: string): ExtractResult => extractYaml(text, { fileName, parsers: {} });
const names = (result: ExtractResult) => result.occurrences.map((o) => `${o.scope} ${o.name}`);

const FILE_NAMES = [
  'ci.yml',
  '.gitlab-ci.yml',
  'build.gitlab-ci.yml',
  'serverless.yml',
  'values.yaml',
  'application_monitoring.yaml',
];

describe('YAML kinds: detection', () => {
  it('reads a workflow only with both `on:` and `jobs:`', () => {
    assert.deepEqual(names(extract('ci.yml', 'on: push\njobs:\n  a:\n    env: {DD_ENV: x}\n')), ['gha:job=a DD_ENV']);
    assert.deepEqual(names(extract('ci.yml', 'jobs:\n  a:\n    env: {DD_ENV: x}\n')), []);
  });

  it('reads a GitLab pipeline by name, or by a job only GitLab writes', () => {
    const job = 'test:\n  variables: {DD_ENV: x}\n  script: [make]\n';
    assert.deepEqual(names(extract('.gitlab-ci.yml', job)), ['gitlab:job=test DD_ENV']);
    assert.deepEqual(names(extract('pipeline.yml', job)), []);
    assert.deepEqual(names(extract('pipeline.yml', `${job}  stage: test\n`)), ['gitlab:job=test DD_ENV']);
  });

  it('takes `environment: staging` in Helm values as a value, not a name being typed', () => {
    assert.deepEqual(names(extract('values.yaml', 'environment: staging\nenv:\n  DD_PROF\n')), ['helm:env DD_PROF']);
  });

  it('reads Helm values only under a values file name', () => {
    const values = 'env:\n  - name: DD_ENV\n    value: x\n';
    assert.deepEqual(names(extract('values-prod.yaml', values)), ['helm:env DD_ENV']);
    assert.deepEqual(names(extract('settings.yaml', values)), []);
  });

  it('reads application_monitoring.yaml by its keys under another name', () => {
    const config = 'apm_configuration_default:\n  DD_PROFILING_ENABLED: true\n';
    assert.deepEqual(names(extract('stable.yaml', config)), ['ssi:default DD_PROFILING_ENABLED']);
  });

  it('reads serverless.yml by its shape under another name', () => {
    const config = 'service: a\nprovider:\n  name: aws\n  environment: {DD_ENV: x}\n';
    assert.deepEqual(names(extract('sls.yml', config)), ['serverless:provider DD_ENV']);
  });
});

describe('YAML kinds: template actions', () => {
  it('masks actions with the same number of characters, blank on a line of their own', () => {
    const text = 'a: {{ .Values.x }}\r\n  {{- if .Values.y }}\r\nb: "{{ include "z" . }}"\r\n';
    const masked = maskTemplates(text);
    assert.ok(masked);
    assert.equal(masked.masked.length, text.length);
    const blank = (action: string, c: string) => c.repeat(action.length);
    assert.equal(
      masked.masked,
      `a: ${blank('{{ .Values.x }}', '_')}\r\n${blank('  {{- if .Values.y }}', ' ')}\r\nb: "${blank('{{ include "z" . }}', '_')}"\r\n`,
    );
  });

  it('leaves GitHub expressions alone', () => {
    assert.equal(maskTemplates('env:\n  A: ${{ secrets.A }}\n'), undefined);
  });

  it('tells the branches of a condition apart', () => {
    const text = '{{ if a }}x{{ else }}y{{ end }}z';
    const masked = maskTemplates(text);
    assert.ok(masked);
    const branchAt = templateBranches(text, masked.spans);
    assert.deepEqual(
      ['x', 'y', 'z'].map((c) => branchAt(text.indexOf(c))),
      ['1', '2', ''],
    );
  });

  it('reports no syntax error in a template that is not YAML until rendered', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n{{ toYaml .Values.spec | indent 2 }}\n  x: {{ if }}: {{ end }}\n';
    assert.deepEqual(extract('pod.yaml', text).problems, []);
  });
});

describe('YAML kinds: hostile input', () => {
  for (const fileName of FILE_NAMES) {
    it(`never throws as ${fileName}`, () => {
      for (const [name, make] of Object.entries(adversarialInputs(UNIT_SCALE))) {
        const result = extract(fileName, make());
        assert.ok(Array.isArray(result.occurrences), `${fileName} on ${name}`);
      }
    });
  }
});
