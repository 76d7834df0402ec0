/**
 * An empty `DD_SERVICE`, `DD_ENV` or `DD_VERSION` (part of invalid-value). Empty is not unset: the
 * variable exists, so it hides a value from a base image or from the Datadog Admission Controller
 * (which injects unified service tags only into containers that do not set them), and the profiles
 * lose the tag that groups them.
 *
 * Only the value that wins is checked (an `ARG DD_VERSION=` followed by `ENV DD_VERSION=$DD_VERSION`
 * is fine), and a scope whose values are mostly empty is a template to fill in, not a configuration.
 */
import type { Finding, SettingOccurrence } from '../types.js';
import { displayName } from '../text/names.js';
import { canonicalName } from './canonicalName.js';
import type { RuleContext } from './context.js';

const UNIFIED_TAGS: Readonly<Record<string, string>> = {
  DD_SERVICE: 'service',
  DD_ENV: 'env',
  DD_VERSION: 'version',
};

export function emptyUnifiedTag(ctx: RuleContext, occurrence: SettingOccurrence): Finding | undefined {
  if (occurrence.valueKind !== 'literal' || (occurrence.value ?? '').trim() !== '') return undefined;
  const canonical = canonicalName(ctx, occurrence);
  const tag = canonical && UNIFIED_TAGS[canonical];
  if (!tag || !ctx.takesEffect(occurrence) || looksLikeTemplate(ctx, occurrence.scope)) return undefined;
  const name = displayName(occurrence.surface, occurrence.name);
  return {
    code: 'invalid-value',
    severity: 'warning',
    message:
      `\`${name}\` is set to an empty value. Empty is not unset: it hides any value from a base image or the ` +
      `Datadog Admission Controller, and the profiles get no \`${tag}\` tag. Set a value or remove the line.`,
    range: occurrence.valueRange ?? occurrence.nameRange,
  };
}

/** Most of the literal values that take effect in the scope are empty: a `.env.example` to fill in. */
function looksLikeTemplate(ctx: RuleContext, scope: string): boolean {
  const literals = ctx.occurrences.filter((o) => o.scope === scope && o.valueKind === 'literal' && ctx.takesEffect(o));
  const empty = literals.filter((o) => (o.value ?? '').trim() === '').length;
  return empty >= 2 && empty * 2 >= literals.length;
}
