/**
 * `.dd-profiler-config.json`: found by walking up from the current directory, or named with --config.
 * Validated strictly: an unknown key or rule id is a configuration error (exit 2), not silently ignored.
 * `runtime` and `rules` are the editor's settings (one schema, core/settings.ts); `ignore` is the CLI's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { isRuleId } from '../core/rules/registry.js';
import { analysisSettingsSchema } from '../core/settings.js';
import type { AnalysisSettings } from '../core/types.js';
import { UsageError, unknownRule } from './args.js';

export const CONFIG_FILE = '.dd-profiler-config.json';

const configSchema = analysisSettingsSchema.extend({
  $schema: z.string().optional(),
  ignore: z.array(z.string()).optional(),
});

export interface CliConfig {
  readonly settings: AnalysisSettings;
  readonly ignore: readonly string[];
  /** The directory `ignore` globs are relative to: the config file's own. */
  readonly root: string;
}

/** Reads the config named by --config, else the nearest one above `cwd`, else an empty one. */
export function loadConfig(explicit: string | undefined, cwd: string): CliConfig {
  const path = explicit !== undefined ? resolve(cwd, explicit) : findUp(cwd);
  if (!path) return { settings: {}, ignore: [], root: cwd };
  const shown = relative(cwd, path) || path;
  if (!existsSync(path)) throw new UsageError(`config file not found: ${shown}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason =
      error instanceof SyntaxError ? error.message : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
    throw new UsageError(`${shown}: not valid JSON (${reason})`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${shown}: ${describeIssues(parsed.error.issues, raw)}`);
  const { ignore = [], runtime, rules, limits } = parsed.data;
  const settings = { ...(runtime ? { runtime } : {}), ...(rules ? { rules } : {}), ...(limits ? { limits } : {}) };
  return { settings, ignore, root: dirname(path) };
}

/** One line per problem, each naming where it is (`rules.unknown-setting: ...`). */
function describeIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): string {
  return issues
    .map((issue) => {
      const where = issue.path.map(String).join('.') || '(top level)';
      if (where === 'rules' && issue.code === 'custom')
        return `rules: ${unknownRuleIds(raw).map(unknownRule).join('; ')}`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

function unknownRuleIds(raw: unknown): string[] {
  const rules = (raw as { rules?: Record<string, unknown> }).rules ?? {};
  return Object.keys(rules).filter((id) => !isRuleId(id));
}

function findUp(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
