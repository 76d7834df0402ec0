/**
 * How deeply a YAML file nests, estimated from its text before the `yaml` library sees it. The library
 * recurses once per level: around 1,000 flow levels (`[[[…`, `{a: {a: …`) or 2,000 block levels it runs
 * out of stack, and reports the overflow as syntax errors at positions that depend on how much stack
 * its caller left, so the same file gets different findings from run to run. A file nested past
 * {@link MAX_YAML_NESTING} is not parsed at all.
 *
 * The estimate counts flow brackets outside quotes and comments, indentation levels, the `- ` /
 * `? ` indicators that open a level on the same line, and keys that follow a key on the same line; block scalars (`|`, `>`) are skipped. It may be
 * off by a few levels; real compose files and manifests nest a dozen deep, far from the limit.
 */

/** Far above any real file, far below where the library's stack runs out (~1,000 flow levels). */
export const MAX_YAML_NESTING = 200;

interface Scan {
  /** The indentations of the open block levels, innermost last. */
  readonly indents: number[];
  flow: number;
  deepest: number;
}

/** The deepest nesting seen, stopping early once it passes `cap`. */
export function yamlNestingDepth(text: string, cap = MAX_YAML_NESTING): number {
  const scan: Scan = { indents: [], flow: 0, deepest: 0 };
  let blockScalarAbove: number | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const indent = line.length - line.trimStart().length;
    const content = line.slice(indent);
    if (blockScalarAbove !== undefined && (content === '' || indent > blockScalarAbove)) continue;
    blockScalarAbove = undefined;
    if (content === '' || content.startsWith('#')) continue;
    if (scan.flow === 0) openBlock(scan, indent, content);
    // Inside an unclosed flow the library still nests `- - -` after its error: count those too.
    else scan.deepest = Math.max(scan.deepest, scan.indents.length + scan.flow + indicatorsAtStart(content));
    const rest = scanFlow(scan, content);
    if (scan.deepest > cap) return scan.deepest;
    if (scan.flow === 0 && /(^|[\s:])[|>][-+0-9]*\s*(#.*)?$/.test(rest)) blockScalarAbove = indent;
  }
  return scan.deepest;
}

/** A line at a new indentation opens a level; `- ` and `? ` at its start open one each. */
function openBlock(scan: Scan, indent: number, content: string): void {
  while (scan.indents.length > 0 && (scan.indents[scan.indents.length - 1] ?? 0) >= indent) scan.indents.pop();
  scan.indents.push(indent);
  scan.deepest = Math.max(scan.deepest, scan.indents.length + indicatorsAtStart(content));
}

/** The `- ` and `? ` indicators at the start of a line, each a level. */
function indicatorsAtStart(content: string): number {
  const indicators = /^(?:[-?](?:\s+|$))*/.exec(content)?.[0] ?? '';
  return indicators.match(/[-?]/g)?.length ?? 0;
}

/** Counts flow brackets on the line; returns the text after the last flow collection closed. */
function scanFlow(scan: Scan, content: string): string {
  const base = scan.indents.length;
  let afterFlow = 0;
  // `a: b: c: …` on one line: the library nests a mapping per key (after reporting the error).
  let keys = 0;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch === '#' && (i === 0 || content[i - 1] === ' ' || content[i - 1] === '\t')) break;
    // A quote opens a quoted scalar only where a scalar starts; inside plain text (`a"b`, `x = 'y`) it is a character.
    if ((ch === '"' || ch === "'") && startsScalar(content, i)) i = quoteEnd(content, i, ch);
    else if (ch === ':' && scan.flow === 0 && /^[ \t]|^$/.test(content.slice(i + 1, i + 2))) {
      scan.deepest = Math.max(scan.deepest, base + ++keys - 1);
    } else if (ch === '[' || ch === '{') scan.deepest = Math.max(scan.deepest, base + ++scan.flow);
    else if ((ch === ']' || ch === '}') && scan.flow > 0 && --scan.flow === 0) afterFlow = i + 1;
  }
  return content.slice(afterFlow);
}

/** Whether a scalar may start at `i`: at the line's start, or after `[`, `{`, `,` or an indicator (`: `, `- `, `? `). */
function startsScalar(content: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (content[j] === ' ' || content[j] === '\t')) j--;
  if (j < 0) return true;
  const before = content[j] ?? '';
  if ('[{,'.includes(before)) return true;
  return ':-?'.includes(before) && j < i - 1;
}

/** The index of a quoted scalar's closing quote on this line (the line's end when it continues). */
function quoteEnd(content: string, from: number, quote: string): number {
  for (let i = from + 1; i < content.length; i++) {
    if (quote === '"' && content[i] === '\\') i++;
    else if (content[i] === quote) {
      if (quote === "'" && content[i + 1] === "'") i++;
      else return i;
    }
  }
  return content.length;
}
