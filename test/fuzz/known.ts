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
 * on a string literal never closed (no in-place reference is offered for it).
 */
import type { FuzzCase } from './corpus.js';

const KNOWN: readonly { readonly reason: string; readonly hits: (doc: FuzzCase) => boolean }[] = [
  {
    // A dotenv quoting fix writes a `"` (or `'`) below a value whose quote is never closed: dotenv then
    // reads on to that quote and swallows the lines between (error on a line the fix left alone). The
    // quoting fixes should pick the quote that no earlier open one is waiting for.
    reason: 'dotenv quoting fix below an unclosed quote',
    hits: (doc) => /\.env/i.test(doc.fileName) && quotableBelowUnclosedQuote(doc.text),
  },
];

/** A line with an unclosed quote, then a later unquoted value with inner spaces or a `#` (which get quoting fixes). */
function quotableBelowUnclosedQuote(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  const open = lines.findIndex((line) => /^\s*(export\s+)?[\w.]+\s*=\s*(["'])(?:(?!\2).)*$/.test(line));
  return (
    open >= 0 && lines.slice(open + 1).some((line) => /^\s*(export\s+)?[\w.]+\s*=\s*[^"'\s].*(\s\S|\S#)/.test(line))
  );
}

/** Why the suites skip `doc` for now, or `undefined` when they do not. */
export function knownIssue(doc: FuzzCase): string | undefined {
  return KNOWN.find((k) => k.hits(doc))?.reason;
}
