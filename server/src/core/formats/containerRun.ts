/**
 * `docker run` / `docker create` / `docker container run` / `podman run`: each starts a container, a
 * process of its own, so each is its own scope (`docker:<line>:<column>`) whose image is the image
 * argument. `-e NAME=value`, `--env NAME=value` and `--env=NAME=value` are that container's settings;
 * `-e NAME` passes the value the variable has where the command runs (a reference); `--env-file`
 * names a file that is not followed. What the container runs (the words after the image) is read as a
 * command line in the container's scope.
 */
import type { CommandLineContext, CommandWord, Collected, Locate } from './commandLine.js';
import { assignment, rawOf } from './commandAssignment.js';
import { hintsFromCommand, hintsFromImage, osOfImage } from './runtimeHints.js';

/** Reads one command of the line; returns whether it started a container. */
type ReadCommand = (words: CommandWord[], ctx: CommandLineContext, locate: Locate, out: Collected) => boolean;

/** Options of `docker`/`podman` themselves (before `run`) that take a value. */
const GLOBAL_VALUE_OPTIONS = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--url']);

/** `run`/`create` options that take no value (all others take one, unless written `--opt=value`). */
const FLAGS = new Set([
  '--rm',
  '-d',
  '--detach',
  '-i',
  '--interactive',
  '-t',
  '--tty',
  '-P',
  '--publish-all',
  '--privileged',
  '--init',
  '--read-only',
  '--oom-kill-disable',
  '--no-healthcheck',
  '-q',
  '--quiet',
  '--disable-content-trust',
  '--sig-proxy',
  '--use-api-socket',
  '--help',
  '--replace',
  '--rmi',
  '--read-only-tmpfs',
  '--no-hosts',
  '--env-host',
  '--http-proxy',
  '--tls-verify',
  '--passwd',
]);
/** Short flags written together (`-it`, `-dit`). */
const SHORT_FLAGS = /^-[ditPq]+$/;

/**
 * Reads `docker run ...` at `programAt` (the `docker`/`podman` word). Returns false, reading nothing,
 * for other subcommands.
 */
export function readContainerRun(
  words: readonly CommandWord[],
  programAt: number,
  ctx: CommandLineContext,
  locate: Locate,
  out: Collected,
  readCommand: ReadCommand,
): boolean {
  let i = programAt + 1;
  for (; words[i]?.value.startsWith('-'); i++) if (GLOBAL_VALUE_OPTIONS.has(words[i]?.value ?? '')) i++;
  if (words[i]?.value === 'container') i++;
  if (words[i]?.value !== 'run' && words[i]?.value !== 'create') return false;
  const program = words[programAt] as CommandWord;
  const scope = `docker:${program.range.start.line + 1}:${program.range.start.character + 1}`;
  const container: CommandLineContext = { ...ctx, scope, bakedIn: false, inContainer: true };
  for (i++; i < words.length; i++) {
    const word = words[i] as CommandWord;
    if (word.value === '--') {
      i++;
      break;
    }
    if (!word.value.startsWith('-') || word.value === '-') break;
    if (word.value === '-e' || word.value === '--env') {
      const value = words[i + 1];
      if (value && value.value !== '') out.occurrences.push(envOption(words, i, value, container, locate));
      i++;
    } else if (word.value.startsWith('--env=') && word.value.length > '--env='.length) {
      out.occurrences.push(envOption(words, i, joinedValue(word, '--env=', container), container, locate));
    } else if (!word.value.includes('=') && !FLAGS.has(word.value) && !SHORT_FLAGS.test(word.value)) {
      i++; // an option's value (`-v a:b`, `--env-file .env`, `--name x`), never the image
    }
  }
  const image = words[i];
  if (image) addImage(image.value, words.slice(i + 1), container, locate, out, readCommand);
  return true;
}

/** `-e NAME=value` (a setting), `-e NAME` (the value the variable has where docker runs: a reference). */
function envOption(
  words: readonly CommandWord[],
  at: number,
  value: CommandWord,
  ctx: CommandLineContext,
  locate: Locate,
) {
  const previous = words[at - 1];
  const end = value.range.end;
  const removalRange = previous ? { removalRange: { start: previous.range.end, end } } : {};
  if (value.value.includes('=')) return { ...assignment(value, ctx, locate), ...removalRange };
  return {
    surface: 'env' as const,
    name: value.value,
    nameRange: locate(value, 0, value.value.length),
    valueKind: 'reference' as const,
    scope: ctx.scope,
    bakedIn: false,
    ...removalRange,
  };
}

/** The `NAME=value` part of `--env=NAME=value`, placed in the source when the prefix is written bare. */
function joinedValue(word: CommandWord, prefix: string, ctx: CommandLineContext): CommandWord {
  const value = word.value.slice(prefix.length);
  const { start, end } = word.range;
  if (rawOf(word, ctx)?.startsWith(prefix) !== true || start.line !== end.line) return { value, range: word.range };
  return { value, range: { start: { line: start.line, character: start.character + prefix.length }, end } };
}

function addImage(
  image: string,
  command: CommandWord[],
  ctx: CommandLineContext,
  locate: Locate,
  out: Collected,
  readCommand: ReadCommand,
): void {
  out.images.push({ scope: ctx.scope, image });
  const os = osOfImage(image);
  if (os) out.osHints.push({ os, scope: ctx.scope, reason: `docker run ${image}` });
  for (const runtime of hintsFromImage(image))
    out.runtimeHints.push({ runtime, scope: ctx.scope, reason: `image ${image}` });
  const text = command.map((w) => w.value).join(' ');
  const reason = text.length > 50 ? `${text.slice(0, 50)}…` : text;
  for (const runtime of hintsFromCommand(text)) out.runtimeHints.push({ runtime, scope: ctx.scope, reason });
  if (command.length > 0) readCommand(command, ctx, locate, out);
}
