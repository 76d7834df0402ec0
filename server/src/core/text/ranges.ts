import type { Position, Range } from '../types.js';

/** Whether `position` lies inside `range`, ends included (a caret right after a name still "touches" it). */
export function touches(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
