/**
 * Per-resource settings. Clients that support `workspace/configuration` are asked per document
 * (answers cached until the next `didChangeConfiguration`); others send settings with
 * `didChangeConfiguration`, which then apply to every document.
 */
import type { Connection } from 'vscode-languageserver/node';
import { parseSettingsLeniently } from '../core/settings.js';
import type { AnalysisSettings } from '../core/types.js';

export const SETTINGS_SECTION = 'ddProfilerConfig';

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
        .then(parseSettingsLeniently, () => global);
      perResource.set(uri, settings);
      return settings;
    },
    changed(pushed) {
      perResource.clear();
      const section = (pushed as Record<string, unknown> | null)?.[SETTINGS_SECTION];
      global = parseSettingsLeniently(section);
    },
  };
}
