import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { AnalysisSettings } from '../types.js';
import type { DocumentInput, ServiceDeps } from './analyze.js';
export function complete(_deps: ServiceDeps, _doc: DocumentInput, _position: Position, _settings: AnalysisSettings): CompletionItem[] {
  return [];
}
