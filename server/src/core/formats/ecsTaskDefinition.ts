/**
 * Amazon ECS task definitions: the JSON `aws ecs register-task-definition --cli-input-json` takes (and
 * `describe-task-definition` prints, under `taskDefinition`), or a bare array of container definitions
 * as Terraform's `file("container-definitions.json")` reads it. Each container is its own scope: its
 * `environment` (strings only, the API rejects other types), its `secrets` (references to Secrets
 * Manager or SSM, never a literal), its image (so the Datadog Agent sidecar is told apart from the
 * application) and its `entryPoint`/`command` (exec form, so `sh -c "…"` strings are split as a shell would).
 */
import type { ExtractResult, Finding, OsHint, RuntimeHint, ScopeImage, SettingOccurrence } from '../types.js';
import { extractCommandLine, type CommandWord } from './commandLine.js';
import {
  envOccurrence,
  innerRange,
  items,
  property,
  rangeOfNode,
  removalOf,
  stringOf,
  type JsonDocument,
  type Node,
} from './jsonNodes.js';
import { mergeResults } from './result.js';
import { hintsFromImage, osOfImage } from './runtimeHints.js';
import { splitShellLine } from './shellWords.js';

/** File names under which a bare array is a list of container definitions. */
const CONTAINER_LIST_NAME = /task-?def|container-?def/i;

/** The container definitions of a task definition, or `undefined` when the document is not one. */
export function containerDefinitions(root: Node | undefined, fileName: string): Node | undefined {
  if (root?.type === 'array') return CONTAINER_LIST_NAME.test(fileName) && isContainerList(root) ? root : undefined;
  const direct = property(root, 'containerDefinitions');
  const list = direct ?? property(property(root, 'taskDefinition'), 'containerDefinitions');
  return list?.type === 'array' ? list : undefined;
}

/** A bare array counts when it is not empty and every item is an object naming an image or a container. */
function isContainerList(root: Node): boolean {
  const list = items(root);
  return list.length > 0 && list.every((item) => property(item, 'image') !== undefined || property(item, 'name'));
}

/** The task-level settings that apply to every container: the operating system it runs on. */
function taskOs(root: Node | undefined): OsHint[] {
  const task = property(root, 'taskDefinition') ?? root;
  const family = stringOf(property(property(task, 'runtimePlatform'), 'operatingSystemFamily'));
  if (!family) return [];
  const os = /^WINDOWS/i.test(family) ? 'windows' : 'linux';
  return [{ os, reason: `runtimePlatform ${family}` }];
}

export function readEcs(doc: JsonDocument, list: Node): ExtractResult {
  const containers = items(list).map((container, at) => readContainer(doc, container, at));
  const osHints = taskOs(doc.root);
  return mergeResults([{ occurrences: [], problems: [], runtimeHints: [], osHints }, ...containers]);
}

function readContainer(doc: JsonDocument, container: Node, at: number): ExtractResult {
  const scope = `ecs:${stringOf(property(container, 'name')) ?? `container ${at + 1}`}`;
  const image = stringOf(property(container, 'image'));
  const images: ScopeImage[] = image ? [{ scope, image }] : [];
  const runtimeHints: RuntimeHint[] = image
    ? hintsFromImage(image).map((runtime) => ({ runtime, scope, reason: `image ${image}` }))
    : [];
  const os = image ? osOfImage(image) : undefined;
  const words = commandWords(doc, [
    ...items(property(container, 'entryPoint')),
    ...items(property(container, 'command')),
  ]);
  return mergeResults([
    {
      occurrences: [],
      problems: [],
      runtimeHints,
      images,
      ...(os ? { osHints: [{ os, scope, reason: `image ${image}` }] } : {}),
    },
    readEnvironment(doc, property(container, 'environment'), scope),
    readSecrets(doc, property(container, 'secrets'), scope),
    extractCommandLine(words, { scope, bakedIn: false, source: { text: doc.text, index: doc.index } }),
  ]);
}

/** `environment: [{ "name": "DD_ENV", "value": "prod" }]`; the API takes string values only. */
function readEnvironment(doc: JsonDocument, node: Node | undefined, scope: string): ExtractResult {
  const entries = items(node);
  const occurrences: SettingOccurrence[] = [];
  const problems: Finding[] = [];
  for (const [at, entry] of entries.entries()) {
    const name = property(entry, 'name');
    if (!name) continue;
    const value = property(entry, 'value');
    const occurrence = envOccurrence(doc, { name, value, scope, removal: removalOf(doc, entries, at) });
    if (!occurrence) continue;
    occurrences.push(occurrence);
    if (value && value.type !== 'string') problems.push(notAString(doc, value, occurrence.name));
  }
  return { occurrences, problems, runtimeHints: [] };
}

function notAString(doc: JsonDocument, value: Node, name: string): Finding {
  const range = rangeOfNode(doc, value);
  const scalar = value.type === 'number' || value.type === 'boolean';
  const text = scalar ? JSON.stringify(String(value.value)) : undefined;
  return {
    code: 'value-syntax',
    severity: 'error',
    message: `The value of \`${name}\` must be a JSON string: ECS rejects a task definition whose environment holds a ${value.type}.`,
    range,
    ...(text
      ? {
          fixes: [
            { title: `Quote the value: ${text}`, edits: [{ range, newText: text }], preferred: true, safe: true },
          ],
        }
      : {}),
  };
}

/** `secrets: [{ "name": "DD_API_KEY", "valueFrom": "arn:…" }]`: the value comes from a secret store at run time. */
function readSecrets(doc: JsonDocument, node: Node | undefined, scope: string): ExtractResult {
  const entries = items(node);
  const occurrences = entries.flatMap((entry, at): SettingOccurrence[] => {
    const name = property(entry, 'name');
    const text = stringOf(name);
    if (text === undefined || !name) return [];
    const removal = removalOf(doc, entries, at);
    return [
      {
        surface: 'env',
        name: text,
        nameRange: innerRange(doc, name),
        valueKind: property(entry, 'valueFrom') ? 'reference' : 'none',
        scope,
        ...(removal ? { removalRange: removal } : {}),
        bakedIn: false,
      },
    ];
  });
  return { occurrences, problems: [], runtimeHints: [] };
}

/**
 * An exec-form command (`entryPoint` then `command`): one word per string; the string after `-c` is a shell command line, split as
 * the shell will (when it has no JSON escapes, so offsets in the value are offsets in the file).
 */
function commandWords(doc: JsonDocument, strings: readonly Node[]): CommandWord[] {
  const words: CommandWord[] = [];
  for (const item of strings) {
    const value = stringOf(item);
    if (value === undefined) continue;
    const raw = doc.text.slice(item.offset + 1, item.offset + item.length - 1);
    if (words[words.length - 1]?.value === '-c' && raw === value && /\s/.test(value)) {
      // `sh -c "exec java …"` runs `java …`: the shell and its `-c` are not the command that is read.
      words.pop();
      if (/(^|\/)(ba|da|z|k|a)?sh$/.test(words[words.length - 1]?.value ?? '')) words.pop();
      for (const word of splitShellLine(value.replace(/[\r\n]/g, ' '), 0).words) {
        const start = item.offset + 1 + word.start;
        words.push({ value: word.value, range: doc.index.rangeOf(start, item.offset + 1 + word.end) });
      }
      continue;
    }
    words.push({ value, range: rangeOfNode(doc, item) });
  }
  return words;
}
