/**
 * Spaces inside `DD_TAGS` entries (part of invalid-value). The Java, Python, Go, Ruby and Node.js
 * tracers split `DD_TAGS` at commas when it has one and at spaces otherwise, then split each entry at
 * its first colon and trim (dd-trace-go `internal.ForEachStringTag`, dd-trace-py `parse_tags_str`,
 * dd-trace-java `ConfigConverter.parseTraceTagsMap`, dd-trace-js `parseSpaceSeparatedTags`, dd-trace-rb
 * `settings.rb` `tags`). So `a:1,b:2`, `a:1, b:2` and `a:1 b:2` all work, but:
 * - `team: search` (no comma) becomes the tags `team` (empty) and `search`;
 * - `a:1 b:2,c:3` (both separators) gives `a` the value `1 b:2`.
 * .NET, PHP and ddprof are not flagged: only commas separate their entries and a space is trimmed or
 * kept in the value, which is never a lost tag.
 */
import type { Finding, Runtime, SettingOccurrence } from '../types.js';
import { displayName, listRuntimes } from '../text/names.js';
import { canonicalName } from './canonicalName.js';
import { checkValue } from './checkValue.js';
import type { RuleContext } from './context.js';
import { effectiveRuntimes } from './effectiveRuntimes.js';
import { replaceValueFix } from './fixes.js';

const SPLIT_AT_SPACES: readonly Runtime[] = ['java', 'python', 'go', 'ruby', 'nodejs'];

export function tagsSeparators(ctx: RuleContext, occurrence: SettingOccurrence): Finding | undefined {
  const setting = ctx.settingOf(occurrence);
  const value = occurrence.value?.trim();
  if (!setting || !value || occurrence.valueKind !== 'literal' || occurrence.name.startsWith('OTEL_')) return undefined;
  if (canonicalName(ctx, occurrence) !== 'DD_TAGS') return undefined;
  const runtimes = effectiveRuntimes(ctx, occurrence, setting).filter((r) => SPLIT_AT_SPACES.includes(r));
  if (runtimes.length === 0) return undefined;
  const problem = value.includes(',') ? mixedSeparators(value) : spaceAroundColon(value);
  if (!problem) return undefined;
  const name = displayName(occurrence.surface, occurrence.name);
  // Only a suggestion every runtime reads as meant: turning spaces into commas can expose a `key=value`.
  const readable = effectiveRuntimes(ctx, occurrence, setting).every(
    (r) => !checkValue(ctx.catalog.valueSpec(setting, r), problem.suggestion, ctx.catalog),
  );
  const fix = readable ? replaceValueFix(occurrence, problem.suggestion) : undefined;
  return {
    code: 'invalid-value',
    severity: 'warning',
    message: `\`${value}\` for \`${name}\` ${problem.reason} (${listRuntimes(runtimes)}).`,
    range: occurrence.valueRange ?? occurrence.nameRange,
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/** Without a comma the entries are split at spaces, so a space next to a colon splits a tag in two. */
function spaceAroundColon(value: string) {
  const broken = /(\S*)(\s+:\s*|:\s+)(\S*)/.exec(value);
  if (!broken) return undefined;
  const [, key = '', , rest = ''] = broken;
  return {
    reason:
      `has no comma, so it is split at spaces: \`${broken[0]}\` becomes the separate tags ` +
      `\`${key.replace(/:$/, '')}\` and \`${rest.replace(/^:/, '')}\`; write \`key:value\` without spaces`,
    suggestion: value.replace(/\s*:\s*/g, ':'),
  };
}

/** With a comma the entries are split only at commas, so `a:1 b:2` inside one entry is one tag. */
function mixedSeparators(value: string) {
  const entries = value.split(',').map((entry) => entry.trim());
  const mixed = entries.find((entry) =>
    entry
      .split(/\s+/)
      .slice(1)
      .some((word) => /^[^:\s]+:/.test(word)),
  );
  if (!mixed) return undefined;
  const colon = mixed.indexOf(':');
  const key = colon >= 0 ? mixed.slice(0, colon) : mixed;
  return {
    reason:
      `mixes commas and spaces: with a comma present it is split only at commas, so \`${key}\` gets the ` +
      `value \`${mixed.slice(colon + 1)}\`; separate every tag with a comma`,
    suggestion: entries.map((entry) => (entry === mixed ? entry.split(/\s+/).join(',') : entry)).join(','),
  };
}
