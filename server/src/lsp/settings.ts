/**
 * Per-resource settings. Clients that support `workspace/configuration` are asked per document
 * (answers cached until the next `didChangeConfiguration`); others send settings with
 * `didChangeConfiguration`, which then apply to every document.
 */
import type { Connection } from 'vscode-languageserver/node';
import { z } from 'zod';
import { RUNTIMES, SEVERITIES, type AnalysisSettings } from '../core/types.js';

export const SETTINGS_SECTION = 'ddProfilerConfig';

const settingsSchema = z.object({
  runtime: z.enum(['auto', ...RUNTIMES]).optional().catch(undefined),
  rules: z.record(z.string(), z.enum([...SEVERITIES, 'off'])).optional().catch(undefined),
});

/** Keeps what is valid in a settings object from a client and drops the rest (a typo never breaks the server). */
export function parseSettings(raw: unknown): AnalysisSettings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  if (!parsed.success) return {};
  const { runtime, rules } = parsed.data;
  return { ...(runtime ? { runtime } : {}), ...(rules ? { rules } : {}) };
}

export interface SettingsStore {
  get(uri: string): Promise<AnalysisSettings>;
  /** Called on `workspace/didChangeConfiguration`. */
  changed(pushed: unknown): void;
}

export function createSettingsStore(connection: Connection, pull: () => boolean): SettingsStore {
  let global: AnalysisSettings = {};
  const perResource = new Map<string, Promise<AnalysisSettings>>();
  return {
    get(uri) {
      if (!pull()) return Promise.resolve(global);
      const cached = perResource.get(uri);
      if (cached) return cached;
      const settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(parseSettings, () => global);
      perResource.set(uri, settings);
      return settings;
    },
    changed(pushed) {
      perResource.clear();
      const section = (pushed as Record<string, unknown> | null)?.[SETTINGS_SECTION];
      global = parseSettings(section);
    },
  };
}
