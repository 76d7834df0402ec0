/**
 * Runs the core on each selected file. A file that cannot be analysed (too large, binary, unreadable,
 * or a defect in the core) yields a `parse-error` finding for that file; the run always goes on.
 */
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applySeverities } from '../core/features/severities.js';
import { detectFormat } from '../core/formats/index.js';
import type { LanguageService } from '../core/languageService.js';
import type { AnalysisSettings, Finding } from '../core/types.js';
import type { FileReport } from './report.js';
import { readSource } from './source.js';

/** Analyses `files` (absolute paths); reports carry paths relative to `cwd` with forward slashes. */
export function lintFiles(
  service: LanguageService,
  files: readonly string[],
  settings: AnalysisSettings,
  cwd: string,
): FileReport[] {
  return files.map((file) => {
    const path = relative(cwd, file).split(sep).join('/');
    const source = readSource(file);
    if ('refused' in source) {
      // The configured level applies to our own parse-error findings too (`"parse-error": "off"`).
      return { path, format: detectFormat(file), findings: applySeverities([source.refused], settings) };
    }
    try {
      const { format, findings } = service.analyze({ uri: pathToFileURL(file).href, text: source.text }, settings);
      return { path, format, findings };
    } catch (error) {
      return { path, format: detectFormat(file), findings: applySeverities([internalError(error)], settings) };
    }
  });
}

/** Extractors never throw by contract; if one does, the user gets a finding instead of a stack trace. */
function internalError(error: unknown): Finding {
  const start = { line: 0, character: 0 };
  // Only the exception's type: its message might quote file content, and so a secret.
  const kind = error instanceof Error ? error.name : typeof error;
  return {
    code: 'parse-error',
    severity: 'error',
    message: `File not checked: internal error in dd-profiler-lint (${kind}). Please report it.`,
    range: { start, end: start },
  };
}
