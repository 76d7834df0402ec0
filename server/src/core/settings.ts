/**
 * The shape of user settings, shared by the editor (`ddProfilerConfig.*`) and the CLI's
 * `.dd-profiler-config.json`: one schema, two ways of reading it.
 */
import { z } from 'zod';
import { isRuleId } from './rules/registry.js';
import { RUNTIMES, SEVERITIES, type AnalysisSettings } from './types.js';

export const runtimeSettingSchema = z.enum(['auto', ...RUNTIMES]);
export const ruleLevelSchema = z.enum([...SEVERITIES, 'off']);

/** Strict: every key known, every rule id real. For config files, where a typo must be reported. */
export const analysisSettingsSchema = z.strictObject({
  runtime: runtimeSettingSchema.optional(),
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

const lenientSchema = z.object({
  runtime: runtimeSettingSchema.optional().catch(undefined),
  rules: z.record(z.string(), ruleLevelSchema).optional().catch(undefined),
});

/** Lenient: keeps what is valid and drops the rest, so a typo in an editor's settings never breaks analysis. */
export function parseSettingsLeniently(raw: unknown): AnalysisSettings {
  const parsed = lenientSchema.safeParse(raw ?? {});
  if (!parsed.success) return {};
  const { runtime, rules } = parsed.data;
  return { ...(runtime ? { runtime } : {}), ...(rules ? { rules } : {}) };
}
