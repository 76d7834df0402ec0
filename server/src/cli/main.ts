/**
 * dd-profiler-lint: the core behind a command line, for CI. Exit 0 when nothing at or above the
 * severity threshold (default: error), 1 when something is (or more warnings than --max-warnings),
 * 2 on bad usage or configuration, a path that cannot be checked, an empty selection (unless
 * --allow-empty), or when the tool itself fails.
 */
import { readFileSync } from 'node:fs';
import { createLanguageService } from '../core/languageService.js';
import type { AnalysisSettings, Finding } from '../core/types.js';
import { findPackageRoot, loadDefaultCatalog } from '../node/catalogFiles.js';
import { loadParsers } from '../node/parsers.js';
import { loadGrammars } from '../node/treeSitter.js';
import { detectFormat, grammarsFor } from '../core/formats/index.js';
import { HELP, parseArgs, UsageError, type CliOptions, type FailSeverity } from './args.js';
import { loadConfig } from './config.js';
import { escapeControls } from './escape.js';
import { lintFiles, type FileFix } from './lint.js';
import { countFindings, formatJson, formatText, type Counts, type FileReport } from './report.js';
import { formatSarif } from './sarif.js';
import { selectFiles, type FileSelection } from './walk.js';

/** Where the CLI reads and writes; the process by default, something else in tests. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether to colour the text output (a terminal, and NO_COLOR unset). */
  readonly color: boolean;
}

/** Runs the command line and returns the exit code; never calls `process.exit`. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.help) return print(io, `${HELP}\n`);
    if (options.version) return print(io, `${version()}\n`);
    return await lint(options, io);
  } catch (error) {
    // Usage errors quote arguments (file names), which may hold control characters: escaped too.
    if (error instanceof UsageError) {
      io.stderr(`dd-profiler-lint: ${escapeControls(error.message)}\nRun dd-profiler-lint --help for usage.\n`);
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      io.stderr(`dd-profiler-lint: internal error: ${escapeControls(detail)}\n`);
    }
    return 2;
  }
}

async function lint(options: CliOptions, io: CliIo): Promise<number> {
  if (options.fix === 'diff' && options.format !== 'text')
    throw new UsageError('--fix-dry-run prints a diff; it cannot be combined with --format json or sarif');
  const { settings, selection } = configure(options, io.cwd);
  const warn = (text: string) => io.stderr(`dd-profiler-lint: ${escapeControls(text)}\n`);
  selection.notes.forEach(warn);
  selection.problems.forEach(warn);
  const empty = selection.files.length === 0 && !options.allowEmpty;
  if (empty) warn('no file to check was found (exit 2; --allow-empty accepts an empty selection)');
  const service = createLanguageService({ catalog: loadDefaultCatalog(), parsers: await loadParsers() });
  // Only the grammars the selected files need are loaded (a grammar that fails: its files say so).
  await loadGrammars(selection.files.flatMap((file) => grammarsFor(detectFormat(file))));
  const { reports, fixes } = lintFiles(service, selection.files, { settings, cwd: io.cwd, fix: options.fix });
  const unchecked = empty || selection.problems.length > 0;
  if (options.fix === 'diff') return Math.max(dryRun(fixes, io), unchecked ? 2 : 0);
  reportFixes(fixes, warn);
  // The exit code counts every finding; --quiet only changes what is shown.
  const counts = countFindings(reports);
  const shown = options.quiet ? reports.map(onlyErrors) : reports;
  io.stdout(render(options, shown, io.color));
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  if (tooManyWarnings) warn(`${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}`);
  if (unchecked) return 2;
  return failing(counts, options.severityThreshold) || tooManyWarnings ? 1 : 0;
}

/** The settings (command line over config file) and the files to check. */
function configure(options: CliOptions, cwd: string): { settings: AnalysisSettings; selection: FileSelection } {
  const config = loadConfig(options.config, cwd);
  const settings: AnalysisSettings = {
    runtime: (options.runtime ?? config.settings.runtime) as AnalysisSettings['runtime'],
    rules: { ...config.settings.rules, ...options.rules },
  };
  const selection = selectFiles(options.paths, {
    cwd,
    ignore: config.ignore,
    ignoreRoot: config.root,
    noDefaultIgnore: options.noDefaultIgnore,
  });
  return { settings, selection };
}

/** Whether any finding is at or above the threshold; hints never fail a run. */
function failing(counts: Counts, threshold: FailSeverity): boolean {
  if (counts.error > 0) return true;
  if (threshold === 'error') return false;
  return counts.warning > 0 || (threshold === 'info' && counts.info > 0);
}

/** --fix-dry-run: the diff on stdout; exit 1 when there is something to fix, as `ruff --diff` does. */
function dryRun(fixes: readonly FileFix[], io: CliIo): number {
  const changed = fixes.filter((fix) => fix.diff !== '');
  io.stdout(changed.map((fix) => fix.diff).join(''));
  const total = changed.reduce((n, fix) => n + fix.fixed.length, 0);
  for (const fix of fixes)
    if (fix.skipped) io.stderr(`dd-profiler-lint: ${escapeControls(fix.path)}: ${fix.skipped}\n`);
  io.stderr(`dd-profiler-lint: --fix would fix ${plural(total, 'problem')} in ${plural(changed.length, 'file')}\n`);
  return changed.length > 0 ? 1 : 0;
}

/** --fix: one stderr line per file changed, naming the rules fixed; the report shows what remains. */
function reportFixes(fixes: readonly FileFix[], warn: (text: string) => void): void {
  for (const fix of fixes) {
    if (fix.skipped) warn(`${fix.path}: ${fix.skipped}; not fixed`);
    else
      warn(
        `fixed ${plural(fix.fixed.length, 'problem')} in ${fix.path} (${[...new Set(fix.fixed)].sort().join(', ')})`,
      );
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function render(options: CliOptions, reports: readonly FileReport[], color: boolean): string {
  switch (options.format) {
    case 'json':
      return formatJson(reports, version());
    case 'sarif':
      return formatSarif(reports, version());
    case 'text':
      return formatText(reports, color);
  }
}

function onlyErrors(report: FileReport): FileReport {
  return { ...report, findings: report.findings.filter((f: Finding) => f.severity === 'error') };
}

function version(): string {
  const manifest = JSON.parse(readFileSync(`${findPackageRoot()}/package.json`, 'utf8')) as { version: string };
  return manifest.version;
}

function print(io: CliIo, text: string): number {
  io.stdout(text);
  return 0;
}

/** The real process. A closed stdout (`dd-profiler-lint | head`) ends the run quietly, as other CLIs do. */
export function processIo(): CliIo {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  };
}
