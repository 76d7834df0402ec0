/**
 * value-syntax (from the rules; extractors raise the format-specific cases): text in a value that the
 * writer meant as syntax but the runtime reads as part of the value.
 * - Typographic quotes (`“prod”`, `‘x’`, pasted from a document or chat) are characters, not quoting:
 *   the tracer reads `“prod”` with the quotes.
 * - `$(VAR)` is not expanded by Dockerfile `ENV`, `.env` loaders, `SET`, ini or XML files; and
 *   Kubernetes expands it only from variables defined earlier in the same container's `env`.
 * - ` # comment` after a value is kept where `#` does not start a comment (`SET` in a batch file).
 */
import type { Finding, Fix, Range, SettingOccurrence } from '../types.js';
import { displayName } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { replaceValueFix } from './fixes.js';
import { comparePositions } from '../text/ranges.js';

/** Opening and closing typographic quotes and guillemets. */
const TYPOGRAPHIC_QUOTES = /^[“”„‟«»‘’‚‛〝〞＂]|[“”„‟«»‘’‚‛〝〞＂]$/;
const COMMAND_OR_VARIABLE = /(^|[^$])\$\(([^)]*)\)/;

/**
 * Whether value-syntax reports this literal value (typographic quotes, `$(…)` left as text): the
 * value inside is checked once that is fixed, not reported twice.
 */
export function valueSyntaxFirst(value: string): boolean {
  return TYPOGRAPHIC_QUOTES.test(value.trim()) || COMMAND_OR_VARIABLE.test(value);
}

/**
 * Whether a value-syntax finding's fix only puts quotes around what it replaces (`a b` -> `"a b"`), so
 * the value read stays what it was: a problem with that value is not explained by the syntax and is
 * reported beside it, rather than shadowed and revealed only once the fix is applied.
 * `textAt` gives the document's text in a range.
 */
export function onlyQuotes(finding: Finding, textAt: (range: Range) => string): boolean {
  const fixes = finding.fixes ?? [];
  return fixes.length > 0 && fixes.every((fix) => fixOnlyQuotes(fix, textAt));
}

function fixOnlyQuotes(fix: Fix, textAt: (range: Range) => string): boolean {
  return fix.edits.every((edit) => {
    const quote = edit.newText[0];
    if ((quote !== '"' && quote !== "'") || edit.newText.length < 2 || !edit.newText.endsWith(quote)) return false;
    const inner = edit.newText.slice(1, -1);
    return (quote === '"' ? inner.replace(/\\(["\\])/g, '$1') : inner) === textAt(edit.range);
  });
}

export const valueSyntax: Rule = (ctx) =>
  ctx.occurrences.flatMap((occurrence) => {
    // Only Datadog settings: other variables' values are not this tool's business.
    if (occurrence.value === undefined || occurrence.valueKind === 'none' || !ctx.settingOf(occurrence)) return [];
    const finding = typographicQuotes(ctx, occurrence) ?? unexpanded(ctx, occurrence) ?? keptComment(ctx, occurrence);
    return finding ? [finding] : [];
  });

function typographicQuotes(ctx: RuleContext, occurrence: SettingOccurrence): Finding | undefined {
  const value = occurrence.value ?? '';
  if (occurrence.valueKind !== 'literal' || !TYPOGRAPHIC_QUOTES.test(value.trim())) return undefined;
  const inner = value.trim().replace(new RegExp(TYPOGRAPHIC_QUOTES.source, 'g'), '');
  const secret = ctx.settingOf(occurrence)?.secret === true;
  const name = displayName(occurrence.surface, occurrence.name);
  const seen = secret ? 'the key with the quote characters' : `\`${value.trim()}\`, quotes included`;
  const fix = secret ? undefined : replaceValueFix(occurrence, inner, 'Remove the typographic quotes');
  return {
    code: 'value-syntax',
    severity: 'warning',
    message: `The value of \`${name}\` has typographic quotes, which are characters, not quoting: the tracer reads ${seen}. Use straight quotes or none.`,
    range: occurrence.valueRange ?? occurrence.nameRange,
    ...(fix ? { fixes: [fix] } : {}),
  };
}

function unexpanded(ctx: RuleContext, occurrence: SettingOccurrence): Finding | undefined {
  const match = COMMAND_OR_VARIABLE.exec(occurrence.value ?? '');
  if (!match) return undefined;
  const text = `$(${match[2] ?? ''})`;
  const name = displayName(occurrence.surface, occurrence.name);
  const range = occurrence.valueRange ?? occurrence.nameRange;
  if (occurrence.valueKind === 'literal') {
    return {
      code: 'value-syntax',
      severity: 'warning',
      message: `\`${text}\` in \`${name}\` is not expanded here: nothing in this file runs commands or expands \`$(…)\`, so the tracer reads the text \`${text}\` itself.`,
      range,
    };
  }
  const variable = match[2] ?? '';
  if (!occurrence.scope.startsWith('k8s:') || !definedOnlyLater(ctx, occurrence, variable)) return undefined;
  return {
    code: 'value-syntax',
    severity: 'warning',
    message: `Kubernetes expands \`${text}\` only from variables defined earlier in the container's \`env\`; \`${variable}\` is defined below \`${name}\`, so the tracer reads the text \`${text}\`. Move \`${variable}\` above it.`,
    range,
  };
}

/** The variable is set in the same container, but only after this entry. */
function definedOnlyLater(ctx: RuleContext, occurrence: SettingOccurrence, variable: string): boolean {
  const index = ctx.occurrences.indexOf(occurrence);
  const sameName = (o: SettingOccurrence) => o.scope === occurrence.scope && o.surface === 'env' && o.name === variable;
  return !ctx.occurrences.slice(0, index).some(sameName) && ctx.occurrences.slice(index + 1).some(sameName);
}

function keptComment(ctx: RuleContext, occurrence: SettingOccurrence): Finding | undefined {
  const value = occurrence.value ?? '';
  if (occurrence.valueKind !== 'literal' || occurrence.quoting !== 'none' || !/\s#/.test(value)) return undefined;
  const range = occurrence.valueRange;
  if (!range || quotedInSource(range, value)) return undefined;
  if (ctx.syntaxProblems.some((p) => p.code === 'value-syntax' && overlaps(p.range, range))) return undefined;
  const secret = ctx.settingOf(occurrence)?.secret === true;
  const name = displayName(occurrence.surface, occurrence.name);
  const seen = secret ? 'the key followed by the comment' : `\`${value}\``;
  const fix = secret ? undefined : replaceValueFix(occurrence, value.replace(/\s+#.*$/, ''), 'Remove the comment');
  return {
    code: 'value-syntax',
    severity: 'warning',
    message: `\`#\` does not start a comment in the value of \`${name}\`: the tracer reads ${seen}, comment included. Put the comment on its own line.`,
    range,
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/** The source text is longer than the value: it was quoted (or escaped), so the `#` was written on purpose. */
function quotedInSource(range: Range, value: string): boolean {
  return range.start.line !== range.end.line || range.end.character - range.start.character !== value.length;
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
