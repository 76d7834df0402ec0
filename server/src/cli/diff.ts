/**
 * A unified diff (`diff -u`, `git diff` style) of one file before and after `--fix`, for
 * `--fix-dry-run`. Lines keep their content; control characters are escaped for the terminal (a
 * line's final `\r` stays raw, so CRLF files do not show `\x0d` on every line).
 */
import { escapeControls } from './escape.js';

const CONTEXT = 3;
/** Beyond this many cells the middle is shown as one replaced block: still a correct diff, just coarser. */
const MAX_TABLE = 4_000_000;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/** `''` when the texts are equal. `path` is shown as `a/<path>` and `b/<path>`. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const shownPath = escapeControls(path);
  const out = [`--- a/${shownPath}`, `+++ b/${shownPath}`];
  for (const hunk of hunks(ops)) out.push(...hunk);
  return `${out.join('\n')}\n`;
}

/** Lines with their terminator, so a change of line ending or a missing final newline shows. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const same = (lines: readonly string[]): Op[] => lines.map((line) => ({ kind: ' ', line }));
  const middle = lcsOps(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  return [...same(a.slice(0, prefix)), ...middle, ...same(a.slice(a.length - suffix))];
}

/** Longest common subsequence on the changed middle (small: fixes touch few lines). */
function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  if ((a.length + 1) * (b.length + 1) > MAX_TABLE) {
    return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++] ?? '' });
      j++;
    } else if (
      j < b.length &&
      (i >= a.length || (table[i * width + j + 1] ?? 0) >= (table[(i + 1) * width + j] ?? 0))
    ) {
      ops.push({ kind: '+', line: b[j++] ?? '' });
    } else {
      ops.push({ kind: '-', line: a[i++] ?? '' });
    }
  }
  return reorder(ops);
}

/** Within each changed run, removals before additions, as diff tools print them. */
function reorder(ops: Op[]): Op[] {
  const out: Op[] = [];
  let run: Op[] = [];
  const flush = () => {
    out.push(...run.filter((op) => op.kind === '-'), ...run.filter((op) => op.kind === '+'));
    run = [];
  };
  for (const op of ops) {
    if (op.kind === ' ') {
      flush();
      out.push(op);
    } else run.push(op);
  }
  flush();
  return out;
}

function* hunks(ops: readonly Op[]): Generator<string[]> {
  const changed = ops.flatMap((op, i) => (op.kind === ' ' ? [] : [i]));
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, (changed[k] ?? 0) - CONTEXT);
    let end = Math.min(ops.length, (changed[k] ?? 0) + CONTEXT + 1);
    while (k + 1 < changed.length && (changed[k + 1] ?? 0) - CONTEXT <= end) {
      k++;
      end = Math.min(ops.length, (changed[k] ?? 0) + CONTEXT + 1);
    }
    k++;
    yield hunk(ops, start, end);
  }
}

function hunk(ops: readonly Op[], start: number, end: number): string[] {
  const before = ops.slice(0, start);
  const oldStart = before.filter((op) => op.kind !== '+').length + 1;
  const newStart = before.filter((op) => op.kind !== '-').length + 1;
  const body = ops.slice(start, end);
  const oldCount = body.filter((op) => op.kind !== '+').length;
  const newCount = body.filter((op) => op.kind !== '-').length;
  const header = `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`;
  const lines = [header];
  for (const op of body) {
    const ended = op.line.endsWith('\n');
    const content = ended ? op.line.slice(0, -1) : op.line;
    const cr = content.endsWith('\r');
    lines.push(`${op.kind}${escapeControls(cr ? content.slice(0, -1) : content)}${cr ? '\r' : ''}`);
    if (!ended) lines.push('\\ No newline at end of file');
  }
  return lines;
}

/** `start,count`; an empty side starts one line earlier, as `diff -u` writes it. */
function range(start: number, count: number): string {
  return count === 0 ? `${start - 1},0` : `${start},${count}`;
}
