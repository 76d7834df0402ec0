/**
 * The registry cross-check: the catalog must know every name the vendored registries (registries/)
 * say a tracer or the Agent reads, for the runtimes that read it. When a new registry copy lands,
 * these tests fail until `npm run catalog:refresh` has regenerated schemas/registry.json (and, where
 * the tracer's code contradicts its registry, registryOverrides.json records it).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CatalogError, loadCatalog } from '../../server/src/core/catalog/loadCatalog.js';
import { catalogFileSchema } from '../../server/src/core/catalog/schema.js';
import type { Runtime } from '../../server/src/core/types.js';
import { loadDefaultCatalog, readCatalogSources } from '../../server/src/node/catalogFiles.js';

const catalog = loadDefaultCatalog();
const TRACERS = ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php'] as const;

interface NormalizedRegistry {
  settings: { name: string }[];
  aliases: { alias: string }[];
  deprecations: { name: string }[];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Every name a tracer reads, as its normalized registry lists it: settings, aliases, deprecated names. */
function readNames(runtime: Runtime): string[] {
  const registry = readJson<NormalizedRegistry>(`registries/tracers/${runtime}.json`);
  return [
    ...registry.settings.map((s) => s.name),
    ...registry.aliases.map((a) => a.alias),
    ...registry.deprecations.map((d) => d.name),
  ];
}

describe('registry cross-check', () => {
  it('knows every name each registry lists, for the runtime that reads it', () => {
    const missing = TRACERS.flatMap((runtime) =>
      readNames(runtime)
        .filter((name) => !catalog.known('env', name)?.runtimes.includes(runtime))
        .map((name) => `${runtime}:${name}`),
    );
    assert.deepStrictEqual(missing, []);
  });

  it('lists every registry runtime in the curated entries (no false runtime-mismatch)', () => {
    const omitted = TRACERS.flatMap((runtime) => {
      const names = new Set(readNames(runtime));
      return catalog
        .all('env')
        .filter((setting) => names.has(setting.name) && !setting.runtimes.includes(runtime))
        .map((setting) => `${runtime}:${setting.name}`);
    });
    assert.deepStrictEqual(omitted, []);
  });

  it("knows every name the Agent binds, as the Agent's", () => {
    const agent = readJson<{ settings: { name: string; binding: string }[] }>('registries/agent/agent.json');
    const missing = agent.settings
      .filter((s) => s.binding !== 'allowlist-only' && !catalog.known('env', s.name)?.agent)
      .map((s) => s.name);
    assert.deepStrictEqual(missing, []);
  });

  it('schemas/registry.json is what `npm run catalog:refresh` makes of registries/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    try {
      const output = join(dir, 'registry.json');
      execFileSync(process.execPath, [
        'scripts/importRegistries.mjs',
        'registries/tracers',
        'registries/agent',
        output,
      ]);
      assert.ok(
        readFileSync(output, 'utf8') === readFileSync('schemas/registry.json', 'utf8'),
        'schemas/registry.json is stale: run `npm run catalog:refresh`',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('registry.json lists its names sorted and once (the index finds them by binary search)', () => {
    const names = readJson<{ registry: { names: { name: string }[] } }>('schemas/registry.json').registry.names.map(
      (n) => n.name,
    );
    const unsorted = names.filter((name, i) => i > 0 && !(names[i - 1]! < name));
    assert.deepStrictEqual(unsorted, []);
  });

  it('registry.json satisfies the zod schema (the loader checks it with a faster equivalent)', () => {
    const result = catalogFileSchema.safeParse(readJson('schemas/registry.json'));
    assert.equal(result.success, true, result.error?.message);
  });

  it('reports a malformed registry entry with its file, line and column', () => {
    const sources = readCatalogSources().filter((s) => s.fileName !== 'schemas/registry.json');
    const broken = {
      fileName: 'schemas/registry.json',
      text: '{\n  "registry": {\n    "sources": {},\n    "names": [\n      {"name": "DD_X", "runtimes": ["cobol"]}\n    ]\n  }\n}\n',
    };
    const error = captureCatalogError(() => loadCatalog([...sources, broken]));
    assert.deepStrictEqual(error.problems, [
      'schemas/registry.json:5:24: registry.names[0].runtimes: expected a list of runtimes (java, python, go, ruby, nodejs, dotnet, php, ddprof)',
    ]);
  });
});

function captureCatalogError(load: () => unknown): CatalogError {
  try {
    load();
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  return assert.fail('expected a CatalogError');
}

describe('prebuilt catalog (dist/catalog.json)', () => {
  it('builds the same catalog as the validated load, registries and equivalences included', async () => {
    const { prebuildCatalog } = await import('../../server/src/lsp/catalog.js');
    const { catalogFromData } = await import('../../server/src/core/catalog/loadCatalog.js');
    const rebuilt = catalogFromData(JSON.parse(JSON.stringify(prebuildCatalog())));
    const names = [
      ...catalog.all('env').map((s) => s.name),
      ...['DD_APM_NON_LOCAL_TRAFFIC', 'DD_AdoNet_ENABLED', 'DD_HEAPPROF_ENABLED', 'DATADOG_SERVICE_NAME'],
      ...['DD_TRACE_ANALYTICS_ENABLED', 'DD_TRACE_LOG_PATH', 'DD_FLUSH_TO_LOG'],
    ];
    for (const name of names) {
      assert.deepStrictEqual(rebuilt.known('env', name), catalog.known('env', name), name);
      assert.deepStrictEqual(rebuilt.lookup('env', name), catalog.lookup('env', name), name);
    }
    assert.deepStrictEqual(rebuilt.lookup('env', 'OTEL_SERVICE_NAME'), catalog.lookup('env', 'OTEL_SERVICE_NAME'));
    assert.deepStrictEqual(
      rebuilt.sameFeature('env', 'DD_PROFILING_ALLOCATION_ENABLED'),
      catalog.sameFeature('env', 'DD_PROFILING_ALLOCATION_ENABLED'),
    );
  });
});
