/**
 * Formats the setup does not edit yet (JSON task definitions and launch profiles, systemd units, Java
 * properties files): the command says so instead of guessing where settings go. Completion, hovers
 * and quick fixes still work in them.
 */
import type { Runtime, Surface } from '../../types.js';
import type { FormatPlanner } from './types.js';

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
