/**
 * The names of the files beside a document, for the core's runtime evidence (a `.env` next to a
 * `package.json`). The core never reads a directory; both adapters list it here. Listings are cached
 * per directory for `maxAgeMs` (the CLI keeps them for its run; the server re-reads after a moment, so a
 * `Gemfile` added beside an open `.env` counts on the next keystroke after it).
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** More names than any project directory holds: a listing past it is cut (the evidence is a hint). */
const MAX_NAMES = 5000;

export type SiblingLister = (path: string) => readonly string[];

/** Lists the other files in a path's directory; an unreadable directory has none. */
export function createSiblingLister(maxAgeMs = Infinity, now: () => number = Date.now): SiblingLister {
  const cache = new Map<string, { readonly at: number; readonly names: readonly string[] }>();
  return (path) => {
    const directory = dirname(path);
    const cached = cache.get(directory);
    if (cached && now() - cached.at <= maxAgeMs) return cached.names;
    let names: string[];
    try {
      names = readdirSync(directory, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .slice(0, MAX_NAMES);
    } catch {
      names = [];
    }
    if (cache.size > 1000) cache.clear();
    cache.set(directory, { at: now(), names });
    return names;
  };
}

/** The sibling names of a `file:` URI's document; none for other schemes (an unsaved buffer, a diff view). */
export function siblingsOfUri(list: SiblingLister, uri: string): readonly string[] | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return list(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
