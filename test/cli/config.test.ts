/**
 * `.dd-profiler-config.json`: found upwards from the current directory or named with --config, applied
 * like the editor's settings, validated with errors that name the problem (exit 2).
 * test/fixtures/cli/.dd-profiler-config.json (`{}`) stops the upward search inside the fixtures.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { assertGoldenText } from '../helpers/golden.js';
import { goldenPath, runCli } from './runCli.js';

describe('cli configuration file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-lint-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const config = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('applies runtime, rule levels and ignore from the nearest config (golden)', () => {
    const run = runCli('configured');
    assert.equal(run.stderr, '');
    assertGoldenText(goldenPath('configured.golden.txt'), run.stdout);
    assert.doesNotMatch(run.stdout, /legacy/, 'ignore: ["legacy"] skips the directory');
    assert.doesNotMatch(run.stdout, /duplicate-setting/, '"duplicate-setting": "off"');
    assert.match(run.stdout, /\.env:\d+:\d+ error unknown-setting /, '"unknown-setting": "error"');
  });

  it('finds the config in a parent directory, with paths still relative to the current one', () => {
    const run = runCli('configured/sub');
    assert.match(run.stdout, /^Dockerfile:2:5 error unknown-setting /);
    assert.equal(run.code, 1);
  });

  it('uses --config instead of searching, and command-line rules win over it', () => {
    const quiet = config('quiet.json', '{ "rules": { "unknown-setting": "off", "runtime-mismatch": "off" } }');
    assert.equal(runCli('configured', '--config', quiet).code, 0);
    const loud = runCli('configured', '--config', quiet, '--rule', 'unknown-setting=error');
    assert.equal(loud.code, 1);
    assert.match(loud.stdout, /error unknown-setting/);
  });

  it('rejects an unknown rule id, naming it and the closest real one (exit 2)', () => {
    assert.deepStrictEqual(runCli('bad-config'), {
      code: 2,
      stdout: '',
      stderr:
        'dd-profiler-lint: .dd-profiler-config.json: rules: unknown rule id "unknown-settings" (did you mean "unknown-setting"?)\n' +
        'Run dd-profiler-lint --help for usage.\n',
    });
  });

  const invalid: [string, string, RegExp][] = [
    ['broken JSON', '{ "rules": ', /bad\.json: not valid JSON/],
    ['an unknown key', '{ "rule": {} }', /bad\.json: \(top level\): Unrecognized key: "rule"/],
    ['an unknown level', '{ "rules": { "arg-order": "fatal" } }', /bad\.json: rules\.arg-order: .*"error"\|"warning"/],
    ['an unknown runtime', '{ "runtime": "cobol" }', /bad\.json: runtime: .*"java"/],
    ['ignore that is not a list', '{ "ignore": "legacy" }', /bad\.json: ignore: /],
  ];
  for (const [what, text, message] of invalid) {
    it(`rejects ${what} (exit 2)`, () => {
      const run = runCli('clean', '--config', config('bad.json', text));
      assert.deepStrictEqual([run.code, run.stdout], [2, '']);
      assert.match(run.stderr, message);
    });
  }

  it('rejects a --config file that does not exist (exit 2)', () => {
    const run = runCli('clean', '--config', 'missing.json');
    assert.deepStrictEqual(run, {
      code: 2,
      stdout: '',
      stderr: 'dd-profiler-lint: config file not found: missing.json\nRun dd-profiler-lint --help for usage.\n',
    });
  });
});
