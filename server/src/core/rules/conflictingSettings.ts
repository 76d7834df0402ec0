/**
 * conflicting-settings: two settings in one scope where one silently overrides the other.
 * `DD_TRACE_AGENT_URL` wins over `DD_AGENT_HOST` and `DD_TRACE_AGENT_PORT` in every tracer, so those are
 * ignored; with `DD_PROFILING_ENABLED=auto` Java ignores a custom `DD_PROFILING_START_DELAY` /
 * `DD_PROFILING_START_FORCE_FIRST` and uses its default delay. One setting written with different
 * values on two surfaces of one process (`DD_PROFILING_ENABLED` and `-Ddd.profiling.enabled`) is a
 * conflict too: see surfaceConflicts.ts.
 */
import type { Finding, SettingOccurrence } from '../types.js';
import type { Rule, RuleContext } from './context.js';
import { removeFix } from './fixes.js';
import { sameSetting } from './truth.js';
import { surfaceConflicts } from './surfaceConflicts.js';

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

export const conflictingSettings: Rule = (ctx) => [
  ...CONFLICTS.flatMap((conflict) => check(ctx, conflict)),
  ...surfaceConflicts(ctx),
];

/** One pass: the first winner per scope, then every ignored setting in a scope that has one. */
function check(ctx: RuleContext, conflict: Conflict): Finding[] {
  const winners = new Map<string, SettingOccurrence>();
  const ignored: SettingOccurrence[] = [];
  for (const occurrence of ctx.occurrences) {
    if (isWinner(ctx, occurrence, conflict)) {
      if (!winners.has(occurrence.scope)) winners.set(occurrence.scope, occurrence);
    } else if (conflict.ignored.some((name) => sameSetting(ctx, occurrence, name))) {
      ignored.push(occurrence);
    }
  }
  return ignored.flatMap((occurrence) => {
    const winner = winners.get(occurrence.scope);
    return winner ? [report(occurrence, winner, conflict)] : [];
  });
}

function isWinner(ctx: RuleContext, occurrence: SettingOccurrence, conflict: Conflict): boolean {
  return (
    sameSetting(ctx, occurrence, conflict.winner) &&
    occurrence.valueKind !== 'none' &&
    (!conflict.winnerValue || (occurrence.valueKind === 'literal' && conflict.winnerValue.test(occurrence.value ?? '')))
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
