/**
 * Inputs that hit known, already-reported failures not fixed yet (issue #6). The unit suite's generators
 * skip them so it stays green meanwhile, and so does the long run unless `--include-known`; each has a
 * saved case under test/fixtures/fuzz/ with a skip.txt. Remove an entry when its fix lands (and the
 * skip.txt files), and the suites cover the case again.
 *
 * Fixed and removed since fuzzing started: Unicode spaces looping the shell word splitter, XML nesting
 * overflowing the parser's stack, `&#x110000;`, Prism left broken after a crash, CR-only `.env` lines
 * and `runtime-mismatch` echoing a planted key, the batch secret fix writing shell syntax, Prism
 * hanging on Ruby nested ~200 deep (now measured first: formats/rubyDepth.ts), the yaml library's stack
 * overflowing on YAML nested ~1000 deep (measured first too: formats/yamlDepth.ts), the Ruby secret fix
 * on a string literal never closed (no in-place reference is offered for it),
 * dotenv quoting fixes below a quote never closed (they write the other quote, or none).
 */
import type { FuzzCase } from './corpus.js';

const KNOWN: readonly { readonly reason: string; readonly hits: (doc: FuzzCase) => boolean }[] = [];

/** Why the suites skip `doc` for now, or `undefined` when they do not. */
export function knownIssue(doc: FuzzCase): string | undefined {
  return KNOWN.find((k) => k.hits(doc))?.reason;
}
