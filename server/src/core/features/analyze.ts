/**
 * The analysis pipeline: text -> extractor -> occurrences -> rules -> findings, then suppressions
 * and configured severities.
 */
import type { Catalog } from '../catalog/catalog.js';
import { detectFormat, extractorFor } from '../formats/index.js';
import type { AnalysisSettings, Finding, FormatId, Parsers } from '../types.js';
import { runRules } from '../rules/index.js';
import { applySuppressions } from './suppressions.js';
import { applySeverities } from './severities.js';
import { comparePositions } from '../text/ranges.js';
import { screenText } from './limits.js';

export interface DocumentInput {
  readonly uri: string;
  readonly text: string;
  /** The editor's language id, when known; helps format detection. */
  readonly languageId?: string;
}

export interface ServiceDeps {
  readonly catalog: Catalog;
  readonly parsers: Parsers;
}

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

export function analyzeDocument(deps: ServiceDeps, doc: DocumentInput, settings: AnalysisSettings): DocumentAnalysis {
  const fileName = fileNameOf(doc.uri);
  const format = detectFormat(fileName, doc.languageId);
  const extractor = format ? extractorFor(format) : undefined;
  if (!format || !extractor) return { format, findings: [] };
  const refused = screenText(doc.text);
  if (refused) return { format, findings: applySeverities([refused], settings) };
  const extracted = extractor(doc.text, { fileName, parsers: deps.parsers });
  const findings = [...extracted.problems, ...runRules(deps.catalog, extracted, settings)];
  const kept = applySeverities(applySuppressions(doc.text, findings), settings);
  return { format, findings: kept.sort((a, b) => comparePositions(a.range.start, b.range.start)) };
}
