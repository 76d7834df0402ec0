/**
 * Go template actions (`{{ .Values.image }}`, `{{- if .Values.x }}`) in Helm chart templates and other
 * templated YAML. The text is not YAML until rendered, so each action is masked with characters of the
 * same length before parsing (ranges into the source stay exact): an action alone on its line becomes
 * blanks, one among other text becomes a plain word. Scalars that held an action get their source text
 * back afterwards, so a value such as `{{ .Values.env | quote }}` reads as a reference, not as text.
 * GitHub Actions' `${{ ... }}` expressions are valid YAML text and are not masked.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';

/** The `[start, end)` offsets of the template actions in a text. */
export type Span = readonly [number, number];

/** `{{` not preceded by `$` (a GitHub Actions expression), up to the next `}}`, over lines. */
const ACTION = /(?<!\$)\{\{[\s\S]*?\}\}/g;

const PLACEHOLDER = '_';

/** The text with its template actions masked, or `undefined` when it has none. */
export function maskTemplates(text: string): { readonly masked: string; readonly spans: readonly Span[] } | undefined {
  const spans: Span[] = [];
  for (const match of text.matchAll(ACTION)) spans.push([match.index, match.index + match[0].length]);
  if (spans.length === 0) return undefined;
  const chars = text.split('');
  const inAction = new Uint8Array(text.length);
  for (const [start, end] of spans) inAction.fill(1, start, end);
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    // A line with nothing but actions and blanks is blank once rendered structure is set aside.
    let onlyActions = true;
    for (let i = lineStart; i < lineEnd && onlyActions; i++) {
      if (inAction[i] === 0 && !/\s/.test(text[i] ?? '')) onlyActions = false;
    }
    for (let i = lineStart; i < lineEnd; i++) {
      if (inAction[i] === 1 && text[i] !== '\r') chars[i] = onlyActions ? ' ' : PLACEHOLDER;
    }
    lineStart = lineEnd + 1;
  }
  return { masked: chars.join(''), spans };
}

/** Whether `[start, end)` overlaps a template action. */
export function overlapsTemplate(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some(([s, e]) => s < Math.max(end, start + 1) && start < e);
}

/**
 * Gives each scalar that holds a template action its source text (quotes removed) as its value, so
 * readers see `{{ .Values.image }}:{{ .Values.tag }}` rather than the mask. Iterative: nesting may be deep.
 */
export function restoreTemplateScalars(doc: Document.Parsed, text: string, spans: readonly Span[]): void {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) for (const pair of node.items) stack.push(pair.key, pair.value);
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isScalar(node) && node.range && overlapsTemplate(spans, node.range[0], node.range[1])) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
      node.value = text.slice(node.range[0] + quoted, node.range[1] - quoted);
    }
  }
}

/** `if`/`with`/`range` open a block, `else` starts its next branch, `end` closes it. */
const OPENS = /^(if|with|range|define|block)\b/;

/**
 * Which branch of the template's conditionals each offset is in: `''` outside any, else a key such as
 * `3.1` (the ids of the enclosing branches). Two settings in different branches of one `if`/`else`
 * never reach the same process together.
 */
export function templateBranches(text: string, spans: readonly Span[]): (offset: number) => string {
  const marks: { readonly at: number; readonly key: string }[] = [];
  const stack: number[] = [];
  let next = 0;
  for (const [start, end] of spans) {
    const action = text
      .slice(start + 2, end - 2)
      .replace(/^-?\s*/, '')
      .replace(/\s*-?$/, '');
    if (OPENS.test(action)) stack.push(++next);
    else if (/^else\b/.test(action) && stack.length > 0) stack[stack.length - 1] = ++next;
    else if (/^end\b/.test(action)) stack.pop();
    else continue;
    marks.push({ at: end, key: stack.join('.') });
  }
  return (offset) => {
    let key = '';
    for (const mark of marks) {
      if (mark.at > offset) break;
      key = mark.key;
    }
    return key;
  };
}
