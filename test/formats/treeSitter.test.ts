import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { GRAMMARS, type SyntaxNode } from '../../server/src/core/types.js';
import { nodeRange, walkTree } from '../../server/src/core/formats/syntaxTree.js';
import { grammarFailures, loadGrammars, syntax } from '../../server/src/node/treeSitter.js';

const SAMPLES: Record<(typeof GRAMMARS)[number], string> = {
  bash: 'docker run -e DD_ENV=prod img\n',
  typescript: 'new Container(this, "x", { environment: { DD_ENV: "prod" } });\n',
  python: 'Profiler(env="prod")\n',
  go: 'package main\nfunc main() { profiler.Start(profiler.WithEnv("prod")) }\n',
  hcl: 'resource "aws_lambda_function" "f" {\n  environment { variables = { DD_ENV = "prod" } }\n}\n',
  groovy: 'pipeline { environment { DD_ENV = "prod" } }\n',
};

test('every grammar loads once and parses its sample without errors', async () => {
  await loadGrammars(GRAMMARS);
  assert.deepEqual([...grammarFailures()], []);
  for (const grammar of GRAMMARS) {
    const result = syntax(grammar, SAMPLES[grammar], (root) => ({ hasError: root.hasError, type: root.type }));
    assert.ok(result, grammar);
    assert.equal(result.hasError, false, `${grammar} parses its sample`);
  }
});

test('offsets and columns count UTF-16 code units, as LSP positions do', async () => {
  await loadGrammars(['bash']);
  const text = 'echo "é😀" DD_ENV=x\n';
  const range = syntax('bash', text, (root) => {
    let found: SyntaxNode | undefined;
    walkTree(root, (node) => {
      if (node.type === 'word' && node.text === 'DD_ENV=x') found = node;
    });
    return found && { index: found.startIndex, range: nodeRange(found) };
  });
  assert.deepEqual(range, {
    index: text.indexOf('DD_ENV'),
    range: { start: { line: 0, character: 11 }, end: { line: 0, character: 19 } },
  });
});

test('a grammar that was never loaded gives no tree rather than a throw', () => {
  // The six grammars are loaded by the tests above; a fresh process would answer undefined the same way.
  const unknown = 'cobol' as (typeof GRAMMARS)[number];
  assert.equal(
    syntax(unknown, 'x', () => true),
    undefined,
  );
});

test('a deeply nested file is walked without exhausting the stack', async () => {
  await loadGrammars(['python']);
  const depth = 20_000;
  const text = `x = ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
  const count = syntax('python', text, (root) => {
    let nodes = 0;
    walkTree(root, () => {
      nodes++;
    });
    return nodes;
  });
  assert.ok(count && count > depth, `walked ${count} nodes`);
});
