/**
 * PHP settings files: `datadog.*` directives appended to a php.ini (before any `[PATH=…]`/`[HOST=…]`
 * section, which would scope them), as `php_admin_value[…]` in a PHP-FPM pool, as `php_value` in an
 * `.htaccess`. The `=` spacing follows the file's own directives.
 */
import { renderValue } from '../../rules/fixes.js';
import { insertLines } from './text.js';
import type { Entry, FormatInput, FormatPlanner } from './types.js';

export const phpIniPlanner: FormatPlanner = {
  runtimes: ['php'],
  surface: 'phpIni',
  platform: 'linux',
  targets: () => [{ scope: 'file', label: 'this file' }],
  insert(input, _target, entries) {
    const lines = entries.map((entry) => directive(input, entry));
    const scoped = /^\s*\[(PATH|HOST)=/im.exec(input.text);
    const line = scoped ? input.index.positionAt(scoped.index + scoped[0].indexOf('[')).line : input.index.lineCount;
    return [insertLines(input.text, input.index, line, lines, input.eol)];
  },
};

function directive(input: FormatInput, entry: Entry): string {
  const value = /^[\w./-]+$/.test(entry.value) ? entry.value : renderValue(entry.value, 'double');
  const name = input.fileName.toLowerCase();
  if (name === '.htaccess') return `php_value ${entry.name} ${value}`;
  const spaced = /^\s*[\w.[\]]+\s=\s/m.test(input.text) || !/^\s*[\w.[\]]+=/m.test(input.text);
  const key = name === 'www.conf' || name === 'php-fpm.conf' ? `php_admin_value[${entry.name}]` : entry.name;
  return spaced ? `${key} = ${value}` : `${key}=${value}`;
}
