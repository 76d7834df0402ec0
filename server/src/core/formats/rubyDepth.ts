/**
 * How deeply a Ruby file nests, estimated from its tokens before Prism sees it. Prism (WebAssembly)
 * does not crash on deep nesting, it hangs: about 200 nested blocks take it over 30 s, and a hang
 * cannot be interrupted in-process. So a file nested past {@link MAX_RUBY_NESTING} is not parsed.
 *
 * The estimate skips comments and simple string literals and counts brackets and the keywords that
 * open a body (`do`, `begin`, `def`, `class`, `module`, `case`, loops, and `if`/`unless` that start a
 * statement) against `end` and closing brackets. It may be off by a few levels on heredocs or
 * `%w(...)` literals; real configuration files nest a handful deep, far from the limit.
 */

/** Far above any real file, well below where Prism stops answering (~200). */
export const MAX_RUBY_NESTING = 120;

/** Prefix operators nest too (`<!--<!--…` is `<`, `!`, `-`, `-` each applied to the rest): Prism hangs on ~600. */
const MAX_OPERATOR_RUN = 200;
/**
 * Operators on one line: Prism parses a chain (`<a><a><a>…`, `1 + 1 + …`) in a loop, but the tree it
 * returns is as deep as the chain, and walking that in JavaScript overflows at a depth that changes as
 * the code is optimised (~2,000 `<a>`): the same file would parse one time and not the next.
 */
const MAX_LINE_OPERATORS = 1000;
const OPERATORS = new Set([...'!~-+*&<>=%^|/']);

const OPENERS = new Set(['do', 'begin', 'def', 'class', 'module', 'case', 'while', 'until', 'for']);
const STATEMENT_OPENERS = new Set(['if', 'unless']);

/** The deepest nesting seen, stopping early once it passes `cap`. */
export function rubyNestingDepth(text: string, cap = MAX_RUBY_NESTING): number {
  let depth = 0;
  let deepest = 0;
  let statementStart = true;
  let operatorRun = 0;
  let lineOperators = 0;
  for (let i = 0; i < text.length && deepest <= cap;) {
    const ch = text[i]!;
    operatorRun = OPERATORS.has(ch) ? operatorRun + 1 : 0;
    lineOperators = ch === '\n' ? 0 : lineOperators + (OPERATORS.has(ch) ? 1 : 0);
    if (operatorRun > MAX_OPERATOR_RUN || lineOperators > MAX_LINE_OPERATORS) return cap + 1;
    if (ch === '#') {
      i = lineEnd(text, i);
    } else if (ch === '"' || ch === "'" || ch === '`') {
      i = stringEnd(text, i, ch);
      statementStart = false;
    } else if (ch === '(' || ch === '[' || ch === '{') {
      deepest = Math.max(deepest, ++depth);
      statementStart = true;
      i++;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      depth = Math.max(0, depth - 1);
      statementStart = false;
      i++;
    } else if (isWordStart(ch)) {
      const end = wordEnd(text, i);
      const word = text.slice(i, end);
      const afterDot = i > 0 && text[i - 1] === '.';
      if (!afterDot && (OPENERS.has(word) || (statementStart && STATEMENT_OPENERS.has(word)))) {
        deepest = Math.max(deepest, ++depth);
      } else if (!afterDot && word === 'end') {
        depth = Math.max(0, depth - 1);
      }
      statementStart = word === 'then' || word === 'else' || word === 'do';
      i = end;
    } else {
      if (ch === '\n' || ch === ';' || ch === '=') statementStart = true;
      else if (ch !== ' ' && ch !== '\t' && ch !== '\r') statementStart = false;
      i++;
    }
  }
  return deepest;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The index after a string's closing quote; an unclosed string ends at its line's end. */
function stringEnd(text: string, from: number, quote: string): number {
  for (let i = from + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === quote) return i + 1;
    else if (ch === '\n' && quote !== '`') return i;
  }
  return text.length;
}

function isWordStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[A-Za-z0-9_?!]/.test(text[i]!)) i++;
  return i;
}
