/**
 * Inputs that hit known, already-reported failures not fixed yet (issue #6). The unit suite's generators
 * skip them so it stays green meanwhile, and so does the long run unless `--include-known`; each has a
 * saved case under test/fixtures/fuzz/ with a skip.txt. Remove an entry when its fix lands (and the
 * skip.txt files), and the suites cover the case again.
 *
 * Fixed and removed since fuzzing started: Unicode spaces looping the shell word splitter, XML nesting
 * overflowing the parser's stack, `&#x110000;`, Prism left broken after a crash, CR-only `.env` lines
 * and `runtime-mismatch` echoing a planted key, the batch secret fix writing shell syntax, Prism
 * hanging on Ruby nested ~200 deep (now measured first: formats/rubyDepth.ts).
 */
import { NESTINGS } from './arbitraries.js';
import type { FuzzCase } from './corpus.js';

const KNOWN: readonly { readonly reason: string; readonly hits: (doc: FuzzCase) => boolean }[] = [
  {
    // The yaml library reports its own stack overflow on flow collections nested ~1000 deep as syntax
    // errors at positions that vary with the stack left: not deterministic.
    reason: 'YAML nested deeper than the yaml library recurses',
    hits: (doc) => /\.ya?ml$/i.test(doc.fileName) && nested(doc.text, 200),
  },
];

/** Whether one of the fuzzer's nestings is repeated `depth` times in a row (whatever the line ends). */
function nested(text: string, depth: number): boolean {
  const normalised = text.replace(/\r\n?/g, '\n');
  return NESTINGS.some(([open]) => normalised.includes(open.repeat(depth)));
}

/** Why the suites skip `doc` for now, or `undefined` when they do not. */
export function knownIssue(doc: FuzzCase): string | undefined {
  return KNOWN.find((k) => k.hits(doc))?.reason;
}
