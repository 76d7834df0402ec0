import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { DocumentInput } from './analyze.js';
export function codeActions(_doc: DocumentInput, _range: Range, _diagnostics: readonly Diagnostic[]): CodeAction[] {
  return [];
}
