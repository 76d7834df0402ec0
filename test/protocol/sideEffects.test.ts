/**
 * The server launches no process, opens no socket and writes no file: it runs under Node's permission
 * model with read access only (a write or a spawn throws ERR_ACCESS_DENIED) and with a sentinel
 * preloaded that reports every attempt, even one the code would catch. A whole session drives it: every
 * format (Ruby through Prism's WebAssembly), every request, a settings change and "Validate workspace"
 * over the examples.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { initialize, openDocument, startServer, type TestClient } from './lspClient.js';
import { SENTINEL_MARKER } from './sideEffectSentinel.js';

const SENTINEL = pathToFileURL(fileURLToPath(new URL('sideEffectSentinel.js', import.meta.url))).toString();
/** Node 20 spells the permission model `--experimental-permission`; later versions `--permission`. */
const PERMISSION = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission';
const READ_ONLY = [PERMISSION, '--allow-fs-read=*', '--allow-wasi', '--import', SENTINEL];
const ENV = { DD_SIDE_EFFECT_SENTINEL: '1' };

const DOCUMENTS: readonly (readonly [string, string])[] = [
  ['examples/java-orders/.env', 'dotenv'],
  ['examples/java-orders/Dockerfile', 'dockerfile'],
  ['examples/java-orders/start.sh', 'shellscript'],
  ['examples/compose/docker-compose.yml', 'yaml'],
  ['examples/dotnet-iis/web.config', 'xml'],
  ['examples/ruby-rails/config/initializers/datadog.rb', 'ruby'],
  ['examples/dotnet-windows/start-reporting.bat', 'bat'],
  ['examples/dotnet-windows/enable-profiler.ps1', 'powershell'],
  ['examples/php-shop/conf.d/98-ddtrace.ini', 'ini'],
];

async function driveEveryRequest(client: TestClient, path: string, languageId: string): Promise<void> {
  const uri = pathToFileURL(resolve(path)).toString();
  await openDocument(client, uri, readFileSync(path, 'utf8'), languageId);
  const report = await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', {
    textDocument: { uri },
  });
  const position = { line: 0, character: 2 };
  await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  const first = report.items[0];
  if (first) {
    await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first] },
    });
  }
}

describe('side effects', () => {
  it('the sentinel sees an attempt, even a caught one', () => {
    const attempt = "import { spawnSync } from 'node:child_process'; try { spawnSync('true'); } catch {}";
    const run = spawnSync(process.execPath, ['--import', SENTINEL, '--input-type=module', '-e', attempt], {
      env: { ...process.env, ...ENV },
      encoding: 'utf8',
    });
    assert.match(run.stderr, new RegExp(`${SENTINEL_MARKER} child_process.spawnSync`));
  });

  it('a whole session starts no process, opens no socket and writes no file', async () => {
    const client = startServer({ nodeArgs: READ_ONLY, env: ENV });
    try {
      await initialize(client, { pull: true, progress: true });
      for (const [path, languageId] of DOCUMENTS) await driveEveryRequest(client, path, languageId);
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { ddProfilerConfig: { runtime: 'java' } },
      });
      const uris = readdirSync('examples', { recursive: true, encoding: 'utf8' }).map((name) =>
        pathToFileURL(resolve(join('examples', name))).toString(),
      );
      const answer = await client.connection.sendRequest<{ files: number }>('ddProfilerConfig/validateFiles', {
        uris,
      });
      assert.ok(answer.files > 10, `checked ${answer.files} files`);
    } finally {
      await client.stop();
    }
    const { stderr } = client.output();
    assert.doesNotMatch(stderr, new RegExp(SENTINEL_MARKER));
    assert.doesNotMatch(stderr, /ERR_ACCESS_DENIED/);
    const logged = client.notifications.filter((n) => n.method === 'window/logMessage');
    assert.doesNotMatch(JSON.stringify(logged), /ERR_ACCESS_DENIED|not allowed in the language server/);
    assert.equal(client.process.exitCode, 0);
  });
});
