/**
 * YAML nested deeper than the `yaml` library recurses (issue #6): the nesting is measured before
 * parsing, so such a file gets one clear note, the same on every run and at any stack depth, instead of
 * syntax errors at positions that depend on the stack the caller left. Real files are far below it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extractYaml } from '../../server/src/core/formats/yaml.js';
import { MAX_YAML_NESTING, yamlNestingDepth } from '../../server/src/core/formats/yamlDepth.js';
import type { ExtractResult } from '../../server/src/core/types.js';

function extract(text: string, fileName = 'docker-compose.yml'): ExtractResult {
  return extractYaml(text, { fileName, parsers: {} });
}

/** Runs `run` with about `frames` frames of stack already used, as a deep caller would. */
function withStackUsed<T>(frames: number, run: () => T): T {
  return frames === 0 ? run() : withStackUsed(frames - 1, run);
}

const TOO_DEEP = /not checked: it nests more than 200 levels deep/;

const deepInputs: Record<string, string> = {
  'flow sequences': `services:\n  web:\n    environment: ${'['.repeat(1000)}${']'.repeat(1000)}\n`,
  'flow maps': `services:\n  web:\n    environment: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}\n`,
  'an unclosed flow': `services:\n  web:\n    environment: ${'['.repeat(2000)}\n`,
  'block mappings': `services:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} 1\n`,
  'block sequences': `services:\n  web:\n    environment:\n${'- '.repeat(2000)}x\n`,
  'keys after keys on one line': `apiVersion: apps/v1\n${'x: '.repeat(2000)}x\n`,
};

describe('YAML nested past what the parser handles', () => {
  for (const [name, text] of Object.entries(deepInputs)) {
    it(`${name}: one note, the same at any stack depth`, () => {
      const shallow = extract(text);
      assert.deepStrictEqual(shallow.occurrences, []);
      assert.equal(shallow.problems.length, 1);
      assert.match(shallow.problems[0]?.message ?? '', TOO_DEEP);
      assert.equal(shallow.problems[0]?.severity, 'warning');
      for (const frames of [500, 3000])
        assert.deepStrictEqual(
          withStackUsed(frames, () => extract(text)),
          shallow,
        );
    });
  }

  it('stays silent on YAML of no kind this tool reads (an OpenAPI document)', () => {
    const text = `paths: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    assert.deepStrictEqual(extract(text, 'openapi.yaml'), { occurrences: [], problems: [], runtimeHints: [] });
    assert.match(
      extract(`kind: Pod\napiVersion: v1\nspec: ${'['.repeat(1000)}\n`, 'pod.yaml').problems[0]?.message ?? '',
      TOO_DEEP,
    );
  });

  it('still checks a file nested just under the limit', () => {
    const depth = MAX_YAML_NESTING - 10;
    const text = `services:\n  web:\n    environment: {DD_ENV: ${'['.repeat(depth)}${']'.repeat(depth)}}\n`;
    assert.ok(yamlNestingDepth(text) <= MAX_YAML_NESTING);
    assert.deepStrictEqual(
      extract(text).occurrences.map((o) => o.name),
      ['DD_ENV'],
    );
  });
});

describe('yamlNestingDepth', () => {
  it('counts flow brackets, indentation and same-line indicators', () => {
    assert.equal(yamlNestingDepth('a: [[1], {b: [2]}]\n'), 4);
    assert.equal(yamlNestingDepth('a:\n  b:\n    c: 1\n  d: 2\n'), 3);
    assert.equal(yamlNestingDepth('- - - x\n'), 4);
  });

  it('skips quotes, comments and block scalars', () => {
    assert.equal(yamlNestingDepth(`a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\n`), 1);
    assert.equal(yamlNestingDepth(`a: 1 # ${'['.repeat(500)}\n`), 1);
    const script = `command: |\n${Array.from({ length: 300 }, (_, i) => `  ${' '.repeat(i)}if [ x ]; then {`).join('\n')}\nnext: 1\n`;
    assert.equal(yamlNestingDepth(script), 1);
  });

  it('keeps every real fixture far below the limit', () => {
    const files = [
      'test/fixtures/formats/yaml/k8s/deployment.yaml',
      'test/fixtures/rules/invalid-value/empty-unified-tags/deployment.yaml',
    ];
    for (const file of files) assert.ok(yamlNestingDepth(readFileSync(file, 'utf8')) < 20, file);
  });
});
