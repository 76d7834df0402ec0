/**
 * conflicting-settings: two settings in one scope where one silently overrides the other.
 * `DD_TRACE_AGENT_URL` wins over `DD_AGENT_HOST` and `DD_TRACE_AGENT_PORT` in every tracer, so those are
 * ignored; with `DD_PROFILING_ENABLED=auto` Java ignores a custom `DD_PROFILING_START_DELAY` /
 * `DD_PROFILING_START_FORCE_FIRST` and uses its default delay.
 */
import type { Finding, SettingOccurrence } from '../types.js';
import type { Rule, RuleContext } from './context.js';
import { removeFix } from './fixes.js';
import { sameSetting } from './truth.js';

interface Conflict {
  /** The setting that wins, and the value it must have (any, when omitted). */
  readonly winner: string;
  readonly winnerValue?: RegExp;
  readonly ignored: readonly string[];
  readonly why: string;
}

const CONFLICTS: readonly Conflict[] = [
  {
    winner: 'DD_TRACE_AGENT_URL',
    ignored: ['DD_AGENT_HOST', 'DD_TRACE_AGENT_PORT'],
    why: 'when `DD_TRACE_AGENT_URL` is set, the tracers take the Agent address from it alone',
  },
  {
    winner: 'DD_PROFILING_ENABLED',
    winnerValue: /^auto$/i,
    ignored: ['DD_PROFILING_START_DELAY', 'DD_PROFILING_START_FORCE_FIRST'],
    why: 'with `DD_PROFILING_ENABLED=auto` the Java profiler uses its default start delay and logs a warning',
  },
];

export const conflictingSettings: Rule = (ctx) =>
  CONFLICTS.flatMap((conflict) =>
    ctx.occurrences
      .filter((occurrence) => conflict.ignored.some((name) => sameSetting(ctx, occurrence, name)))
      .flatMap((occurrence) => {
        const winner = winnerIn(ctx, occurrence.scope, conflict);
        return winner ? [report(occurrence, winner, conflict)] : [];
      }),
  );

function winnerIn(ctx: RuleContext, scope: string, conflict: Conflict): SettingOccurrence | undefined {
  return ctx.occurrences.find(
    (other) =>
      other.scope === scope &&
      sameSetting(ctx, other, conflict.winner) &&
      other.valueKind !== 'none' &&
      (!conflict.winnerValue || (other.valueKind === 'literal' && conflict.winnerValue.test(other.value ?? ''))),
  );
}

function report(occurrence: SettingOccurrence, winner: SettingOccurrence, conflict: Conflict): Finding {
  const fix = removeFix(occurrence, `Remove the ignored \`${occurrence.name}\``);
  return {
    code: 'conflicting-settings',
    severity: 'warning',
    message: `\`${occurrence.name}\` is ignored: ${conflict.why}.`,
    range: occurrence.nameRange,
    tags: ['unnecessary'],
    related: [{ range: winner.nameRange, message: `\`${winner.name}\` is set here` }],
    ...(fix ? { fixes: [fix] } : {}),
  };
}
