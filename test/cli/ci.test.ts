/**
 * The CI integrations, exercised as CI runs them: the GitHub Action's entry point against examples/,
 * action.yml wiring every input through, the problem matchers against real text output, and the
 * pre-commit hooks' file pattern against the tool's own format detection.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { preCommitFilesRegex } from '../../server/src/cli/formatsTable.js';
import { detectFormat } from '../../server/src/core/formats/index.js';
import { runCli } from './runCli.js';
import { sarifProblems } from './sarifShape.js';

const ROOT = resolve('.');

/** Runs scripts/action.mjs as the composite action does: inputs as INPUT_* variables, in the repo root. */
function runAction(inputs: Record<string, string>) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/action.mjs')], { cwd: ROOT, env, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface ActionYml {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: { env?: Record<string, string>; run: string }[] };
}

describe('GitHub Action', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-lint-action-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the text report, writes SARIF and fails on the examples, as the CLI does', () => {
    const sarifFile = join(dir, 'findings.sarif');
    const action = runAction({ paths: 'examples', 'sarif-file': sarifFile, 'severity-threshold': 'error' });
    const cli = runCli(ROOT, 'examples');
    assert.deepStrictEqual(action, { code: 1, stdout: cli.stdout, stderr: cli.stderr });
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { results: unknown[] }[] };
    assert.deepStrictEqual(sarifProblems(log), []);
    assert.equal(log.runs[0]?.results.length, cli.stdout.trimEnd().split('\n').length - 1);
  });

  it('passes severity threshold, max warnings, config and allow-empty through', () => {
    const warnings = {
      paths: 'test/fixtures/cli/configured/.env',
      config: 'test/fixtures/cli/configured/.dd-profiler-config.json',
    };
    assert.equal(runAction({ ...warnings, 'severity-threshold': 'error', 'max-warnings': '' }).code, 1);
    const onlyWarnings = { paths: 'examples/node-web/.env' };
    assert.equal(runAction({ ...onlyWarnings, 'severity-threshold': 'error' }).code, 0);
    assert.equal(runAction({ ...onlyWarnings, 'severity-threshold': 'warning' }).code, 1);
    assert.equal(runAction({ ...onlyWarnings, 'max-warnings': '0' }).code, 1);
    assert.equal(runAction({ paths: "'examples/**/*.nothing.yaml'".slice(1, -1) }).code, 2);
    assert.equal(runAction({ paths: 'examples/**/*.nothing.yaml', 'allow-empty': 'true' }).code, 0);
  });

  it('action.yml passes every input to the entry point and registers the problem matcher', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml;
    assert.equal(action.runs.using, 'composite');
    const step = action.runs.steps.find((s) => s.run.includes('scripts/action.mjs'));
    const expectedEnv = Object.fromEntries(
      Object.keys(action.inputs).map((name) => [
        `INPUT_${name.replace(/-/g, '_').toUpperCase()}`,
        `\${{ inputs.${name} }}`,
      ]),
    );
    assert.deepStrictEqual(step?.env, expectedEnv);
    const entry = readFileSync('scripts/action.mjs', 'utf8');
    for (const name of Object.keys(action.inputs)) assert.ok(entry.includes(`input('${name}')`), `entry reads ${name}`);
    const matcher = /::add-matcher::\$\{\{ github\.action_path \}\}\/([^\s"]+)/.exec(step?.run ?? '')?.[1];
    assert.ok(matcher && existsSync(matcher), `matcher file ${matcher}`);
  });
});

describe('problem matchers', () => {
  const text = runCli('mixed');
  const json = JSON.parse(runCli('mixed', '--format', 'json').stdout) as {
    files: {
      path: string;
      findings: { rule: string; severity: string; line: number; column: number; message: string }[];
    }[];
  };
  const expected = (severities: string[]) =>
    json.files.flatMap((file) =>
      file.findings
        .filter((f) => severities.includes(f.severity))
        .map((f) => ({
          file: file.path,
          line: f.line,
          column: f.column,
          severity: f.severity,
          code: f.rule,
          message: f.message,
        })),
    );
  const apply = (regexp: RegExp) =>
    text.stdout.split('\n').flatMap((line) => {
      const m = regexp.exec(line);
      return m
        ? [{ file: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[4], code: m[5], message: m[6] }]
        : [];
    });

  it('the GitHub matcher reads every error and warning line of real output, paths with spaces included', () => {
    const config = JSON.parse(readFileSync('problem-matchers/dd-profiler-lint.json', 'utf8')) as {
      problemMatcher: {
        pattern: {
          regexp: string;
          file: number;
          line: number;
          column: number;
          severity: number;
          code: number;
          message: number;
        }[];
      }[];
    };
    const pattern = config.problemMatcher[0]?.pattern[0];
    assert.deepStrictEqual(pattern && { ...pattern, regexp: '' }, {
      regexp: '',
      file: 1,
      line: 2,
      column: 3,
      severity: 4,
      code: 5,
      message: 6,
    });
    const found = apply(new RegExp(pattern?.regexp ?? '$^'));
    assert.deepStrictEqual(found, expected(['error', 'warning']));
    assert.ok(found.some((f) => f.file === 'web app/web.config'));
  });

  it('the VS Code matcher (package.json) reads errors, warnings and infos', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: { problemMatchers: { name: string; pattern: { regexp: string } }[] };
    };
    const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'dd-profiler-lint');
    assert.deepStrictEqual(apply(new RegExp(matcher?.pattern.regexp ?? '$^')), expected(['error', 'warning', 'info']));
  });
});

describe('pre-commit hooks', () => {
  const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as {
    id: string;
    entry: string;
    files: string;
    language: string;
  }[];
  const bins = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin);

  it('every hook runs an installed bin over the files the tool checks', () => {
    assert.deepStrictEqual(
      hooks.map((hook) => hook.id),
      ['dd-profiler-lint', 'dd-profiler-lint-fix'],
    );
    for (const hook of hooks) {
      assert.equal(hook.language, 'node');
      assert.ok(bins.includes(hook.entry.split(' ')[0] ?? ''), hook.entry);
      assert.equal(hook.files, preCommitFilesRegex(), 'generated by npm run docs:generate');
    }
  });

  it("the file pattern matches exactly the paths the tool's detection claims", () => {
    const regexp = new RegExp(preCommitFilesRegex().replace(/^\(\?i\)/, ''), 'i');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = `${dir}/${name}`;
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    const names = [
      ...walk('examples'),
      ...walk('test/fixtures'),
      'Dockerfile.prod',
      'api.Dockerfile',
      'Containerfile',
      '.env.local',
      'prod.env',
      'Web.Release.config',
      'app.config',
      'config.ru',
      'Gemfile',
      'Rakefile',
      'x.zsh',
      '.bashrc',
      '.profile',
      'run.CMD',
      'a.psm1',
      '.htaccess',
      'www.conf',
      'php-fpm.conf',
      'README.md',
      'package.json',
      'Dockerfile.md/notes',
      'env',
      'x.envrc',
    ];
    const mismatches = names.filter((path) => regexp.test(path) !== (detectFormat(path) !== undefined));
    assert.deepStrictEqual(mismatches, []);
  });
});
