/**
 * Formats the setup reads but does not edit yet (Terraform, Nomad, Jenkinsfiles): their settings are
 * checked, and "Enable Datadog profiling…" says where to add them instead of writing an edit.
 */
import type { FormatId } from '../../types.js';
import type { FormatPlanner } from './types.js';

/** The formats whose files the setup leaves alone: no CodeLens offers it there. */
export const NOT_EDITABLE: ReadonlySet<FormatId> = new Set(['terraform', 'nomad', 'jenkinsfile']);

export function notEditablePlanner(kind: string, where: string): FormatPlanner {
  const message = `The setup does not edit ${kind} yet: add DD_PROFILING_ENABLED and the unified service tags to ${where}.`;
  return {
    runtimes: ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php'],
    surface: 'env',
    platform: 'linux',
    targets: () => [],
    unsupported: () => message,
    insert: () => message,
  };
}
