/**
 * Turns the command line's paths and globs into the list of files to check. Directories are walked
 * (skipping dependency, build and hidden directories; hidden files such as `.env` are kept) and only
 * files whose name a format claims are taken. A file named explicitly that no format claims is
 * reported, not fatal; a path that does not exist is bad usage.
 */
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { detectFormat } from '../core/formats/index.js';
import { UsageError } from './args.js';

/** Directories that hold dependencies or build output, never the project's own configuration. */
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist', 'vendor', 'bower_components', 'target']);
const GLOB_CHARS = /[*?[\]{}]/;

export interface FileSelection {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /** Things to tell the user on stderr: unsupported files named explicitly, globs that matched nothing. */
  readonly notes: string[];
}

export interface SelectOptions {
  readonly cwd: string;
  /** Globs from the config file's `ignore`, relative to `ignoreRoot`. */
  readonly ignore: readonly string[];
  readonly ignoreRoot: string;
}

export function selectFiles(args: readonly string[], options: SelectOptions): FileSelection {
  const isIgnored = ignoreMatcher(options.ignore, options.ignoreRoot);
  const files = new Set<string>();
  const notes: string[] = [];
  const take = (file: string) => !isIgnored(file) && files.add(file);
  for (const arg of args.length > 0 ? args : ['.']) {
    const path = resolve(options.cwd, arg);
    const stats = statOrUndefined(path);
    if (stats?.isFile()) {
      if (detectFormat(path)) take(path);
      else notes.push(`${arg}: not a format this tool checks; skipped`);
    } else if (stats?.isDirectory()) {
      walk(path, isIgnored, take);
    } else if (GLOB_CHARS.test(arg)) {
      const before = files.size;
      expandGlob(arg, options.cwd, isIgnored, take);
      if (files.size === before) notes.push(`${arg}: no files to check match this pattern`);
    } else {
      throw new UsageError(`no such file or directory: ${arg}`);
    }
  }
  return { files: [...files].sort(), notes };
}

/**
 * A path is ignored when it or one of its parent directories matches, so `"legacy"` and `"legacy/**"`
 * both skip a directory.
 */
function ignoreMatcher(globs: readonly string[], root: string): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (path) => {
    const parts = toPosix(relative(root, path)).split('/');
    if (parts[0] === '..') return false; // outside the config's directory: its globs do not reach there
    return parts.some((_, i) => matches(parts.slice(0, i + 1).join('/')));
  };
}

function walk(dir: string, isIgnored: (path: string) => boolean, found: (file: string) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable directory: nothing we can check there
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name) && !isIgnored(path))
        walk(path, isIgnored, found);
    } else if (isFileEntry(entry, path) && detectFormat(entry.name)) {
      found(path);
    }
  }
}

/** Symbolic links to files are followed; links to directories are not, so a link cycle cannot trap the walk. */
function isFileEntry(entry: Dirent, path: string): boolean {
  if (entry.isFile()) return true;
  return entry.isSymbolicLink() && statOrUndefined(path)?.isFile() === true;
}

function expandGlob(
  pattern: string,
  cwd: string,
  isIgnored: (path: string) => boolean,
  found: (file: string) => void,
): void {
  const segments = toPosix(pattern).split('/');
  const firstGlob = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  const base = resolve(cwd, segments.slice(0, firstGlob).join('/') || '.');
  const matches = picomatch(segments.slice(firstGlob).join('/'), { dot: true });
  if (!statOrUndefined(base)?.isDirectory()) return;
  walk(base, isIgnored, (file) => {
    if (matches(toPosix(relative(base, file)))) found(file);
  });
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
