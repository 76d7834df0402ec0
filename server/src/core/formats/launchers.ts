/**
 * The launchers that load a tracer or profiler into the program they start, and the ways of calling
 * them that never load it: JVM options given to Tomcat's scripts, `ddtrace-run` wrapping
 * `ddtrace-run`, the retired `ddtracerb`, `ddprofrb` without `exec`, `node app.js -r dd-trace/init`.
 * The findings carry the `launcher` code (`arg-order` for an option after the program).
 */
import type { Finding, Fix } from '../types.js';
import { ASSIGNMENT, programName, rawOf } from './commandAssignment.js';
import { moveBefore, optionName, type Collected, type CommandLineContext, type CommandWord } from './commandLine.js';

/** Words that run the rest of the line as the command, adding nothing we read. */
const PREFIXES = new Set(['exec', 'env', 'sudo', 'nohup', 'time']);

/**
 * Skips the prefixes and launchers in front of the program (`exec env DD_X=1 bundle exec ddprofrb exec
 * ruby app.rb`), reporting launcher mistakes on the way and handing each `NAME=value` to `onAssignment`.
 * Returns the index of the program word. A loop, not recursion: a line may wrap thousands of times.
 */
export function unwrapLaunchers(
  words: readonly CommandWord[],
  ctx: CommandLineContext,
  out: Collected,
  onAssignment: (word: CommandWord) => void,
): number {
  let i = 0;
  let ddtraceRun: CommandWord | undefined;
  for (;;) {
    while (PREFIXES.has(words[i]?.value ?? '')) i++;
    for (; ASSIGNMENT.test(words[i]?.value ?? ''); i++) onAssignment(words[i] as CommandWord);
    const word = words[i];
    const program = programName(word);
    if (!word) return i;
    if (program === 'bundle' && words[i + 1]?.value === 'exec') {
      i += 2;
    } else if (program === 'ddtrace-run') {
      if (ddtraceRun) out.problems.push(nestedDdtraceRun(words, i, ddtraceRun, ctx));
      ddtraceRun ??= word;
      for (i++; words[i]?.value.startsWith('-'); i++);
    } else if (program === 'ddprofrb' || program === 'ddtracerb') {
      if (program === 'ddtracerb') out.problems.push(retiredDdtracerb(word));
      if (words[i + 1]?.value !== 'exec') {
        const next = words[i + 1];
        if (next && !/^(help|--help|-h)$/.test(next.value)) out.problems.push(rubyWithoutExec(word, next, program));
        return words.length;
      }
      i += 2;
    } else {
      return i;
    }
  }
}

function nestedDdtraceRun(
  words: readonly CommandWord[],
  at: number,
  outer: CommandWord,
  ctx: CommandLineContext,
): Finding {
  const inner = words[at] as CommandWord;
  const removal = removeWord(words, at, ctx);
  return {
    code: 'launcher',
    severity: 'warning',
    message:
      '`ddtrace-run` starts another `ddtrace-run`: the tracer is set up twice for the same program. One is enough; remove the inner one.',
    range: inner.range,
    tags: ['unnecessary'],
    related: [{ range: outer.range, message: 'the outer `ddtrace-run`' }],
    ...(removal ? { fixes: [{ title: 'Remove the inner `ddtrace-run`', edits: [removal], preferred: true }] } : {}),
  };
}

/**
 * The edit that deletes a word with the separator after it (or, for the last word, before it), when
 * that separator is blanks or a JSON comma on one line: never across YAML keys or array brackets.
 */
function removeWord(words: readonly CommandWord[], at: number, ctx: CommandLineContext) {
  const word = words[at] as CommandWord;
  const next = words[at + 1];
  const previous = words[at - 1];
  const range = next
    ? { start: word.range.start, end: next.range.start }
    : previous && { start: previous.range.end, end: word.range.end };
  if (!range || !ctx.source) return undefined;
  const { text, index } = ctx.source;
  const removed = text.slice(index.offsetAt(range.start), index.offsetAt(range.end));
  const raw = rawOf(word, ctx) ?? '';
  const separator = next ? removed.slice(raw.length) : removed.slice(0, removed.length - raw.length);
  return /^[ \t]*,?[ \t]*$/.test(separator) && separator !== '' ? { range, newText: '', expected: removed } : undefined;
}

function retiredDdtracerb(word: CommandWord): Finding {
  const start = word.range.end.character - 'ddtracerb'.length;
  const range = { start: { line: word.range.end.line, character: Math.max(0, start) }, end: word.range.end };
  return {
    code: 'launcher',
    severity: 'warning',
    message:
      '`ddtracerb` was renamed `ddprofrb` in ddtrace 1.21 and removed in 2.0: the `datadog` gem ships only `ddprofrb`, so with a current gem the command is not found. Use `ddprofrb exec`.',
    range: word.range.start.line === word.range.end.line ? range : word.range,
    tags: ['deprecated'],
    fixes: [
      {
        title: 'Change to `ddprofrb`',
        edits: [{ range, newText: 'ddprofrb', expected: 'ddtracerb' }],
        preferred: true,
      },
    ],
  };
}

/** `ddprofrb ruby app.rb`: ddprofrb's only command is `exec`; anything else prints its help and starts nothing. */
function rubyWithoutExec(word: CommandWord, next: CommandWord, program: string): Finding {
  return {
    code: 'launcher',
    severity: 'error',
    message: `\`${program}\` takes a command first: \`${program} exec ${optionName(next.value)} …\`. Without \`exec\` it prints its help and the application never starts.`,
    range: next.range,
    fixes: [
      {
        title: `Insert \`exec\` after \`${program}\``,
        edits: [{ range: { start: word.range.end, end: word.range.end }, newText: ' exec' }],
        preferred: true,
        safe: true,
      },
    ],
  };
}

/**
 * Tomcat's start scripts: `catalina.sh` by name; `startup.sh`, a name many projects give their own
 * scripts (which may well pass `-D` options on to `java`), only on a Tomcat path.
 */
export function isTomcatScript(word: CommandWord | undefined): boolean {
  const program = programName(word);
  if (/^catalina\.(sh|bat)$/.test(program)) return true;
  return /^startup\.(sh|bat)$/.test(program) && /tomcat|catalina/i.test(word?.value ?? '');
}

/** JVM options that load or configure the Datadog agent. */
function isAgentOption(value: string): boolean {
  return value.startsWith('-javaagent:') || value.startsWith('-Ddd.');
}

/**
 * `catalina.sh run -javaagent:...`: Tomcat's scripts give their arguments to Tomcat's Bootstrap class
 * (or reject them as an unknown command), never to the JVM; JVM options go in `CATALINA_OPTS` or
 * `JAVA_OPTS`, which catalina.sh reads (and `bin/setenv.sh`, which it sources, sets).
 */
export function readTomcat(words: readonly CommandWord[], programAt: number, ctx: CommandLineContext): Finding[] {
  const script = words[programAt] as CommandWord;
  const misplaced = words.map((w, i) => ({ w, i })).filter(({ w, i }) => i > programAt && isAgentOption(w.value));
  const first = misplaced[0];
  const last = misplaced[misplaced.length - 1];
  if (!first || !last) return [];
  const names = misplaced.map(
    ({ w }) => `\`${w.value.startsWith('-javaagent:') ? '-javaagent' : w.value.split('=')[0]}\``,
  );
  const what =
    names.length === 1 ? `${names[0]} is` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are`;
  const name = programName(script);
  const fix = ctx.shell ? toCatalinaOpts(words, misplaced, ctx) : undefined;
  const effect = misplaced.some(({ w }) => w.value.startsWith('-javaagent:'))
    ? 'the Datadog agent never loads'
    : `the JVM never sees ${names.length === 1 ? 'it' : 'them'}`;
  return [
    {
      code: 'launcher',
      severity: 'error',
      message: `${what} given to \`${name}\`, which passes its arguments to Tomcat, not to the JVM: ${effect}. Put JVM options in \`CATALINA_OPTS\` (for example in \`bin/setenv.sh\`).`,
      range: { start: first.w.range.start, end: last.w.range.end },
      ...(fix ? { fixes: [fix] } : {}),
    },
  ];
}

/**
 * Moves the options into a `CATALINA_OPTS="$CATALINA_OPTS ..."` prefix of the command, keeping what
 * the environment already holds. Offered where a shell reads the line, and only for options written
 * without quotes or escapes (which could not be copied into a double-quoted string as they are).
 */
function toCatalinaOpts(
  words: readonly CommandWord[],
  misplaced: readonly { w: CommandWord; i: number }[],
  ctx: CommandLineContext,
): Fix | undefined {
  const first = words[0];
  if (!first || words.some((w) => w.value === 'sudo')) return undefined;
  const raws = misplaced.map(({ w }) => rawOf(w, ctx));
  if (raws.some((raw) => raw === undefined || /["'\\`]/.test(raw))) return undefined;
  const removals = misplaced.flatMap(({ w, i }) => {
    const previous = words[i - 1];
    return previous ? [{ range: { start: previous.range.end, end: w.range.end }, newText: '' }] : [];
  });
  return {
    title: 'Move the JVM options to `CATALINA_OPTS`',
    edits: [
      {
        range: { start: first.range.start, end: first.range.start },
        newText: `CATALINA_OPTS="$CATALINA_OPTS ${raws.join(' ')}" `,
      },
      ...removals,
    ],
    preferred: true,
  };
}

const NODE_VALUE_OPTIONS = new Set([
  '-r',
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '-C',
  '--conditions',
  '--env-file',
  '--title',
  '--input-type',
  '--inspect-port',
  '--stack-size',
]);
const DD_TRACE_INIT = /^dd-trace\/init(ialize\.mjs)?(\.js)?$/;

/**
 * `node app.js -r dd-trace/init`: node reads its own options only before the script; after it they are
 * the application's arguments, so the tracer (and its profiler) never loads.
 */
export function readNode(words: readonly CommandWord[], programAt: number, ctx: CommandLineContext): Finding[] {
  let script: number | undefined;
  for (let i = programAt + 1; i < words.length; i++) {
    const value = (words[i] as CommandWord).value;
    if (script === undefined) {
      if (value === '--' || value === '-e' || value === '--eval' || value === '-p' || value === '--print') return [];
      if (!value.startsWith('-')) script = i;
      else if (NODE_VALUE_OPTIONS.has(value)) i++;
      continue;
    }
    const preload = preloadAt(words, i);
    if (preload !== undefined) return [misplacedPreload(words, i, preload, script, ctx)];
  }
  return [];
}

/** The index of the last word of a `-r dd-trace/init` / `--require=dd-trace/init` / `--import ...` at `i`. */
function preloadAt(words: readonly CommandWord[], i: number): number | undefined {
  const value = (words[i] as CommandWord).value;
  const joined = /^(--require|--import)=(.*)$/.exec(value);
  if (joined) return DD_TRACE_INIT.test(joined[2] ?? '') ? i : undefined;
  if (value !== '-r' && value !== '--require' && value !== '--import') return undefined;
  return DD_TRACE_INIT.test(words[i + 1]?.value ?? '') ? i + 1 : undefined;
}

function misplacedPreload(
  words: readonly CommandWord[],
  from: number,
  last: number,
  script: number,
  ctx: CommandLineContext,
): Finding {
  const shown = words
    .slice(from, last + 1)
    .map((w) => w.value)
    .join(' ');
  const scriptWord = words[script] as CommandWord;
  const fix = moveBefore(words, from, script, ctx, last);
  return {
    code: 'arg-order',
    severity: 'error',
    message: `\`${optionName(shown)}\` comes after the script \`${optionName(scriptWord.value)}\`, so node passes it to the application as an argument and the tracer (and its profiler) never loads. Put it before the script.`,
    range: { start: (words[from] as CommandWord).range.start, end: (words[last] as CommandWord).range.end },
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/**
 * A Dockerfile stage's exec-form `ENTRYPOINT` runs its `CMD` as arguments: `ENTRYPOINT ["ddtrace-run"]`
 * with `CMD ["ddtrace-run", "gunicorn", ...]` wraps twice. Returns the launcher findings of the joined
 * command that neither instruction shows alone (each alone was read with its instruction).
 */
export function joinedLauncherProblems(
  entrypoint: readonly CommandWord[],
  cmd: readonly CommandWord[],
  ctx: CommandLineContext,
): Finding[] {
  const problems = (words: readonly CommandWord[]) => {
    const out: Collected = { occurrences: [], problems: [], runtimeHints: [], images: [], osHints: [] };
    unwrapLaunchers(words, ctx, out, () => undefined);
    return out.problems;
  };
  const key = (p: Finding) => `${p.range.start.line}:${p.range.start.character}:${p.message}`;
  const alone = new Set([...problems(entrypoint), ...problems(cmd)].map(key));
  return problems([...entrypoint, ...cmd]).filter((p) => !alone.has(key(p)));
}
