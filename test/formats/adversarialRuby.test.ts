/**
 * Prism's stack (issue #6, found by `npm run fuzz`): nesting under the depth cap of rubyDepth.ts can
 * still recurse past Prism's 64 KB WebAssembly stack, which has no guard page, so the overflow silently
 * overwrote Prism's tables and every later file parsed differently. A guard at the bottom of the stack
 * (server/src/node/parsers.ts) now catches it: such a file gets one "not checked" note, every time,
 * and the next file is parsed as by a fresh instance: memory is put back after every parse.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractRuby } from '../../server/src/core/formats/ruby.js';
import type { ExtractResult, Parsers } from '../../server/src/core/types.js';
import { loadParsers } from '../../server/src/node/parsers.js';

const PROBE = [
  'Datadog.configure do |c|',
  `  ${'- '.repeat(20)}DD_PROFILING_ENABLED=true`,
  '  c.profiling.enabled = true',
  "  c.env = ENV.fetch('RAILS_ENV', 'development')",
  "  c.tags = { 'team' => 'web' }",
  'end',
  '',
].join('\n');

/** Nesting the depth estimate lets through but that once broke Prism for later files. */
const OVERFLOWING: Record<string, string> = {
  'negations of parentheses': `x = ${'!('.repeat(80)}1${')'.repeat(80)}\n`,
  'unary minus': `Datadog.configure do |c|\n${'- '.repeat(320)}DD_PROFILING_ENABLED=true\nend\n`,
  'comparison chain': `x = 1\n${'<a>'.repeat(1800)}\n`,
  'a long sum': `x = ${'1 + '.repeat(5000)}1\n`,
};

function extract(parsers: Parsers, text: string): ExtractResult {
  return extractRuby(text, { fileName: 'datadog.rb', parsers });
}

describe('Prism running out of stack', () => {
  for (const [name, text] of Object.entries(OVERFLOWING)) {
    it(`${name}: one note, and the next file is unaffected`, async () => {
      const parsers = await loadParsers();
      const before = extract(parsers, PROBE);
      const first = extract(parsers, text);
      assert.deepStrictEqual(first.occurrences, []);
      assert.match(
        first.problems[0]?.message ?? '',
        /^This Ruby file is not checked: (the parser gave up on it|it nests more than)/,
      );
      assert.deepStrictEqual(extract(parsers, text), first, 'the same note the second time');
      assert.deepStrictEqual(extract(parsers, PROBE), before, 'a later file parses as before');
    });
  }

  it('parses a file the same whatever was parsed before it (memory reset after every parse)', async () => {
    const parsers = await loadParsers();
    const deep = `Datadog.configure do |c|\n  c.profiling.\n${'<a>'.repeat(1500)}\nend\n`;
    const before = [extract(parsers, deep), extract(parsers, PROBE)];
    for (const text of [...Object.values(OVERFLOWING), '', PROBE, `x = [${'1, '.repeat(20_000)}1]\n`]) {
      extract(parsers, text);
    }
    assert.deepStrictEqual([extract(parsers, deep), extract(parsers, PROBE)], before);
  });

  it('parses large real-looking files in full', async () => {
    const parsers = await loadParsers();
    const files = [
      `X = [${Array.from({ length: 5000 }, (_, i) => `'v${i}'`).join(', ')}]\n`,
      `x = ${Array.from({ length: 1000 }, (_, i) => `"s${i}"`).join(' + ')}\n`,
      `if a\n${Array.from({ length: 500 }, (_, i) => `elsif b${i}\n  x`).join('\n')}\nend\n`,
      `Datadog.configure do |c|\n${'a do\n'.repeat(20)}c.env = 'x'\n${'end\n'.repeat(20)}end\n`,
    ];
    for (const text of files) assert.deepStrictEqual(extract(parsers, text).problems, [], text.slice(0, 40));
  });
});
