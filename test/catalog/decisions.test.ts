/**
 * Where the seed page and the tracers' code disagree, the catalog follows the code: the code is what
 * runs (NOTES.md section 4). One test per disagreement, saying which side we take and why.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Setting } from '../../server/src/core/catalog/schema.js';
import type { Surface } from '../../server/src/core/types.js';
import { loadDefaultCatalog } from '../../server/src/node/catalogFiles.js';

const catalog = loadDefaultCatalog();

function setting(surface: Surface, name: string): Setting {
  const found = catalog.lookup(surface, name);
  assert.ok(found, `${surface} ${name} is missing`);
  return found;
}

/** Whether a `string` spec's pattern accepts the whole value, as the rules apply it. */
function patternAccepts(spec: ReturnType<typeof catalog.valueSpec>, value: string): boolean {
  assert.equal(spec.type, 'string');
  assert.ok(spec.type === 'string' && spec.pattern);
  return new RegExp(`^(?:${spec.pattern})$`).test(value);
}

describe('seed versus code', () => {
  it('.NET: `auto` is lowercase (the seed writes `Auto`; Configuration.cpp compares it as written)', () => {
    const spec = catalog.valueSpec(setting('env', 'DD_PROFILING_ENABLED'), 'dotnet');
    assert.deepStrictEqual(spec, { type: 'enum', values: ['true', 'false', '1', '0', 'auto'], caseInsensitive: false });
  });

  it('ddprof: the log mode is `disabled` (the seed says `disable`, which ddprof takes as a file name)', () => {
    const spec = catalog.valueSpec(setting('ddprofFlag', '--log_mode'), 'ddprof');
    assert.deepStrictEqual(
      ['disabled', 'stdout', 'stderr', 'syslog', '/var/log/ddprof.log', 'ddprof.log', 'disable'].map((v) =>
        patternAccepts(spec, v),
      ),
      [true, true, true, true, true, true, false],
    );
    assert.deepStrictEqual(catalog.valueSpec(setting('env', 'DD_PROFILING_NATIVE_LOG_MODE'), 'ddprof'), spec);
  });

  it('.NET: exception and lock profiling default to true (the seed says false; Configuration.cpp enables both)', () => {
    assert.equal(setting('env', 'DD_PROFILING_EXCEPTION_ENABLED').defaults?.dotnet, 'true');
    assert.equal(setting('env', 'DD_PROFILING_LOCK_ENABLED').defaults?.dotnet, 'true');
  });

  it('.NET: DD_PROFILING_LOG_DIR is deprecated for DD_TRACE_LOG_DIRECTORY (the seed still documents it)', () => {
    const logDir = setting('env', 'DD_PROFILING_LOG_DIR');
    assert.deepStrictEqual(
      {
        status: catalog.status(logDir, 'dotnet'),
        replacement: catalog.replacement(logDir, 'dotnet'),
        seed: logDir.seed,
      },
      { status: 'deprecated', replacement: 'DD_TRACE_LOG_DIRECTORY', seed: true },
    );
  });

  it("DD_TRACE_AGENT_PORT is a port number for every tracer (the seed's .NET table types it String)", () => {
    const port = setting('env', 'DD_TRACE_AGENT_PORT');
    for (const runtime of port.runtimes)
      assert.deepStrictEqual(catalog.valueSpec(port, runtime), { type: 'port' }, runtime);
  });

  it('Ruby: experimental_heap_size defaults to true, ANDed with experimental_heap (the seed: "same value as heap")', () => {
    // Same effect either way; we keep the code's literal and express the AND as a requirement.
    const env = setting('env', 'DD_PROFILING_EXPERIMENTAL_HEAP_SIZE_ENABLED');
    assert.deepStrictEqual(
      { defaults: env.defaults, requires: env.requires },
      {
        defaults: { ruby: 'true' },
        requires: [
          { setting: 'DD_PROFILING_EXPERIMENTAL_HEAP_ENABLED', value: 'true' },
          { setting: 'DD_PROFILING_ALLOCATION_ENABLED', value: 'true' },
        ],
      },
    );
    assert.equal(setting('rubyConfigure', 'profiling.advanced.experimental_heap_size_enabled').defaults?.ruby, 'true');
  });

  it('ddprof: --global is deprecated (the seed presents it as a debug option)', () => {
    assert.equal(setting('ddprofFlag', '--global').status, 'deprecated');
  });
});
