/**
 * Every counterexample the fuzzer saved under test/fixtures/fuzz/ is replayed against every property,
 * so a fixed failure stays fixed.
 */
import { describe, it } from 'node:test';
import { checkAll, createServices } from './harness.js';
import { loadRegressions } from './regressions.js';

describe('fuzz regressions', async () => {
  const services = await createServices();
  for (const regression of loadRegressions()) {
    it(regression.name, regression.skip ? { skip: regression.skip } : {}, () => checkAll(services, regression.doc));
  }
});
