/**
 * Splits shell text into words with their source offsets: quotes ('…' literal, "…" with escapes),
 * backslash escapes and line continuations, `$(…)`/`${…}` kept inside their word, `#` comments at a
 * word start, and the control operators `&&`, `||`, `;`, `|`, `&` as their own words. Enough of POSIX
 * word splitting for assignments and command lines; no npm shell parser works synchronously with
 * positions on Node 20 (the ones that do are WebAssembly builds that load asynchronously).
 */
export interface ShellWord {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** Whether any part was quoted with `'`, which stops `$` expansion. */
  readonly singleQuoted: boolean;
  /** Whether the word contains an unquoted or double-quoted `$` (an expansion). */
  readonly expands: boolean;
}

/** Splits one logical line (from `start` up to an unescaped newline) into words; returns them and where the line ends. */
export function splitShellLine(text: string, start: number): { words: ShellWord[]; end: number } {
  const words: ShellWord[] = [];
  let at = start;
  for (;;) {
    while (
      text[at] === ' ' ||
      text[at] === '\t' ||
      (text[at] === '\\' && (text[at + 1] === '\n' || text[at + 1] === '\r'))
    ) {
      at += text[at] === '\\' ? (text[at + 1] === '\r' && text[at + 2] === '\n' ? 3 : 2) : 1;
    }
    const ch = text[at];
    if (ch === undefined || ch === '\n' || ch === '\r') break;
    if (ch === '#') {
      while (at < text.length && text[at] !== '\n') at++;
      break;
    }
    const operator = /^(&&|\|\||;|\||&)/.exec(text.slice(at, at + 2))?.[0];
    if (operator) {
      words.push({ value: operator, start: at, end: at + operator.length, singleQuoted: false, expands: false });
      at += operator.length;
      continue;
    }
    const word = readWord(text, at);
    // Every turn consumes at least one character, whatever readWord makes of it.
    if (word.end <= at) {
      at++;
      continue;
    }
    words.push(word);
    at = word.end;
  }
  const end = text.indexOf('\n', at);
  return { words, end: end < 0 ? text.length : end + 1 };
}

/**
 * What ends an unquoted word: the shell's blanks (space and tab only: a no-break space or a form feed
 * is an ordinary character to bash), line ends and the control operators.
 */
const BREAKS = new Set([' ', '\t', '\n', '\r', ';', '&', '|']);

function readWord(text: string, start: number): ShellWord {
  let value = '';
  let at = start;
  let singleQuoted = false;
  let expands = false;
  let depth = 0;
  while (at < text.length) {
    const ch = text[at] as string;
    if (depth === 0 && (BREAKS.has(ch) || (ch === '\\' && (text[at + 1] === '\n' || text[at + 1] === '\r')))) break;
    if (ch === "'" && depth === 0) {
      const close = text.indexOf("'", at + 1);
      const end = close < 0 ? text.length : close;
      value += text.slice(at + 1, end);
      singleQuoted = true;
      at = end + 1;
    } else if (ch === '"' && depth === 0) {
      let i = at + 1;
      for (; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length) value += text[++i];
        else {
          if (text[i] === '$') expands = true;
          value += text[i];
        }
      }
      at = i + 1;
    } else if (ch === '\\') {
      value += text[at + 1] ?? '';
      at += 2;
    } else {
      if (ch === '$') expands = true;
      if (ch === '(' && text[at - 1] === '$') depth++;
      else if (ch === ')' && depth > 0) depth--;
      value += ch;
      at++;
    }
  }
  return { value, start, end: Math.min(at, text.length), singleQuoted, expands };
}
