/**
 * dd-profiler-lint: the core behind a command line, for CI. Exit 0 when no errors, 1 when errors (or
 * more warnings than --max-warnings), 2 on bad usage or configuration (or when the tool itself fails).
 */
import { readFileSync } from 'node:fs';
import { createLanguageService } from '../core/languageService.js';
import type { AnalysisSettings, Finding } from '../core/types.js';
import { findPackageRoot, loadDefaultCatalog } from '../node/catalogFiles.js';
import { loadParsers } from '../node/parsers.js';
import { HELP, parseArgs, UsageError, type CliOptions } from './args.js';
import { loadConfig } from './config.js';
import { lintFiles } from './lint.js';
import { countFindings, formatJson, formatText, type FileReport } from './report.js';
import { formatSarif } from './sarif.js';
import { selectFiles } from './walk.js';

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
    if (error instanceof UsageError) {
      io.stderr(`dd-profiler-lint: ${error.message}\nRun dd-profiler-lint --help for usage.\n`);
    } else {
      io.stderr(
        `dd-profiler-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    return 2;
  }
}

async function lint(options: CliOptions, io: CliIo): Promise<number> {
  const config = loadConfig(options.config, io.cwd);
  const settings: AnalysisSettings = {
    runtime: (options.runtime ?? config.settings.runtime) as AnalysisSettings['runtime'],
    rules: { ...config.settings.rules, ...options.rules },
  };
  const { files, notes } = selectFiles(options.paths, { cwd: io.cwd, ignore: config.ignore, ignoreRoot: config.root });
  for (const note of notes) io.stderr(`dd-profiler-lint: ${note}\n`);
  const service = createLanguageService({ catalog: loadDefaultCatalog(), parsers: await loadParsers() });
  const reports = lintFiles(service, files, settings, io.cwd);
  // The exit code counts every finding; --quiet only changes what is shown.
  const counts = countFindings(reports);
  const shown = options.quiet ? reports.map(onlyErrors) : reports;
  io.stdout(render(options, shown, io.color));
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  if (tooManyWarnings)
    io.stderr(`dd-profiler-lint: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}\n`);
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
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
