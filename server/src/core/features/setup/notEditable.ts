/**
 * Formats the setup does not edit yet (JSON task definitions and launch profiles, systemd units, Java
 * properties files): the command says so instead of guessing where settings go. Completion, hovers
 * and quick fixes still work in them.
 */
import type { FormatId, Runtime, Surface } from '../../types.js';
import type { FormatPlanner } from './types.js';

const NOT_EDITED: ReadonlySet<FormatId> = new Set(['json', 'systemd', 'javaProperties']);

/** Whether the setup edits this file: no CodeLens offers it where the command would only refuse. */
export function setupEdits(format: FormatId, fileName: string): boolean {
  return !NOT_EDITED.has(format) && !/^servicemanifest\.xml$/i.test(fileName);
}

export function notEditable(kind: string, runtimes: readonly Runtime[], surface: Surface = 'env'): FormatPlanner {
  const reason = `Enable Datadog profiling… does not edit ${kind} yet: add the settings by hand (completion lists them).`;
  return {
    runtimes,
    surface,
    platform: 'linux',
    targets: () => [],
    unsupported: () => reason,
    insert: () => reason,
  };
}
