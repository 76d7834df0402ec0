/**
 * The profiler setups in snippets/, read by "Insert profiler setup…". One source of truth: the same
 * files VS Code offers as snippets. Each setup's prefix is `dd-profiler-<runtime>[-<variant>]`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const RUNTIME_CHOICES = [
  { runtime: 'java', label: 'Java' },
  { runtime: 'python', label: 'Python' },
  { runtime: 'go', label: 'Go' },
  { runtime: 'ruby', label: 'Ruby' },
  { runtime: 'nodejs', label: 'Node.js' },
  { runtime: 'dotnet', label: '.NET' },
  { runtime: 'php', label: 'PHP' },
  { runtime: 'ddprof', label: 'Native (ddprof)' },
] as const;

export interface Setup {
  readonly name: string;
  readonly prefix: string;
  readonly description: string;
  readonly body: string;
}

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/** The setups for a language id and runtime, from snippets/<languageId>.json. */
export function setupsFor(extensionPath: string, languageId: string, runtime: string): Setup[] {
  const file = join(extensionPath, 'snippets', `${languageId}.json`);
  if (!existsSync(file)) return [];
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, SnippetEntry>;
  return Object.entries(entries)
    .map(([name, entry]) => ({
      name,
      prefix: Array.isArray(entry.prefix) ? (entry.prefix[0] ?? '') : entry.prefix,
      description: entry.description ?? name,
      body: Array.isArray(entry.body) ? entry.body.join('\n') : entry.body,
    }))
    .filter((setup) => setup.prefix === `dd-profiler-${runtime}` || setup.prefix.startsWith(`dd-profiler-${runtime}-`));
}
