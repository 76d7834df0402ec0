/**
 * The language service as the adapters build it: the shipped catalog and the real parsers.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  createLanguageService,
  type DocumentInput,
  type LanguageService,
} from '../../server/src/core/languageService.js';
import { loadDefaultCatalog } from '../../server/src/node/catalogFiles.js';
import { loadAllParsers as loadParsers } from './parsers.js';

let service: Promise<LanguageService> | undefined;

export function realService(): Promise<LanguageService> {
  const loaded =
    service ??
    // Every grammar up front, as the adapters load each before the first file of its format.
    loadParsers().then((parsers) => createLanguageService({ catalog: loadDefaultCatalog(), parsers }));
  service = loaded;
  return loaded;
}

/** A fixture file as a document; the URI keeps the real file name, which decides the format. */
export function fixtureDocument(path: string): DocumentInput {
  const absolute = resolve(path);
  return { uri: pathToFileURL(absolute).href, text: readFileSync(absolute, 'utf8') };
}

/**
 * A document whose caret is marked `$0` in the text: returns the text without the marker and the
 * caret position.
 */
export function withCaret(uri: string, marked: string) {
  const offset = marked.indexOf('$0');
  if (offset < 0) throw new Error('no $0 caret marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 2);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  const position = { line: before.length - 1, character: before[before.length - 1]?.length ?? 0 };
  return { doc: { uri, text }, position };
}
