/**
 * Where to offer "Enable Datadog profiling" unasked (a CodeLens): a file that already sets up a
 * Datadog tracer (a `DD_*` setting, `ddtrace-run`, `-javaagent:…dd-java-agent`, `dd-trace/init`…)
 * but never turns the profiler on. An image alone (`FROM python`) is not a tracer, and ddprof is a
 * profiler already.
 */
import type { Range } from 'vscode-languageserver-types';
import type { ExtractResult } from '../../types.js';
import { extractDocument, type DocumentInput, type ServiceDeps } from '../analyze.js';
import { NOT_EDITABLE } from './notEditable.js';

const FROM_FILE_OR_IMAGE = /^(FROM |image |an? [\w. ]+ (file|configuration file)$)/;

/** Whether some place in the file already sets `DD_PROFILING_ENABLED` (or its equivalent), or runs ddprof. */
export function enablesProfiling(deps: ServiceDeps, extracted: ExtractResult): boolean {
  return (
    extracted.runtimeHints.some((h) => h.runtime === 'ddprof') ||
    extracted.occurrences.some(
      (o) =>
        (o.surface === 'env' ? o.name : deps.catalog.lookup(o.surface, o.name)?.equivalents?.env) ===
        'DD_PROFILING_ENABLED',
    )
  );
}

/** What the editor offers unasked, from the cached extraction alone (it runs on every cursor move). */
export interface SetupHint {
  /** Where to show the CodeLens; absent when the file needs none. */
  readonly lens?: Range;
  /** Whether the file already turns the profiler on somewhere. */
  readonly enabled: boolean;
}

/** `undefined` for files the setup does not edit. */
export function setupHint(deps: ServiceDeps, doc: DocumentInput): SetupHint | undefined {
  const document = extractDocument(deps, doc);
  if (!document || NOT_EDITABLE.has(document.format)) return undefined;
  if (enablesProfiling(deps, document.extracted)) return { enabled: true };
  const { occurrences, runtimeHints } = document.extracted;
  const tracerCommand = runtimeHints.find((h) => !FROM_FILE_OR_IMAGE.test(h.reason));
  const setting = occurrences.find((o) => /^(DD_|dd\.|datadog\.)/.test(o.name) || o.surface === 'rubyConfigure');
  if (!tracerCommand && !setting) return { enabled: false };
  const line = setting?.nameRange.start.line ?? 0;
  return { enabled: false, lens: { start: { line, character: 0 }, end: { line, character: 0 } } };
}
