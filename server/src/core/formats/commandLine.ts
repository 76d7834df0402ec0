/**
 * Command lines, wherever they appear (Dockerfile CMD/ENTRYPOINT/RUN, compose `command:`, k8s `args`,
 * shell scripts, JAVA_OPTS values): `-javaagent`/`-Ddd.*` ordering, `-Ddd.*` properties, ddprof flags,
 * leading `NAME=value` assignments, and the runtime hints they give. Callers split words (each format
 * knows its own quoting); this module reads what the words mean.
 */
import type {
  ExtractResult,
  Finding,
  Fix,
  OsHint,
  Range,
  RuntimeHint,
  ScopeImage,
  SettingOccurrence,
} from '../types.js';
import type { LineIndex } from '../text/lineIndex.js';
import { assignment, programName } from './commandAssignment.js';
import { readContainerRun } from './containerRun.js';
import { readDdprof } from './ddprofCommand.js';
import { isTomcatScript, readNode, readTomcat, unwrapLaunchers } from './launchers.js';
import { emptyResult } from './result.js';
import { hintsFromCommand } from './runtimeHints.js';
import { isSecretName } from '../text/secretNames.js';

/** One word of a command line: its value after shell unquoting, and where its source text is. */
export interface CommandWord {
  readonly value: string;
  readonly range: Range;
}

export interface CommandLineContext {
  /** Scope for occurrences and hints (the Dockerfile stage, the k8s container...). */
  readonly scope: string;
  /** Whether values written here end up in an image. */
  readonly bakedIn: boolean;
  /** The document and its line index, to place ranges inside quoted words and to build fixes that move words. */
  readonly source?: { readonly text: string; readonly index: LineIndex };
  /** Whether a shell reads the line (a script, a Dockerfile shell form), so fixes may write shell syntax. */
  readonly shell?: boolean;
  /** Inside a container's command (`docker run image cmd`): a `docker run` there is not read again. */
  readonly inContainer?: boolean;
}

const SEPARATORS = new Set(['&&', '||', ';', '|', '&']);
const JAVA_VALUE_OPTIONS = new Set([
  '-cp',
  '-classpath',
  '--class-path',
  '-p',
  '--module-path',
  '--add-modules',
  '--add-opens',
  '--add-exports',
  '--add-reads',
  '--upgrade-module-path',
]);

/** Analyses one command line (already split into words; separators appear as their own words). */
export function extractCommandLine(words: readonly CommandWord[], ctx: CommandLineContext): ExtractResult {
  const out: Collected = { occurrences: [], problems: [], runtimeHints: [], images: [], osHints: [] };
  const locate = locator(ctx);
  const own: string[] = [];
  let start = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i === words.length || SEPARATORS.has(words[i]?.value ?? '')) {
      const command = words.slice(start, i);
      // A `docker run` starts another process: what it runs says nothing of this scope's runtime.
      if (!readCommand(command, ctx, locate, out)) own.push(command.map((w) => w.value).join(' '));
      start = i + 1;
    }
  }
  const text = own.join(' ; ');
  for (const runtime of hintsFromCommand(text))
    out.runtimeHints.push({ runtime, scope: ctx.scope, reason: shorten(text) });
  const { images, osHints, ...rest } = out;
  return { ...rest, ...(images.length > 0 ? { images } : {}), ...(osHints.length > 0 ? { osHints } : {}) };
}

/** The mutable result the command readers add to. */
export interface Collected {
  occurrences: SettingOccurrence[];
  problems: Finding[];
  runtimeHints: RuntimeHint[];
  /** The images of the containers the line starts (`docker run`), each its own scope. */
  images: ScopeImage[];
  osHints: OsHint[];
}

/** Maps a piece of a word's value to its source range (inside quotes when the word is quoted). */
export type Locate = (word: CommandWord, from: number, to: number) => Range;

function locator(ctx: CommandLineContext): Locate {
  if (!ctx.source) return (word) => word.range;
  const { text: source, index } = ctx.source;
  return (word, from, to) => {
    const start = index.offsetAt(word.range.start);
    const raw = source.slice(start, index.offsetAt(word.range.end));
    const at = raw.indexOf(word.value);
    if (at < 0 || word.range.start.line !== word.range.end.line) return word.range;
    return index.rangeOf(start + at + from, start + at + to);
  };
}

/** Reads one command (no separators); returns whether it starts a container rather than a program here. */
function readCommand(words: CommandWord[], ctx: CommandLineContext, locate: Locate, out: Collected): boolean {
  const i = unwrapLaunchers(words, ctx, out, (word) => {
    const occurrence = assignment(word, ctx, locate);
    out.occurrences.push(occurrence);
    const options = extractJvmOptionsOf(occurrence, ctx);
    for (const o of options.occurrences) out.occurrences.push(o);
    for (const hint of options.runtimeHints) out.runtimeHints.push(hint);
  });
  const program = programName(words[i]);
  const rest = words.slice(i + 1);
  if (/^java(\.exe)?$/.test(program)) readJava(rest, ctx, locate, out);
  else if (program === 'ddprof') readDdprof(rest, ctx, locate, out, words[i] as CommandWord);
  else if (/^php(\d[\d.]*)?$/.test(program)) readPhpSetup(rest, ctx, locate, out);
  else if (isTomcatScript(words[i])) out.problems.push(...readTomcat(words, i, ctx));
  else if (/^node(\.exe)?$/.test(program)) out.problems.push(...readNode(words, i, ctx));
  else if ((program === 'docker' || program === 'podman') && !ctx.inContainer) {
    return readContainerRun(words, i, ctx, locate, out, readCommand);
  }
  return false;
}

/** `java [options] (-jar file | mainclass) [args]`: JVM options only count before the program. */
function readJava(words: CommandWord[], ctx: CommandLineContext, locate: Locate, out: Collected): void {
  let programAt: number | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as CommandWord;
    const jvmOption = word.value.startsWith('-javaagent:') || word.value.startsWith('-Ddd.');
    if (programAt !== undefined) {
      if (jvmOption) out.problems.push(misplaced(words, i, programAt, ctx));
      continue;
    }
    if (word.value.startsWith('-Ddd.')) out.occurrences.push(javaProperty(word, ctx, locate));
    if (word.value === '-jar' || !word.value.startsWith('-')) programAt = i;
    else if (JAVA_VALUE_OPTIONS.has(word.value)) i++;
  }
}

function javaProperty(word: CommandWord, ctx: CommandLineContext, locate: Locate): SettingOccurrence {
  const body = word.value.slice(2);
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const value = eq < 0 ? undefined : body.slice(eq + 1);
  return {
    surface: 'javaProperty',
    name,
    nameRange: locate(word, 2, 2 + name.length),
    ...(value !== undefined ? { value, valueRange: locate(word, 3 + name.length, word.value.length) } : {}),
    valueKind: value === undefined ? 'none' : value.includes('$') ? 'reference' : 'literal',
    scope: ctx.scope,
    bakedIn: ctx.bakedIn,
    quoting: 'none',
  };
}

function misplaced(words: CommandWord[], i: number, programAt: number, ctx: CommandLineContext): Finding {
  const word = words[i] as CommandWord;
  const program = words[programAt] as CommandWord;
  const what = word.value.startsWith('-javaagent:') ? '`-javaagent`' : `\`${word.value.split('=')[0]}\``;
  const after = program.value === '-jar' ? '`-jar`' : `the main class \`${program.value}\``;
  const fix = moveBefore(words, i, programAt, ctx);
  return {
    code: 'arg-order',
    severity: 'error',
    message: `${what} comes after ${after}, so the JVM passes it to the application as an argument and the Datadog agent never loads it. Put it before ${after}.`,
    range: word.range,
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/**
 * Moves a word (or the words `from`..`last`, an option and its value) before another, keeping the
 * separator style (`, ` in JSON arrays, a space otherwise).
 */
export function moveBefore(
  words: readonly CommandWord[],
  from: number,
  to: number,
  ctx: CommandLineContext,
  last = from,
): Fix | undefined {
  const word = words[from];
  const end = words[last];
  const target = words[to];
  const previous = words[from - 1];
  if (!ctx.source || !word || !end || !target || !previous) return undefined;
  const { text, index } = ctx.source;
  const slice = (a: Range['start'], b: Range['start']) => text.slice(index.offsetAt(a), index.offsetAt(b));
  const separator = slice(previous.range.end, word.range.start);
  const raw = slice(word.range.start, end.range.end);
  const shown = words
    .slice(from, last + 1)
    .map((w) => optionName(w.value))
    .join(' ');
  return {
    title: `Move \`${shown}\` before \`${target.value}\``,
    edits: [
      { range: { start: target.range.start, end: target.range.start }, newText: `${raw}${separator}` },
      { range: { start: previous.range.end, end: end.range.end }, newText: '', expected: `${separator}${raw}` },
    ],
    preferred: true,
    safe: true,
  };
}

/** `php datadog-setup.php config set -d datadog.profiling.enabled=1`: php.ini settings on a command line. */
function readPhpSetup(words: CommandWord[], ctx: CommandLineContext, locate: Locate, out: Collected): void {
  if (!words.some((w) => w.value.endsWith('datadog-setup.php'))) return;
  words.forEach((word, i) => {
    const setting = words[i - 1]?.value === '-d' ? word : undefined;
    // `-d name=value` only: a `-d` before anything else (`-d ENV`, text being typed) sets nothing.
    if (!setting?.value.includes('=')) return;
    const [name = '', ...rest] = setting.value.split('=');
    const value = rest.join('=');
    out.occurrences.push({
      surface: 'phpIni',
      name,
      nameRange: locate(setting, 0, name.length),
      value,
      valueRange: locate(setting, name.length + 1, setting.value.length),
      valueKind: 'literal',
      scope: ctx.scope,
      bakedIn: ctx.bakedIn,
      quoting: 'none',
    });
  });
}

/**
 * Variables whose value is JVM options: read by the `java` launcher itself (`JAVA_TOOL_OPTIONS`,
 * `JDK_JAVA_OPTIONS`, `_JAVA_OPTIONS`) or by the scripts that start it (`JAVA_OPTS`: Tomcat, Jetty,
 * WildFly and most images' entry points; `CATALINA_OPTS`: Tomcat's `catalina.sh`, as in `setenv.sh`).
 */
const JVM_OPTION_VARIABLES = new Set([
  'JAVA_OPTS',
  'JAVA_TOOL_OPTIONS',
  'JDK_JAVA_OPTIONS',
  '_JAVA_OPTIONS',
  'CATALINA_OPTS',
]);

/**
 * The JVM options inside an environment setting, when it is a JVM options variable with a value. A value
 * that refers to variables (`"$CATALINA_OPTS -javaagent:..."`, as setenv.sh appends) still has literal
 * options beside the reference; a `-Ddd.*` word that itself holds a `$` is a reference.
 */
export function extractJvmOptionsOf(occurrence: SettingOccurrence, ctx: CommandLineContext): ExtractResult {
  if (!JVM_OPTION_VARIABLES.has(occurrence.name) || occurrence.valueKind === 'none' || !occurrence.valueRange) {
    return emptyResult();
  }
  return extractJvmOptions(occurrence.value ?? '', occurrence.valueRange, ctx);
}

/**
 * Analyses the value of a JVM options variable (`JAVA_OPTS`, `JAVA_TOOL_OPTIONS`, `_JAVA_OPTIONS`):
 * `-Ddd.*` properties and `-javaagent`. Words are found by splitting the value on whitespace.
 */
export function extractJvmOptions(value: string, valueRange: Range, ctx: CommandLineContext): ExtractResult {
  const whole: CommandWord = { value, range: valueRange };
  const locate = locator(ctx);
  const occurrences: SettingOccurrence[] = [];
  for (const match of value.matchAll(/\S+/g)) {
    const start = match.index ?? 0;
    if (!match[0].startsWith('-Ddd.')) continue;
    const word: CommandWord = { value: match[0], range: locate(whole, start, start + match[0].length) };
    occurrences.push(
      javaProperty(word, ctx, (w, from, to) => (w.range === valueRange ? valueRange : shift(w.range, from, to))),
    );
  }
  const runtimeHints = hintsFromCommand(value).map((runtime): RuntimeHint => ({
    runtime,
    scope: ctx.scope,
    reason: 'JVM options',
  }));
  return { occurrences, problems: [], runtimeHints };
}

/** A sub-range of a single-line range. */
function shift(range: Range, from: number, to: number): Range {
  if (range.start.line !== range.end.line) return range;
  const line = range.start.line;
  return {
    start: { line, character: range.start.character + from },
    end: { line, character: range.start.character + to },
  };
}

/** How a title shows an option: in full, shortened, or by name only when its value may be a key. */
export function optionName(word: string): string {
  const name = word.split('=')[0] ?? word;
  const shown = isSecretName(name) ? name : word;
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}

function shorten(text: string): string {
  return text.length > 50 ? `${text.slice(0, 50)}…` : text;
}
