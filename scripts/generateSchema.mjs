#!/usr/bin/env node
// Converts the reference catalog (profiler-settings-catalog.json, see its NOTES.md) into our own
// catalog data in schemas/*.json (format: server/src/core/catalog/schema.ts `catalogFileSchema`).
//
//   node scripts/generateSchema.mjs [reference.json] [seed.txt]
//
// A dev tool run by hand: its OUTPUT is committed and CI never runs it. The reference describes
// settings in prose ("true in source (seed says false)", "integer 1-65535"); our format says what each
// runtime ACCEPTS AS IT PARSES IT, so the conversion below turns prose into value specs, and the
// tables at the top hold the hand-curated corrections, each with the source that justifies it.
// Where the reference and the seed page disagree we follow the tracers' code (NOTES.md section 4).
//
// One file on purpose (longer than the house ~300 lines): the correction tables must sit next to
// the code that applies them so a reviewer reads a correction and its effect together.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REFERENCE = process.argv[2] ?? '/work/shared/reference/profiler-settings-catalog.json';
const SEED = process.argv[3] ?? join(ROOT, 'test/fixtures/seed/000_90db0e617e9e3ff8.txt');
const RUNTIMES = ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php', 'ddprof'];
const DOCS = 'https://docs.datadoghq.com/profiler/enabling/';
const DOTNET_PROFILER_GUID = '{846F5F1C-F9AE-4B07-969E-05C26BC060D8}';

// ---------------------------------------------------------------------------------------------
// Boolean dialects: how each runtime turns text into a boolean. Read from the tracers' parsers.
// ---------------------------------------------------------------------------------------------
const BOOLEAN_DIALECTS = {
  portable: {
    description:
      'The spellings every tracer reads the same way (`true`/`false`, `1`/`0`, lowercase). Used when the runtime is not known.',
    true: ['true', '1'],
    false: ['false', '0'],
    caseInsensitive: false,
    otherwise: 'default',
  },
  java: {
    description:
      'dd-trace-java ConfigConverter: `true`/`false` in any case, `1`/`0`. Anything else (even `yes`, `on` or `true ` with a space) is read as false.',
    true: ['true', '1'],
    false: ['false', '0'],
    caseInsensitive: true,
    otherwise: 'false',
    source:
      'DataDog/dd-trace-java utils/config-utils/.../ConfigConverter.java and ConfigProvider (invalid booleans become false for backward compatibility)',
  },
  python: {
    description: 'dd-trace-py (envier): `1`, `true`, `yes`, `on` in any case are true; anything else is false.',
    true: ['true', '1', 'yes', 'on'],
    false: ['false', '0', 'no', 'off'],
    caseInsensitive: true,
    otherwise: 'false',
    source: 'DataDog/dd-trace-py ddtrace/internal/settings/profiling.py (envier bool parsing)',
  },
  go: {
    description:
      'dd-trace-go uses Go strconv.ParseBool: exactly `1`, `t`, `T`, `TRUE`, `true`, `True` or `0`, `f`, `F`, `FALSE`, `false`, `False`. Anything else (`yes`, `tRUE`) is ignored with a warning and the default applies.',
    true: ['1', 't', 'T', 'TRUE', 'true', 'True'],
    false: ['0', 'f', 'F', 'FALSE', 'false', 'False'],
    caseInsensitive: false,
    otherwise: 'default',
    source: 'DataDog/dd-trace-go internal/env.go BoolEnv (strconv.ParseBool)',
  },
  ruby: {
    description:
      'dd-trace-rb: only `true` or `1` (any case, surrounding spaces ignored) mean true; anything else, including `yes`, `on` and `auto`, is false.',
    true: ['true', '1'],
    false: ['false', '0'],
    caseInsensitive: true,
    otherwise: 'false',
    source: 'DataDog/dd-trace-rb lib/datadog/core/configuration/option.rb (env parsing)',
  },
  rubyCode: {
    description:
      'A Ruby literal in a Datadog.configure block: boolean options take `true` or `false`; anything else fails type validation when the block runs.',
    true: ['true'],
    false: ['false'],
    caseInsensitive: false,
    otherwise: 'error',
    source: 'DataDog/dd-trace-rb lib/datadog/core/configuration/option.rb (type :bool)',
  },
  nodejs: {
    description:
      'dd-trace-js: `true`/`1` and `false`/`0`, in any case. Anything else is ignored and the default applies.',
    true: ['true', '1'],
    false: ['false', '0'],
    caseInsensitive: true,
    otherwise: 'default',
    source: 'DataDog/dd-trace-js packages/dd-trace/src/config/parsers.js (BOOLEAN)',
  },
  dotnet: {
    description:
      'dd-trace-dotnet native profiler: `true`, `yes`, `t`, `y`, `1` and `false`, `no`, `f`, `n`, `0`, each only in lowercase, Capitalised or UPPERCASE (single letters in either case). Anything else is ignored and the default applies.',
    true: ['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 't', 'T', 'y', 'Y', '1'],
    false: ['false', 'False', 'FALSE', 'no', 'No', 'NO', 'f', 'F', 'n', 'N', '0'],
    caseInsensitive: false,
    otherwise: 'default',
    source: 'DataDog/dd-trace-dotnet shared/src/native-src/util.cpp TryParseBooleanEnvironmentValue',
  },
  php: {
    description:
      'dd-trace-php: `1`, `on`, `yes`, `true` in any case are true; anything else is false. PHP-FPM `env[...]` cannot pass `false`: use `0`/`1`.',
    true: ['1', 'on', 'yes', 'true'],
    false: ['0', 'off', 'no', 'false'],
    caseInsensitive: true,
    otherwise: 'false',
    source: 'DataDog/dd-trace-php profiling/src/config.rs (bool decoding)',
  },
  phpIni: {
    description:
      'php.ini: PHP turns `On`/`Yes`/`True` into `1` and `Off`/`No`/`False`/`None` into an empty string before dd-trace-php reads it; anything else is false.',
    true: ['1', 'on', 'yes', 'true'],
    false: ['0', 'off', 'no', 'false', 'none', ''],
    caseInsensitive: true,
    otherwise: 'false',
    source: 'PHP INI parser + DataDog/dd-trace-php profiling/src/config.rs',
  },
  ddprof: {
    description:
      'ddprof (CLI11 flags and their DD_* variables): `true`, `on`, `yes`, `enable`, `t`, `y`, `1` and `false`, `off`, `no`, `disable`, `f`, `n`, `0`, in any case. Anything else stops ddprof with a parse error.',
    true: ['true', 'on', 'yes', 'enable', 't', 'y', '1'],
    false: ['false', 'off', 'no', 'disable', 'f', 'n', '0'],
    caseInsensitive: true,
    otherwise: 'error',
    source: 'DataDog/ddprof third_party/CLI/include/CLI/CLI11.hpp (to_flag_value)',
  },
};

// ---------------------------------------------------------------------------------------------
// Corrections. Keys are env names unless said otherwise.
// ---------------------------------------------------------------------------------------------

/** Value specs the reference's prose cannot give mechanically; per runtime where they differ. */
const VALUE_OVERRIDES = {
  // Accepted spellings per tracer (NOTES.md 5.11; ProfilingEnablement.java lowercases; parsers.js
  // normalizeProfilingEnabled lowercases; .NET Configuration.cpp compares `auto` as written, so the
  // seed's `Auto` is not recognised).
  DD_PROFILING_ENABLED: {
    value: { type: 'boolean', dialect: 'portable', also: ['auto'] },
    byRuntime: {
      java: { type: 'enum', values: ['true', 'false', 'auto', '1', '0'], caseInsensitive: true },
      python: { type: 'boolean', dialect: 'python', also: ['auto'] },
      go: { type: 'boolean', dialect: 'go', also: ['auto'] },
      ruby: { type: 'boolean', dialect: 'ruby' },
      nodejs: { type: 'enum', values: ['true', 'false', 'auto', '1', '0'], caseInsensitive: true },
      dotnet: { type: 'enum', values: ['true', 'false', '1', '0', 'auto'], caseInsensitive: false },
      php: { type: 'boolean', dialect: 'php', also: ['auto'] },
      ddprof: { type: 'boolean', dialect: 'ddprof' },
    },
  },
  // Agent port: every tracer parses an integer (the seed's .NET table says String; the code and every
  // registry say int, NOTES.md 4 / the reference's interactions).
  DD_TRACE_AGENT_PORT: { value: { type: 'port' } },
  DD_AGENT_PORT: { value: { type: 'port' } },
  DATADOG_TRACE_AGENT_PORT: { value: { type: 'port' } },
  DD_PROFILING_PROXY_PORT: { value: { type: 'port' } },
  // ddprof also takes a bare host:port (reference value_format).
  DD_TRACE_AGENT_URL: {
    value: { type: 'url', schemes: ['http', 'https', 'unix'] },
    byRuntime: { ddprof: { type: 'string' } },
  },
  DD_TRACE_URL: { value: { type: 'url', schemes: ['http', 'https', 'unix'] } },
  DD_PROFILING_URL: { value: { type: 'url', schemes: ['http', 'https'] } },
  // Git remotes are often scp-like (git@host:org/repo.git), which is not a URL.
  DD_GIT_REPOSITORY_URL: { value: { type: 'string' } },
  // dd-trace-go IsAPIKeyValid: 32 lowercase alphanumerics (NOTES.md 5.10).
  DD_API_KEY: {
    value: {
      type: 'string',
      pattern: '[a-z0-9]{32}',
      patternDescription: 'the API key format (32 lowercase letters and digits)',
    },
  },
  // Ruby also splits DD_TAGS on spaces and accepts key=value (reference value_format).
  DD_TAGS: { value: { type: 'tags' }, byRuntime: { ruby: { type: 'tags', allowEquals: true } } },
  DD_TRACE_GLOBAL_TAGS: { value: { type: 'tags' } },
  // OpenTelemetry's own format is key=value.
  OTEL_RESOURCE_ATTRIBUTES: { value: { type: 'tags', allowEquals: true } },
  CORECLR_PROFILER: { value: { type: 'guid', expected: DOTNET_PROFILER_GUID } },
  COR_PROFILER: { value: { type: 'guid', expected: DOTNET_PROFILER_GUID } },
  CORECLR_ENABLE_PROFILING: { value: { type: 'enum', values: ['1'] } },
  COR_ENABLE_PROFILING: { value: { type: 'enum', values: ['1'] } },
  // ddprof: `disabled`, not the seed's `disable`; any other word is taken as a file name
  // (src/logger_setup.cc, docs/Commands.md; NOTES.md 4.21). A value with `/` or `.` is a path.
  DD_PROFILING_NATIVE_LOG_MODE: {
    value: {
      type: 'string',
      pattern: 'stdout|stderr|syslog|disabled|.*[/.].*',
      patternDescription:
        '`stdout`, `stderr`, `syslog`, `disabled` or a file path (`disable` is not a keyword: it would be written to a file named "disable")',
    },
  },
  // Ruby: `true`/`1` -> both, `only`, `both`; anything else is false (settings.rb, NOTES.md 4.8).
  DD_PROFILING_PREVIEW_OTEL_CONTEXT_ENABLED: {
    value: { type: 'enum', values: ['false', 'true', '1', 'only', 'both'] },
  },
  // Go durations need a unit (NOTES.md 5.12): a bare 10 fails profiler.Start for the timeout.
  DD_PROFILING_UPLOAD_TIMEOUT: {
    value: { type: 'integer', min: 1 },
    byRuntime: {
      java: { type: 'integer', min: 1, unit: 'seconds' },
      go: { type: 'duration', syntax: 'go' },
      ruby: { type: 'float', min: 0, unit: 'seconds' },
      nodejs: { type: 'integer', min: 1, unit: 'milliseconds' },
    },
  },
  DD_PROFILING_EXECUTION_TRACE_PERIOD: { value: { type: 'duration', syntax: 'go' } },
  DD_PROFILING_DEBUG_COMPRESSION_SETTINGS: {
    value: {
      type: 'string',
      pattern: 'legacy|gzip(-[0-9])?|zstd(-[0-9]+)?',
      patternDescription: '`legacy`, `gzip`, `gzip-<level>`, `zstd` or `zstd-<level>`',
    },
  },
  // Java CompressionType accepts on/off/lz4/gzip/zstd; Node.js checks a regular expression (config/index.js).
  DD_PROFILING_DEBUG_UPLOAD_COMPRESSION: {
    value: { type: 'enum', values: ['on', 'off', 'lz4', 'gzip', 'zstd'] },
    byRuntime: {
      nodejs: {
        type: 'string',
        pattern: 'on|off|gzip(-[1-9])?|zstd(-([1-9]|1[0-9]|2[0-2]))?',
        patternDescription: '`on`, `off`, `gzip[-1..9]` or `zstd[-1..22]`',
      },
    },
  },
  // Java keeps reading the old name with the same parser as the new one.
  DD_PROFILING_UPLOAD_COMPRESSION: { value: { type: 'enum', values: ['on', 'off', 'lz4', 'gzip', 'zstd'] } },
  // Percentages are 0..100, not fractions (NOTES.md 5.12).
  DD_PROFILING_OVERHEAD_TARGET_PERCENTAGE: { value: { type: 'float', min: 0, max: 100, unit: 'percent' } },
  DD_PROFILING_CAPTURE_PCT: { value: { type: 'float', min: 0, max: 100, unit: 'percent' } },
  DD_PROFILING_MAX_TIME_USAGE_PCT: { value: { type: 'float', min: 0, max: 100, unit: 'percent' } },
  DD_PROFILING_DDPROF_LIVEHEAP_SAMPLE_PERCENT: { value: { type: 'integer', min: 0, max: 100, unit: 'percent' } },
  DD_PROFILING_ASYNC_LIVEHEAP_SAMPLE_PERCENT: { value: { type: 'integer', min: 0, max: 100, unit: 'percent' } },
  // Python clamps at 599 (profiling.py); Ruby has no cap.
  DD_PROFILING_MAX_FRAMES: {
    value: { type: 'integer', min: 1 },
    byRuntime: { python: { type: 'integer', min: 1, max: 599 } },
  },
  // Ruby raises anything below 60 s to 60 s (settings.rb, NOTES.md 5.12).
  DD_PROFILING_UPLOAD_PERIOD: {
    value: { type: 'integer', min: 1, unit: 'seconds' },
    byRuntime: { ruby: { type: 'integer', min: 60, unit: 'seconds' } },
  },
  // PHP rejects 0 and negatives (config.rs).
  DD_PROFILING_ALLOCATION_SAMPLING_DISTANCE: { value: { type: 'integer', min: 1, unit: 'bytes' } },
  DD_PROFILING_EXCEPTION_SAMPLING_DISTANCE: { value: { type: 'integer', min: 1 } },
  DD_PROFILING_EXPERIMENTAL_EXCEPTION_SAMPLING_DISTANCE: { value: { type: 'integer', min: 1 } },
  DD_PROFILING_EXPERIMENTAL_HEAP_SAMPLE_RATE: { value: { type: 'integer', min: 1 } },
  DD_PROFILING_HEAP_SAMPLING_INTERVAL: { value: { type: 'integer', min: 1, unit: 'bytes' } },
  // ddprof: at most 65528 and a multiple of 8 (ddprof_cli.cc).
  DD_PROFILING_SAMPLE_STACK_USER: { value: { type: 'integer', min: 8, max: 65528, unit: 'bytes' } },
  DD_PROFILING_NICE: { value: { type: 'integer', min: -20, max: 19 } },
  DD_PROFILING_START_DELAY: { value: { type: 'integer', min: 0, unit: 'seconds' } },
  // Lists with a closed vocabulary (dd-trace-js profiling/config.js).
  DD_PROFILING_PROFILERS: { value: listPattern(['wall', 'cpu', 'space']) },
  DD_PROFILING_EXPORTERS: { value: listPattern(['agent', 'file']) },
  DD_PROFILING_EXPERIMENTAL_OOM_EXPORT_STRATEGIES: { value: listPattern(['process', 'async', 'logs']) },
  DD_INJECTION_ENABLED: { value: { type: 'list' } },
  // A ddprof event is a name plus optional ",key=value" options, so the reference's names are notes only.
  DD_PROFILING_NATIVE_EVENTS: { value: { type: 'string' } },
  // Java: a .jfp file or one of the two built-in templates.
  DD_PROFILING_JFR_TEMPLATE_OVERRIDE_FILE: { value: { type: 'path' } },
  // Node.js reads the old name through the same normaliser as DD_PROFILING_ENABLED (parsers.js).
  DD_EXPERIMENTAL_PROFILING_ENABLED: {
    value: { type: 'enum', values: ['true', 'false', 'auto', '1', '0'], caseInsensitive: true },
  },
  // Ruby literals in Datadog.configure (settings.rb): symbols are written with their colon.
  'c.profiling.advanced.no_signals_workaround_enabled': { value: { type: 'enum', values: ['true', 'false', ':auto'] } },
  'c.profiling.advanced.preview_otel_context_enabled': {
    value: { type: 'enum', values: ['false', 'true', ':only', ':both', 'only', 'both'] },
  },
  'c.tags': { value: { type: 'any' } },
};

/** Defaults the reference gives in prose; the literal the code uses (the prose goes to notes). */
const DEFAULT_OVERRIDES = {
  // .NET: Configuration.cpp and the tracer's settings YAML say enabled by default; the seed says false (NOTES.md 4.1-4.2).
  DD_PROFILING_EXCEPTION_ENABLED: { python: 'true', dotnet: 'true' },
  DD_PROFILING_LOCK_ENABLED: { dotnet: 'true' },
  // Ruby: the code default is true, ANDed with experimental_heap_enabled; the seed words it "the same
  // value as DD_PROFILING_EXPERIMENTAL_HEAP_ENABLED". Same effect; we record the code's literal.
  DD_PROFILING_EXPERIMENTAL_HEAP_SIZE_ENABLED: { ruby: 'true' },
  // Java: on by default on Linux when the JVM is considered safe (the registry's false is stale, NOTES.md 4.14).
  DD_PROFILING_DDPROF_ENABLED: { java: 'true' },
  DD_PROFILING_ENABLED: { go: 'true', php: 'true' },
  DD_PROFILING_NO_SIGNALS_WORKAROUND_ENABLED: { ruby: null },
};

/** Descriptions that lean on the reference's own field names, reworded for a hover. */
const DESCRIPTION_OVERRIDES = {
  DD_PROFILING_ENABLED:
    'Turns the continuous profiler on or off. Accepted spellings differ per tracer; `auto` (start only for long-lived processes that create spans) is not understood by Ruby or ddprof.',
};

/** Status corrections. `registry-only` becomes `internal` (known, never suggested) mechanically. */
const STATUS_OVERRIDES = {
  // An Agent setting, listed by the seed: known on every runtime so it is never "unknown".
  DD_APM_ENABLED: 'stable',
};
// DD_APM_ENABLED is read by the Agent (Go), whatever the application's runtime.
VALUE_OVERRIDES.DD_APM_ENABLED = { value: { type: 'boolean', dialect: 'go' } };

/** Replacements the reference leaves out on a non-env surface (reference name -> our name on the same surface). */
const REPLACEMENT_OVERRIDES = {
  // settings.rb: preview_gvl_enabled was renamed gvl_enabled (its env var has the same replacement).
  'c.profiling.advanced.preview_gvl_enabled': 'profiling.advanced.gvl_enabled',
};

/** When a deprecated/removed name went away, where the reference knows it only in prose. */
const REMOVED_IN = {
  // docs/upgrading.rst: "not supported from ddtrace 4.0".
  DD_PROFILING_STACK_V2_ENABLED: 'ddtrace 4.0',
};

/** Alias links that would mislead: two names that can legitimately be set together, or an alias of different settings per runtime. */
const NOT_ALIASES = new Set([
  'CORECLR_PROFILER_PATH_32', // bitness-specific variants, set together with _64
  'CORECLR_PROFILER_PATH_64',
  'DD_PROFILING_DDPROF_ALLOC_ENABLED', // the name the Java docs use; both are current
  'DD_PROFILING_EXPERIMENTAL_CPU_ENABLED', // Node.js and PHP map it to different settings (replacementByRuntime says which)
]);

/** Credentials: the value is never shown and a literal value is flagged. */
const SECRET_NAME = /(API_?KEY|APP_?KEY|PASSWORD|api[-_.]?key|app[-_.]?key|password)(?![-_.]?file)/i;

/** Settings the reference lacks. */
const ADDITIONS = [
  {
    name: 'DD_APP_KEY',
    surface: 'env',
    runtimes: [...RUNTIMES],
    description: 'Datadog application key. No profiler reads it; it is listed so that a hard-coded key is flagged.',
    docs: DOCS,
    value: { type: 'any' },
    status: 'internal',
    secret: true,
    notes: ['Application keys belong to the Datadog API and the Agent, never in an application image.'],
  },
  // App Analytics in Datadog.configure: removed in datadog 2.0 (docs/UpgradeGuide2.md, "App Analytics"
  // removed; Tracing without Limits replaced it). 1.x spelled it c.tracing.analytics.enabled, 0.x c.analytics.enabled.
  ...['tracing.analytics.enabled', 'analytics.enabled'].map((name) => ({
    name,
    surface: 'rubyConfigure',
    runtimes: ['ruby'],
    description: 'App Analytics switch, removed in datadog gem 2.0 with no replacement (use ingestion controls).',
    docs: 'https://docs.datadoghq.com/profiler/enabling/ruby/',
    value: { type: 'any' },
    status: 'removed',
    removedIn: '2.0',
    deprecationNote: 'App Analytics was replaced by ingestion controls and retention filters (Tracing without Limits).',
  })),
];

// ---------------------------------------------------------------------------------------------
// Conversion
// ---------------------------------------------------------------------------------------------

function listPattern(words) {
  const word = `\\s*(${words.join('|')})\\s*`;
  return {
    type: 'string',
    pattern: `${word}(,${word})*`,
    patternDescription: `a comma-separated list of ${words.map((w) => `\`${w}\``).join(', ')}`,
  };
}

const reference = JSON.parse(readFileSync(REFERENCE, 'utf8'));
const seedText = readFileSync(SEED, 'utf8');
const envByName = new Map(reference.filter((e) => e.surface === 'env').map((e) => [e.name, e]));

const SURFACE_OF = {
  env: 'env',
  java_system_property: 'javaProperty',
  ruby_configure: 'rubyConfigure',
  php_ini: 'phpIni',
  ddprof_cli: 'ddprofFlag',
};

/** The name on our surface: Ruby without `c.`, ddprof the long flag (spellings keep the others). */
function surfaceName(entry) {
  if (entry.surface === 'ruby_configure') return { name: entry.name.replace(/^c\./, '') };
  if (entry.surface !== 'ddprof_cli') return { name: entry.name };
  return flagNames(entry.name.split('/'));
}

function flagNames(tokens) {
  const clean = tokens.map((t) => t.replace(/\s*\(.*\)$/, '').trim());
  const long = clean.filter((t) => t.startsWith('--') && !t.startsWith('--no-'));
  const name = long.find((t) => t.includes('_')) ?? long[0] ?? clean[0];
  const spellings = clean.filter((t) => t !== name);
  return spellings.length > 0 ? { name, spellings } : { name };
}

function cleanRef(text) {
  return typeof text === 'string' ? text.replace(/\s*\(.*\)$/, '').trim() : undefined;
}

const STATUS = new Set([
  'stable',
  'preview',
  'experimental',
  'advanced',
  'debug',
  'internal',
  'hidden',
  'deprecated',
  'legacy',
  'removed',
]);
function mapStatus(status) {
  if (STATUS.has(status)) return status;
  if (status === 'registry-only') return 'internal';
  return 'stable';
}

/** The literal the code uses, when the prose starts with one ("true in source (seed says false)" -> "true"). */
function literalDefault(text) {
  if (text === null || text === undefined) return null;
  if (text === '') return '';
  const match = /^(-?[\w.:/%-]+)(\s*\([^)]*\))?$/.exec(text) ?? /^(true|false|-?\d+(\.\d+)?)\b/.exec(text);
  // Words that describe a computed default rather than a value the runtime would read.
  if (!match || /^(unset|JVM-dependent|Ruby-version|derived|follows|random|built-in)$/i.test(match[1])) return null;
  return match[1];
}

function defaultsOf(entry, runtimes, notes) {
  const defaults = {};
  const override = DEFAULT_OVERRIDES[entry.name] ?? {};
  for (const runtime of runtimes) {
    const raw = entry.default?.[runtime];
    const value = runtime in override ? override[runtime] : literalDefault(raw ?? null);
    if (raw !== undefined && raw !== null && raw !== value) notes.push(`Default (${runtime}): ${raw}.`);
    defaults[runtime] = value;
  }
  return Object.values(defaults).every((v) => v === null) ? undefined : defaults;
}

/** The value spec of one runtime's type, from the reference's vocabulary. */
function specFor(entry, runtime, dialect) {
  const type = entry.type_by_language?.[runtime] ?? entry.type;
  const allowed = (entry.allowed_values_by_language?.[runtime] ?? entry.allowed_values ?? []).filter(
    (v) => !v.startsWith('(') && !v.startsWith('<'),
  );
  const unit = entry.unit_by_language?.[runtime] ?? entry.unit;
  if (/^bool/.test(type)) return { type: 'boolean', dialect };
  if (type === 'flag') return /--pid/.test(entry.name) ? { type: 'integer', min: 1 } : { type: 'any' };
  if (/^int/.test(type) || type === 'float')
    return numberSpec(entry, type.startsWith('int') ? 'integer' : 'float', unit);
  if (/^enum/.test(type) && allowed.length > 0) return { type: 'enum', values: allowed };
  if (type === 'string' && allowed.length > 0) return { type: 'string', known: allowed };
  if (type === 'url') return { type: 'url', schemes: ['http', 'https', 'unix'] };
  if (type === 'path' || type === 'string path') return { type: 'path' };
  if (type === 'path-list') return { type: 'pathList' };
  if (type === 'list' || type === 'list of strings') return { type: 'list' };
  if (type === 'tags' || type === 'hash') return { type: 'tags' };
  if (type === 'duration' || type === 'time.Duration') return { type: 'duration', syntax: 'go' };
  if (type === 'guid') return { type: 'guid' };
  if (type === 'string' || type === 'string host:port') return { type: 'string' };
  return { type: 'any' };
}

function numberSpec(entry, type, unit) {
  const spec = { type };
  if (/_PCT$|PERCENT/.test(entry.name)) Object.assign(spec, { min: 0, max: 100 });
  if (unit && !/Go duration/.test(unit)) spec.unit = unit;
  return spec;
}

/** Every runtime's spec; `value` is the most common one, `valueByRuntime` the exceptions. */
function valuesOf(entry, surface, runtimes) {
  const envName = surface === 'env' ? entry.name : cleanRef(entry.equivalents?.env);
  const override = VALUE_OVERRIDES[entry.name] ?? (envName ? VALUE_OVERRIDES[envName] : undefined);
  const specs = {};
  for (const runtime of runtimes) {
    const dialect = dialectFor(surface, runtime);
    let spec =
      override?.byRuntime?.[runtime] ?? override?.value ?? specFor(typeSource(entry, envName), runtime, dialect);
    if (
      spec.type === 'boolean' &&
      override?.byRuntime?.[runtime] === undefined &&
      override?.value?.dialect === 'portable'
    ) {
      spec = { ...spec, dialect };
    }
    specs[runtime] = adaptToSurface(spec, surface, runtime);
  }
  return pickCommon(
    specs,
    runtimes,
    override?.value && runtimes.length > 1 ? adaptToSurface(override.value, surface) : undefined,
  );
}

/**
 * Non-env entries often carry a thinner copy of the env entry's type (an INI `enum` without its
 * values); the env entry is the one read from the parser, so it gives the type. Ruby's own literal
 * types (Hash, symbols) are the exception and stay with the Ruby entry.
 */
function typeSource(entry, envName) {
  const env = envName ? envByName.get(envName) : undefined;
  if (!env || entry.surface === 'env') return entry;
  if (entry.surface === 'ruby_configure' && /^(hash|object|enum \()/.test(entry.type)) return entry;
  return { ...env, name: entry.name };
}

function dialectFor(surface, runtime) {
  if (surface === 'rubyConfigure') return 'rubyCode';
  if (surface === 'phpIni') return 'phpIni';
  return runtime;
}

/** Code surfaces parse literals, not strings: Ruby symbols, real booleans. */
function adaptToSurface(spec, surface) {
  if (surface === 'phpIni' && spec.type === 'boolean') return { ...spec, dialect: 'phpIni' };
  if (surface !== 'rubyConfigure') return spec;
  if (spec.type === 'boolean') return { type: 'boolean', dialect: 'rubyCode' };
  if (spec.type === 'tags') return { type: 'any' };
  return spec;
}

function pickCommon(specs, runtimes, preferred) {
  const keyOf = (spec) => JSON.stringify(spec);
  const counts = new Map();
  for (const runtime of runtimes) counts.set(keyOf(specs[runtime]), (counts.get(keyOf(specs[runtime])) ?? 0) + 1);
  const [commonKey] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const value = preferred ?? JSON.parse(commonKey);
  const byRuntime = {};
  for (const runtime of runtimes) if (keyOf(specs[runtime]) !== keyOf(value)) byRuntime[runtime] = specs[runtime];
  return Object.keys(byRuntime).length > 0 ? { value, valueByRuntime: byRuntime } : { value };
}

// ---------------------------------------------------------------------------------------------
// Assembly: one setting per reference entry on a surface we validate.
// ---------------------------------------------------------------------------------------------

/** Entries that are code, not configuration: their facts become notes on the env entry. */
const CODE_SURFACES = {
  go_option: 'Go code',
  nodejs_init_option: "Node.js `require('dd-trace').init({...})`",
  python_profiler_arg: 'Python `ddtrace.profiling.Profiler(...)`',
};

const codeNotes = new Map();
for (const entry of reference) {
  const label = CODE_SURFACES[entry.surface];
  const env = cleanRef(entry.equivalents?.env);
  if (!label || !env) continue;
  const list = codeNotes.get(env) ?? [];
  list.push(`In ${label}: \`${entry.name}\`.`);
  codeNotes.set(env, list);
}

/** alias name -> canonical env name (unique mappings only). */
const aliasTargets = new Map();
for (const entry of envByName.values()) {
  for (const alias of entry.aliases ?? []) {
    if (NOT_ALIASES.has(alias.name) || !envByName.has(alias.name)) continue;
    aliasTargets.set(alias.name, aliasTargets.has(alias.name) ? null : entry.name);
  }
}

function isSkipped(entry) {
  return !SURFACE_OF[entry.surface] || entry.name === '-Ddd.<setting>' || entry.name.startsWith('extension=');
}

function runtimesOf(entry) {
  const runtimes = entry.languages.filter((r) => RUNTIMES.includes(r));
  return runtimes.length > 0 ? runtimes : [...RUNTIMES];
}

function docsFor(runtimes) {
  return runtimes.length === 1 ? `${DOCS}${runtimes[0]}/` : DOCS;
}

/** One or two sentences for a hover; the rest goes to notes. Non-env entries borrow the env wording. */
function describe(entry, notes) {
  const env = envByName.get(cleanRef(entry.equivalents?.env) ?? '');
  let text = entry.description.replace(
    /\s*Set inside Datadog\.configure do \|c\| \.\.\. end; code values take precedence over env vars\./,
    '',
  );
  const copy = /^(JVM system property form|INI form|ddprof command-line form) of \w+ \(([^)]*)\)\.?\s*/.exec(text);
  // "JVM system property form of DD_ENV (pass ... before -jar)": `equivalents` and the file description say it already.
  if (copy && env) text = text.slice(copy[0].length) || env.description;
  text =
    DESCRIPTION_OVERRIDES[entry.name] ??
    (env && text === env.description ? DESCRIPTION_OVERRIDES[env.name] : undefined) ??
    text;
  text = text
    .replace(/listed in the registry only/g, 'listed by the tracer but never read')
    .replace(/(dd-trace-py's )?supported-names registry|registry/g, 'list of supported names');
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z`])/);
  const keep = sentences.slice(0, 2).join(' ').length <= 240 ? 2 : 1;
  if (sentences.length > keep) notes.push(sentences.slice(keep).join(' '));
  return sentences.slice(0, keep).join(' ');
}

function statusOf(entry, runtimes) {
  const status = STATUS_OVERRIDES[entry.name] ?? mapStatus(entry.status);
  const byRuntime = {};
  for (const [runtime, value] of Object.entries(entry.status_by_language ?? {})) {
    if (runtimes.includes(runtime) && mapStatus(value) !== status) byRuntime[runtime] = mapStatus(value);
  }
  return Object.keys(byRuntime).length > 0 ? { status, statusByRuntime: byRuntime } : { status };
}

/** An env name (or a name on the entry's own surface) as spelled on `surface`. */
function onSurface(name, surface) {
  if (!name) return undefined;
  if (surface === 'env') return name;
  const env = envByName.get(name);
  if (!env) return surface === 'rubyConfigure' ? name.replace(/^c\./, '') : name;
  const eq = env.equivalents ?? {};
  if (surface === 'javaProperty') return cleanRef(eq.java_system_property);
  if (surface === 'rubyConfigure') return cleanRef(eq.ruby)?.replace(/^c\./, '');
  if (surface === 'phpIni') return cleanRef(eq.php_ini);
  if (surface === 'ddprofFlag') return eq.ddprof_cli ? flagNames(eq.ddprof_cli).name : undefined;
  return undefined;
}

function deprecationOf(entry, surface, runtimes, notes) {
  const dep = entry.deprecation;
  const out = {};
  if (REPLACEMENT_OVERRIDES[entry.name]) out.replacement = REPLACEMENT_OVERRIDES[entry.name];
  if (REMOVED_IN[entry.name]) out.removedIn = REMOVED_IN[entry.name];
  if (!dep) return out;
  const replaced = onSurface(dep.replaced_by, surface);
  if (dep.replaced_by && !replaced) notes.push(`Use ${dep.replaced_by} instead.`);
  const only = (dep.languages ?? []).filter((r) => runtimes.includes(r));
  if (replaced && only.length > 0 && only.length < runtimes.length) {
    out.replacementByRuntime = Object.fromEntries(only.map((r) => [r, replaced]));
  } else if (replaced) {
    out.replacement = replaced;
  }
  for (const [runtime, name] of Object.entries(dep.replaced_by_by_language ?? {})) {
    const mapped = onSurface(name, surface);
    if (mapped && runtimes.includes(runtime)) (out.replacementByRuntime ??= {})[runtime] = mapped;
  }
  if (dep.note) out.deprecationNote = dep.note.charAt(0).toUpperCase() + dep.note.slice(1).replace(/\.?$/, '.');
  if (dep.removed_in) out.removedIn = dep.removed_in;
  return out;
}

function equivalentsOf(entry, surface) {
  const envName = surface === 'env' ? entry.name : cleanRef(entry.equivalents?.env);
  const eq = {};
  if (surface !== 'env' && envName && envByName.has(envName)) eq.env = envName;
  if (envName && envByName.has(envName)) {
    for (const other of ['javaProperty', 'rubyConfigure', 'phpIni', 'ddprofFlag']) {
      if (other === surface) continue;
      const name = onSurface(envName, other);
      if (name) eq[other] = other === 'ddprofFlag' ? [name] : name;
    }
  }
  return Object.keys(eq).length > 0 ? eq : undefined;
}

/** Requirements whose value is a literal, on the setting's own surface when it has the name there. */
function requiresOf(entry, surface, runtimes, notes) {
  const envName = surface === 'env' ? entry.name : cleanRef(entry.equivalents?.env);
  const source = entry.requires ?? envByName.get(envName ?? '')?.requires ?? [];
  const out = [];
  for (const req of source) {
    if (/\s/.test(req.value) || req.value === 'set') {
      notes.push(`Needs ${req.setting} (${req.value})${req.languages ? ` for ${req.languages.join(', ')}` : ''}.`);
      continue;
    }
    const applies = (req.languages ?? runtimes).filter((r) => runtimes.includes(r));
    if (applies.length === 0) continue;
    const setting = (surface !== 'env' && onSurface(req.setting, surface)) || req.setting;
    out.push(
      applies.length < runtimes.length
        ? { setting, value: req.value, runtimes: applies }
        : { setting, value: req.value },
    );
  }
  return out.length > 0 ? out : undefined;
}

function isInSeed(name, surface) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = {
    env: `(?<![\\w])${escaped}(?![\\w])`,
    javaProperty: `-D${escaped}(?![\\w.-])`,
    rubyConfigure: `c\\.${escaped}(?![\\w.])`,
    phpIni: `(?<![\\w.])${escaped}(?![\\w.])`,
    ddprofFlag: `(?<![\\w-])${escaped}(?![\\w-])`,
  }[surface];
  return new RegExp(pattern).test(seedText);
}

function notesOf(entry) {
  const notes = [];
  const push = (x) => {
    if (typeof x === 'string' && x.trim() !== '')
      notes.push(
        x
          .trim()
          .replace(/^./, (c) => c.toUpperCase())
          .replace(/([^.])$/, '$1.'),
      );
  };
  for (const key of ['interactions', 'platform_notes', 'notes']) [].concat(entry[key] ?? []).forEach(push);
  if (entry.value_format) push(`Format: ${entry.value_format}`);
  for (const [runtime, text] of Object.entries(entry.default_notes ?? {})) push(`Default (${runtime}): ${text}`);
  if (entry.surface === 'env') (codeNotes.get(entry.name) ?? []).forEach(push);
  return notes;
}

function buildSetting(entry) {
  const surface = SURFACE_OF[entry.surface];
  const runtimes = runtimesOf(entry);
  const notes = notesOf(entry);
  const { name, spellings } = surfaceName(entry);
  const setting = { name, surface };
  if (spellings) setting.spellings = spellings;
  // CLI11 negations share the option (`!--no-timeline`): same setting, value off.
  for (const negation of (spellings ?? []).filter((n) => n.startsWith('--no-')))
    notes.push(`\`${negation}\` turns it off.`);
  setting.runtimes = runtimes;
  setting.description = describe(entry, notes);
  setting.docs = docsFor(runtimes);
  Object.assign(setting, valuesOf(entry, surface, runtimes));
  const defaults = defaultsOf(entry, runtimes, notes);
  if (defaults) setting.defaults = defaults;
  Object.assign(setting, statusOf(entry, runtimes), deprecationOf(entry, surface, runtimes, notes));
  const aliasOf = surface === 'env' ? aliasTargets.get(entry.name) : undefined;
  if (aliasOf) setting.aliasOf = aliasOf;
  const equivalents = equivalentsOf(entry, surface);
  if (equivalents) setting.equivalents = equivalents;
  const requires = requiresOf(entry, surface, runtimes, notes);
  if (requires) setting.requires = requires;
  if (SECRET_NAME.test(name)) setting.secret = true;
  if (isInSeed(name, surface)) setting.seed = true;
  if (notes.length > 0) setting.notes = [...new Set(notes)];
  return setting;
}

/** Drops references to names that do not exist on their surface, loudly, so the loader never fails. */
function pruneReferences(settings) {
  const known = new Set(settings.flatMap((s) => [s.name, ...(s.spellings ?? [])].map((n) => `${s.surface}:${n}`)));
  const has = (surface, name) => known.has(`${surface}:${name}`);
  for (const s of settings) {
    const keep = (ok, what) => {
      if (!ok) console.warn(`${s.surface}:${s.name}: dropped ${what}`);
      return ok;
    };
    if (s.replacement && !keep(has(s.surface, s.replacement), `replacement ${s.replacement}`)) delete s.replacement;
    if (s.aliasOf && !keep(has(s.surface, s.aliasOf), `aliasOf ${s.aliasOf}`)) delete s.aliasOf;
    for (const [key, value] of Object.entries(s.equivalents ?? {})) {
      const names = [].concat(value);
      if (
        !keep(
          names.every((n) => has(key, n)),
          `equivalent ${key} ${names}`,
        )
      )
        delete s.equivalents[key];
    }
    if (s.equivalents && Object.keys(s.equivalents).length === 0) delete s.equivalents;
    if (s.requires)
      s.requires = s.requires.filter((r) =>
        keep(has(s.surface, r.setting) || has('env', r.setting), `requires ${r.setting}`),
      );
    if (s.requires?.length === 0) delete s.requires;
  }
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const FILES = {
  env: ['env.json', 'Environment variables (DD_*, the .NET CLR loader variables, LD_PRELOAD...), one entry per name.'],
  javaProperty: ['javaProperties.json', 'Java system properties (-Ddd.*), given on the java command line before -jar.'],
  rubyConfigure: [
    'rubyConfigure.json',
    'Ruby Datadog.configure { |c| ... } settings, named without the `c.` receiver.',
  ],
  phpIni: [
    'phpIni.json',
    'php.ini / php_value / `datadog-setup.php config set -d` names (DD_TRACE_* -> datadog.trace.*, DD_PROFILING_* -> datadog.profiling.*, other DD_* -> datadog.*, lowercased).',
  ],
  ddprofFlag: [
    'ddprofFlags.json',
    'ddprof command-line flags, given before the profiled command: `name` is the long flag, `spellings` the others.',
  ],
};

/** JSON with short arrays and small objects on one line: easier to review, and errors point at a useful line. */
function format(value, indent = '') {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || (flat.length + indent.length <= 110 && !flat.includes('"name"')))
    return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  const body = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`);
  return `{\n${body.join(',\n')}\n${indent}}`;
}

function write(fileName, data) {
  writeFileSync(join(ROOT, 'schemas', fileName), `${format({ $schema: './catalog.schema.json', ...data })}\n`);
}

const settings = [...reference.filter((e) => !isSkipped(e)).map(buildSetting), ...ADDITIONS];
pruneReferences(settings);
write('booleanDialects.json', {
  description: 'How each runtime parses a boolean; value specs refer to these by name.',
  booleanDialects: BOOLEAN_DIALECTS,
});
for (const [surface, [fileName, description]] of Object.entries(FILES)) {
  const list = settings.filter((s) => s.surface === surface);
  write(fileName, {
    description: `${description} Generated by scripts/generateSchema.mjs; edit the script, not this file.`,
    settings: list,
  });
  console.log(`${fileName}: ${list.length} settings`);
}
