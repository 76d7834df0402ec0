/**
 * Suggestions never offer a name that means something else: "did you mean" fixes typos but does not
 * swap one real word for another, and "runtime X reads Y" comes only from the curated equivalences
 * (schemas/equivalences.json) and the catalog's aliases.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { suggestNames } from '../../server/src/core/catalog/suggest.js';
import { CatalogError, loadCatalog } from '../../server/src/core/catalog/loadCatalog.js';
import { loadDefaultCatalog, readCatalogSources } from '../../server/src/node/catalogFiles.js';
import { RUNTIMES } from '../../server/src/core/types.js';

const catalog = loadDefaultCatalog();
const envNames = catalog.all('env').map((s) => s.name);

describe('did you mean', () => {
  it('fixes typos, dropped letters and word forms', () => {
    assert.deepEqual(suggestNames('DD_PROFILING_ENABLE', envNames, 1), ['DD_PROFILING_ENABLED']);
    assert.deepEqual(suggestNames('DD_PROFILER_ENABLED', envNames, 1), ['DD_PROFILING_ENABLED']);
    assert.deepEqual(suggestNames('DD_PROFILING_ALOCATION_ENABLED', envNames, 1), ['DD_PROFILING_ALLOCATION_ENABLED']);
  });

  it('never swaps one real word for another', () => {
    assert.ok(!suggestNames('DD_AGENT_PORT', ['DD_AGENT_HOST', 'DD_TRACE_AGENT_PORT'], 3).includes('DD_AGENT_HOST'));
    const pool = ['DD_PROFILING_EXCEPTION_ENABLED', 'DD_PROFILING_MEMORY_ENABLED', 'DD_PROFILING_ALLOCATION_SAMPLING'];
    assert.deepEqual(suggestNames('DD_PROFILING_ALLOCATION_ENABLED', pool, 3), []);
  });

  it('still suggests values close to the allowed ones', () => {
    assert.deepEqual(suggestNames('stdot', ['stdout', 'stderr', 'syslog', 'disabled'], 1), ['stdout']);
  });
});

describe('runtime X reads Y', () => {
  it('offers the same feature under the other runtime’s name', () => {
    assert.ok(catalog.sameFeature('env', 'DD_PROFILING_ALLOCATION_ENABLED').includes('DD_PROFILING_MEMORY_ENABLED'));
    assert.ok(
      !catalog.sameFeature('env', 'DD_PROFILING_ALLOCATION_ENABLED').includes('DD_PROFILING_EXCEPTION_ENABLED'),
    );
    assert.equal(catalog.sameFeature('env', 'DD_AGENT_PORT')[0], 'DD_TRACE_AGENT_PORT');
    assert.deepEqual(catalog.sameFeature('javaProperty', 'dd.profiling.enabled'), []);
  });

  it('every curated group spans at least two runtimes', () => {
    const groups = readCatalogSources().flatMap(
      (source) => (JSON.parse(source.text) as { equivalences?: { names: string[] }[] }).equivalences ?? [],
    );
    assert.ok(groups.length > 0);
    for (const group of groups) {
      const readers = new Set(group.names.flatMap((name) => catalog.lookup('env', name)?.runtimes ?? []));
      assert.ok(readers.size >= 2, `${group.names.join(', ')}: read by ${[...readers].join(', ')}`);
      assert.ok([...readers].every((r) => RUNTIMES.includes(r)));
    }
  });

  it('reports a group naming an unknown setting with its place in the file', () => {
    const sources = readCatalogSources().map((source) =>
      source.fileName === 'schemas/equivalences.json'
        ? { ...source, text: source.text.replace('"DD_PROFILING_MEMORY_ENABLED"', '"DD_PROFILING_MEMORY_ENABLE"') }
        : source,
    );
    assert.throws(
      () => loadCatalog(sources),
      (error: unknown) =>
        error instanceof CatalogError &&
        error.problems.length === 1 &&
        /^schemas\/equivalences\.json:\d+:\d+: equivalences\[0\]\.names\[1\]: "DD_PROFILING_MEMORY_ENABLE" is not a known env setting$/.test(
          error.problems[0] ?? '',
        ),
    );
  });
});
