/**
 * Fuzzing in the unit suite: every property of test/fuzz/harness.ts (one per extractor, then the whole
 * service: ranges, determinism, quick fixes, the planted key) on a few hundred generated documents, with
 * FIXED seeds so a run is repeatable. `npm run fuzz` runs the same properties for minutes with random
 * seeds; what it finds lands in test/fixtures/fuzz/ and is replayed by regressions.test.ts.
 */
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createServices, fuzzProperties } from './harness.js';
import { knownIssue } from './known.js';

const SEED = 20261129;

describe('fuzz properties (fixed seeds)', async () => {
  const services = await createServices();
  fuzzProperties(services, { maxDepth: 40, fixLimit: 6 }).forEach((property, i) => {
    it(property.name, () => {
      const check = fc.property(property.arbitrary, (doc) => {
        fc.pre(knownIssue(doc) === undefined);
        property.check(doc);
      });
      fc.assert(check, { seed: SEED + i, numRuns: property.runs });
    });
  });
});
