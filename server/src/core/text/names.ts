import type { Runtime, Surface } from '../types.js';

/** How each runtime is called in messages. */
export const RUNTIME_LABELS: Readonly<Record<Runtime, string>> = {
  java: 'Java',
  python: 'Python',
  go: 'Go',
  ruby: 'Ruby',
  nodejs: 'Node.js',
  dotnet: '.NET',
  php: 'PHP',
  ddprof: 'ddprof',
};

/**
 * A setting name as the user writes it on its surface: Ruby settings with their `c.` receiver, Go
 * options with their package (`profiler.WithEnv`), Python keywords with `=`.
 */
export function displayName(surface: Surface, name: string): string {
  if (surface === 'rubyConfigure') return `c.${name}`;
  if (surface === 'goProfiler') return `profiler.${name}`;
  if (surface === 'pythonProfiler') return `${name}=`;
  return name;
}

/** `Ruby`, `Ruby and Go`, `Java, Ruby and Go` (or `Ruby or Go`). */
export function listRuntimes(runtimes: readonly Runtime[], conjunction: 'and' | 'or' = 'and'): string {
  const labels = runtimes.map((runtime) => RUNTIME_LABELS[runtime]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} ${conjunction} ${labels[labels.length - 1]}`;
}
