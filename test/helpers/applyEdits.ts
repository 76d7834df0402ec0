import type { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Applies edits as an editor would; overlapping edits after the first are skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
  const sorted = [...edits].sort((a, b) => doc.offsetAt(a.range.start) - doc.offsetAt(b.range.start));
  const kept: TextEdit[] = [];
  let end = -1;
  for (const edit of sorted) {
    if (doc.offsetAt(edit.range.start) < end) continue;
    kept.push(edit);
    end = doc.offsetAt(edit.range.end);
  }
  return TextDocument.applyEdits(doc, kept);
}
