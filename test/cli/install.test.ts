/**
 * Installable without a registry: `npm pack` gives a tarball that `npm install -g` turns into working
 * `dd-profiler-lint` and `dd-profiler-language-server` commands, offline, with an empty npm cache, so
 * nothing can be fetched. Only runtime files ship. Runs the bundles in dist/ (built before the tests).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** npm with a private, empty cache and none of a parent npm's `npm_*` settings. */
function npm(args: string[], dir: string, options: SpawnSyncOptions = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const result = spawnSync(NPM, args, {
    encoding: 'utf8',
    timeout: 120_000,
    ...options,
    env: { ...env, npm_config_cache: join(dir, 'cache'), npm_config_update_notifier: 'false' },
  });
  if (result.error) throw result.error;
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${String(result.stderr)}`);
  return String(result.stdout);
}

describe('npm pack + npm install -g of the tarball, offline', () => {
  let dir = '';
  let files: string[] = [];
  let bin = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dd-lint-install-'));
    // Scripts off: `prepare` would rebuild, and the tests already run after a build.
    const packed = JSON.parse(
      npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], dir, { cwd: resolve('.') }),
    ) as { filename: string; files: { path: string }[] }[];
    files = packed[0]?.files.map((file) => file.path) ?? [];
    const tarball = join(dir, packed[0]?.filename ?? '');
    npm(
      ['install', '--global', '--prefix', join(dir, 'prefix'), '--offline', '--no-audit', '--no-fund', tarball],
      dir,
      {
        cwd: dir,
      },
    );
    bin = join(dir, 'prefix', process.platform === 'win32' ? '' : 'bin');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ships only runtime files: the bins, the bundles, Prism with its wasm, the catalog', () => {
    assert.ok(files.includes('dist/cli.mjs') && files.includes('dist/server.mjs'));
    assert.ok(files.includes('dist/node_modules/@ruby/prism/src/prism.wasm'));
    assert.ok(files.includes('schemas/env.json'));
    const unwanted = files.filter((path) =>
      /^(test|out|server|client|scripts|examples)\/|\.map$|\.d\.ts$|\.ts$/.test(path),
    );
    assert.deepStrictEqual(unwanted, []);
  });

  it('decides what ships with .npmignore, since vsce refuses package.json "files" beside .vscodeignore', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { files?: unknown; dependencies?: unknown };
    assert.equal(manifest.files, undefined);
    assert.ok(existsSync('.npmignore') && existsSync('.vscodeignore'));
    assert.equal(manifest.dependencies, undefined, 'runtime code is bundled; a dependency would need the registry');
  });

  it('installs no dependency (everything is bundled)', () => {
    const installed = readdirSync(join(dir, 'prefix', 'lib', 'node_modules', 'dd-profiler-config'));
    assert.ok(!installed.includes('node_modules'), 'no node_modules inside the installed package');
  });

  it('gives a working dd-profiler-lint, Ruby (Prism) included', () => {
    const run = spawnSync(
      join(bin, 'dd-profiler-lint'),
      ['--format', 'json', 'examples/ruby-rails', 'examples/java-orders'],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout) as { files: { path: string; findings: { rule: string }[] }[] };
    const rules = (path: string) => report.files.find((f) => f.path === path)?.findings.map((f) => f.rule) ?? [];
    assert.ok(rules('examples/ruby-rails/config/initializers/datadog.rb').includes('deprecated-setting'));
    assert.deepStrictEqual(rules('examples/java-orders/start.sh'), ['arg-order']);
  });

  it('gives a working dd-profiler-language-server that answers initialize over stdio', async () => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    const server = spawn(join(bin, 'dd-profiler-language-server'), ['--stdio']);
    try {
      const answer = await new Promise<string>((done, fail) => {
        let out = '';
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (out.includes('"capabilities"')) done(out);
        });
        server.on('error', fail);
        server.on('exit', (code) => fail(new Error(`server exited (${code}) before answering: ${out}`)));
        server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      });
      assert.match(answer, /"id":1,"result":\{"capabilities":/);
    } finally {
      server.kill();
    }
  });
});
