/**
 * `--fix`: applies the quick fixes that need no human choice, through the same code actions the editor
 * offers. An action qualifies when the core marks it preferred and safe (`data.safeFix`: normalising a
 * value, a deprecated name's replacement, a name's case, quoting, argument order), never one that
 * deletes data, moves a secret or picks one of several candidates. One pass applies every qualifying
 * fix whose edits do not overlap another's; passes repeat until nothing changes, since one fix can
 * reveal or unblock another. Only the edited ranges change: line endings and every other character
 * stay as they were.
 */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DocumentInput, LanguageService } from '../core/languageService.js';
import { createLineIndex } from '../core/text/lineIndex.js';
import type { AnalysisSettings } from '../core/types.js';

/** Enough for chains of dependent fixes; a pass that changes nothing ends the loop sooner. */
const MAX_PASSES = 10;

export interface FixResult {
  readonly text: string;
  /** The rule id of each fix applied, in order. */
  readonly fixed: readonly string[];
}

/** The text with every safe fix applied, rerun until stable. */
export function fixText(service: LanguageService, input: DocumentInput, settings: AnalysisSettings): FixResult {
  const { text } = input;
  const fixed: string[] = [];
  const seen = new Set<string>([text]);
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const doc = { ...input, text: current };
    const diagnostics = service.validate(doc, settings);
    const chosen = chooseEdits(safeActions(service.codeActions(doc, everything(), diagnostics)), current);
    if (chosen.edits.length === 0) break;
    const next = applyEdits(current, chosen.edits);
    // A fix that undoes another would loop forever: stop at the first text seen before.
    if (seen.has(next)) break;
    seen.add(next);
    fixed.push(...chosen.rules);
    current = next;
  }
  return { text: current, fixed };
}

/** The preferred, safe action of each diagnostic (at most one per diagnostic). */
function safeActions(actions: readonly CodeAction[]): CodeAction[] {
  const byDiagnostic = new Map<Diagnostic, CodeAction>();
  for (const action of actions) {
    const diagnostic = action.diagnostics?.[0];
    const safe = (action.data as { safeFix?: unknown } | undefined)?.safeFix === true;
    if (diagnostic && action.isPreferred === true && safe && !byDiagnostic.has(diagnostic))
      byDiagnostic.set(diagnostic, action);
  }
  return [...byDiagnostic.values()];
}

/** Whole actions whose edits overlap none already taken; the rest wait for the next pass. */
function chooseEdits(actions: readonly CodeAction[], text: string): { edits: OffsetEdit[]; rules: string[] } {
  const index = createLineIndex(text);
  const taken: OffsetEdit[] = [];
  const rules: string[] = [];
  for (const action of actions) {
    const edits = Object.values(action.edit?.changes ?? {})
      .flat()
      .map((edit: TextEdit) => ({
        start: index.offsetAt(edit.range.start),
        end: index.offsetAt(edit.range.end),
        newText: edit.newText,
      }));
    if (edits.length === 0 || edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...edits);
    rules.push(String(action.diagnostics?.[0]?.code ?? ''));
  }
  return { edits: taken, rules };
}

interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Two edits conflict when their ranges intersect, or both insert at the same point (order unknown). */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

function everything() {
  const end = { line: Number.MAX_SAFE_INTEGER, character: 0 };
  return { start: { line: 0, character: 0 }, end };
}
