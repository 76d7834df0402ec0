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
import { listRuntimes } from '../text/names.js';

interface Conflict {
  /** The setting that wins, and the value it must have (any, when omitted). */
  readonly winner: string;
  readonly winnerValue?: RegExp;
  readonly ignored: readonly string[];
  readonly why: string;
  /** Whether every runtime reads it so, so the message can name the process's runtime. */
  readonly everyRuntime?: boolean;
}

const CONFLICTS: readonly Conflict[] = [
  {
    winner: 'DD_TRACE_AGENT_URL',
    ignored: ['DD_AGENT_HOST', 'DD_TRACE_AGENT_PORT'],
    // Java Config, ddtrace-py get_trace_url, dd-trace-go AgentURLFromEnv, dd-trace-js exporter URL,
    // .NET ExporterSettings and the native profiler, PHP ddtrace_agent_url, ddprof: the URL first. Ruby's
    // AgentSettingsResolver: `c.agent.host` in code, then the URL, then DD_AGENT_HOST (with a warning).
    why: '`DD_TRACE_AGENT_URL` wins, and the Agent address is taken from it alone',
    everyRuntime: true,
  },
  {
    winner: 'DD_PROFILING_ENABLED',
    winnerValue: /^auto$/i,
    ignored: ['DD_PROFILING_START_DELAY', 'DD_PROFILING_START_FORCE_FIRST'],
    why: 'with `DD_PROFILING_ENABLED=auto` the Java profiler uses its default start delay and logs a warning',
  },
];

export const conflictingSettings: Rule = (ctx) => CONFLICTS.flatMap((conflict) => check(ctx, conflict));

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
    if (!winner || codeWins(occurrence, winner, conflict)) return [];
    return [report(occurrence, winner, conflict, readers(ctx, occurrence.scope, conflict))];
  });
}

function isWinner(ctx: RuleContext, occurrence: SettingOccurrence, conflict: Conflict): boolean {
  return (
    sameSetting(ctx, occurrence, conflict.winner) &&
    occurrence.valueKind !== 'none' &&
    (!conflict.winnerValue || (occurrence.valueKind === 'literal' && conflict.winnerValue.test(occurrence.value ?? '')))
  );
}

/**
 * Ruby's `c.agent.host` in code ranks above `DD_TRACE_AGENT_URL` from the environment (its
 * AgentSettingsResolver picks code, then the URL, then `DD_AGENT_HOST`), so there it is not the one ignored.
 */
function codeWins(ignored: SettingOccurrence, winner: SettingOccurrence, conflict: Conflict): boolean {
  return conflict.everyRuntime === true && ignored.surface === 'rubyConfigure' && winner.surface !== 'rubyConfigure';
}

/** " by Python" (the process's runtime) or " by every tracer", when the rule holds for every runtime. */
function readers(ctx: RuleContext, scope: string, conflict: Conflict): string {
  if (!conflict.everyRuntime) return '';
  return ctx.runtimeKnown(scope) ? ` by ${listRuntimes(ctx.runtimesFor(scope))}` : ' by every tracer';
}

function report(occurrence: SettingOccurrence, winner: SettingOccurrence, conflict: Conflict, by: string): Finding {
  const fix = removeFix(occurrence, `Remove the ignored \`${occurrence.name}\``);
  return {
    code: 'conflicting-settings',
    severity: 'warning',
    message: `\`${occurrence.name}\` is ignored${by}: ${conflict.why}.`,
    range: occurrence.nameRange,
    tags: ['unnecessary'],
    related: [{ range: winner.nameRange, message: `\`${winner.name}\` is set here` }],
    ...(fix ? { fixes: [fix] } : {}),
  };
}
