/**
 * Fixtures whose caret is marked `$0`: every file below a folder, except golden outputs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withCaret } from '../helpers/service.js';

export function caretFixtures(root: string) {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return /\.golden\.(json|md)$/.test(name) ? [] : [path];
    });
  return walk(root).map((path) => ({
    path,
    ...withCaret(pathToFileURL(resolve(path)).href, readFileSync(path, 'utf8')),
  }));
}
