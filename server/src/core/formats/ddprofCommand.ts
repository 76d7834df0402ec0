/**
 * `ddprof [options] [--] command [args]`: the native profiler's options, which must come before the
 * profiled command (after it they belong to the command).
 */
import type { Finding, SettingOccurrence } from '../types.js';
import { moveBefore, type Collected, type CommandLineContext, type CommandWord, type Locate } from './commandLine.js';

/** Options that take no value (from ddprof's CLI definition); a boolean one may still be given `=false`. */
const FLAGS = new Set([
  '-g',
  '--global',
  '--capture_config',
  '--capture-config',
  '-v',
  '--version',
  '-h',
  '--help',
  '--help_extended',
  '--timeline',
  '--no-timeline',
  '-I',
  '--inlined_functions',
  '--inlined-functions',
  '--show_config',
  '--show-config',
  '--show_samples',
  '--show-samples',
  '--do_export',
  '--do-export',
  '--fault_info',
  '--fault-info',
  '--remote_symbolization',
  '--remote-symbolization',
  '--disable_symbolization',
  '--disable-symbolization',
  '--reorder-events',
  '--no-reorder-events',
]);
/** Boolean options that take a value when the next word is one. */
const BOOLEAN_WORD = /^(true|false|yes|no|on|off|1|0|enable|disable|t|f|y|n)$/i;
const TAKES_BOOLEAN = new Set(['--enable', '--agentless']);

export function readDdprof(
  words: CommandWord[],
  ctx: CommandLineContext,
  locate: Locate,
  out: Collected,
  program: CommandWord,
): void {
  out.runtimeHints.push({ runtime: 'ddprof', scope: ctx.scope, reason: 'the ddprof command' });
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as CommandWord;
    if (word.value === 'exec') out.problems.push(builtinInside([program, ...words], i + 1, ctx));
    if (word.value === '--' || !word.value.startsWith('-')) return;
    const eq = word.value.indexOf('=');
    if (eq > 0) {
      out.occurrences.push(flag(word, ctx, locate, word.value.slice(0, eq), { word, from: eq + 1 }));
      continue;
    }
    const next = words[i + 1];
    const takesValue =
      next !== undefined && !FLAGS.has(word.value) && (!TAKES_BOOLEAN.has(word.value) || BOOLEAN_WORD.test(next.value));
    out.occurrences.push(flag(word, ctx, locate, word.value, takesValue && next ? { word: next, from: 0 } : undefined));
    if (takesValue) i++;
  }
}

function flag(
  word: CommandWord,
  ctx: CommandLineContext,
  locate: Locate,
  name: string,
  value?: { word: CommandWord; from: number },
): SettingOccurrence {
  const text = value ? value.word.value.slice(value.from) : undefined;
  return {
    surface: 'ddprofFlag',
    name,
    nameRange: locate(word, 0, name.length),
    ...(value && text !== undefined
      ? { value: text, valueRange: locate(value.word, value.from, value.word.value.length) }
      : {}),
    valueKind: text === undefined ? 'none' : text.includes('$') ? 'reference' : 'literal',
    scope: ctx.scope,
    bakedIn: ctx.bakedIn,
    quoting: 'none',
  };
}

/**
 * `ddprof exec myapp`: `exec` is a shell builtin, not a program ddprof can start, so the application
 * never runs. The documented form puts the builtin first: `exec ddprof myapp`.
 */
function builtinInside(words: CommandWord[], at: number, ctx: CommandLineContext): Finding {
  const fix = moveBefore(words, at, 0, ctx);
  return {
    code: 'launcher',
    severity: 'error',
    message:
      '`exec` is a shell builtin, not a program: ddprof cannot start it, so the application never runs. Put the builtin first: `exec ddprof … myapp`.',
    range: (words[at] as CommandWord).range,
    ...(fix ? { fixes: [{ ...fix, title: 'Move `exec` before `ddprof`' }] } : {}),
  };
}
