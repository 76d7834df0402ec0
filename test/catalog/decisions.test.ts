/**
 * Where the seed page and the tracers' code disagree, the catalog follows the code: the code is what
 * runs (NOTES.md section 4). One test per disagreement, saying which side we take and why.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

/**
 * Where a tracer's registry (registries/, generated into schemas/registry.json) and its code disagree,
 * the code wins: schemas/registryOverrides.json records each case with its source, one test each here.
 */
describe('registry versus code', () => {
  const known = (name: string) => {
    const found = catalog.known('env', name);
    assert.ok(found, `${name} is unknown`);
    return found;
  };

  it('Java: DD_PROFILING_STACKDEPTH is an integer (the registry types it boolean with default 512)', () => {
    assert.equal(known('DD_PROFILING_STACKDEPTH').types.java, undefined, 'the registry type is dropped');
    assert.equal(catalog.valueSpec(setting('env', 'DD_PROFILING_STACKDEPTH'), 'java').type, 'integer');
  });

  it('PHP: config.rs reads the DD_PROFILING_EXPERIMENTAL_* aliases and the live-heap switch the registry omits', () => {
    for (const name of [
      'DD_PROFILING_EXPERIMENTAL_ALLOCATION_ENABLED',
      'DD_PROFILING_EXPERIMENTAL_EXCEPTION_ENABLED',
      'DD_PROFILING_EXPERIMENTAL_EXCEPTION_SAMPLING_DISTANCE',
      'DD_PROFILING_EXPERIMENTAL_TIMELINE_ENABLED',
      'DD_PROFILING_EXPERIMENTAL_HEAP_LIVE_ENABLED',
    ]) {
      assert.ok(known(name).runtimes.includes('php'), name);
      assert.ok(setting('env', name).runtimes.includes('php'), name);
    }
  });

  it('Ruby: DD_PROFILING_AGENTLESS is read (ext.rb) though the registry does not list it', () => {
    assert.ok(known('DD_PROFILING_AGENTLESS').runtimes.includes('ruby'));
  });

  it('Node.js: dd-trace-js v6 no longer reads DD_PROFILING_EXPERIMENTAL_{CPU,CODEHOTSPOTS,ENDPOINT_COLLECTION,TIMELINE}_ENABLED', () => {
    for (const feature of ['CPU', 'CODEHOTSPOTS', 'ENDPOINT_COLLECTION', 'TIMELINE']) {
      const old = setting('env', `DD_PROFILING_EXPERIMENTAL_${feature}_ENABLED`);
      assert.deepStrictEqual(
        {
          status: catalog.status(old, 'nodejs'),
          replacement: catalog.replacement(old, 'nodejs'),
          since: old.removedIn,
        },
        { status: 'removed', replacement: `DD_PROFILING_${feature}_ENABLED`, since: 'dd-trace-js v6' },
        feature,
      );
    }
    // PHP still reads its EXPERIMENTAL_CPU alias (of DD_PROFILING_EXPERIMENTAL_CPU_TIME_ENABLED).
    assert.equal(catalog.status(setting('env', 'DD_PROFILING_EXPERIMENTAL_CPU_ENABLED'), 'php'), 'deprecated');
  });

  it('.NET: per-integration names come from patterns over its integration ids (DD_TRACE_{X}_ENABLED, legacy DD_{X}_ENABLED)', () => {
    for (const name of ['DD_TRACE_ADONET_ENABLED', 'DD_TRACE_AdoNet_ENABLED', 'DD_TRACE_StackExchangeRedis_ENABLED']) {
      assert.deepStrictEqual(known(name).runtimes, ['dotnet'], name);
    }
    assert.deepStrictEqual(known('DD_AdoNet_ENABLED').retired.dotnet, {
      status: 'legacy',
      replacement: 'DD_TRACE_ADONET_ENABLED',
    });
    assert.equal(catalog.known('env', 'DD_TRACE_NOSUCHLIBRARY_ENABLED'), undefined, 'only real integration ids');
  });

  it('App Analytics is deprecated tracer-wide, although most registries list its names as plain settings', () => {
    const global = known('DD_TRACE_ANALYTICS_ENABLED');
    assert.deepStrictEqual(Object.keys(global.retired).sort(), [...global.runtimes].sort());
    assert.equal(known('DD_TRACE_KAFKA_ANALYTICS_ENABLED').retired.java?.status, 'deprecated');
  });

  it('an override never calls "removed" a name the runtime\'s registry still lists (the registry is evidence of reading)', () => {
    const overrides = JSON.parse(readFileSync('schemas/registryOverrides.json', 'utf8')) as {
      registryOverrides: { names?: string[]; runtimes: string[]; reads?: boolean; retired?: { status: string } }[];
    };
    const contradictions = overrides.registryOverrides
      .filter((o) => o.retired?.status === 'removed' && o.reads === undefined)
      .flatMap((o) =>
        o.runtimes.flatMap((runtime) => {
          const listed = new Set(registryNames(runtime));
          return (o.names ?? []).filter((name) => listed.has(name)).map((name) => `${runtime}:${name}`);
        }),
      );
    assert.deepStrictEqual(contradictions, []);
  });

  it('every override names its source and reason, and compiles', () => {
    const overrides = JSON.parse(readFileSync('schemas/registryOverrides.json', 'utf8')) as {
      registryOverrides: { reason: string; source: string; pattern?: string }[];
    };
    for (const override of overrides.registryOverrides) {
      assert.ok(override.reason.length > 10 && override.source.length > 10, JSON.stringify(override));
      if (override.pattern) assert.doesNotThrow(() => new RegExp(override.pattern!));
    }
  });
});

/**
 * The runtimes lists of the shared settings come from the registries: every tracer reads these, so none
 * may raise a runtime mismatch on a Java or Python image (the catalog used to say ".NET and PHP only").
 */
describe('shared settings read by every tracer', () => {
  const ALL = ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php'] as const;
  it('DD_GIT_COMMIT_SHA, DD_GIT_REPOSITORY_URL, OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES', () => {
    for (const name of [
      'DD_GIT_COMMIT_SHA',
      'DD_GIT_REPOSITORY_URL',
      'OTEL_SERVICE_NAME',
      'OTEL_RESOURCE_ATTRIBUTES',
    ]) {
      const runtimes = setting('env', name).runtimes;
      assert.deepStrictEqual(
        ALL.filter((r) => !runtimes.includes(r)),
        [],
        name,
      );
    }
  });

  it('narrower ones get exactly the registries readers added', () => {
    const has = (name: string, runtimes: string[]) =>
      runtimes.every((r) => setting('env', name).runtimes.includes(r as never));
    assert.ok(has('DD_HOSTNAME', ['python', 'go', 'ruby', 'dotnet', 'php']));
    assert.ok(has('DD_TRACE_LOG_DIRECTORY', ['go', 'dotnet']));
    assert.ok(has('DD_INJECTION_ENABLED', ['ruby']));
    assert.ok(has('DD_AGENT_PORT', ['java', 'python']));
    assert.ok(has('DD_TRACE_PIPE_NAME', ['java', 'dotnet']));
  });

  it('a name curated as legacy where it is an alias stays current where the registry lists it plainly', () => {
    const hostname = setting('env', 'DD_TRACE_AGENT_HOSTNAME');
    assert.equal(catalog.status(hostname, 'python'), 'stable');
  });
});

/** Every name a tracer's vendored registry lists (settings, aliases, deprecated names). */
function registryNames(runtime: string): string[] {
  const registry = JSON.parse(readFileSync(`registries/tracers/${runtime}.json`, 'utf8')) as {
    settings: { name: string }[];
    aliases: { alias: string }[];
    deprecations: { name: string }[];
  };
  return [
    ...registry.settings.map((s) => s.name),
    ...registry.aliases.map((a) => a.alias),
    ...registry.deprecations.map((d) => d.name),
  ];
}
