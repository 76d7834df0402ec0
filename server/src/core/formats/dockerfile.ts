/**
 * Dockerfiles, parsed with dockerfile-ast (the parser behind the Dockerfile language server): `ENV`
 * in both forms, `ARG`, continuations, the escape directive and multi-stage builds. Each stage is a
 * scope (`stage:0`, `stage:1`...), with runtime hints from its image, its install steps and its start
 * command; a stage built `FROM` another, or a generic final stage that copies from one, inherits its
 * hints. `ENV`/`ARG` values are baked into the image.
 */
import { DockerfileParser, type Instruction, type Property } from 'dockerfile-ast';
import type { ExtractResult, Finding, OsHint, Range, Runtime, RuntimeHint, SettingOccurrence } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';
import { comparePositions } from '../text/ranges.js';
import { extractCommandLine, extractJvmOptionsOf, type CommandWord } from './commandLine.js';
import { isPlainJdkImage, unreadJvmVariables, type StartCommand } from './jvmLaunch.js';
import { joinedLauncherProblems } from './launchers.js';
import { mergeResults } from './result.js';
import { hintsFromCommand, hintsFromImage, isWindowsImage, osOfImage } from './runtimeHints.js';
import { projectFileHints } from './projectFiles.js';
import { buildsNativeImage, nativeImageProblems, nativeImageScopes } from './nativeImage.js';

interface Stage {
  readonly scope: string;
  readonly name?: string;
  /** Hints from the stage's own image; when it has none, COPY --from may lend them. */
  readonly ownImageHints: boolean;
  /** A Windows image: environment names are case-insensitive there. */
  readonly windows: boolean;
  /** The image the stage runs: its `FROM`, or the image of the stage it is built from. */
  readonly image: string;
  /** The operating system its image says, inherited by stages built FROM it; none for `FROM ${BASE}`. */
  readonly os?: OsHint;
}

interface State {
  readonly text: string;
  readonly index: LineIndex;
  readonly results: ExtractResult[];
  readonly stages: Stage[];
  /** Each stage's runtimes, first reason kept: what a later stage inherits, looked up once, never re-walked. */
  readonly stageHints: Map<string, Map<Runtime, RuntimeHint>>;
  /** `from>to` stage pairs already lent: copying twice from the same stage lends its runtimes once. */
  readonly lent: Set<string>;
  /** Each stage's project-file hints (`COPY Gemfile`), inherited by stages built `FROM` it. */
  readonly projectHints: Map<string, Map<Runtime, RuntimeHint>>;
  /** Each stage's last ENTRYPOINT and CMD: what it starts. */
  readonly starts: Map<string, { entrypoint?: StartCommand; cmd?: StartCommand }>;
  /** Stages that build a GraalVM native image, and every `COPY --from` (formats/nativeImage.ts). */
  readonly nativeBuilders: Set<string>;
  readonly copies: { readonly to: string; readonly from: string }[];
}

export function extractDockerfile(text: string): ExtractResult {
  const state: State = {
    text,
    index: createLineIndex(text),
    results: [],
    stages: [],
    stageHints: new Map(),
    lent: new Set(),
    projectHints: new Map(),
    starts: new Map(),
    nativeBuilders: new Set(),
    copies: [],
  };
  try {
    for (const instruction of DockerfileParser.parse(text).getInstructions()) readInstruction(state, instruction);
  } catch (error) {
    const at = { line: 0, character: 0 };
    const problem: Finding = {
      code: 'parse-error',
      severity: 'error',
      message: `The Dockerfile could not be parsed (${error instanceof Error ? error.name : 'error'}), so it is not checked.`,
      range: { start: at, end: at },
    };
    return { occurrences: [], problems: [problem], runtimeHints: [] };
  }
  add(state, { occurrences: [], problems: startProblems(state), runtimeHints: [] });
  const natives = nativeImageScopes(state.stages, state.nativeBuilders, state.copies);
  const occurrences = natives.size > 0 ? state.results.flatMap((r) => r.occurrences) : [];
  add(state, { occurrences: [], problems: nativeImageProblems(occurrences, natives), runtimeHints: [] });
  return mergeResults(state.results);
}

function readInstruction(state: State, instruction: Instruction): void {
  const keyword = instruction.getKeyword().toUpperCase();
  const stage = state.stages[state.stages.length - 1];
  const scope = stage?.scope ?? 'global';
  if (keyword === 'FROM') return startStage(state, instruction);
  if (keyword === 'ENV' || keyword === 'ARG') return readProperties(state, instruction, scope);
  if ((keyword === 'COPY' || keyword === 'ADD') && stage) readProjectFiles(state, instruction, keyword, scope);
  if (keyword === 'COPY' && stage) recordCopy(state, instruction, scope);
  if (keyword === 'COPY' && stage && !stage.ownImageHints) return inheritFromCopy(state, instruction, scope);
  if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') {
    const content = instruction.getRawArgumentsContent() ?? '';
    const reason = `${keyword} ${content.length > 40 ? `${content.slice(0, 40)}…` : content}`;
    if (keyword === 'RUN' && stage && buildsNativeImage('', [content])) state.nativeBuilders.add(scope);
    add(state, {
      occurrences: [],
      problems: [],
      runtimeHints: hintsFromCommand(content).map((runtime) => ({ runtime, scope, reason })),
    });
    const { words, shell } = commandWords(instruction);
    if (keyword !== 'RUN') remember(state, scope, { keyword, words, shell });
    add(
      state,
      extractCommandLine(words, { scope, bakedIn: true, source: { text: state.text, index: state.index }, shell }),
    );
  }
}

/** Keeps a stage's start command (the last ENTRYPOINT and CMD win). */
function remember(state: State, scope: string, command: StartCommand): void {
  const start = state.starts.get(scope) ?? {};
  if (command.keyword === 'ENTRYPOINT') start.entrypoint = command;
  else start.cmd = command;
  state.starts.set(scope, start);
}

/**
 * What each stage's start shows only as a whole: an exec-form ENTRYPOINT runs the CMD as its
 * arguments (`ENTRYPOINT ["ddtrace-run"]` + `CMD ["ddtrace-run", ...]` wraps twice), and a direct
 * `java` start never reads `JAVA_OPTS`/`CATALINA_OPTS`.
 */
function startProblems(state: State): Finding[] {
  const problems: Finding[] = [];
  // Indexed once: a file may hold many stages and many settings, and each stage looks up its own.
  const images = new Map(state.stages.map((stage) => [stage.scope, stage.image]));
  const variables = new Map<string, SettingOccurrence[]>();
  for (const result of state.results) {
    for (const o of result.occurrences) {
      if (o.name !== 'JAVA_OPTS' && o.name !== 'CATALINA_OPTS') continue;
      const list = variables.get(o.scope) ?? [];
      list.push(o);
      variables.set(o.scope, list);
    }
  }
  for (const [scope, { entrypoint, cmd }] of state.starts) {
    if (entrypoint && cmd && !entrypoint.shell && !cmd.shell) {
      const source = { text: state.text, index: state.index };
      problems.push(...joinedLauncherProblems(entrypoint.words, cmd.words, { scope, bakedIn: true, source }));
    }
    const own = variables.get(scope);
    if (!own) continue;
    const start = { ...(entrypoint ? { entrypoint } : {}), ...(cmd ? { cmd } : {}) };
    problems.push(...unreadJvmVariables(own, { ...start, plainJdkImage: isPlainJdkImage(images.get(scope) ?? '') }));
  }
  return problems;
}

function startStage(state: State, instruction: Instruction): void {
  const from = instruction as Instruction & { getImage(): string | null; getBuildStage(): string | null };
  const image = from.getImage() ?? '';
  const scope = `stage:${state.stages.length}`;
  const parent = state.stages.find((s) => s.name !== undefined && s.name === image.toLowerCase());
  const own = hintsFromImage(image).map((runtime): RuntimeHint => ({ runtime, scope, reason: `FROM ${image}` }));
  const inherited = parent ? rescope(state, parent.scope, scope) : [];
  const windows = parent?.windows ?? isWindowsImage(image);
  const system = osOfImage(image);
  const os: OsHint | undefined = parent ? parent.os : system && { os: system, reason: `FROM ${image}` };
  state.stages.push({
    scope,
    name: from.getBuildStage()?.toLowerCase() ?? undefined,
    ownImageHints: own.length > 0 || parent !== undefined,
    windows,
    image: parent?.image ?? image,
    ...(os ? { os } : {}),
  });
  if (buildsNativeImage(image, [])) state.nativeBuilders.add(scope);
  const images = image ? [{ scope, image: parent?.image ?? image }] : [];
  const osHints = os ? [{ ...os, scope }] : [];
  const scopeParents = parent ? [{ scope, parent: parent.scope }] : [];
  const parentProject = parent ? [...(state.projectHints.get(parent.scope)?.values() ?? [])] : [];
  const projectHints = parentProject.map((h) => ({ ...h, scope }));
  add(state, {
    occurrences: [],
    problems: [],
    runtimeHints: [...own, ...inherited],
    images,
    osHints,
    scopeParents,
    projectHints,
  });
}

/**
 * Project files a stage copies in (`COPY Gemfile Gemfile.lock ./`, `COPY *.csproj .`): evidence of its
 * runtime where its image and commands give none. The last word is the destination.
 */
function readProjectFiles(state: State, instruction: Instruction, keyword: string, scope: string): void {
  const words = commandWords(instruction)
    .words.map((w) => w.value)
    .filter((w) => !w.startsWith('--'));
  const sources = words.slice(0, -1).filter((w) => !w.startsWith('<<'));
  // Only runtimes the stage does not show yet: a file of 10,000 COPY lines adds at most one hint each.
  const known = state.projectHints.get(scope);
  const projectHints = projectFileHints(sources, scope, (file) => `${keyword} ${file}`).filter(
    (h) => !known?.has(h.runtime),
  );
  if (projectHints.length > 0) add(state, { occurrences: [], problems: [], runtimeHints: [], projectHints });
}

/** `COPY --from=build …`: where a stage takes files from (a native image's binary among them). */
function recordCopy(state: State, instruction: Instruction, scope: string): void {
  const from = /--from=(\S+)/.exec(textOf(state, instruction.getRange()))?.[1]?.toLowerCase();
  if (from) state.copies.push({ to: scope, from });
}

/** A generic final stage (distroless, alpine) running what an earlier stage built runs that runtime. */
function inheritFromCopy(state: State, instruction: Instruction, scope: string): void {
  const from = /--from=(\S+)/.exec(textOf(state, instruction.getRange()))?.[1]?.toLowerCase();
  // Only an earlier stage can lend its runtime: a stage copying from itself (or a name Docker would
  // reject) adds nothing, so hints never feed back into the stage they came from.
  const source = state.stages.find((s) => s.scope !== scope && (s.name === from || s.scope === `stage:${from}`));
  if (!source || state.lent.has(`${source.scope}>${scope}`)) return;
  state.lent.add(`${source.scope}>${scope}`);
  add(state, { occurrences: [], problems: [], runtimeHints: rescope(state, source.scope, scope) });
}

/** One hint per runtime of an earlier stage, moved to another: bounded, whatever the chain of copies. */
function rescope(state: State, from: string, to: string): RuntimeHint[] {
  return [...(state.stageHints.get(from)?.values() ?? [])].map((h) => ({ ...h, scope: to }));
}

/** Records a result, and the runtimes it shows for its stage. */
function add(state: State, result: ExtractResult): void {
  state.results.push(result);
  for (const hint of result.projectHints ?? []) {
    if (hint.scope === undefined) continue;
    const hints = state.projectHints.get(hint.scope) ?? new Map<Runtime, RuntimeHint>();
    if (!hints.has(hint.runtime)) hints.set(hint.runtime, hint);
    state.projectHints.set(hint.scope, hints);
  }
  for (const hint of result.runtimeHints) {
    if (hint.scope === undefined) continue;
    const hints = state.stageHints.get(hint.scope) ?? new Map<Runtime, RuntimeHint>();
    if (!hints.has(hint.runtime)) hints.set(hint.runtime, hint);
    state.stageHints.set(hint.scope, hints);
  }
}

function readProperties(state: State, instruction: Instruction, scope: string): void {
  const properties = (instruction as Instruction & { getProperties(): Property[] }).getProperties();
  properties.forEach((property, i) => {
    const occurrence = toOccurrence(state, instruction, properties, i, scope);
    const problems = valueProblems(state, property, instruction.getKeyword().toUpperCase());
    add(state, { occurrences: [occurrence], problems, runtimeHints: [] });
    add(
      state,
      extractJvmOptionsOf(occurrence, { scope, bakedIn: true, source: { text: state.text, index: state.index } }),
    );
  });
}

function toOccurrence(
  state: State,
  instruction: Instruction,
  properties: Property[],
  i: number,
  scope: string,
): SettingOccurrence {
  const property = properties[i] as Property;
  const valueRange = property.getValueRange() ?? undefined;
  const value = property.getValue() ?? undefined;
  const raw = valueRange ? textOf(state, valueRange) : '';
  const quoting = raw.startsWith('"') ? 'double' : raw.startsWith("'") ? 'single' : 'none';
  const reference = quoting !== 'single' && /(^|[^\\])\$(\{|[A-Za-z_])/.test(raw);
  return {
    surface: 'env',
    name: property.getName(),
    nameRange: property.getNameRange(),
    ...(value !== undefined ? { value } : {}),
    ...(valueRange ? { valueRange } : {}),
    valueKind: value === undefined ? 'none' : reference ? 'reference' : 'literal',
    scope,
    removalRange: removalRange(state, instruction, properties, i),
    quoting,
    bakedIn: true,
    ...(state.stages.find((s) => s.scope === scope)?.windows ? { caseInsensitive: true } : {}),
  };
}

/** The whole instruction when it sets one thing; otherwise the pair with the separator before it. */
function removalRange(state: State, instruction: Instruction, properties: Property[], i: number): Range {
  if (properties.length === 1) {
    const range = instruction.getRange();
    return { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } };
  }
  const own = (properties[i] as Property).getRange();
  const previous = properties[i - 1];
  const range = previous
    ? { start: previous.getRange().end, end: own.end }
    : { start: own.start, end: (properties[i + 1] as Property).getRange().start };
  // A `\` before spaces mid-line (not a continuation) gives neighbouring properties overlapping ranges.
  return comparePositions(range.start, range.end) <= 0 ? range : own;
}

function valueProblems(state: State, property: Property, keyword: string): Finding[] {
  const range = property.getValueRange();
  const problems: Finding[] = [];
  if (property.getName().startsWith('#')) {
    const message =
      'A `#` inside an instruction does not start a comment: Docker reads it as another variable and the build fails.';
    problems.push({ code: 'value-syntax', severity: 'error', message, range: property.getRange() });
  }
  if (!range) return problems;
  const raw = textOf(state, range);
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && (raw.length < 2 || raw[raw.length - 1] !== quote)) {
    problems.push({ code: 'value-syntax', severity: 'error', message: `The opening ${quote} is never closed.`, range });
  } else if (keyword === 'ENV' && property.getAssignmentOperator() === null && /\s#/.test(property.getValue() ?? '')) {
    const message =
      'In a Dockerfile `#` starts a comment only at the start of a line: the text after it is part of this value.';
    problems.push({ code: 'value-syntax', severity: 'warning', message, range });
  }
  return problems;
}

/** The words of a RUN/CMD/ENTRYPOINT, from the JSON array (no shell) or the shell form. */
function commandWords(instruction: Instruction): { words: CommandWord[]; shell: boolean } {
  const json =
    (
      instruction as Instruction & { getJSONStrings?(): { getJSONValue(): string; getRange(): Range }[] }
    ).getJSONStrings?.() ?? [];
  if (json.length > 0) {
    return { words: json.map((word) => ({ value: word.getJSONValue(), range: word.getRange() })), shell: false };
  }
  const words = instruction.getArguments().map((arg) => ({ value: unquote(arg.getValue()), range: arg.getRange() }));
  return { words, shell: true };
}

function unquote(word: string): string {
  return word.replace(/^(["'])(.*)\1$/s, '$2');
}

function textOf(state: State, range: Range): string {
  return state.text.slice(state.index.offsetAt(range.start), state.index.offsetAt(range.end));
}
