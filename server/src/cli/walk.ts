/**
 * Turns the command line's paths and globs into the list of files to check. Directories are walked
 * (skipping dependency, build and hidden directories; hidden files such as `.env` are kept) and only
 * files whose name a format claims are taken; a file named explicitly is always taken.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { detectFormat } from '../core/formats/index.js';
import { UsageError } from './args.js';

const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist', 'vendor', 'bower_components', 'target']);
const GLOB_CHARS = /[*?[\]{}]/;

export interface FileSelection {
  readonly files: string[];
  /** Files named explicitly that no format claims (reported, not fatal). */
  readonly unsupported: string[];
}

export function selectFiles(args: readonly string[], cwd: string, ignore: readonly string[], ignoreRoot: string): FileSelection {
  const ignored = ignore.length > 0 ? picomatch([...ignore], { dot: true }) : () => false;
  const isIgnored = (file: string) => ignored(toPosix(relative(ignoreRoot, file)));
  const files = new Set<string>();
  const unsupported: string[] = [];
  for (const arg of args.length > 0 ? args : ['.']) {
    const path = resolve(cwd, arg);
    if (existsSync(path) && statSync(path).isFile()) {
      if (detectFormat(path)) files.add(path);
      else unsupported.push(arg);
    } else if (existsSync(path) && statSync(path).isDirectory()) {
      walk(path, (file) => files.add(file));
    } else if (GLOB_CHARS.test(arg)) {
      expandGlob(arg, cwd).forEach((file) => files.add(file));
    } else {
      throw new UsageError(`no such file or directory: ${arg}`);
    }
  }
  return { files: [...files].filter((file) => !isIgnored(file)).sort(), unsupported };
}

function walk(dir: string, found: (file: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable directory: nothing to check there
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) walk(path, found);
    } else if (entry.isFile() && detectFormat(entry.name)) {
      found(path);
    }
  }
}

function expandGlob(pattern: string, cwd: string): string[] {
  const posix = toPosix(pattern);
  const segments = posix.split('/');
  const firstGlob = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  const base = resolve(cwd, segments.slice(0, firstGlob).join('/') || '.');
  const matches = picomatch(segments.slice(firstGlob).join('/'), { dot: true });
  const files: string[] = [];
  if (existsSync(base)) walk(base, (file) => matches(toPosix(relative(base, file))) && files.push(file));
  return files;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
