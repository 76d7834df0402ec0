/**
 * The shape of user settings, shared by the editor (`ddProfilerConfig.*`) and the CLI's
 * `.dd-profiler-config.json`: one schema, two ways of reading it.
 */
import { z } from 'zod';
import { isRuleId } from './rules/registry.js';
import { RUNTIMES, SEVERITIES, type AnalysisLimits, type AnalysisSettings } from './types.js';

export const runtimeSettingSchema = z.enum(['auto', ...RUNTIMES]);
export const ruleLevelSchema = z.enum([...SEVERITIES, 'off']);

/** A cap: a positive whole number (characters or milliseconds). */
const limitSchema = z.number().int().positive();

export const limitsSchema = z.strictObject({
  maxFileChars: limitSchema.optional(),
  maxLineChars: limitSchema.optional(),
  timeBudgetMs: limitSchema.optional(),
});

/** Strict: every key known, every rule id real. For config files, where a typo must be reported. */
export const analysisSettingsSchema = z.strictObject({
  runtime: runtimeSettingSchema.optional(),
  limits: limitsSchema.optional(),
  rules: z
    .record(z.string(), ruleLevelSchema)
    .refine((rules) => Object.keys(rules).every(isRuleId), {
      error: (issue) =>
        `unknown rule id: ${Object.keys(issue.input as object)
          .filter((k) => !isRuleId(k))
          .join(', ')}`,
    })
    .optional(),
});

const lenientLimitsSchema = z.object({
  maxFileChars: limitSchema.optional().catch(undefined),
  maxLineChars: limitSchema.optional().catch(undefined),
  timeBudgetMs: limitSchema.optional().catch(undefined),
});

const lenientSchema = z.object({
  runtime: runtimeSettingSchema.optional().catch(undefined),
  rules: z.record(z.string(), ruleLevelSchema).optional().catch(undefined),
  limits: lenientLimitsSchema.optional().catch(undefined),
});

/** Lenient: keeps what is valid and drops the rest, so a typo in an editor's settings never breaks analysis. */
export function parseSettingsLeniently(raw: unknown): AnalysisSettings {
  const parsed = lenientSchema.safeParse(raw ?? {});
  if (!parsed.success) return {};
  const { runtime, rules } = parsed.data;
  const limits = definedLimits(parsed.data.limits);
  return { ...(runtime ? { runtime } : {}), ...(rules ? { rules } : {}), ...(limits ? { limits } : {}) };
}

/** The limits actually given (an editor sends `null` or nothing for the ones left at their default). */
function definedLimits(limits: Partial<Record<keyof AnalysisLimits, number | undefined>> | undefined) {
  const entries = Object.entries(limits ?? {}).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<AnalysisLimits>) : undefined;
}
