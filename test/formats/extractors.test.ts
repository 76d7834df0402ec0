/**
 * Every extractor on fixtures: each file under test/fixtures/formats/<format>/ is extracted and the
 * result (occurrences, problems, runtime hints) compared with `<file>.golden.json`. And no extractor
 * throws, whatever bytes it is given.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { detectFormat, extractorFor } from '../../server/src/core/formats/index.js';
import { FORMATS, GRAMMARS, type ExtractContext, type Parsers } from '../../server/src/core/types.js';
import { loadGrammars } from '../../server/src/node/treeSitter.js';
import { loadParsers } from '../../server/src/node/parsers.js';
import { assertGolden } from '../helpers/golden.js';
import { SAMPLE_FILE_NAMES } from './adversarialInputs.js';

const ROOT = 'test/fixtures/formats';
const parsers: Promise<Parsers> = loadGrammars(GRAMMARS).then(loadParsers);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.golden.json') ? [] : [path];
  });
}

describe('extractors on fixtures', () => {
  for (const file of files(ROOT).sort()) {
    it(file.slice(ROOT.length + 1), async () => {
      const format = detectFormat(basename(file));
      assert.ok(format, `no format for ${file}`);
      const ctx: ExtractContext = { fileName: basename(file), parsers: await parsers };
      assertGolden(`${file}.golden.json`, extractorFor(format)(readFileSync(file, 'utf8'), ctx));
    });
  }
});

/** A small deterministic generator: the same "random" inputs on every run. */
function* noise(seed: number, count: number): Generator<string> {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  const alphabet = [
    'DD_',
    'PROFILING_',
    '=',
    '"',
    "'",
    '\\',
    '\n',
    '\r\n',
    ' ',
    '#',
    '$',
    '{',
    '}',
    '<',
    '>',
    '/',
    '-',
    ':',
    'ENV ',
    'c.',
    '\u0000',
    'é',
    '😀',
    '[',
    ']',
    '&&',
    'java ',
    '-jar ',
    'env:',
    '- name: ',
    'value: ',
  ];
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = next() % 200;
    for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
    yield text;
  }
}

describe('extractors never throw', () => {
  for (const format of FORMATS) {
    it(format, async () => {
      const ctx: ExtractContext = { fileName: SAMPLE_FILE_NAMES[format], parsers: await parsers };
      for (const text of noise(format.length * 7919, 300)) {
        const result = extractorFor(format)(text, ctx);
        assert.ok(Array.isArray(result.occurrences) && Array.isArray(result.problems));
      }
    });
  }
});
