/**
 * Ruby: the settings go into the file's `Datadog.configure do |c| … end` block, before its `end`, at
 * the indentation of the block's statements and with its parameter name; a file without one gets a
 * block at the end (with `require 'datadog'` when nothing loads the gem). Parsed with Prism.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { renderValue } from '../../rules/fixes.js';
import { asNode, children, kind, type Loc, type RubyNode } from '../../formats/rubyNodes.js';
import { byteToCharOffsets } from '../../text/utf8.js';
import { indentOf, indentUnit, insertLines } from './text.js';
import type { FormatPlanner } from './types.js';

interface Block {
  readonly parameter: string;
  readonly call: RubyNode;
  readonly block: RubyNode;
}

function findConfigure(node: RubyNode | undefined): Block | undefined {
  if (!node) return undefined;
  if (kind(node) === 'CallNode' && node.name === 'configure') {
    const receiver = asNode(node.receiver);
    const block = asNode(node.block);
    const requireds = asNode(asNode(block?.parameters)?.parameters)?.requireds as unknown[] | undefined;
    const parameter = asNode(requireds?.[0])?.name;
    if (kind(receiver) === 'ConstantReadNode' && receiver?.name === 'Datadog' && block && typeof parameter === 'string')
      return { parameter, call: node, block };
  }
  for (const child of children(node)) {
    const found = findConfigure(child);
    if (found) return found;
  }
  return undefined;
}

export const rubyPlanner: FormatPlanner = {
  runtimes: ['ruby'],
  surface: 'rubyConfigure',
  platform: 'linux',
  targets: () => [{ scope: 'file', label: 'this file' }],
  unsupported(input) {
    if (!input.parsers.ruby) return 'The Ruby parser (Prism) is not loaded.';
    if (/^(gemfile|rakefile)$/i.test(input.fileName))
      return "Enable profiling in an initializer (config/initializers/datadog.rb) or with `ddprofrb exec`; the Gemfile only needs gem 'datadog'.";
    return undefined;
  },
  insert(input, _target, entries): TextEdit[] | string {
    const parsed = asNode(input.parsers.ruby?.(input.text));
    if (((parsed?.errors as unknown[] | undefined) ?? []).length > 0)
      return 'The Ruby file has syntax errors; fix them first.';
    const unit = indentUnit(input.text);
    const found = findConfigure(asNode(parsed?.value));
    const char = byteToCharOffsets(input.text);
    const closing = found && (found.block.closingLoc as Loc | undefined);
    if (found && closing) {
      const { index, text } = input;
      const end = char(closing.startOffset);
      const endLine = index.positionAt(end).line;
      const openLine = index.positionAt(char((found.call.location as Loc).startOffset)).line;
      if (endLine > openLine && text.slice(index.lineStart(endLine), end).trim() === '') {
        const statements = (asNode(found.block.body)?.body as RubyNode[] | undefined) ?? [];
        const first = statements[0]?.location;
        const indent = first
          ? indentOf(text, index, index.positionAt(char(first.startOffset)).line)
          : indentOf(text, index, endLine) + unit;
        const lines = entries.map((e) => `${indent}${found.parameter}.${e.name} = ${renderValue(e.value, 'ruby')}`);
        return [insertLines(text, index, endLine, lines, input.eol)];
      }
    }
    const loads = /^\s*require\s+['"]datadog(\/[\w/]+)?['"]/m.test(input.text);
    const lines = [
      ...(input.text.trim() === '' ? [] : ['']),
      ...(loads ? [] : ["require 'datadog'", '']),
      'Datadog.configure do |c|',
      ...entries.map((e) => `${unit}c.${e.name} = ${renderValue(e.value, 'ruby')}`),
      'end',
    ];
    return [insertLines(input.text, input.index, input.index.lineCount, lines, input.eol)];
  },
};
