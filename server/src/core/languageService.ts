/**
 * The core's public surface: one object that takes document text and returns plain LSP data.
 * It never sees a connection, a file system or the process, so the language server, the CLI and the
 * tests all drive the same code. Everything it returns passes through the document's secret mask.
 */
import type { CodeAction, CompletionItem, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import type { Catalog } from './catalog/catalog.js';
import type { AnalysisSettings, Finding, FormatId, Parsers } from './types.js';
import { analyzeDocument, extractDocument, type DocumentInput, type ServiceDeps } from './features/analyze.js';
import { toDiagnostic } from './features/diagnostics.js';
import { complete } from './features/complete.js';
import { hover } from './features/hover.js';
import { codeActions } from './features/codeActions.js';
import { createMask, documentMask, maskFinding, type SecretMask } from './features/mask.js';
import { maskCodeActions, maskCompletions, maskHover, maskSetupChoices, maskSetupPlan } from './features/maskLsp.js';
import { setupHint, type SetupHint } from './features/setup/hint.js';
import {
  planSetup,
  setupChoices,
  type SetupChoices,
  type SetupPlan,
  type SetupRequest,
} from './features/setup/plan.js';

export type { DocumentInput } from './features/analyze.js';
export type { SetupHint } from './features/setup/hint.js';
export type { SetupChoices, SetupPlan, SetupRequest, SetupTarget, SetupChange } from './features/setup/plan.js';

export interface Analysis {
  /** `undefined` when the file is not a format the tool checks. */
  readonly format: FormatId | undefined;
  /** Findings after suppressions and configured severities, sorted by position. */
  readonly findings: readonly Finding[];
}

export interface LanguageService {
  /** All findings for a document, for the CLI. */
  analyze(doc: DocumentInput, settings?: AnalysisSettings): Analysis;
  /** The same findings as LSP diagnostics (code, codeDescription, typed data). */
  validate(doc: DocumentInput, settings?: AnalysisSettings): Diagnostic[];
  complete(doc: DocumentInput, position: Position, settings?: AnalysisSettings): CompletionItem[];
  hover(doc: DocumentInput, position: Position, settings?: AnalysisSettings): Hover | null;
  /** Quick fixes rebuilt from the diagnostics' `data` and the document text alone. */
  codeActions(doc: DocumentInput, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  /** "Enable Datadog profiling…": the runtimes and places that fit the file; `undefined` for other files. */
  setupChoices(doc: DocumentInput, settings?: AnalysisSettings): SetupChoices | undefined;
  /**
   * `text` with the document's secrets masked, for adapters that echo document content themselves
   * (a `--fix-dry-run` diff, a log line).
   */
  redact(doc: DocumentInput, text: string): string;
  /** The structural edit that enables the profiler for one runtime in one place. */
  planSetup(doc: DocumentInput, request: SetupRequest): SetupPlan;
  /** Where a file that sets up a tracer but not the profiler should offer the setup (a CodeLens). */
  setupHint(doc: DocumentInput): SetupHint | undefined;
}

export interface LanguageServiceOptions {
  readonly catalog: Catalog;
  /** Parsers that need asynchronous loading (Prism), passed in by the adapter. */
  readonly parsers?: Parsers;
}

/** Creates the service. Caches, if any, live inside the returned object. */
export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const deps: ServiceDeps = { catalog: options.catalog, parsers: options.parsers ?? {}, extractions: new Map() };
  const maskOf = createMaskCache(deps);
  const analyze = (doc: DocumentInput, settings: AnalysisSettings): Analysis => {
    const { format, findings } = analyzeDocument(deps, doc, settings);
    const mask = maskOf(doc);
    return { format, findings: findings.map((finding) => maskFinding(mask, finding)) };
  };
  return {
    analyze: (doc, settings = {}) => analyze(doc, settings),
    validate: (doc, settings = {}) => analyze(doc, settings).findings.map((finding) => toDiagnostic(finding, doc.uri)),
    complete: (doc, position, settings = {}) => maskCompletions(maskOf(doc), complete(deps, doc, position, settings)),
    hover: (doc, position, settings = {}) => maskHover(maskOf(doc), hover(deps, doc, position, settings)),
    codeActions: (doc, range, diagnostics) => maskCodeActions(maskOf(doc), codeActions(doc, range, diagnostics)),
    redact: (doc, text) => maskOf(doc).text(text),
    setupChoices: (doc, settings = {}) => maskSetupChoices(maskOf(doc), setupChoices(deps, doc, settings)),
    planSetup: (doc, request) => maskSetupPlan(maskOf(doc), planSetup(deps, doc, request)),
    setupHint: (doc) => setupHint(deps, doc),
  };
}

/** One mask per extraction: hovers and completions ask for it at every caret move. */
function createMaskCache(deps: ServiceDeps): (doc: DocumentInput) => SecretMask {
  const masks = new WeakMap<object, SecretMask>();
  const none = createMask([]);
  return (doc) => {
    const document = extractDocument(deps, doc);
    if (!document) return none;
    let mask = masks.get(document);
    if (!mask) {
      mask = documentMask(deps.catalog, doc.text, document.extracted.occurrences);
      masks.set(document, mask);
    }
    return mask;
  };
}
