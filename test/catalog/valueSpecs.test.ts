/**
 * Spot checks that the catalog says what each runtime accepts as it parses it (NOTES.md section 5).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Setting } from '../../server/src/core/catalog/schema.js';
import { RUNTIMES, SURFACES } from '../../server/src/core/types.js';
import type { Surface } from '../../server/src/core/types.js';
import { loadDefaultCatalog } from '../../server/src/node/catalogFiles.js';

const catalog = loadDefaultCatalog();

function setting(surface: Surface, name: string): Setting {
  const found = catalog.lookup(surface, name);
  assert.ok(found, `${surface} ${name} is missing`);
  return found;
}

const spec = (name: string, runtime: (typeof RUNTIMES)[number]) => catalog.valueSpec(setting('env', name), runtime);

describe('boolean dialects', () => {
  it('Ruby: only `true` and `1` are true; `yes`, `on` and `auto` are read as false', () => {
    const { description: _d, source: _s, ...ruby } = catalog.dialect('ruby') ?? assert.fail('no ruby dialect');
    assert.deepStrictEqual(ruby, {
      true: ['true', '1'],
      false: ['false', '0'],
      caseInsensitive: true,
      otherwise: 'false',
    });
    assert.deepStrictEqual(spec('DD_PROFILING_ENABLED', 'ruby'), { type: 'boolean', dialect: 'ruby' });
  });

  it('Go: strconv.ParseBool spellings, case-sensitive; anything else keeps the default', () => {
    const go = catalog.dialect('go') ?? assert.fail('no go dialect');
    assert.deepStrictEqual(
      { true: go.true, caseInsensitive: go.caseInsensitive, otherwise: go.otherwise },
      { true: ['1', 't', 'T', 'TRUE', 'true', 'True'], caseInsensitive: false, otherwise: 'default' },
    );
  });

  it('ddprof: CLI11 stops on a value it cannot read', () => {
    assert.equal(catalog.dialect('ddprof')?.otherwise, 'error');
  });

  it('each surface uses its own dialect for the same setting', () => {
    assert.deepStrictEqual(catalog.valueSpec(setting('rubyConfigure', 'profiling.enabled'), 'ruby'), {
      type: 'boolean',
      dialect: 'rubyCode',
    });
    assert.deepStrictEqual(catalog.valueSpec(setting('phpIni', 'datadog.profiling.enabled'), 'php'), {
      type: 'boolean',
      dialect: 'phpIni',
      also: ['auto'],
    });
    assert.deepStrictEqual(
      catalog.valueSpec(setting('javaProperty', 'dd.profiling.enabled'), 'java'),
      spec('DD_PROFILING_ENABLED', 'java'),
    );
  });
});

describe('value specs', () => {
  it('Java DD_PROFILING_ENABLED takes true/false/auto/1/0 in any case', () => {
    assert.deepStrictEqual(spec('DD_PROFILING_ENABLED', 'java'), {
      type: 'enum',
      values: ['true', 'false', 'auto', '1', '0'],
      caseInsensitive: true,
    });
  });

  it('DD_PROFILING_UPLOAD_TIMEOUT: a Go duration for Go, seconds for Java, milliseconds for Node.js', () => {
    assert.deepStrictEqual(
      ['go', 'java', 'nodejs', 'ruby'].map((r) => spec('DD_PROFILING_UPLOAD_TIMEOUT', r as (typeof RUNTIMES)[number])),
      [
        { type: 'duration', syntax: 'go' },
        { type: 'integer', min: 1, unit: 'seconds' },
        { type: 'integer', min: 1, unit: 'milliseconds' },
        { type: 'float', min: 0, unit: 'seconds' },
      ],
    );
    assert.deepStrictEqual(spec('DD_PROFILING_EXECUTION_TRACE_PERIOD', 'go'), { type: 'duration', syntax: 'go' });
  });

  it('percentages are 0..100, not fractions', () => {
    assert.deepStrictEqual(spec('DD_PROFILING_OVERHEAD_TARGET_PERCENTAGE', 'ruby'), {
      type: 'float',
      min: 0,
      max: 100,
      unit: 'percent',
    });
    assert.deepStrictEqual(spec('DD_PROFILING_CAPTURE_PCT', 'python'), {
      type: 'float',
      min: 0,
      max: 100,
      unit: 'percent',
    });
  });

  it('integer ranges: Ruby upload period at least 60, PHP sampling distance above 0, Python frames clamped at 599', () => {
    assert.deepStrictEqual(spec('DD_PROFILING_UPLOAD_PERIOD', 'ruby'), { type: 'integer', min: 60, unit: 'seconds' });
    assert.deepStrictEqual(spec('DD_PROFILING_ALLOCATION_SAMPLING_DISTANCE', 'php'), {
      type: 'integer',
      min: 1,
      unit: 'bytes',
    });
    assert.deepStrictEqual(spec('DD_PROFILING_MAX_FRAMES', 'python'), { type: 'integer', min: 1, max: 599 });
  });

  it('agent address: URLs with http/https/unix schemes, ports 1..65535', () => {
    assert.deepStrictEqual(spec('DD_TRACE_AGENT_URL', 'java'), { type: 'url', schemes: ['http', 'https', 'unix'] });
    assert.deepStrictEqual(catalog.valueSpec(setting('ddprofFlag', '--port'), 'ddprof'), { type: 'port' });
  });

  it('tags are key:value pairs; only Ruby also reads key=value', () => {
    assert.deepStrictEqual(spec('DD_TAGS', 'java'), { type: 'tags' });
    assert.deepStrictEqual(spec('DD_TAGS', 'ruby'), { type: 'tags', allowEquals: true });
    assert.deepStrictEqual(spec('DD_PROFILING_TAGS', 'python'), { type: 'tags' });
  });

  it('DD_SITE is a string with known sites (others warn, not fail)', () => {
    const site = spec('DD_SITE', 'go');
    assert.ok(site.type === 'string' && site.known?.includes('datadoghq.eu') && site.known.includes('ddog-gov.com'));
  });

  it('.NET CLR loader: the Datadog GUID and `1`', () => {
    for (const name of ['CORECLR_PROFILER', 'COR_PROFILER']) {
      assert.deepStrictEqual(spec(name, 'dotnet'), {
        type: 'guid',
        expected: '{846F5F1C-F9AE-4B07-969E-05C26BC060D8}',
      });
    }
    for (const name of ['CORECLR_ENABLE_PROFILING', 'COR_ENABLE_PROFILING'])
      assert.deepStrictEqual(spec(name, 'dotnet'), { type: 'enum', values: ['1'] });
  });
});

describe('catalog data', () => {
  it('marks credentials secret, and not the files that hold them', () => {
    const secrets = (['env', 'javaProperty', 'rubyConfigure', 'ddprofFlag'] as const).flatMap((surface) =>
      catalog
        .all(surface)
        .filter((s) => s.secret)
        .map((s) => `${surface}:${s.name}`),
    );
    for (const name of [
      'env:DD_API_KEY',
      'env:DD_APP_KEY',
      'env:DD_PROFILING_API_KEY',
      'javaProperty:dd.api-key',
      'rubyConfigure:api_key',
      'ddprofFlag:--api_key',
    ]) {
      assert.ok(secrets.includes(name), name);
    }
    assert.equal(setting('env', 'DD_API_KEY_FILE').secret, undefined);
  });

  it('keeps names the tracers list but never read as internal, and links aliases and requirements', () => {
    assert.deepStrictEqual(
      {
        registryOnly: setting('env', 'DD_PROFILING_EVENTS_BUFFER').status,
        alias: setting('env', 'DD_SERVICE_NAME').aliasOf,
        phpHeap: setting('env', 'DD_PROFILING_EXPERIMENTAL_HEAP_LIVE_ENABLED').requires,
        rubyHeap: setting('rubyConfigure', 'profiling.advanced.experimental_heap_enabled').requires,
        removed: [
          setting('rubyConfigure', 'profiling.advanced.max_events').status,
          setting('rubyConfigure', 'profiling.advanced.max_events').removedIn,
        ],
      },
      {
        registryOnly: 'internal',
        alias: 'DD_SERVICE',
        phpHeap: [{ setting: 'DD_PROFILING_ALLOCATION_ENABLED', value: '1' }],
        rubyHeap: [{ setting: 'profiling.allocation_enabled', value: 'true' }],
        removed: ['removed', '2.0'],
      },
    );
  });

  it('links every setting to its seed page and keeps hovers short', () => {
    const pages = new Set(
      ['', ...RUNTIMES.map((r) => `${r}/`)].map((p) => `https://docs.datadoghq.com/profiler/enabling/${p}`),
    );
    for (const surface of SURFACES) {
      for (const s of catalog.all(surface)) {
        assert.ok(pages.has(s.docs), `${s.name}: ${s.docs}`);
        assert.ok(s.description.length <= 260, `${s.name}: description too long for a hover`);
      }
    }
  });
});
