/**
 * Formats the setup reads but does not edit yet (JSON task definitions and launch profiles, systemd
 * units, Java properties files, Terraform, Nomad, Jenkinsfiles): their settings are checked, and
 * "Enable Datadog profiling…" says where to add them instead of guessing. Completion, hovers and
 * quick fixes still work in them.
 */
import type { FormatId, Runtime, Surface } from '../../types.js';
import type { FormatPlanner } from './types.js';

const NOT_EDITED: ReadonlySet<FormatId> = new Set([
  'json',
  'systemd',
  'javaProperties',
  'terraform',
  'nomad',
  'jenkinsfile',
]);

/** Whether the setup edits this file: no CodeLens offers it where the command would only refuse. */
export function setupEdits(format: FormatId, fileName: string): boolean {
  return !NOT_EDITED.has(format) && !/^servicemanifest\.xml$/i.test(fileName);
}

/** A planner that refuses with where the settings go (`where`), or a generic hint when not given. */
export function notEditable(
  kind: string,
  runtimes: readonly Runtime[],
  surface: Surface = 'env',
  where?: string,
): FormatPlanner {
  const reason = where
    ? `The setup does not edit ${kind} yet: add DD_PROFILING_ENABLED and the unified service tags to ${where}.`
    : `Enable Datadog profiling… does not edit ${kind} yet: add the settings by hand (completion lists them).`;
  return {
    runtimes,
    surface,
    platform: 'linux',
    targets: () => [],
    unsupported: () => reason,
    insert: () => reason,
  };
}
