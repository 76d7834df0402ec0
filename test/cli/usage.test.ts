/** Bad usage exits 2 with one clear line on stderr and nothing on stdout. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from './runCli.js';

const cases: [string, string[], string][] = [
  ['an unknown option', ['--fromat', 'json'], 'unknown option --fromat'],
  ['an unknown format', ['--format', 'xml'], 'unknown format "xml" (use text, json, sarif)'],
  ['an option without its value', ['--format'], '--format needs a value'],
  ['a path that does not exist', ['no-such-dir'], 'no such file or directory: no-such-dir'],
  [
    'an unknown runtime',
    ['--runtime', 'cobol'],
    'unknown runtime "cobol" (use auto, java, python, go, ruby, nodejs, dotnet, php, ddprof)',
  ],
  [
    'an unknown rule id',
    ['--rule', 'arg_order=off'],
    '--rule arg_order=off: unknown rule id "arg_order" (did you mean "arg-order"?)',
  ],
  [
    'a rule without a level',
    ['--rule', 'arg-order'],
    '--rule arg-order: write it as <rule-id>=<level>, e.g. unknown-setting=error',
  ],
  [
    'an unknown level',
    ['--rule', 'arg-order=fatal'],
    '--rule arg-order=fatal: level must be one of error, warning, info, hint, off',
  ],
  ['a negative --max-warnings', ['--max-warnings', '-1'], '--max-warnings needs a whole number, got "-1"'],
  ['--fix with --fix-dry-run', ['--fix', '--fix-dry-run'], 'use --fix or --fix-dry-run, not both'],
  [
    '--fix-dry-run with a machine format',
    ['--fix-dry-run', '--format', 'json'],
    '--fix-dry-run prints a diff; it cannot be combined with --format json or sarif',
  ],
];

describe('cli bad usage', () => {
  for (const [what, args, message] of cases) {
    it(`exits 2 on ${what}`, () => {
      assert.deepStrictEqual(runCli('clean', ...args), {
        code: 2,
        stdout: '',
        stderr: `dd-profiler-lint: ${message}\nRun dd-profiler-lint --help for usage.\n`,
      });
    });
  }
});
