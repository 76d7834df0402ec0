/**
 * Properties of the value checks over generated files: every valid `DD_TAGS` form stays silent for
 * every runtime, a value with a space next to a colon and no comma is always reported for the tracers
 * that split at spaces, and plain or straight-quoted values never trip the value-syntax checks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { realService } from '../helpers/service.js';
import { RUNTIMES, type Runtime } from '../../server/src/core/types.js';

const word = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,11}$/);
const tag = fc.oneof(
  fc.tuple(word, word).map(([k, v]) => `${k}:${v}`),
  word,
);
const runtime = fc.constantFrom<Runtime>(...RUNTIMES);

async function findings(text: string, settings: { runtime?: Runtime }) {
  const service = await realService();
  return service.validate({ uri: 'file:///project/.env', text }, settings);
}

describe('DD_TAGS forms', () => {
  it('commas, commas with spaces, or spaces only: never reported', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(tag, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',', ', ', ' '),
        runtime,
        async (tags, separator, rt) => {
          const value = tags.join(separator);
          // Quoted: an unquoted space in a .env is a syntax question of its own (the dotenv extractor's).
          const text = `DD_TAGS="${value}"\n`;
          const found = await findings(text, { runtime: rt });
          assert.deepEqual(
            found.map((d) => d.message),
            [],
            text,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a space after a colon without any comma is reported for the tracers that split at spaces', async () => {
    await fc.assert(
      fc.asyncProperty(
        word,
        word,
        fc.constantFrom<Runtime>('java', 'python', 'go', 'ruby', 'nodejs'),
        async (k, v, rt) => {
          const found = await findings(`DD_TAGS="${k}: ${v}"\n`, { runtime: rt });
          assert.equal(found.filter((d) => d.code === 'invalid-value').length, 1);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('value syntax', () => {
  it('plain and straight-quoted values are not typographic quotes or unexpanded commands', async () => {
    await fc.assert(
      fc.asyncProperty(word, fc.constantFrom('', '"', "'"), async (value, quote) => {
        const found = await findings(`DD_ENV=${quote}${value}${quote}\nDD_SERVICE=shop\n`, {});
        assert.deepEqual(
          found.map((d) => d.message),
          [],
        );
      }),
      { numRuns: 100 },
    );
  });
});
