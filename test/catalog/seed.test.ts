/**
 * The seed page ("Enabling the Profiler", copied to test/fixtures/seed/) is the spec: every setting it
 * names, on every surface, must be in the catalog and marked `seed: true`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Surface } from '../../server/src/core/types.js';
import { loadDefaultCatalog } from '../../server/src/node/catalogFiles.js';

const seed = readFileSync('test/fixtures/seed/000_90db0e617e9e3ff8.txt', 'utf8');
const catalog = loadDefaultCatalog();

function unique(matches: Iterable<RegExpMatchArray>, group = 0): string[] {
  return [...new Set([...matches].map((m) => m[group] ?? ''))].sort();
}

/** The seed's names that the catalog lacks or does not mark as documented by the seed. */
function missing(surface: Surface, names: readonly string[]): string[] {
  return names.filter((name) => catalog.lookup(surface, name)?.seed !== true);
}

/** Flags given to ddprof before the profiled command, in the seed's command lines. */
function ddprofFlags(): string[] {
  const commands = seed.matchAll(/ddprof((?:\s+--?[a-z][\w-]*(?:\s+(?!-)\S+)?)*)/g);
  return unique([...commands].flatMap((m) => [...(m[1] ?? '').matchAll(/(?<!\S)--?[a-z][\w-]*/g)]));
}

describe('the catalog covers the seed page', () => {
  it('has every DD_*, CORECLR_* and COR_* variable the seed mentions', () => {
    const names = unique(seed.matchAll(/(?<![\w])(?:DD|CORECLR|COR)_[A-Z0-9_]+/g));
    assert.ok(names.length >= 30, `only ${names.length} names found in the seed`);
    assert.deepStrictEqual(missing('env', names), []);
  });

  it('has the loader variables the seed tells .NET and ddprof users to set', () => {
    assert.deepStrictEqual(missing('env', ['LD_PRELOAD', 'LD_LIBRARY_PATH']), []);
  });

  it('has every -Ddd.* system property of the Java command line', () => {
    const names = unique(seed.matchAll(/-D(dd\.[\w.-]+)=/g), 1);
    assert.deepStrictEqual(names, ['dd.env', 'dd.profiling.enabled', 'dd.service', 'dd.version']);
    assert.deepStrictEqual(missing('javaProperty', names), []);
  });

  it('has every c.* setting of the Ruby table, named without `c.`', () => {
    const names = unique(seed.matchAll(/`c\.([\w.]+)`/g), 1);
    assert.ok(names.includes('profiling.advanced.experimental_heap_size_enabled'));
    assert.deepStrictEqual(missing('rubyConfigure', names), []);
  });

  it('has every php.ini name of `datadog-setup.php config set`', () => {
    const names = unique(seed.matchAll(/-d (datadog\.[\w.]+)=/g), 1);
    assert.deepStrictEqual(names, ['datadog.env', 'datadog.service', 'datadog.version']);
    assert.deepStrictEqual(missing('phpIni', names), []);
  });

  it('has every ddprof flag of the seed command lines', () => {
    const flags = ddprofFlags();
    assert.deepStrictEqual(flags, ['--environment', '--global', '--help', '--service', '--service_version']);
    assert.deepStrictEqual(missing('ddprofFlag', flags), []);
  });
});
