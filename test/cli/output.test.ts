/**
 * The three output formats on a workspace with one file per format and a mistake in each, compared
 * with golden files beside the workspace (UPDATE_GOLDEN=1 rewrites them), plus the properties that
 * must hold whatever the rules find: SARIF structure, exit codes, skipped directories, no secrets.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertGolden, assertGoldenText } from '../helpers/golden.js';
import { goldenPath, runCli } from './runCli.js';
import { sarifProblems } from './sarifShape.js';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
/** The literal key in mixed/Dockerfile: it must never reach any output. */
const SECRET = '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f';

interface JsonReport {
  tool: { name: string; version: string };
  summary: { files: number; errors: number; warnings: number; infos: number; hints: number };
  files: { path: string; format: string | null; findings: { rule: string; severity: string }[] }[];
}

interface SarifLog {
  runs: { tool: { driver: { version: string } }; results: { level: string }[] }[];
}

describe('cli output on the mixed workspace', () => {
  const text = runCli('mixed');
  const json = runCli('mixed', '--format', 'json');
  const sarif = runCli('mixed', '--format', 'sarif');

  it('prints path:line:col severity rule message and a summary (golden)', () => {
    assert.equal(
      text.stderr,
      'dd-profiler-lint: skipped 4 directories .cache, dist, node_modules, out (dependency, build or hidden; --no-default-ignore checks them)\n',
    );
    assertGoldenText(goldenPath('mixed.golden.txt'), text.stdout);
    assert.match(
      text.stdout.trimEnd().split('\n').pop() ?? '',
      /^\d+ errors?, \d+ warnings? in \d+ files? \(([a-z-]+ \d+)(, [a-z-]+ \d+)*\)$/,
    );
  });

  it('prints JSON with the documented shape (golden)', () => {
    const report = JSON.parse(json.stdout) as JsonReport;
    assert.deepStrictEqual(report.tool, { name: 'dd-profiler-lint', version: VERSION });
    assertGolden(goldenPath('mixed.golden.json'), { ...report, tool: { ...report.tool, version: '<version>' } });
  });

  it('prints valid SARIF 2.1.0 (golden)', () => {
    const log = JSON.parse(sarif.stdout) as SarifLog;
    assert.deepStrictEqual(sarifProblems(log), []);
    assert.equal(log.runs[0]?.tool.driver.version, VERSION);
    const driver = log.runs[0]?.tool.driver;
    if (driver) driver.version = '<version>';
    assertGolden(goldenPath('mixed.golden.sarif.json'), log);
  });

  it('agrees across formats on what was found and exits 1 on errors', () => {
    const report = JSON.parse(json.stdout) as JsonReport;
    const log = JSON.parse(sarif.stdout) as SarifLog;
    const findings = report.files.flatMap((file) => file.findings);
    assert.equal(findings.length, log.runs[0]?.results.length);
    assert.equal(report.summary.errors, findings.filter((f) => f.severity === 'error').length);
    const expectedCode = report.summary.errors > 0 ? 1 : 0;
    assert.deepStrictEqual([text.code, json.code, sarif.code], [expectedCode, expectedCode, expectedCode]);
  });

  it('checks every supported file and skips dependency, build and hidden directories', () => {
    const report = JSON.parse(json.stdout) as JsonReport;
    assert.deepStrictEqual(
      report.files.map((file) => [file.path, file.format]),
      [
        ['.env', 'dotenv'],
        ['Dockerfile', 'dockerfile'],
        ['docker-compose.yml', 'yaml'],
        ['k8s/deployment.yaml', 'yaml'],
        ['web app/web.config', 'xmlConfig'],
      ],
    );
  });

  it('never prints the value of a hard-coded key', () => {
    for (const run of [text, json, sarif]) assert.equal(run.stdout.includes(SECRET), false);
  });
});

describe('cli exit codes and filters', () => {
  it('exits 0 and says so when there is nothing to report', () => {
    assert.deepStrictEqual(runCli('clean'), { code: 0, stdout: 'No problems found in 1 file\n', stderr: '' });
  });

  it('--quiet shows errors only but still fails on them', () => {
    const all = JSON.parse(runCli('mixed', '--format', 'json').stdout) as JsonReport;
    const quiet = runCli('mixed', '--format', 'json', '--quiet');
    const shown = (JSON.parse(quiet.stdout) as JsonReport).files.flatMap((file) => file.findings);
    assert.deepStrictEqual(
      shown,
      all.files.flatMap((file) => file.findings).filter((f) => f.severity === 'error'),
    );
    assert.equal(quiet.code, shown.length > 0 ? 1 : 0);
  });

  it('--rule turns rules off and --max-warnings fails on too many warnings', () => {
    const off = ['unknown-setting', 'duplicate-setting', 'runtime-mismatch'].flatMap((id) => ['--rule', `${id}=off`]);
    assert.equal(runCli('configured', ...off).code, 0);
    const warn = ['--rule', 'unknown-setting=warning'];
    const lenient = runCli('configured', ...warn, '--max-warnings', '10');
    assert.deepStrictEqual([lenient.code, lenient.stderr], [0, '']);
    const strict = runCli('configured', ...warn, '--max-warnings', '0');
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /warnings?, more than --max-warnings 0/);
  });

  it('--help and --version exit 0', () => {
    const help = runCli('clean', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: dd-profiler-lint/);
    assert.deepStrictEqual(runCli('clean', '--version'), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
});
