/**
 * Inputs that hit known, already-reported failures being fixed elsewhere (issue #6). The unit suite's
 * generators skip them so it stays green meanwhile; the long run (`npm run fuzz`) does not, so it keeps
 * finding them. Remove an entry when its fix lands, and the suite covers the case again.
 */
import { NESTINGS } from './arbitraries.js';
import type { FuzzCase } from './corpus.js';

/** Nesting this deep overflows the stack of the XML parser and breaks Prism for every later Ruby file. */
const DEEP = 200;

const KNOWN: readonly { readonly reason: string; readonly hits: (doc: FuzzCase) => boolean }[] = [
  {
    // The shell word splitter skips blanks by one definition and ends words by another (`\s`): any other
    // Unicode space (U+00A0, U+FEFF, U+2028, form feed...) stops it advancing, an endless loop
    // (found by this fuzzer; helper "robust" is fixing it in shellWords.ts).
    reason: 'a Unicode space loops the shell word splitter',
    hits: (doc) => /[^\S \t\r\n]/.test(doc.text),
  },
  {
    // A `.env` read with CR-only line ends runs the lines together, so a planted key becomes part of
    // another setting's value and is echoed (helper "secrets" is fixing it).
    reason: 'CR-only line ends in a .env echo the next lines',
    hits: (doc) => /^\.env|\.env$/.test(doc.fileName) && /\r(?!\n)/.test(doc.text),
  },
  {
    // runtime-mismatch quotes the command line that set the runtime, key and all (helper "secrets").
    reason: 'runtime-mismatch quotes a command line holding the key',
    hits: (doc) => /-Ddd\.api-key=|--api_key\s|_KEY="?[0-9a-f]{8,}"?[ \t]+\w/.test(doc.text),
  },
  {
    // A batch `set DD_API_KEY=<key> ` with a trailing space prints the key (helper "secrets").
    reason: 'a batch set with a trailing space echoes its value',
    hits: (doc) => /\.(bat|cmd)$/i.test(doc.fileName) && /^\s*set\s+"?DD_\w*KEY=[^\r\n]*[ \t]$/im.test(doc.text),
  },
  {
    // hardcoded-secret's "reference" fix writes `${DD_API_KEY}`, shell syntax, into batch files, where
    // it is literal text that then fails the key format (found by this fuzzer; reported, not fixed:
    // the secrets work is rewriting that rule).
    reason: 'the secret fix writes shell syntax into a batch file',
    hits: (doc) => /\.(bat|cmd)$/i.test(doc.fileName) && /_KEY=[0-9a-f]{8,}/i.test(doc.text),
  },
  {
    // `&#x110000;` is past Unicode: decoding it throws a RangeError (helper "robust" is fixing it).
    reason: 'a character reference past U+10FFFF',
    hits: (doc) => /&#(x[0-9a-f]{6,}|\d{7,});/i.test(doc.text),
  },
  {
    // The XML parser recurses per element (a RangeError), Prism's WebAssembly instance breaks for good
    // (helper "robust" is fixing both), and the yaml library reports its own stack overflow as syntax
    // errors at positions that vary with the stack depth left (not fixed yet: issue #6).
    reason: 'nesting deeper than the parsers recurse',
    hits: (doc) => NESTINGS.some(([open]) => doc.text.replace(/\r\n?/g, '\n').includes(open.repeat(DEEP))),
  },
];

/** Why the unit suite skips `doc` for now, or `undefined` when it does not. */
export function knownIssue(doc: FuzzCase): string | undefined {
  return KNOWN.find((k) => k.hits(doc))?.reason;
}
