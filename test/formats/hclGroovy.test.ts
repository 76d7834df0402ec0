/**
 * Terraform, Nomad and Jenkinsfile ranges against their source: every name range holds the name as
 * written, every literal value range holds the value in the place's quoting (so completions and fixes
 * that rewrite it land exactly), including values inside heredoc JSON, whose offsets are mapped back.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectFormat, extractorFor } from '../../server/src/core/formats/index.js';
import { createLineIndex } from '../../server/src/core/text/lineIndex.js';
import { GRAMMARS, type ExtractResult, type Range } from '../../server/src/core/types.js';
import { loadParsers } from '../../server/src/node/parsers.js';
import { loadGrammars } from '../../server/src/node/treeSitter.js';

const FILES = [
  ...['terraform', 'nomad', 'jenkinsfile'].flatMap((dir) =>
    readdirSync(join('test/fixtures/formats', dir))
      .filter((name) => !name.endsWith('.golden.json'))
      .map((name) => join('test/fixtures/formats', dir, name)),
  ),
  'examples/terraform-ecs/main.tf',
  'examples/jenkins/Jenkinsfile',
  'examples/nomad/orders.nomad.hcl',
];

async function extract(fileName: string, text: string): Promise<ExtractResult> {
  await loadGrammars(GRAMMARS);
  const format = detectFormat(fileName);
  assert.ok(format, fileName);
  return extractorFor(format)(text, { fileName, parsers: await loadParsers() });
}

function sourceAt(text: string, range: Range): string {
  const index = createLineIndex(text);
  return text.slice(index.offsetAt(range.start), index.offsetAt(range.end));
}

/** The value a literal's source stands for, read back the way its quoting writes it. */
function readBack(source: string, quoting: string | undefined): string {
  if (quoting === 'yamlString' || (quoting === 'double' && source.startsWith('"'))) return String(JSON.parse(source));
  if (quoting === 'single' && source.startsWith("'")) return source.slice(1, -1).replace(/\\'/g, "'");
  return source;
}

describe('HCL and Groovy ranges point at the source', () => {
  for (const file of FILES) {
    it(file, async () => {
      const text = readFileSync(file, 'utf8');
      const result = await extract(file.split('/').pop() ?? file, text);
      for (const o of result.occurrences) {
        if (o.surface === 'env') assert.equal(sourceAt(text, o.nameRange), o.name, `${file}: name ${o.name}`);
        if (o.valueKind !== 'literal' || !o.valueRange || o.value === undefined) continue;
        if (o.surface !== 'env') continue;
        const source = sourceAt(text, o.valueRange);
        // `\u00e9` and `$${` are HCL's own escapes, not JSON's: those values are compared unescaped by hand.
        if (/\\u|\$\$\{/.test(source)) continue;
        assert.equal(readBack(source, o.quoting), o.value, `${file}: value of ${o.name}`);
      }
    });
  }
});

describe('Terraform specifics', () => {
  it('masks `${...}` outside JSON strings in a heredoc, so the JSON around it still parses', async () => {
    const text = [
      'resource "aws_ecs_task_definition" "t" {',
      '  container_definitions = <<EOF',
      '[{"name": "a", "secrets": ${jsonencode(local.s)}, "environment": [{"name": "DD_ENV", "value": "${var.env}"}]}]',
      'EOF',
      '}',
      '',
    ].join('\n');
    const result = await extract('main.tf', text);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.occurrences.map((o) => [o.scope, o.name, o.valueKind]),
      [['ecs:t/a', 'DD_ENV', 'reference']],
    );
  });

  it('reads a `%{ for }` heredoc as unknown, not as broken JSON', async () => {
    const text = [
      'resource "aws_ecs_task_definition" "t" {',
      '  container_definitions = <<EOF',
      '[%{ for c in local.cs }{"name": "${c}"},%{ endfor }]',
      'EOF',
      '}',
      '',
    ].join('\n');
    const result = await extract('main.tf', text);
    assert.deepEqual([result.occurrences, result.problems], [[], []]);
  });

  it('is silent on resources that run no process and on HCL that is not a Nomad job', async () => {
    const terraform = await extract('main.tf', 'resource "aws_s3_bucket" "b" {\n  tags = { DD_ENV = "prod" }\n}\n');
    const packer = await extract('build.nomad.hcl', 'source "docker" "x" {\n  env = { DD_ENV = "prod" }\n}\n');
    assert.deepEqual([terraform.occurrences, packer.occurrences], [[], []]);
  });

  it('offers `var.<name>` for a key, except in .tfvars, which cannot read variables', async () => {
    const tf = await extract('main.tf', 'resource "heroku_app" "a" {\n  config_vars = { DD_API_KEY = "x" }\n}\n');
    const vars = await extract('prod.tfvars', 'env = { DD_API_KEY = "x" }\n');
    assert.equal(tf.occurrences[0]?.secretReference, 'var.dd_api_key');
    assert.equal(vars.occurrences[0]?.name, 'DD_API_KEY');
    assert.equal(vars.occurrences[0]?.secretReference, undefined);
  });
});
