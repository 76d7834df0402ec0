/**
 * The analysis pipeline: text -> extractor -> occurrences -> rules -> findings, then suppressions
 * and configured severities.
 */
import type { Catalog } from '../catalog/catalog.js';
import { detectFormat, extractorFor } from '../formats/index.js';
import type { AnalysisLimits, AnalysisSettings, ExtractResult, Finding, FormatId, Parsers, Range } from '../types.js';
import { RULE_CHECKS } from '../rules/index.js';
import { createRuleContext } from '../rules/context.js';
import { applySuppressions } from './suppressions.js';
import { applySeverities } from './severities.js';
import { comparePositions } from '../text/ranges.js';
import { createLineIndex } from '../text/lineIndex.js';
import { onlyQuotes } from '../rules/valueSyntax.js';
import { budgetNote, DEFAULT_LIMITS, failureNote, resolveLimits, screenText, withoutLongLines } from './limits.js';
import { runtimeDirectives } from './runtimeDirective.js';
import { projectFileHints } from '../formats/projectFiles.js';

export interface DocumentInput {
  readonly uri: string;
  readonly text: string;
  /** The editor's language id, when known; helps format detection. */
  readonly languageId?: string;
  /**
   * Names of the files beside the document (`package.json`, `Gemfile`, `app.csproj`), when the adapter
   * can list its directory: evidence of the runtime a `.env` or a start script configures.
   */
  readonly siblingFiles?: readonly string[];
}

/**
 * Formats whose file configures one program and says little of which: their neighbours' project files
 * are evidence. Not compose or Kubernetes files (a repository root holds several programs' manifests),
 * nor Dockerfiles (their stages say what they copy in).
 */
const SIBLING_EVIDENCE: ReadonlySet<FormatId> = new Set(['dotenv', 'shell', 'batch', 'powershell']);

export interface ServiceDeps {
  readonly catalog: Catalog;
  readonly parsers: Parsers;
  /** The last extraction per document, owned by the service instance: validation, completion and hover share it. */
  readonly extractions: Map<
    string,
    {
      readonly text: string;
      readonly languageId?: string;
      readonly limits: string;
      readonly siblings: string;
      readonly result: ExtractedDocument | undefined;
    }
  >;
  /** The clock the time budget is measured by, in milliseconds; tests pass their own. */
  readonly now?: () => number;
}

const MAX_CACHED_DOCUMENTS = 64;

export interface DocumentAnalysis {
  readonly format: FormatId | undefined;
  readonly findings: readonly Finding[];
}

/**
 * The format of a document, from its path (a systemd drop-in is known by its folder,
 * `*.service.d/`) and its language id.
 */
export function formatOf(doc: DocumentInput): FormatId | undefined {
  const path = doc.uri.replace(/[?#].*$/, '');
  const parent = path.split(/[\\/]/).slice(-2, -1)[0] ?? '';
  let folder = parent;
  try {
    folder = decodeURIComponent(parent);
  } catch {
    // A malformed escape: the folder's name as written.
  }
  return detectFormat(`${folder}/${fileNameOf(doc.uri)}`, doc.languageId);
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
export function extractDocument(
  deps: ServiceDeps,
  doc: DocumentInput,
  limits: AnalysisLimits = DEFAULT_LIMITS,
): ExtractedDocument | undefined {
  const cached = deps.extractions.get(doc.uri);
  const siblings = (doc.siblingFiles ?? []).join('\u0000');
  if (
    cached &&
    cached.text === doc.text &&
    cached.languageId === doc.languageId &&
    cached.limits === limitsKey(limits) &&
    cached.siblings === siblings
  )
    return cached.result;
  const result = extractUncached(deps, doc, limits);
  if (deps.extractions.size >= MAX_CACHED_DOCUMENTS)
    deps.extractions.delete(deps.extractions.keys().next().value ?? '');
  deps.extractions.set(doc.uri, {
    text: doc.text,
    ...(doc.languageId ? { languageId: doc.languageId } : {}),
    limits: limitsKey(limits),
    siblings,
    result,
  });
  return result;
}

/** The limits that change what extraction returns. */
function limitsKey(limits: AnalysisLimits): string {
  return `${limits.maxFileChars}/${limits.maxLineChars}`;
}

function extractUncached(deps: ServiceDeps, doc: DocumentInput, limits: AnalysisLimits): ExtractedDocument | undefined {
  const fileName = fileNameOf(doc.uri);
  const format = formatOf(doc);
  if (!format || screenText(doc.text, limits)) return undefined;
  const { text, note } = withoutLongLines(doc.text, limits.maxLineChars);
  const extracted = safely(
    () => extractorFor(format)(text, { fileName, parsers: deps.parsers }),
    (error): ExtractResult => ({
      occurrences: [],
      problems: [failureNote('Reading this file', 'none of its settings were checked', error, 'error')],
      runtimeHints: [],
    }),
  );
  const declared = runtimeDirectives(doc.text);
  const problems = note ? [note, ...extracted.problems] : extracted.problems;
  // A declared runtime replaces what the file's contents suggest.
  const runtimeHints = declared.length > 0 ? declared : extracted.runtimeHints;
  const beside = SIBLING_EVIDENCE.has(format)
    ? projectFileHints(doc.siblingFiles ?? [], undefined, (file) => `\`${file}\` beside this file`)
    : [];
  const projectHints = [...(extracted.projectHints ?? []), ...beside];
  return {
    format,
    extracted: { ...extracted, problems, runtimeHints, ...(projectHints.length > 0 ? { projectHints } : {}) },
  };
}

/**
 * Findings for a document. Whatever fails or runs out of time, the result holds everything that was
 * checked plus one finding per thing that was not: never a falsely clean file.
 */
export function analyzeDocument(deps: ServiceDeps, doc: DocumentInput, settings: AnalysisSettings): DocumentAnalysis {
  const started = (deps.now ?? now)();
  const limits = resolveLimits(settings.limits);
  const format = formatOf(doc);
  const refused = format ? screenText(doc.text, limits) : undefined;
  if (refused) return { format, findings: applySeverities([refused], settings) };
  const document = extractDocument(deps, doc, limits);
  if (!document) return { format, findings: [] };
  const findings = [...document.extracted.problems];
  const elapsed = () => (deps.now ?? now)() - started;
  for (const finding of runRulesWithin(deps.catalog, document.extracted, settings, limits, elapsed))
    findings.push(finding);
  const kept = applySeverities(applySuppressions(doc.text, withoutShadowed(findings, doc.text)), settings);
  return { format, findings: kept.sort((a, b) => comparePositions(a.range.start, b.range.start)) };
}

/** Each rule in turn while time remains; a rule that throws becomes one finding, the others still run. */
function runRulesWithin(
  catalog: Catalog,
  extracted: ExtractResult,
  settings: AnalysisSettings,
  limits: AnalysisLimits,
  elapsed: () => number,
): Finding[] {
  const findings: Finding[] = [];
  const skipped: string[] = [];
  const ctx = createRuleContext(catalog, extracted, settings);
  for (const { code, check } of RULE_CHECKS) {
    if (elapsed() > limits.timeBudgetMs) {
      skipped.push(code);
      continue;
    }
    const found = safely(
      () => check(ctx),
      (error) => [
        failureNote(`The check ${code}`, `its problems were not looked for; the other checks ran`, error, 'warning'),
      ],
    );
    for (const finding of found) findings.push(finding);
  }
  if (skipped.length > 0) findings.push(budgetNote(limits, skipped));
  return findings;
}

function safely<T>(run: () => T, fallback: (error: unknown) => T): T {
  try {
    return run();
  } catch (error) {
    return fallback(error);
  }
}

function now(): number {
  return performance.now();
}

/**
 * One finding per problem: where the extractor already reports the value's syntax (a trailing space
 * `SET` keeps), the invalid-value finding on the same characters only repeats it. Not when the fix
 * only quotes the value (see `onlyQuotes`): the value is wrong either way. The value-syntax findings
 * are indexed by line, so a file with thousands of each is not compared pair by pair.
 */
function withoutShadowed(findings: readonly Finding[], text: string): Finding[] {
  const byLine = new Map<number, Finding[]>();
  const wide: Finding[] = [];
  let index: ReturnType<typeof createLineIndex> | undefined;
  const textAt = (r: Range) => {
    index ??= createLineIndex(text);
    return text.slice(index.offsetAt(r.start), index.offsetAt(r.end));
  };
  for (const f of findings) {
    if (f.code !== 'value-syntax' || onlyQuotes(f, textAt)) continue;
    if (f.range.end.line - f.range.start.line > 100) wide.push(f);
    else
      for (let line = f.range.start.line; line <= f.range.end.line; line++)
        byLine.set(line, [...(byLine.get(line) ?? []), f]);
  }
  if (byLine.size === 0 && wide.length === 0) return [...findings];
  const overlaps = (a: Finding, b: Finding): boolean =>
    comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
  const shadowed = (f: Finding): boolean => {
    if (wide.some((s) => overlaps(f, s))) return true;
    for (let line = f.range.start.line; line <= Math.min(f.range.end.line, f.range.start.line + 100); line++)
      if ((byLine.get(line) ?? []).some((s) => overlaps(f, s))) return true;
    return false;
  };
  return findings.filter((f) => f.code !== 'invalid-value' || !shadowed(f));
}
