/**
 * The properties every document must satisfy, as plain functions that throw an AssertionError naming
 * what went wrong. The unit suite runs them under fast-check with fixed seeds, the long run (`npm run
 * fuzz`) with random ones, and the regression suite on every saved counterexample.
 */
import assert from 'node:assert/strict';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Hover,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import { detectFormat, extractorFor } from '../../server/src/core/formats/index.js';
import { createLineIndex } from '../../server/src/core/text/lineIndex.js';
import type { LanguageService } from '../../server/src/core/languageService.js';
import type { ExtractResult, Fix, Parsers } from '../../server/src/core/types.js';
import { applyEdits } from '../helpers/applyEdits.js';
import { loadCorpus, type FuzzCase } from './corpus.js';
import { heldAsKey, KEY, leakedPart } from './secrets.js';

/** The service under test, and a second one built the same way, to show no state leaks between them. */
export interface Services {
  readonly service: LanguageService;
  readonly fresh: LanguageService;
  readonly parsers: Parsers;
}

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER, character: 0 } };
let documents = 0;

/** A URI no earlier call used, so no cache answers for the analysis. */
function freshUri(fileName: string): string {
  documents++;
  return `file:///fuzz/${documents}/${encodeURIComponent(fileName)}`;
}

/**
 * Asserts `range` is ordered and inside `text`: a position may sit at a line's end, not past it. One
 * position past the last line is allowed as an end, `{ line: lineCount, character: 0 }`: it is how a
 * range says "this line and its line break" for the last line (removal ranges use it), and the protocol's
 * text documents and every client read it as the end of the text.
 */
export function assertInside(text: string, range: Range | undefined, what: string): void {
  if (!range) return;
  const lines = text.split(/\r\n|\r|\n/);
  const check = (p: Position, end: string) => {
    if (end === 'end' && p.line === lines.length && p.character === 0) return;
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: ${end} line ${p.line} outside ${lines.length} lines`);
    const length = lines[p.line]?.length ?? 0;
    assert.ok(p.character >= 0 && p.character <= length, `${what}: ${end} ${p.line}:${p.character} past ${length}`);
  };
  check(range.start, 'start');
  check(range.end, 'end');
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: ends before it starts ${JSON.stringify(range)}`);
}

/** The extractor alone: total, ranges inside the text, the same result twice. */
export function checkExtractor(doc: FuzzCase, parsers: Parsers): void {
  const format = detectFormat(doc.fileName);
  if (!format) return;
  const extract = () => extractorFor(format)(doc.text, { fileName: doc.fileName, parsers });
  const result = extract();
  assertExtraction(doc.text, result);
  const again = extract();
  // The tree-sitter parse cap is wall-clock time: on a loaded machine one run may reach it and the next
  // not. That is the cap doing its job, not nondeterminism in the reading.
  if ([result, again].some(reachedParseCap)) return;
  assert.deepStrictEqual(again, result, `${format} extractor: a second run differs`);
}

function assertExtraction(text: string, result: ExtractResult): void {
  for (const o of result.occurrences) {
    assertInside(text, o.nameRange, `occurrence ${o.name} nameRange`);
    assertInside(text, o.valueRange, `occurrence ${o.name} valueRange`);
    assertInside(text, o.removalRange, `occurrence ${o.name} removalRange`);
  }
  for (const p of result.problems) {
    assertInside(text, p.range, `problem ${p.code}`);
    for (const fix of p.fixes ?? []) fix.edits.forEach((e) => assertInside(text, e.range, `fix "${fix.title}"`));
  }
}

/** Caret positions to probe: the start, middle and end of the first lines, and every planted key. */
function probes(text: string): Position[] {
  const lines = text.split(/\r\n|\r|\n/);
  const positions = lines.slice(0, 25).flatMap((l, line) => {
    const ends = [0, l.length >> 1, l.length];
    return ends.map((character) => ({ line, character }));
  });
  lines.forEach((l, line) => {
    for (let at = l.indexOf(KEY.slice(0, 4)); at >= 0; at = l.indexOf(KEY.slice(0, 4), at + 1)) {
      positions.push({ line, character: at }, { line, character: at + 2 });
    }
  });
  return positions;
}

interface Snapshot {
  readonly diagnostics: Diagnostic[];
  readonly actions: CodeAction[];
  readonly hovers: (Hover | null)[];
  readonly completions: CompletionItem[][];
}

/** Everything the service says about a document, asked as the editor would. */
function snapshot(service: LanguageService, doc: FuzzCase, uri = freshUri(doc.fileName)): Snapshot {
  const input = { uri, text: doc.text };
  const diagnostics = service.validate(input);
  const positions = probes(doc.text);
  return {
    diagnostics,
    actions: service.codeActions(input, WHOLE, diagnostics),
    hovers: positions.map((p) => service.hover(input, p)),
    completions: positions.map((p) => service.complete(input, p)),
  };
}

/** The whole service: nothing throws, every range it returns is inside the document, nothing is left behind. */
export function checkService(services: Services, doc: FuzzCase): void {
  const uri = freshUri(doc.fileName);
  const s = snapshot(services.service, doc, uri);
  for (const d of s.diagnostics) {
    assertInside(doc.text, d.range, `diagnostic ${String(d.code)}`);
    d.relatedInformation?.forEach((r) => assertInside(doc.text, r.location.range, `related of ${String(d.code)}`));
    fixesOf(d).forEach((fix) => fix.edits.forEach((e) => assertInside(doc.text, e.range, `fix "${fix.title}"`)));
  }
  for (const a of s.actions) editsOf(a, uri).forEach((e) => assertInside(doc.text, e.range, `action "${a.title}"`));
  s.hovers.forEach((h) => assertInside(doc.text, h?.range, 'hover'));
  for (const item of s.completions.flat()) {
    const edit = item.textEdit;
    if (edit && 'range' in edit) assertInside(doc.text, edit.range, `completion ${item.label}`);
    if (edit && 'insert' in edit) assertInside(doc.text, edit.insert, `completion ${item.label}`);
  }
  checkOthersUnaffected(services, doc);
}

/** Marks a failure that also breaks later documents: the long run saves the case as is, unshrunk. */
export const BREAKS_LATER = 'this document breaks the analysis of later ones';

const baselines = new Map<string, string>();

/**
 * Analysing `doc` leaves nothing behind: a document of the same format from the corpus (the canary)
 * gets the same findings after it as before (a parser that breaks for good, such as a WebAssembly
 * instance, shows up here, on the document that broke it).
 */
export function checkOthersUnaffected(services: Services, doc: FuzzCase): void {
  const format = detectFormat(doc.fileName);
  const canary = format ? loadCorpus().find((c) => detectFormat(c.fileName) === format) : undefined;
  if (!canary) return;
  const findings = () => {
    const uri = freshUri(canary.fileName);
    return JSON.stringify(services.fresh.validate({ uri, text: canary.text })).replaceAll(uri, 'URI');
  };
  const before = baselines.get(canary.fileName) ?? findings();
  baselines.set(canary.fileName, before);
  let after: string;
  try {
    after = findings();
  } catch (error) {
    after = String(error);
  }
  assert.equal(after, before, `${BREAKS_LATER}: ${canary.fileName} from the corpus now gets other findings`);
}

/** The same document gives the same answers: twice in a row, and in a service that never saw it. */
export function checkDeterministic(services: Services, doc: FuzzCase): void {
  const normalise = (s: Snapshot, uri: string) => JSON.parse(JSON.stringify(s).replaceAll(uri, 'URI')) as unknown;
  const uris = [freshUri(doc.fileName), freshUri(doc.fileName), freshUri(doc.fileName)];
  const first = normalise(snapshot(services.service, doc, uris[0]), uris[0] ?? '');
  const again = normalise(snapshot(services.service, doc, uris[1]), uris[1] ?? '');
  const fresh = normalise(snapshot(services.fresh, doc, uris[2]), uris[2] ?? '');
  assert.deepStrictEqual(again, first, 'a second analysis differs');
  assert.deepStrictEqual(fresh, first, 'a fresh service answers differently');
}

/**
 * Every quick fix, applied alone: the document parses as well as before, the fixed finding is gone (one
 * fewer of its code), no new error sits on the text the fix wrote (one reported before, word for word,
 * is not new: a value quoted as it was keeps its error), and no rule reports more errors on the
 * lines the fix left alone. (An error on an edited line about text the fix did not write is allowed: a
 * misspelt name corrected lets its value be checked, which reveals a problem rather than adds one.)
 * `limit` bounds the fixes tried, rule fixes first, then the "ignore" comments.
 */
export function checkFixes(services: Services, doc: FuzzCase, limit = Infinity): void {
  const { service } = services;
  const uri = freshUri(doc.fileName);
  const input = { uri, text: doc.text };
  const before = service.validate(input);
  const tried = before
    .flatMap((d) => service.codeActions(input, d.range, [d]).map((a) => ({ d, a })))
    .sort((x, y) => Number(isSuppression(x.a)) - Number(isSuppression(y.a)))
    .slice(0, limit);
  for (const { d, a } of tried) {
    const edits = editsOf(a, uri);
    const fixed = applyEdits(doc.text, edits);
    const after = service.validate({ uri: freshUri(doc.fileName), text: fixed });
    const what = `fix "${a.title}" for ${String(d.code)} at ${d.range.start.line + 1}:${d.range.start.character + 1}`;
    assert.ok(count(after, 'parse-error') <= count(before, 'parse-error'), `${what} breaks the syntax`);
    assert.ok(count(after, String(d.code)) < count(before, String(d.code)), `${what} leaves its finding`);
    const touched = touchedText(doc.text, fixed, edits);
    const onWritten = after.find(
      (x) =>
        x.severity === 1 &&
        touched.written(x.range) &&
        !reportedBefore(before, x) &&
        !exposedAsItWas(doc.text, fixed, x),
    );
    assert.equal(onWritten?.message, undefined, `${what} writes an error`);
    const elsewhere = (ds: Diagnostic[], code: string, edited: (r: Range) => boolean) =>
      ds.filter((x) => x.code === code && x.severity === 1 && !edited(x.range)).length;
    // Syntax errors move when text moves: for them the total above is what counts.
    for (const code of new Set(after.map((x) => String(x.code)).filter((c) => c !== 'parse-error'))) {
      const more = elsewhere(after, code, touched.editedAfter) > elsewhere(before, code, touched.editedBefore);
      assert.ok(!more, `${what} adds an error: ${after.find((x) => x.code === code && x.severity === 1)?.message}`);
    }
  }
}

/** Where a fix wrote: the spans of its new text in the fixed document, and the lines it edited before and after. */
function touchedText(text: string, fixed: string, edits: readonly TextEdit[]) {
  const original = createLineIndex(text);
  const result = createLineIndex(fixed);
  const sorted = [...edits].sort((x, y) => original.offsetAt(x.range.start) - original.offsetAt(y.range.start));
  const written: [number, number][] = [];
  const linesBefore: [number, number][] = [];
  const linesAfter: [number, number][] = [];
  let delta = 0;
  let end = -1;
  for (const edit of sorted) {
    const start = original.offsetAt(edit.range.start);
    const stop = original.offsetAt(edit.range.end);
    if (start < end) continue; // applyEdits skips overlapping edits too
    end = stop;
    const from = start + delta;
    written.push([from, from + edit.newText.length]);
    linesBefore.push([edit.range.start.line, edit.range.end.line]);
    linesAfter.push([result.positionAt(from).line, result.positionAt(from + edit.newText.length).line]);
    delta += edit.newText.length - (stop - start);
  }
  const within = (spans: [number, number][], line: number) => spans.some(([a, b]) => line >= a && line <= b);
  return {
    written: (r: Range) => {
      const [a, b] = [result.offsetAt(r.start), result.offsetAt(r.end)];
      return written.some(([s, e]) => e > s && a >= s && b <= e);
    },
    editedBefore: (r: Range) => within(linesBefore, r.start.line),
    editedAfter: (r: Range) => within(linesAfter, r.start.line),
  };
}

/** A planted key the document still holds as one never comes back: not in messages, fix titles, hovers or completions. */
export function checkNoLeak(services: Services, doc: FuzzCase): void {
  if (!doc.text.includes(KEY.slice(0, 8))) return;
  const s = snapshot(services.service, doc);
  const held = heldAsKey(doc, services.parsers);
  const said: [string, string][] = [
    ...s.diagnostics.flatMap((d) => [
      [`message of ${String(d.code)}`, d.message] as [string, string],
      ...(d.relatedInformation ?? []).map((r) => [`related of ${String(d.code)}`, r.message] as [string, string]),
      ...fixesOf(d).map((f) => [`fix title of ${String(d.code)}`, f.title] as [string, string]),
    ]),
    ...s.actions.map((a) => ['code action title', a.title] as [string, string]),
    ...s.hovers.map((h) => ['hover', JSON.stringify(h?.contents ?? '')] as [string, string]),
    ...s.completions
      .flat()
      .map((c) => ['completion', JSON.stringify([c.label, c.detail, c.documentation])] as [string, string]),
  ];
  for (const [where, text] of said) {
    const part = leakedPart(text, held);
    assert.equal(part, undefined, `the key leaks in the ${where}: ${text.replaceAll(part ?? KEY, '<KEY>')}`);
  }
}

function fixesOf(d: Diagnostic): readonly Fix[] {
  const fixes = (d.data as { fixes?: readonly Fix[] } | undefined)?.fixes;
  return Array.isArray(fixes) ? fixes : [];
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

function isSuppression(action: CodeAction): boolean {
  return /^Ignore\b/i.test(action.title);
}

function count(diagnostics: readonly Diagnostic[], code: string, severity?: number): number {
  return diagnostics.filter((d) => d.code === code && (severity === undefined || d.severity === severity)).length;
}

/** The same error (code and message) was reported before the fix, wherever it sat. */
function reportedBefore(before: readonly Diagnostic[], finding: Diagnostic): boolean {
  return before.some(
    (b) => b.code === finding.code && b.severity === finding.severity && b.message === finding.message,
  );
}

/**
 * A value a fix moved or re-quoted as it was (`-Ddd.x=maybe` moved before `-jar`, a quote closed
 * around a key) is read now, so its own error shows: the fix exposed it, it did not write it.
 */
function exposedAsItWas(original: string, fixed: string, finding: Diagnostic): boolean {
  if (finding.code !== 'invalid-value' && finding.code !== 'hardcoded-secret') return false;
  const index = createLineIndex(fixed);
  const text = fixed.slice(index.offsetAt(finding.range.start), index.offsetAt(finding.range.end));
  return text.trim().length > 0 && original.includes(text);
}

function reachedParseCap(result: ExtractResult): boolean {
  return result.problems.some((p) => /parser gave up on this file after/.test(p.message));
}
