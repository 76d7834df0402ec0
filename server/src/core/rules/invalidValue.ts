/**
 * invalid-value: a value the runtime will not read as intended: `yes` where Ruby reads only `true`/`1`,
 * `Auto` where .NET compares `auto` in lowercase, a Go duration without a unit, a port out of range,
 * `DD_TAGS` written `key=value`, a GUID other than the Datadog profiler's.
 *
 * The value is checked against the spec of each runtime the file configures (all of them while the
 * runtime is unknown): an error when none reads it as intended, a warning when only some do.
 * A secret's value is never repeated in the message.
 */
import type { Setting } from '../catalog/schema.js';
import type { Finding, Runtime, SettingOccurrence } from '../types.js';
import { displayName, listRuntimes } from '../text/names.js';
import { checkValue, type ValueProblem } from './checkValue.js';
import type { Rule, RuleContext } from './context.js';
import { effectiveRuntimes, readByNoneInUse } from './effectiveRuntimes.js';
import { replaceValueFix } from './fixes.js';
import { agentAddress } from './agentAddress.js';
import { emptyUnifiedTag } from './emptyUnifiedTag.js';
import { isPlaceholder, isTemplateExpression } from './placeholder.js';
import { tagsSeparators } from './tagsSeparators.js';
import { valueSyntaxFirst } from './valueSyntax.js';

export const invalidValue: Rule = (ctx) =>
  ctx.occurrences.flatMap((occurrence) => {
    const setting = ctx.settingOf(occurrence);
    const value = occurrence.value;
    if (!setting || occurrence.valueKind !== 'literal' || value === undefined) return [];
    if (readByNoneInUse(ctx, occurrence, setting) || valueSyntaxFirst(value)) return [];
    // A template expression is filled in by a tool, and a placeholder key is not a malformed one.
    if (isTemplateExpression(value) || (setting.secret && isPlaceholder(value))) return [];
    const finding =
      emptyUnifiedTag(ctx, occurrence) ??
      (value === ''
        ? undefined
        : (check(ctx, occurrence, setting, value) ?? agentAddress(ctx, occurrence) ?? tagsSeparators(ctx, occurrence)));
    return finding ? [finding] : [];
  });

interface Failure {
  readonly runtime: Runtime;
  readonly problem: ValueProblem;
}

function check(ctx: RuleContext, occurrence: SettingOccurrence, setting: Setting, value: string): Finding | undefined {
  const runtimes = effectiveRuntimes(ctx, occurrence, setting);
  const failures: Failure[] = [];
  for (const runtime of runtimes) {
    const problem = checkValue(ctx.catalog.valueSpec(setting, runtime), value, ctx.catalog);
    if (problem) failures.push({ runtime, problem });
  }
  if (failures.length === 0) return undefined;
  const everywhere = failures.length === runtimes.length && failures.every((f) => f.problem.fatal);
  const fine = runtimes.filter((runtime) => !failures.some((f) => f.runtime === runtime));
  const secret = setting.secret === true;
  const subject = secret
    ? `The value of \`${displayName(occurrence.surface, occurrence.name)}\``
    : `\`${value}\` for \`${displayName(occurrence.surface, occurrence.name)}\``;
  const reasons = summarizeReasons(groupReasons(failures, setting.runtimes.length));
  const tail = fine.length > 0 ? ` It is fine for ${listRuntimes(fine)}.` : namesReason(ctx, occurrence);
  const suggestion = secret ? undefined : commonSuggestion(ctx, occurrence, setting, failures, runtimes);
  const suggested = suggestion !== undefined ? replaceValueFix(occurrence, suggestion) : undefined;
  // Safe for --fix only when no runtime in play reads the value as intended: then the rewrite cannot
  // break one that did (`10` is fine for Java and wrong for Go while the runtime is unknown).
  const fix = suggested && everywhere ? { ...suggested, safe: true } : suggested;
  return {
    code: 'invalid-value',
    severity: everywhere ? 'error' : 'warning',
    message: `${subject} ${reasons}.${tail}`,
    range: occurrence.valueRange ?? occurrence.nameRange,
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/** When only the setting names say which runtime this is, say so: the reader may not expect it. */
function namesReason(ctx: RuleContext, occurrence: SettingOccurrence): string {
  if (ctx.runtimeKnown(occurrence.scope)) return '';
  const reason = ctx.runtimeReason(occurrence.scope);
  return reason ? ` Runtime taken from ${reason}.` : '';
}

/** "is read as false by Ruby (…)": one clause per distinct reason, naming its runtimes. */
function groupReasons(failures: readonly Failure[], readers: number): { clause: string; runtimes: Runtime[] }[] {
  const byReason = new Map<string, Runtime[]>();
  for (const { runtime, problem } of failures) {
    byReason.set(problem.reason, [...(byReason.get(problem.reason) ?? []), runtime]);
  }
  // Naming every runtime that reads the setting says nothing: leave the list out then.
  return [...byReason].map(([reason, runtimes]) => ({
    clause: runtimes.length === readers && readers > 1 ? reason : `${reason} (${listRuntimes(runtimes)})`,
    runtimes,
  }));
}

/** At most two reasons in full; the rest are named by runtime only (the hover has every detail). */
function summarizeReasons(groups: readonly { clause: string; runtimes: Runtime[] }[]): string {
  const shown = groups.slice(0, 2).map((g) => g.clause);
  const rest = groups.slice(2).flatMap((g) => g.runtimes);
  return rest.length > 0
    ? `${shown.join('; ')}; and ${listRuntimes(rest)} do not read it as intended either`
    : shown.join('; ');
}

/**
 * A suggested value that every runtime reading the setting accepts (not only the failing ones: a fix must
 * not break the value for the others) and that passes the `DD_TAGS` separator check too.
 */
function commonSuggestion(
  ctx: RuleContext,
  occurrence: SettingOccurrence,
  setting: Setting,
  failures: readonly Failure[],
  runtimes: readonly Runtime[],
): string | undefined {
  const candidates = [...new Set(failures.map((f) => f.problem.suggestion).filter((s) => s !== undefined))];
  return candidates.find(
    (candidate) =>
      runtimes.every((runtime) => !checkValue(ctx.catalog.valueSpec(setting, runtime), candidate, ctx.catalog)) &&
      !tagsSeparators(ctx, { ...occurrence, value: candidate }),
  );
}
