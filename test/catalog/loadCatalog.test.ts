/**
 * The catalog loader: the shipped schemas load, and broken data is reported with file, line and column
 * (golden `problems.golden.json` beside each broken fixture; `UPDATE_GOLDEN=1` rewrites them).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CatalogError, loadCatalog } from '../../server/src/core/catalog/loadCatalog.js';
import type { CatalogSource } from '../../server/src/core/catalog/loadCatalog.js';
import { SURFACES } from '../../server/src/core/types.js';
import { loadDefaultCatalog, readCatalogSources } from '../../server/src/node/catalogFiles.js';
import { assertGolden } from '../helpers/golden.js';

const FIXTURES = 'test/fixtures/catalog';

function fixtureSources(name: string): CatalogSource[] {
  const dir = join(FIXTURES, name);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.golden.json'))
    .sort()
    .map((file) => ({ fileName: `${dir}/${file}`, text: readFileSync(join(dir, file), 'utf8') }));
}

function problemsOf(sources: readonly CatalogSource[]): readonly string[] {
  try {
    loadCatalog(sources);
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  return assert.fail('expected a CatalogError');
}

describe('loadCatalog', () => {
  it('loads the shipped schemas with settings on every surface', () => {
    const catalog = loadDefaultCatalog();
    for (const surface of SURFACES) assert.ok(catalog.all(surface).length > 0, `no ${surface} settings`);
    assert.equal(catalog.lookup('env', 'DD_PROFILING_ENABLED')?.surface, 'env');
    assert.equal(catalog.lookup('ddprofFlag', '-o')?.name, '--log_mode', 'a short spelling finds its flag');
    assert.equal(catalog.dialect('ruby')?.otherwise, 'false');
  });

  it('reads every schemas/*.json except the generated JSON Schema, in a stable order', () => {
    const names = readCatalogSources().map((source) => source.fileName);
    assert.deepStrictEqual(names, [
      'schemas/booleanDialects.json',
      'schemas/ddprofFlags.json',
      'schemas/env.json',
      'schemas/equivalences.json',
      'schemas/goProfiler.json',
      'schemas/javaProperties.json',
      'schemas/nodeInit.json',
      'schemas/phpIni.json',
      'schemas/pythonProfiler.json',
      'schemas/registry.json',
      'schemas/registryOverrides.json',
      'schemas/rubyConfigure.json',
    ]);
  });

  for (const fixture of ['syntax-error', 'wrong-type', 'cross-file']) {
    it(`reports ${fixture} problems with file, line and column`, () => {
      const problems = problemsOf(fixtureSources(fixture));
      assert.ok(
        problems.every((p) => /^test\/fixtures\/catalog\/[\w-]+\/\w+\.json:\d+:\d+: /.test(p)),
        problems.join('\n'),
      );
      assertGolden(join(FIXTURES, fixture, 'problems.golden.json'), problems);
    });
  }

  it('puts every problem in the error message, one per line', () => {
    const sources = fixtureSources('wrong-type');
    assert.throws(
      () => loadCatalog(sources),
      (error: unknown) =>
        error instanceof CatalogError && error.message.split('\n').length === error.problems.length + 1,
    );
  });

  it('points a zod issue at the line of the offending key', () => {
    const problems = problemsOf(fixtureSources('wrong-type'));
    const typeProblem = problems.find((p) => p.includes('settings[1].value'));
    assert.ok(typeProblem?.startsWith('test/fixtures/catalog/wrong-type/env.json:19:'), typeProblem);
  });
});
