/**
 * The zod schema of the settings catalog in `schemas/`. The catalog is data; this file is the only
 * definition of its shape. `scripts/generateJsonSchema` derives `schemas/catalog.schema.json` from it.
 */
import { z } from 'zod';
import { RUNTIMES, SURFACES } from '../types.js';
import { equivalenceSchema } from './equivalences.js';

export const runtimeSchema = z.enum(RUNTIMES);
export const surfaceSchema = z.enum(SURFACES);

const perRuntime = <T extends z.ZodType>(inner: T) => z.partialRecord(runtimeSchema, inner);

/**
 * How a runtime parses a boolean. `true`/`false` are the spellings it recognises; `otherwise` says
 * what any other text becomes: `false` (Ruby: only `true`/`1` are true), `default` (ignored with a warning),
 * or `error` (startup fails).
 */
export const booleanDialectSchema = z.strictObject({
  description: z.string(),
  true: z.array(z.string()).min(1),
  false: z.array(z.string()),
  caseInsensitive: z.boolean(),
  otherwise: z.enum(['false', 'true', 'default', 'error']),
  source: z.string().optional(),
});

/** What values a setting accepts, as one runtime parses them. */
export const valueSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('boolean'),
    /** Key into `booleanDialects`. */
    dialect: z.string(),
    /** Extra spellings accepted besides the booleans, e.g. `auto`. */
    also: z.array(z.string()).optional(),
  }),
  z.strictObject({
    type: z.literal('enum'),
    values: z.array(z.string()).min(1),
    caseInsensitive: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.enum(['integer', 'float']),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('duration'),
    /** `go`: Go's time.ParseDuration syntax (`10s`, `1m30s`); a bare number is rejected. */
    syntax: z.literal('go'),
  }),
  z.strictObject({ type: z.literal('url'), schemes: z.array(z.string()).min(1) }),
  z.strictObject({ type: z.literal('port') }),
  z.strictObject({ type: z.literal('tags'), allowEquals: z.boolean().optional() }),
  z.strictObject({
    type: z.literal('guid'),
    /** The only GUID that works, e.g. the Datadog CLR profiler's. Compared case-insensitively. */
    expected: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('string'),
    /** Known good values: anything else is a warning, not an error (e.g. DD_SITE). */
    known: z.array(z.string()).optional(),
    /** A regular expression (JavaScript syntax) the whole value must match. */
    pattern: z.string().optional(),
    patternDescription: z.string().optional(),
  }),
  z.strictObject({ type: z.enum(['path', 'pathList', 'list', 'any']) }),
]);

export const statusSchema = z.enum([
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

export const settingSchema = z.strictObject({
  /** Exact name on its surface: `DD_PROFILING_ENABLED`, `dd.profiling.enabled`, `profiling.enabled`, `--log_mode`. */
  name: z.string().min(1),
  surface: surfaceSchema,
  /** Other spellings of the same flag (ddprof short flags such as `-o`). */
  spellings: z.array(z.string()).optional(),
  runtimes: z.array(runtimeSchema).min(1),
  description: z.string().min(1),
  docs: z.url(),
  value: valueSpecSchema,
  valueByRuntime: perRuntime(valueSpecSchema).optional(),
  defaults: perRuntime(z.string().nullable()).optional(),
  status: statusSchema,
  statusByRuntime: perRuntime(statusSchema).optional(),
  /** The setting to use instead, on the same surface, when deprecated/legacy/removed. */
  replacement: z.string().optional(),
  replacementByRuntime: perRuntime(z.string()).optional(),
  deprecationNote: z.string().optional(),
  removedIn: z.string().optional(),
  /** Set when this name is an alias of another setting (its canonical name on the same surface). */
  aliasOf: z.string().optional(),
  equivalents: z
    .strictObject({
      env: z.string().optional(),
      javaProperty: z.string().optional(),
      rubyConfigure: z.string().optional(),
      phpIni: z.string().optional(),
      ddprofFlag: z.array(z.string()).optional(),
    })
    .optional(),
  requires: z
    .array(z.strictObject({ setting: z.string(), value: z.string(), runtimes: z.array(runtimeSchema).optional() }))
    .optional(),
  /** A credential: its value is never shown and a literal value is flagged. */
  secret: z.boolean().optional(),
  /** Documented on the seed page "Enabling the Profiler". */
  seed: z.boolean().optional(),
  notes: z.array(z.string()).optional(),
});

/** One file in `schemas/`. Several files together make the catalog. */
export const catalogFileSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  booleanDialects: z.record(z.string(), booleanDialectSchema).optional(),
  settings: z.array(settingSchema).optional(),
  /** Curated groups of names meaning the same feature in different tracers (see `equivalences.ts`). */
  equivalences: z.array(equivalenceSchema).optional(),
});

export type BooleanDialect = z.infer<typeof booleanDialectSchema>;
export type ValueSpec = z.infer<typeof valueSpecSchema>;
export type SettingStatus = z.infer<typeof statusSchema>;
export type Setting = z.infer<typeof settingSchema>;
export type CatalogFile = z.infer<typeof catalogFileSchema>;
