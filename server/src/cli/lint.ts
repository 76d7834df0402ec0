/**
 * Runs the core on each selected file. A file that cannot be analysed (too large, binary, unreadable,
 * or a defect in the core) yields a `parse-error` finding for that file; the run always goes on.
 * With `--fix`/`--fix-dry-run` the safe fixes are applied first and the findings are those that remain.
 */
import { writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applySeverities } from '../core/features/severities.js';
import { detectFormat } from '../core/formats/index.js';
import type { LanguageService } from '../core/languageService.js';
import type { AnalysisSettings, Finding } from '../core/types.js';
import { unifiedDiff } from './diff.js';
import { fixText } from './fix.js';
import type { FileReport } from './report.js';
import { encodeText, readSource } from './source.js';
import { createSiblingLister } from '../node/siblings.js';

export interface LintOptions {
  readonly settings: AnalysisSettings;
  readonly cwd: string;
  /** `write`: apply safe fixes to the files; `diff`: compute them without writing. */
  readonly fix?: 'write' | 'diff';
}

/** What one file's fixes did: the rules fixed, and the diff (for --fix-dry-run). */
export interface FileFix {
  readonly path: string;
  readonly fixed: readonly string[];
  readonly diff: string;
  /** Why the file was left as it was, if it had fixes it could not take. */
  readonly skipped?: string;
}

export interface LintResult {
  readonly reports: FileReport[];
  readonly fixes: FileFix[];
}

/** Analyses `files` (absolute paths); reports carry paths relative to `cwd` with forward slashes. */
export function lintFiles(service: LanguageService, files: readonly string[], options: LintOptions): LintResult {
  const fixes: FileFix[] = [];
  const siblingsOf = createSiblingLister();
  const reports = files.map((file) => {
    const path = relative(options.cwd, file).split(sep).join('/');
    const source = readSource(file);
    if ('refused' in source) {
      // The configured level applies to our own parse-error findings too (`"parse-error": "off"`).
      return { path, format: detectFormat(file), findings: applySeverities([source.refused], options.settings) };
    }
    const uri = pathToFileURL(file).href;
    const siblingFiles = siblingsOf(file);
    try {
      let text = source.text;
      if (options.fix) {
        const result = fixText(service, { uri, text, siblingFiles }, options.settings);
        if (result.fixed.length > 0 && !source.exact) {
          fixes.push({
            path,
            fixed: [],
            diff: '',
            skipped: 'not valid in its encoding, so it cannot be rewritten exactly',
          });
        } else if (result.fixed.length > 0) {
          // The diff's context lines may hold a key the fixes did not touch.
          const diff = service.redact({ uri, text }, unifiedDiff(path, text, result.text));
          fixes.push({ path, fixed: result.fixed, diff });
          if (options.fix === 'write') writeFileSync(file, encodeText(result.text, source.encoding));
          text = result.text;
        }
      }
      const { format, findings } = service.analyze({ uri, text, siblingFiles }, options.settings);
      return { path, format, findings };
    } catch (error) {
      return { path, format: detectFormat(file), findings: applySeverities([internalError(error)], options.settings) };
    }
  });
  return { reports, fixes };
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
