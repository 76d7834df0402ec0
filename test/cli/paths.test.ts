/**
 * The CLI tells the truth about paths it cannot check: a FIFO, a symbolic-link loop, an unreadable
 * directory each get their own message and exit 2 (never "no such file", never a silent exit 0);
 * skipped default directories are named; hostile file names reach the terminal escaped.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, runCli } from './runCli.js';

const PREFIX = 'dd-profiler-lint: ';
const USAGE = 'Run dd-profiler-lint --help for usage.\n';
const isRoot = process.getuid?.() === 0;
const hasSetpriv = isRoot && spawnSync('setpriv', ['--version']).status === 0;

describe('cli paths it cannot check', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dd-lint-paths-'));
    writeFileSync(join(dir, 'empty.json'), '{}');
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'Dockerfile'), 'FROM node:22\nENV DD_PROFILING_ENABLED=true\n');
    execFileSync('mkfifo', [join(dir, 'fifo.env')]);
    symlinkSync('loop-b.env', join(dir, 'loop-a.env'));
    symlinkSync('loop-a.env', join(dir, 'loop-b.env'));
    for (const skipped of ['.devcontainer', 'vendor', 'target', 'node_modules']) {
      mkdirSync(join(dir, 'tree', skipped), { recursive: true });
      writeFileSync(join(dir, 'tree', skipped, 'Dockerfile'), 'FROM node:22\nENV DD_PROFILER_ENABLED=true\n');
    }
    mkdirSync(join(dir, 'tree', '.git'));
    writeFileSync(join(dir, 'tree', '.git', 'Dockerfile'), 'ENV DD_PROFILER_ENABLED=true\n');
    // CI pipelines live in hidden directories that are walked.
    mkdirSync(join(dir, 'tree', '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(dir, 'tree', '.github', 'workflows', 'ci.yml'),
      'on: push\njobs:\n  t:\n    env:\n      DD_ENV: ci\n',
    );
    mkdirSync(join(dir, 'tree', '.gitlab', 'ci'), { recursive: true });
    writeFileSync(join(dir, 'tree', '.gitlab', 'ci', 'test.gitlab-ci.yml'), 'test:\n  script: [make]\n');
    writeFileSync(join(dir, 'tree', 'Dockerfile'), 'FROM node:22\nENV DD_PROFILING_ENABLED=true\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => runCli(dir, '--config', 'empty.json', ...args);

  it('names a FIFO given explicitly as such and exits 2 without reading it', () => {
    assert.deepStrictEqual(run('fifo.env'), {
      code: 2,
      stdout: '',
      stderr: `${PREFIX}not a regular file (a FIFO): fifo.env\n${USAGE}`,
    });
  });

  it('names a symbolic-link loop as such, not as a missing file', () => {
    assert.deepStrictEqual(run('loop-a.env'), {
      code: 2,
      stdout: '',
      stderr: `${PREFIX}symbolic link loop: loop-a.env\n${USAGE}`,
    });
  });

  it('reports a FIFO and a loop met while walking, checks the rest, and exits 2', () => {
    const walked = run('.', '--format', 'json');
    assert.equal(walked.code, 2);
    assert.deepStrictEqual(
      walked.stderr.split('\n').filter((line) => /fifo|loop/.test(line)),
      [
        `${PREFIX}fifo.env: not a regular file (a FIFO); not checked`,
        `${PREFIX}loop-a.env: symbolic link loop; not checked`,
        `${PREFIX}loop-b.env: symbolic link loop; not checked`,
      ],
    );
    const files = (JSON.parse(walked.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.deepStrictEqual(files, [
      'app/Dockerfile',
      'tree/.github/workflows/ci.yml',
      'tree/.gitlab/ci/test.gitlab-ci.yml',
      'tree/Dockerfile',
    ]);
  });

  // Root reads everything, so as root the CLI runs as `nobody` (setpriv) for this one.
  const asUser = isRoot && hasSetpriv ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  const runAs = (...args: string[]) => {
    const [command = process.execPath, ...rest] = [...asUser, process.execPath, BIN, '--config', 'empty.json', ...args];
    const result = spawnSync(command, rest, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  it(
    'exits 2 on an unreadable directory, named or met while walking',
    { skip: isRoot && !hasSetpriv && 'root reads everything' },
    () => {
      mkdirSync(join(dir, 'locked'));
      chmodSync(join(dir, 'locked'), 0o000);
      chmodSync(dir, 0o755);
      try {
        assert.deepStrictEqual(runAs('locked'), {
          code: 2,
          stdout: '',
          stderr: `${PREFIX}cannot read directory (permission denied): locked\n${USAGE}`,
        });
        const walked = runAs('.');
        assert.equal(walked.code, 2);
        assert.match(walked.stderr, /^dd-profiler-lint: locked: permission denied; not checked$/m);
      } finally {
        chmodSync(join(dir, 'locked'), 0o755);
        rmSync(join(dir, 'locked'), { recursive: true });
      }
    },
  );

  it('names the dependency, build and hidden directories it skipped, not .github or .gitlab; --no-default-ignore checks them (never .git)', () => {
    const skipped = run('tree');
    assert.deepStrictEqual(skipped, {
      code: 0,
      stdout: 'No problems found in 3 files\n',
      stderr: `${PREFIX}skipped 4 directories tree/.devcontainer, tree/node_modules, tree/target, tree/vendor (dependency, build or hidden; --no-default-ignore checks them)\n`,
    });
    const all = run('tree', '--no-default-ignore', '--format', 'json');
    const files = (JSON.parse(all.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.deepStrictEqual(files, [
      'tree/.devcontainer/Dockerfile',
      'tree/.github/workflows/ci.yml',
      'tree/.gitlab/ci/test.gitlab-ci.yml',
      'tree/Dockerfile',
      'tree/node_modules/Dockerfile',
      'tree/target/Dockerfile',
      'tree/vendor/Dockerfile',
    ]);
    assert.equal(all.stderr, '');
  });
});

describe('cli severity threshold and hostile names', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dd-lint-threshold-'));
    writeFileSync(join(dir, 'empty.json'), '{}');
    // One warning (an unknown setting), nothing else.
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:22\nENV DD_PROFILING_ENABLE=true\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => runCli(dir, '--config', 'empty.json', ...args);

  it('fails on errors by default, on warnings with --severity-threshold warning, on info with info', () => {
    assert.equal(run().code, 0);
    assert.equal(run('--severity-threshold', 'warning').code, 1);
    assert.equal(run('--rule', 'unknown-setting=info').code, 0);
    assert.equal(run('--rule', 'unknown-setting=info', '--severity-threshold', 'warning').code, 0);
    assert.equal(run('--rule', 'unknown-setting=info', '--severity-threshold', 'info').code, 1);
    // A hint never fails a run: it is a suggestion, e.g. a placeholder key in .env.example.
    assert.equal(run('--rule', 'unknown-setting=hint', '--severity-threshold', 'info').code, 0);
  });

  it('rejects an unknown threshold', () => {
    assert.deepStrictEqual(run('--severity-threshold', 'hint'), {
      code: 2,
      stdout: '',
      stderr: `${PREFIX}unknown severity "hint" for --severity-threshold (use error, warning, info)\n${USAGE}`,
    });
  });

  it('escapes control characters in a usage error naming the path', () => {
    assert.deepStrictEqual(run('gone\u001bc\u0007.env'), {
      code: 2,
      stdout: '',
      stderr: `${PREFIX}no such file or directory: gone\\x1bc\\x07.env\n${USAGE}`,
    });
  });

  it('escapes terminal control sequences in file names on stdout and stderr', () => {
    const name = 'evil\u001b]52;c;aGk=\u0007';
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, '.env'), 'DD_PROFILING_ENABLE=true\n');
    writeFileSync(join(dir, name, 'notes\u001b[2J.txt'), '');
    const out = run(name, `${name}/notes\u001b[2J.txt`);
    assert.equal(
      out.stdout.split('\n')[0]?.startsWith('evil\\x1b]52;c;aGk=\\x07/.env:1:1 warning unknown-setting'),
      true,
    );
    assert.equal(
      out.stderr,
      `${PREFIX}evil\\x1b]52;c;aGk=\\x07/notes\\x1b[2J.txt: not a format this tool checks; skipped\n`,
    );
    // eslint-disable-next-line no-control-regex -- the point: no raw control character reaches the terminal
    assert.doesNotMatch(out.stdout + out.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
