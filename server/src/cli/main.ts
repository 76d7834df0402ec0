/**
 * dd-profiler-lint: the core behind a command line, for CI. Exit 0 when no errors, 1 when errors (or
 * more warnings than --max-warnings), 2 on bad usage or configuration.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../core/languageService.js';
import type { AnalysisSettings } from '../core/types.js';
import { findPackageRoot, loadDefaultCatalog } from '../node/catalogFiles.js';
import { loadParsers } from '../node/parsers.js';
import { HELP, parseArgs, UsageError, type CliOptions } from './args.js';
import { loadConfig } from './config.js';
import { countFindings, formatJson, formatText, type FileReport } from './report.js';
import { formatSarif } from './sarif.js';
import { selectFiles } from './walk.js';

export async function run(argv: readonly string[], cwd: string): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.help) return print(`${HELP}\n`, 0);
    if (options.version) return print(`${version()}\n`, 0);
    return await lint(options, cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`dd-profiler-lint: ${error.message}\nRun dd-profiler-lint --help for usage.\n`);
    return 2;
  }
}

async function lint(options: CliOptions, cwd: string): Promise<number> {
  const config = loadConfig(options.config, cwd);
  const settings: AnalysisSettings = {
    runtime: (options.runtime ?? config.settings.runtime) as AnalysisSettings['runtime'],
    rules: { ...config.settings.rules, ...options.rules },
  };
  const { files, unsupported } = selectFiles(options.paths, cwd, config.ignore, config.root);
  for (const file of unsupported) process.stderr.write(`dd-profiler-lint: ${file}: not a format this tool checks; skipped\n`);
  const service = createLanguageService({ catalog: loadDefaultCatalog(), parsers: await loadParsers() });
  const reports: FileReport[] = files.map((file) => {
    const { format, findings } = service.analyze({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') }, settings);
    const shown = options.quiet ? findings.filter((f) => f.severity === 'error') : findings;
    return { path: relative(cwd, file).split(sep).join('/'), format, findings: shown };
  });
  const output =
    options.format === 'json'
      ? formatJson(reports, version())
      : options.format === 'sarif'
        ? formatSarif(reports, version())
        : formatText(reports, process.stdout.isTTY === true && !process.env.NO_COLOR);
  process.stdout.write(output);
  const counts = countFindings(reports);
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
}

function version(): string {
  const manifest = JSON.parse(readFileSync(`${findPackageRoot()}/package.json`, 'utf8')) as { version: string };
  return manifest.version;
}

function print(text: string, code: number): number {
  process.stdout.write(text);
  return code;
}
