/**
 * Counterexamples the fuzzer found, kept as fixtures under test/fixtures/fuzz/<name>/: the document
 * under its real file name (or `case.json` when the text does not survive UTF-8, e.g. a lone
 * surrogate), `failure.txt` saying which property failed, with what seed and error, and optionally
 * `skip.txt` giving why the case is not replayed yet (a known issue someone is fixing).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzCase } from './corpus.js';

export const REGRESSIONS = 'test/fixtures/fuzz';
const META = new Set(['failure.txt', 'skip.txt', 'case.json']);

export interface Regression {
  readonly name: string;
  readonly doc: FuzzCase;
  /** Why the case is not replayed yet, if it is not. */
  readonly skip?: string;
}

export interface Failure {
  readonly property: string;
  readonly seed: number;
  readonly error: string;
}

/** Saves a failing case; the same document under the same property is saved once. Returns its folder. */
export function saveRegression(doc: FuzzCase, failure: Failure, root = REGRESSIONS): string {
  const hash = createHash('sha256').update(doc.fileName).update('\0').update(doc.text).digest('hex').slice(0, 10);
  const slug = failure.property
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const dir = join(root, `${slug}-${hash}`);
  if (existsSync(dir)) return dir;
  mkdirSync(dir, { recursive: true });
  const survives = Buffer.from(doc.text, 'utf8').toString('utf8') === doc.text && !META.has(doc.fileName);
  if (survives) writeFileSync(join(dir, doc.fileName), doc.text);
  else writeFileSync(join(dir, 'case.json'), `${JSON.stringify(doc)}\n`);
  const error = failure.error.replace(/\s+$/, '');
  const lines = [`property: ${failure.property}`, `seed: ${failure.seed}`, `found: ${new Date().toISOString()}`, error];
  writeFileSync(join(dir, 'failure.txt'), `${lines.join('\n')}\n`);
  return dir;
}

/** Every saved counterexample, in a stable order. */
export function loadRegressions(root = REGRESSIONS): Regression[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .flatMap((name) => {
      const dir = join(root, name);
      const files = readdirSync(dir);
      const docFile = files.find((f) => !META.has(f));
      const doc: FuzzCase | undefined = files.includes('case.json')
        ? (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as FuzzCase)
        : docFile
          ? { fileName: docFile, text: readFileSync(join(dir, docFile), 'utf8') }
          : undefined;
      if (!doc) return [];
      const skip = files.includes('skip.txt') ? readFileSync(join(dir, 'skip.txt'), 'utf8').trim() : undefined;
      return [{ name, doc, ...(skip ? { skip } : {}) }];
    });
}
