/**
 * The analysis pipeline: text -> extractor -> occurrences -> rules -> findings, then suppressions
 * and configured severities.
 */
import type { Catalog } from '../catalog/catalog.js';
import { detectFormat, extractorFor } from '../formats/index.js';
import type { AnalysisSettings, ExtractResult, Finding, FormatId, Parsers } from '../types.js';
import { runRules } from '../rules/index.js';
import { applySuppressions } from './suppressions.js';
import { applySeverities } from './severities.js';
import { comparePositions } from '../text/ranges.js';
import { screenText } from './limits.js';
import { runtimeDirectives } from './runtimeDirective.js';

export interface DocumentInput {
  readonly uri: string;
  readonly text: string;
  /** The editor's language id, when known; helps format detection. */
  readonly languageId?: string;
}

export interface ServiceDeps {
  readonly catalog: Catalog;
  readonly parsers: Parsers;
  /** The last extraction per document, owned by the service instance: validation, completion and hover share it. */
  readonly extractions: Map<
    string,
    { readonly text: string; readonly languageId?: string; readonly result: ExtractedDocument | undefined }
  >;
}

const MAX_CACHED_DOCUMENTS = 64;

export interface DocumentAnalysis {
  readonly format: FormatId | undefined;
  readonly findings: readonly Finding[];
}

export function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const base = path.split(/[\\/]/).pop() ?? path;
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

export interface ExtractedDocument {
  readonly format: FormatId;
  readonly extracted: ExtractResult;
}

/** Runs the document's extractor, or returns `undefined` for files the tool does not check. */
export function extractDocument(deps: ServiceDeps, doc: DocumentInput): ExtractedDocument | undefined {
  const cached = deps.extractions.get(doc.uri);
  if (cached && cached.text === doc.text && cached.languageId === doc.languageId) return cached.result;
  const result = extractUncached(deps, doc);
  if (deps.extractions.size >= MAX_CACHED_DOCUMENTS)
    deps.extractions.delete(deps.extractions.keys().next().value ?? '');
  deps.extractions.set(doc.uri, { text: doc.text, ...(doc.languageId ? { languageId: doc.languageId } : {}), result });
  return result;
}

function extractUncached(deps: ServiceDeps, doc: DocumentInput): ExtractedDocument | undefined {
  const fileName = fileNameOf(doc.uri);
  const format = detectFormat(fileName, doc.languageId);
  if (!format || screenText(doc.text)) return undefined;
  const extracted = extractorFor(format)(doc.text, { fileName, parsers: deps.parsers });
  const declared = runtimeDirectives(doc.text);
  // A declared runtime replaces what the file's contents suggest.
  return { format, extracted: declared.length > 0 ? { ...extracted, runtimeHints: declared } : extracted };
}

export function analyzeDocument(deps: ServiceDeps, doc: DocumentInput, settings: AnalysisSettings): DocumentAnalysis {
  const format = detectFormat(fileNameOf(doc.uri), doc.languageId);
  const refused = format ? screenText(doc.text) : undefined;
  if (refused) return { format, findings: applySeverities([refused], settings) };
  const document = extractDocument(deps, doc);
  if (!document) return { format, findings: [] };
  const { extracted } = document;
  const findings = withoutShadowed([...extracted.problems, ...runRules(deps.catalog, extracted, settings)]);
  const kept = applySeverities(applySuppressions(doc.text, findings), settings);
  return { format, findings: kept.sort((a, b) => comparePositions(a.range.start, b.range.start)) };
}

/**
 * One finding per problem: where the extractor already reports the value's syntax (a trailing space
 * `SET` keeps), the invalid-value finding on the same characters only repeats it.
 */
function withoutShadowed(findings: readonly Finding[]): Finding[] {
  const syntax = findings.filter((f) => f.code === 'value-syntax');
  if (syntax.length === 0) return [...findings];
  const overlaps = (a: Finding, b: Finding): boolean =>
    comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
  return findings.filter((f) => f.code !== 'invalid-value' || !syntax.some((s) => overlaps(f, s)));
}
