/**
 * Turns the command line's paths and globs into the list of files to check. Directories are walked
 * (skipping dependency, build and hidden directories, which are named in a note, unless
 * `--no-default-ignore`; hidden files such as `.env` are kept, and so are `.github/` and `.gitlab/`,
 * which hold CI pipelines) and only files whose name a format
 * claims are taken. A file named explicitly that no format claims is reported, not fatal. A path that
 * cannot be checked (missing, unreadable, a FIFO or device, a symbolic-link loop) is bad usage when
 * named explicitly, and a problem (exit 2) when met while walking: never silently "no such file".
 */
import { accessSync, constants, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { detectFormat } from '../core/formats/index.js';
import { UsageError } from './args.js';

/** Directories that hold dependencies or build output, never the project's own configuration. */
export const DEFAULT_IGNORED_DIRS = ['node_modules', 'out', 'dist', 'vendor', 'bower_components', 'target'] as const;
/** Version-control internals: never walked, not even with --no-default-ignore, and not worth a note. */
const VCS_DIRS = new Set(['.git', '.hg', '.svn']);
const SKIPPED_DIRS: ReadonlySet<string> = new Set(DEFAULT_IGNORED_DIRS);
/** Hidden directories that hold the project's own configuration (CI workflows and pipelines): walked. */
export const WALKED_HIDDEN_DIRS = ['.github', '.gitlab'] as const;
const WALKED_HIDDEN: ReadonlySet<string> = new Set(WALKED_HIDDEN_DIRS);
const GLOB_CHARS = /[*?[\]{}]/;
const SHOWN_SKIPPED = 6;

export interface FileSelection {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /** Things to tell the user on stderr: unsupported files named explicitly, globs that matched nothing. */
  readonly notes: string[];
  /** Paths met while walking that could not be checked; each makes the run exit 2. */
  readonly problems: string[];
}

export interface SelectOptions {
  readonly cwd: string;
  /** Globs from the config file's `ignore`, relative to `ignoreRoot`. */
  readonly ignore: readonly string[];
  readonly ignoreRoot: string;
  /** Walk hidden, dependency and build directories too (`--no-default-ignore`). */
  readonly noDefaultIgnore?: boolean;
}

interface Walker {
  readonly isIgnored: (path: string) => boolean;
  readonly noDefaultIgnore: boolean;
  readonly cwd: string;
  readonly skipped: Set<string>;
  readonly problems: string[];
}

export function selectFiles(args: readonly string[], options: SelectOptions): FileSelection {
  const walker: Walker = {
    isIgnored: ignoreMatcher(options.ignore, options.ignoreRoot),
    noDefaultIgnore: options.noDefaultIgnore === true,
    cwd: options.cwd,
    skipped: new Set(),
    problems: [],
  };
  const files = new Set<string>();
  const notes: string[] = [];
  const take = (file: string) => !walker.isIgnored(file) && files.add(file);
  for (const arg of args.length > 0 ? args : ['.']) {
    const path = resolve(options.cwd, arg);
    const stats = statPath(path);
    if (stats instanceof Error && GLOB_CHARS.test(arg) && errorCode(stats) === 'ENOENT') {
      const before = files.size;
      expandGlob(arg, walker, take);
      if (files.size === before) notes.push(`${arg}: no files to check match this pattern`);
    } else if (stats instanceof Error) {
      throw new UsageError(`${cannotCheck(stats)}: ${arg}`);
    } else if (stats.isDirectory()) {
      if (!readable(path)) throw new UsageError(`cannot read directory (permission denied): ${arg}`);
      walk(path, walker, take);
    } else if (!stats.isFile()) {
      throw new UsageError(`not a regular file (${kindOf(stats)}): ${arg}`);
    } else if (!readable(path)) {
      throw new UsageError(`cannot read file (permission denied): ${arg}`);
    } else if (detectFormat(path)) {
      take(path);
    } else {
      notes.push(`${arg}: not a format this tool checks; skipped`);
    }
  }
  if (walker.skipped.size > 0) notes.push(skippedNote([...walker.skipped].sort()));
  return { files: [...files].sort(), notes, problems: walker.problems };
}

function skippedNote(dirs: readonly string[]): string {
  const shown = dirs.slice(0, SHOWN_SKIPPED).join(', ');
  const more = dirs.length > SHOWN_SKIPPED ? ` and ${dirs.length - SHOWN_SKIPPED} more` : '';
  return `skipped ${dirs.length === 1 ? 'directory' : `${dirs.length} directories`} ${shown}${more} (dependency, build or hidden; --no-default-ignore checks them)`;
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

function walk(dir: string, walker: Walker, found: (file: string) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    walker.problems.push(`${shown(walker, dir)}: ${cannotCheck(error)}; not checked`);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (VCS_DIRS.has(entry.name) || walker.isIgnored(path)) continue;
      const hidden = entry.name.startsWith('.') && !WALKED_HIDDEN.has(entry.name);
      if (!walker.noDefaultIgnore && (hidden || SKIPPED_DIRS.has(entry.name))) {
        walker.skipped.add(shown(walker, path));
      } else {
        walk(path, walker, found);
      }
    } else if (detectFormat(entry.name)) {
      const file = fileEntry(entry, path, walker);
      if (file) found(file);
    }
  }
}

/**
 * A file the walk should check, or `undefined` (with a problem recorded when it has a checked name but
 * cannot be read). Symbolic links to files are followed; links to directories are not, so a link cycle
 * cannot trap the walk.
 */
function fileEntry(entry: Dirent, path: string, walker: Walker): string | undefined {
  if (entry.isFile()) return path;
  if (entry.isSymbolicLink()) {
    const stats = statPath(path);
    if (stats instanceof Error) walker.problems.push(`${shown(walker, path)}: ${cannotCheck(stats)}; not checked`);
    else if (stats.isFile()) return path;
    else if (!stats.isDirectory())
      walker.problems.push(`${shown(walker, path)}: not a regular file (${kindOf(stats)}); not checked`);
    return undefined;
  }
  // A FIFO, socket or device with a name we check: reading it could block forever, so it is named.
  walker.problems.push(`${shown(walker, path)}: not a regular file (${direntKind(entry)}); not checked`);
  return undefined;
}

function expandGlob(pattern: string, walker: Walker, found: (file: string) => void): void {
  const segments = toPosix(pattern).split('/');
  const firstGlob = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  const base = resolve(walker.cwd, segments.slice(0, firstGlob).join('/') || '.');
  const matches = picomatch(segments.slice(firstGlob).join('/'), { dot: true });
  const stats = statPath(base);
  if (stats instanceof Error || !stats.isDirectory()) return;
  walk(base, walker, (file) => {
    if (matches(toPosix(relative(base, file)))) found(file);
  });
}

function statPath(path: string): Stats | Error {
  try {
    return statSync(path);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** One distinct phrase per reason, so "no such file" is never said of a loop or a permission problem. */
function cannotCheck(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENAMETOOLONG':
      return 'path too long';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    default:
      return `cannot be read (${errorCode(error) ?? 'unknown error'})`;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

function direntKind(entry: Dirent): string {
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'a special file';
}

function shown(walker: Walker, path: string): string {
  return toPosix(relative(walker.cwd, path)) || '.';
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
