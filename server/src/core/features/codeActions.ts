/**
 * Quick fixes, rebuilt from each diagnostic's `data` and the document text alone (no re-analysis):
 * the fixes a rule attached, plus "ignore this rule on this line / in this file", which insert the
 * suppression comment in the format's own comment syntax. A fix whose text moved on is dropped.
 */
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';
import { comparePositions } from '../text/ranges.js';
import type { Fix } from '../types.js';
import { fileNameOf, formatOf, type DocumentInput } from './analyze.js';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics.js';
import { commentsAllowed, suppressionEdits } from './suppressionEdits.js';
import { screenText } from './limits.js';
import { logicalLineStarts } from './logicalLines.js';

export function codeActions(doc: DocumentInput, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const index = createLineIndex(doc.text);
  // A refused file (binary, too large) is never read, so a suppression comment in it would change nothing.
  const format = screenText(doc.text) ? undefined : formatOf(doc);
  const actions: CodeAction[] = [];
  let starts: number[] | undefined; // computed once, for the first suppression
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !overlaps(diagnostic.range, range)) continue;
    for (const fix of fixesOf(diagnostic)) {
      if (!fix.edits.every((edit) => stillHolds(doc.text, index, edit))) continue;
      const fixAction = action(doc.uri, fix.title, diagnostic, fix.edits, fix.preferred === true);
      // `data.safeFix` tells batch fixers (the CLI's --fix) which actions need no human choice.
      actions.push(fix.safe === true ? { ...fixAction, data: { safeFix: true } } : fixAction);
    }
    const code = String(diagnostic.code ?? '');
    if (format && code && commentsAllowed(format, fileNameOf(doc.uri))) {
      starts ??= logicalLineStarts(doc.text.split(/\r\n|\r|\n/), format === 'xmlConfig');
      const line = onALine(code, diagnostic.range) ? diagnostic.range.start.line : undefined;
      for (const { title, edit } of suppressionEdits(doc.text, index, format, code, line, starts)) {
        actions.push(action(doc.uri, title, diagnostic, [edit], false));
      }
    }
  }
  return actions;
}

function fixesOf(diagnostic: Diagnostic): readonly Fix[] {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}

function stillHolds(text: string, index: LineIndex, edit: Fix['edits'][number]): boolean {
  if (edit.expected === undefined) return true;
  return text.slice(index.offsetAt(edit.range.start), index.offsetAt(edit.range.end)) === edit.expected;
}

/**
 * Whether "ignore on this line" can silence the finding. Notes about the whole file (not analysed, too
 * large, expansion cut short) sit in an empty range at its very start, where no directive line can
 * precede them. And a directive line inserted into broken syntax moves where the parser reports the
 * error, so a syntax error is only ignored file-wide.
 */
function onALine(code: string, range: Range): boolean {
  const { start, end } = range;
  const wholeFile = start.line === 0 && start.character === 0 && end.line === 0 && end.character === 0;
  return !wholeFile && code !== 'parse-error';
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

function action(
  uri: string,
  title: string,
  diagnostic: Diagnostic,
  edits: readonly TextEdit[],
  preferred: boolean,
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: edits.map(({ range, newText }) => ({ range, newText })) } },
    ...(preferred ? { isPreferred: true } : {}),
  };
}
