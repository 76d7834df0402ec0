/**
 * Hostile input, extractor by extractor: every extractor returns (never throws, never hangs) on every
 * adversarial text, and each repro of issue #6 is pinned by what it must produce. No timing here (the
 * budgets are asserted by `npm run stress`); a regression to an endless loop or an exponential walk
 * shows as a test that never finishes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractorFor } from '../../server/src/core/formats/index.js';
import { splitShellLine } from '../../server/src/core/formats/shellWords.js';
import {
  FORMATS,
  GRAMMARS,
  type ExtractContext,
  type ExtractResult,
  type FormatId,
} from '../../server/src/core/types.js';
import { loadParsers } from '../../server/src/node/parsers.js';
import { loadGrammars } from '../../server/src/node/treeSitter.js';
import { adversarialInputs, SAMPLE_FILE_NAMES as FILE_NAMES, UNIT_SCALE } from './adversarialInputs.js';

async function extract(format: FormatId, text: string, fileName = FILE_NAMES[format]): Promise<ExtractResult> {
  await loadGrammars(GRAMMARS);
  const ctx: ExtractContext = { fileName, parsers: await loadParsers() };
  return extractorFor(format)(text, ctx);
}

describe('every extractor returns on adversarial input', () => {
  for (const format of FORMATS) {
    it(format, async () => {
      for (const [name, make] of Object.entries(adversarialInputs(UNIT_SCALE))) {
        const result = await extract(format, make());
        assert.ok(Array.isArray(result.occurrences), `${format} on ${name}`);
        assert.ok(Array.isArray(result.problems), `${format} on ${name}`);
      }
    });
  }
});

describe('issue #6 repros', () => {
  it('shell: a no-break space is part of a word, and the splitter always advances', async () => {
    const text = 'export DD_ENV=prod\u00a0x DD_SERVICE=web\n';
    assert.deepEqual(
      splitShellLine(text, 0).words.map((w) => w.value),
      ['export', 'DD_ENV=prod\u00a0x', 'DD_SERVICE=web'],
    );
    const result = await extract('shell', text);
    assert.deepEqual(
      result.occurrences.map((o) => [o.name, o.value]),
      [
        ['DD_ENV', 'prod\u00a0x'],
        ['DD_SERVICE', 'web'],
      ],
    );
  });

  it('dockerfile: stages copying from themselves and each other lend each runtime once', async () => {
    const lines = ['FROM python:3.12 AS base', 'FROM alpine AS app'];
    for (let i = 0; i < 40; i++) lines.push('COPY --from=app /a /b', 'COPY --from=base /a /b', 'COPY --from=1 /a /b');
    const result = await extract('dockerfile', `${lines.join('\n')}\n`);
    const app = result.runtimeHints.filter((h) => h.scope === 'stage:1');
    // `base` lends python once, however often it is copied from; never a doubling per line.
    assert.equal(app.length, 1);
    assert.ok(app.every((h) => h.runtime === 'python'));
  });

  it('dockerfile: 100k lines and 70k ENV properties are read, not a RangeError', async () => {
    const many = `FROM python:3\n${'ENV DD_ENV=prod\n'.repeat(100_000)}`;
    assert.equal((await extract('dockerfile', many)).occurrences.length, 100_000);
    const wide = `FROM python:3\nENV ${Array.from({ length: 70_000 }, (_, i) => `A${i}=1`).join(' ')}\n`;
    assert.equal((await extract('dockerfile', wide)).occurrences.length, 70_000);
  });

  it('yaml: doubling merge keys resolve once per map', async () => {
    let text = 'x0: &a0 {DD_ENV: prod}\n';
    for (let i = 1; i < 40; i++) text += `x${i}: &a${i}\n  <<: [*a${i - 1}, *a${i - 1}]\n  K${i}: v\n`;
    text += 'services:\n  web:\n    image: python\n    environment:\n      <<: *a39\n';
    const names = (await extract('yaml', text)).occurrences.map((o) => o.name);
    assert.equal(names.length, 40);
    assert.equal(new Set(names).size, 40);
  });

  it('yaml: nested aliases in a Kubernetes manifest are walked once', async () => {
    let text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n';
    text += 'x0: &a0 {containers: [{name: c, env: [{name: DD_ENV, value: prod}]}]}\n';
    for (let i = 1; i < 40; i++) text += `x${i}: &a${i} {l: *a${i - 1}, r: *a${i - 1}}\n`;
    assert.equal((await extract('yaml', text, 'pod.yaml')).occurrences.length, 1);
  });

  it('yaml: aliases that expand past the budget are cut with one note', async () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `K${i}: v`).join(', ');
    const services = Array.from({ length: 200 }, (_, i) => `  s${i}: {environment: *e}`).join('\n');
    const text = `x: &e {${keys}}\nservices:\n${services}\n`;
    const result = await extract('yaml', text);
    assert.ok(result.occurrences.length < 200 * 2000);
    assert.equal(result.problems.filter((p) => /expand this file past/.test(p.message)).length, 1);
  });

  it('yaml: a map merged into itself merges nothing more', async () => {
    const text = 'services:\n  web: &w\n    <<: *w\n    environment:\n      DD_ENV: prod\n';
    assert.equal((await extract('yaml', text)).occurrences.length, 1);
  });

  it('xmlConfig: a character reference beyond U+10FFFF is left as written', async () => {
    const text =
      '<configuration><system.webServer><aspNetCore><environmentVariables>' +
      '<environmentVariable name="DD_ENV" value="a&#x110000;&#65;" />' +
      '</environmentVariables></aspNetCore></system.webServer></configuration>';
    assert.deepEqual(
      (await extract('xmlConfig', text)).occurrences.map((o) => o.value),
      ['a&#x110000;A'],
    );
  });

  it('xmlConfig: entities are never expanded, external ones never fetched', async () => {
    const inputs = adversarialInputs(1);
    for (const [name, expected] of [
      ['xmlEntityBomb', '&lol3;'],
      ['xmlExternalEntity', '&xxe;'],
    ] as const) {
      const values = (await extract('xmlConfig', inputs[name]?.() ?? '')).occurrences.map((o) => o.value);
      assert.deepEqual(values, [expected], name);
    }
  });

  it('xmlConfig: 100k-deep nesting is one parse-error, not a crash', async () => {
    const result = await extract('xmlConfig', `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`);
    assert.equal(result.problems[0]?.code, 'parse-error');
  });

  it('ruby: a file that breaks Prism does not break the next file', async () => {
    for (const deep of ['['.repeat(100_000) + ']'.repeat(100_000), 'begin\n'.repeat(20_000) + 'end\n'.repeat(20_000)]) {
      const broken = await extract('ruby', deep);
      assert.ok(broken.problems.length > 0, 'the deep file gets a finding');
      const next = await extract('ruby', "ENV['DD_ENV'] = 'prod'\n");
      assert.deepEqual(
        next.occurrences.map((o) => [o.name, o.value]),
        [['DD_ENV', 'prod']],
      );
    }
  });

  it('dotenv: CR-only line ends separate settings, as dotenv reads them', async () => {
    const result = await extract('dotenv', 'DD_ENV=prod\rDD_API_KEY=0123456789abcdef0123456789abcdef\r');
    assert.deepEqual(
      result.occurrences.map((o) => o.name),
      ['DD_ENV', 'DD_API_KEY'],
    );
  });

  it('dotenv: an unclosed quote does not swallow the next line setting', async () => {
    const text = 'DD_TAGS="team:a\nDD_API_KEY=0123456789abcdef0123456789abcdef\nDD_ENV="prod"\n';
    const result = await extract('dotenv', text);
    assert.deepEqual(
      result.occurrences.map((o) => o.name),
      ['DD_TAGS', 'DD_API_KEY', 'DD_ENV'],
    );
    const problem = result.problems.find((p) => p.range.start.line === 0);
    assert.equal(problem?.code, 'value-syntax');
    assert.match(problem?.message ?? '', /line 2/);
    assert.ok(!result.problems.some((p) => p.message.includes('0123456789abcdef')));
  });

  it('dotenv: a quoted value may still span lines that are not settings', async () => {
    const text = 'DD_TAGS="a:1,\nb:2"\nDD_ENV=prod\n';
    const result = await extract('dotenv', text);
    assert.deepEqual(
      result.occurrences.map((o) => [o.name, o.value]),
      [
        ['DD_TAGS', 'a:1,\nb:2'],
        ['DD_ENV', 'prod'],
      ],
    );
  });
});
