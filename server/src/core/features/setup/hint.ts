/**
 * Where to offer "Enable Datadog profiling" unasked (a CodeLens): a file that already sets up a
 * Datadog tracer (a `DD_*` setting, `ddtrace-run`, `-javaagent:…dd-java-agent`, `dd-trace/init`…)
 * but never turns the profiler on. An image alone (`FROM python`) is not a tracer, and ddprof is a
 * profiler already.
 */
import type { Range } from 'vscode-languageserver-types';
import { extractDocument, type DocumentInput, type ServiceDeps } from '../analyze.js';

const FROM_FILE_OR_IMAGE = /^(FROM |image |an? [\w. ]+ (file|configuration file)$)/;

/** The range to show the lens at, or `undefined` when the file needs none. */
export function setupHint(deps: ServiceDeps, doc: DocumentInput): Range | undefined {
  const document = extractDocument(deps, doc);
  if (!document) return undefined;
  const { occurrences, runtimeHints } = document.extracted;
  const enables = occurrences.some(
    (o) =>
      (o.surface === 'env' ? o.name : deps.catalog.lookup(o.surface, o.name)?.equivalents?.env) ===
      'DD_PROFILING_ENABLED',
  );
  if (enables || runtimeHints.some((h) => h.runtime === 'ddprof')) return undefined;
  const tracerCommand = runtimeHints.find((h) => !FROM_FILE_OR_IMAGE.test(h.reason));
  const setting = occurrences.find((o) => /^(DD_|dd\.|datadog\.)/.test(o.name) || o.surface === 'rubyConfigure');
  if (!tracerCommand && !setting) return undefined;
  const line = setting?.nameRange.start.line ?? 0;
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}
