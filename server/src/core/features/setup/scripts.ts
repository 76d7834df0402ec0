/**
 * Start scripts (shell, batch, PowerShell): the settings go right before the line that starts the
 * service (the first line naming a tracer or runtime launcher, or `exec`), grouped after the script's
 * own `DD_*` lines when those come first, at that line's indentation; at the end when nothing starts.
 */
import type { Runtime } from '../../types.js';
import { hintsFromCommand } from '../../formats/runtimeHints.js';
import { renderValue } from '../../rules/fixes.js';
import { logicalLineStarts } from '../logicalLines.js';
import { indentOf, insertLines, isBare } from './text.js';
import type { Entry, FormatInput, FormatPlanner } from './types.js';

const LAUNCH =
  /^\s*(exec\s|java\s|python3?\s|node\s|ruby\s|bundle\s|dotnet\s|php\s|go\s+run|start\s|&\s|\.\/|[\w.\\/-]+\.(exe|dll|jar)\b)/i;
const COMMENT = /^\s*(#|rem\b|::|@?echo\s+off)/i;

function writer(line: (entry: Entry, input: FormatInput) => string) {
  return (input: FormatInput, _target: unknown, entries: readonly Entry[]) => {
    const at = insertionLine(input);
    const indent = at < input.index.lineCount ? indentOf(input.text, input.index, at) : '';
    const lines = entries.map((entry) => indent + line(entry, input));
    return [insertLines(input.text, input.index, at, lines, input.eol)];
  };
}

function insertionLine(input: FormatInput): number {
  const { text, index } = input;
  // The script's own settings: not those of the containers its `docker run` lines start.
  const settingLines = input.extracted.occurrences
    .filter((o) => o.surface === 'env' && o.scope === 'file')
    .map((o) => o.nameRange.start.line);
  const lines = Array.from({ length: index.lineCount }, (_, line) =>
    text.slice(index.lineStart(line), index.lineEnd(line)),
  );
  // A command continued with `\` is one: a line goes before or after it, never inside it.
  const starts = logicalLineStarts(lines, false);
  let launch = index.lineCount;
  for (let line = 0; line < index.lineCount; line++) {
    const content = lines[line] ?? '';
    if (COMMENT.test(content) || settingLines.includes(line)) continue;
    if (LAUNCH.test(content) || hintsFromCommand(content).length > 0) {
      launch = starts[line] ?? line;
      break;
    }
  }
  // Next to the script's own settings when they come before the start; else right before it.
  const before = settingLines.filter((line) => line < launch);
  if (before.length === 0) return launch;
  let after = Math.max(...before) + 1;
  while (after < index.lineCount && starts[after] !== after) after++;
  return after;
}

const POSIX: readonly Runtime[] = ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'ddprof'];
// The Ruby, PHP and native profilers run on Linux only; Python's on Windows is not supported either.
const WINDOWS: readonly Runtime[] = ['java', 'go', 'nodejs', 'dotnet'];

export const shellPlanner: FormatPlanner = {
  runtimes: POSIX,
  surface: 'env',
  platform: 'linux',
  targets: () => [{ scope: 'file', label: 'this script' }],
  insert: writer((e) => `export ${e.name}=${isBare(e.value) ? e.value : renderValue(e.value, 'single')}`),
};

export const batchPlanner: FormatPlanner = {
  runtimes: WINDOWS,
  surface: 'env',
  platform: 'windows',
  targets: () => [{ scope: 'file', label: 'this script' }],
  // Nothing after the value (batch keeps a trailing space in it); `SET` in upper case when the file writes it so.
  insert: writer((e, input) => {
    const upper = /^\s*@?SET\s/m.test(input.text) && !/^\s*@?set\s/m.test(input.text);
    return `${upper ? 'SET' : 'set'} ${e.name}=${e.value}`;
  }),
};

export const powershellPlanner: FormatPlanner = {
  runtimes: WINDOWS,
  surface: 'env',
  platform: 'windows',
  targets: () => [{ scope: 'file', label: 'this script' }],
  insert: writer((e) => `$env:${e.name} = '${e.value.replace(/'/g, "''")}'`),
};

/**
 * A Makefile runs commands (`docker run`, a build) rather than being the service's start: the setup
 * belongs where the service starts, so none is planned here.
 */
export const makefilePlanner: FormatPlanner = {
  runtimes: POSIX,
  surface: 'env',
  platform: 'linux',
  targets: () => [{ scope: 'file', label: 'this Makefile' }],
  unsupported: () =>
    'A Makefile runs other commands: enable profiling where the service starts (its Dockerfile, compose file or start script).',
  insert: () => 'A Makefile runs other commands: enable profiling where the service starts.',
};
