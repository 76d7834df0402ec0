import type { Hover, Position } from 'vscode-languageserver-types';
import type { AnalysisSettings } from '../types.js';
import type { DocumentInput, ServiceDeps } from './analyze.js';
export function hover(_deps: ServiceDeps, _doc: DocumentInput, _position: Position, _settings: AnalysisSettings): Hover | null {
  return null;
}
