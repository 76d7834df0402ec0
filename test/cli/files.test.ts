/**
 * Which files the CLI reads and what it does with awkward ones: globs, explicit paths, unsupported
 * names, skipped directories, binary and huge files (generated here in a temporary directory).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './runCli.js';

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}
interface JsonReport {
  files: { path: string; findings: JsonFinding[] }[];
}

const paths = (stdout: string) => (JSON.parse(stdout) as JsonReport).files.map((file) => file.path);

describe('cli file selection', () => {
  it('expands globs itself, relative to the current directory, still skipping dependency directories', () => {
    assert.deepStrictEqual(paths(runCli('mixed', '**/*.yaml', '--format', 'json').stdout), ['k8s/deployment.yaml']);
    assert.deepStrictEqual(paths(runCli('mixed', '**/Dockerfile', '--format', 'json').stdout), ['Dockerfile']);
    assert.deepStrictEqual(paths(runCli('.', 'mixed/*.yml', '--format', 'json').stdout), ['mixed/docker-compose.yml']);
  });

  it('says on stderr when a glob matches nothing, and fails on an empty selection unless --allow-empty', () => {
    const run = runCli('clean', '**/*.yaml');
    const stderr = 'dd-profiler-lint: **/*.yaml: no files to check match this pattern\n';
    const empty = 'dd-profiler-lint: no file to check was found (exit 2; --allow-empty accepts an empty selection)\n';
    assert.deepStrictEqual(run, { code: 2, stdout: 'No problems found in 0 files\n', stderr: stderr + empty });
    assert.deepStrictEqual(runCli('clean', '**/*.yaml', '--allow-empty'), {
      code: 0,
      stdout: 'No problems found in 0 files\n',
      stderr,
    });
  });

  it('still checks the other paths when one glob matches nothing', () => {
    const run = runCli('clean', '**/*.yaml', 'Dockerfile');
    assert.deepStrictEqual([run.code, run.stdout], [0, 'No problems found in 1 file\n']);
  });

  it('checks a file named explicitly even in a skipped directory, and names unsupported ones on stderr', () => {
    const run = runCli('mixed', 'README.md', 'node_modules/some-package/Dockerfile', '--format', 'json');
    assert.equal(run.stderr, 'dd-profiler-lint: README.md: not a format this tool checks; skipped\n');
    assert.deepStrictEqual(paths(run.stdout), ['node_modules/some-package/Dockerfile']);
  });

  it('reports each file once when paths overlap', () => {
    assert.deepStrictEqual(
      paths(runCli('mixed', 'k8s', 'k8s/deployment.yaml', '**/*.yaml', '--format', 'json').stdout),
      ['k8s/deployment.yaml'],
    );
  });
});

describe('cli on binary, huge and hidden files', () => {
  let dir = '';
  let report: JsonReport;
  let code: number | null;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dd-lint-files-'));
    writeFileSync(join(dir, 'empty.json'), '{}');
    mkdirSync(join(dir, 'binary'));
    writeFileSync(join(dir, 'binary', '.env'), Buffer.from([0x44, 0x44, 0x5f, 0x00, 0x01, 0xff, 0x00, 0x3d]));
    mkdirSync(join(dir, 'huge'));
    // 11 MB of valid lines: over the 10 MB limit, so never read into memory or analysed.
    writeFileSync(join(dir, 'huge', '.env'), 'DD_SERVICE=checkout\n'.repeat(580_000));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'Dockerfile'), 'FROM node:22\nENV DD_PROFILER_ENABLED=true\n');
    mkdirSync(join(dir, 'bom'));
    writeFileSync(join(dir, 'bom', '.env'), '\ufeffDD_PROFILER_ENABLED=true\n');
    const run = runCli(dir, '--config', 'empty.json', '--format', 'json', '--rule', 'unknown-setting=warning');
    report = JSON.parse(run.stdout) as JsonReport;
    code = run.code;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a binary file one parse-error finding instead of analysing it', () => {
    const binary = report.files.find((file) => file.path === 'binary/.env');
    assert.deepStrictEqual(
      binary?.findings.map(({ rule, severity, message, line, column }) => ({ rule, severity, message, line, column })),
      [
        {
          rule: 'parse-error',
          severity: 'error',
          message: 'File not checked: it contains NUL bytes, so it looks binary.',
          line: 1,
          column: 1,
        },
      ],
    );
  });

  it('gives a file over 10 MB one parse-error finding and exits 1', () => {
    const huge = report.files.find((file) => file.path === 'huge/.env');
    assert.deepStrictEqual(
      huge?.findings.map(({ rule, message }) => ({ rule, message })),
      [{ rule: 'parse-error', message: 'File not checked: it is 11.1 MB, over the 10 MB limit.' }],
    );
    assert.equal(code, 1);
  });

  it('skips hidden directories such as .git', () => {
    assert.deepStrictEqual(
      report.files.map((file) => file.path),
      // empty.json is the config file, walked as JSON like any other (and silent).
      ['binary/.env', 'bom/.env', 'empty.json', 'huge/.env'],
    );
  });

  it('drops a UTF-8 byte-order mark, so columns match the editor', () => {
    const bom = report.files.find((file) => file.path === 'bom/.env');
    assert.deepStrictEqual(
      bom?.findings.map(({ rule, line, column }) => ({ rule, line, column })),
      [{ rule: 'unknown-setting', line: 1, column: 1 }],
    );
  });
});
