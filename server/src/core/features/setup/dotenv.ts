/**
 * `.env`: the missing settings appended at the end, one `NAME=value` a line, with `export ` when the
 * file's own assignments use it, and double quotes only where a loader would otherwise split the value.
 */
import { RUNTIMES } from '../../types.js';
import { renderValue } from '../../rules/fixes.js';
import { insertLines, isBare } from './text.js';
import type { FormatPlanner } from './types.js';

export const dotenvPlanner: FormatPlanner = {
  runtimes: RUNTIMES,
  surface: 'env',
  platform: 'linux',
  targets: () => [{ scope: 'file', label: 'this file' }],
  insert(input, _target, entries) {
    const assignments = input.text.match(/^[ \t]*(export[ \t]+)?[A-Za-z_]\w*=/gm) ?? [];
    const exported = assignments.filter((a) => /^\s*export\s/.test(a)).length;
    const prefix = assignments.length > 0 && exported * 2 > assignments.length ? 'export ' : '';
    const lines = entries.map(
      (e) => `${prefix}${e.name}=${isBare(e.value) ? e.value : renderValue(e.value, 'double')}`,
    );
    return [insertLines(input.text, input.index, input.index.lineCount, lines, input.eol)];
  },
};
