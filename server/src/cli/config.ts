/**
 * `.dd-profiler-config.json`: found by walking up from the current directory, or named with --config.
 * Validated strictly: an unknown key or rule id is a configuration error (exit 2), not silently ignored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { analysisSettingsSchema } from '../core/settings.js';
import type { AnalysisSettings } from '../core/types.js';
import { UsageError } from './args.js';

export const CONFIG_FILE = '.dd-profiler-config.json';

const configSchema = analysisSettingsSchema.extend({
  $schema: z.string().optional(),
  ignore: z.array(z.string()).optional(),
});

export interface CliConfig {
  readonly settings: AnalysisSettings;
  readonly ignore: readonly string[];
  /** The directory `ignore` globs are relative to. */
  readonly root: string;
}

export function loadConfig(explicit: string | undefined, cwd: string): CliConfig {
  const path = explicit ? resolve(cwd, explicit) : findUp(cwd);
  if (!path) return { settings: {}, ignore: [], root: cwd };
  if (!existsSync(path)) throw new UsageError(`config file not found: ${explicit}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new UsageError(`${path}: ${issues.join('; ')}`);
  }
  const { ignore = [], runtime, rules } = parsed.data;
  return { settings: { ...(runtime ? { runtime } : {}), ...(rules ? { rules } : {}) }, ignore, root: dirname(path) };
}

function findUp(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
