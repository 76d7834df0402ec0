/**
 * Golden files: the expected output of a fixture, stored beside it and reviewed as a diff.
 * `UPDATE_GOLDEN=1` rewrites them on purpose; otherwise a mismatch fails with a whole-object diff.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const updating = process.env.UPDATE_GOLDEN === '1';

/** Compares `actual` (JSON-serialisable) with the golden file at `path`. */
export function assertGolden(path: string, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (updating || !existsSync(path)) {
    if (!updating && process.env.CI) assert.fail(`missing golden file ${path} (run with UPDATE_GOLDEN=1)`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  assert.deepStrictEqual(JSON.parse(text), JSON.parse(readFileSync(path, 'utf8')), `golden mismatch: ${path}`);
}

/** Compares text output (CLI reports, fixed documents) with a golden text file. */
export function assertGoldenText(path: string, actual: string): void {
  if (updating || !existsSync(path)) {
    if (!updating && process.env.CI) assert.fail(`missing golden file ${path} (run with UPDATE_GOLDEN=1)`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `golden mismatch: ${path}`);
}
