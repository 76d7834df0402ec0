/**
 * "Validate workspace" over stdio on a directory of the files that broke it before: a missing file, a
 * broken symlink, a symlink loop, a FIFO (opening it would block forever), a socket, a device, a
 * directory, a file over the size cap, one outside the file system and one open in the editor. The run
 * answers, checks the good file, says why it skipped each of the others, and reports progress as it goes.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { ftruncateSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { initialize, openDocument, startServer, type PublishDiagnosticsParams, type TestClient } from './lspClient.js';

interface Answer {
  files: number;
  findings: number;
  open: number;
  skipped: { uri: string; reason: string; note: string }[];
  cancelled: boolean;
}

const posix = process.platform !== 'win32';

describe('Validate workspace over stdio', { skip: !posix && 'needs POSIX symlinks, mkfifo and /dev/null' }, () => {
  let client: TestClient;
  let dir: string;
  let socket: Server;
  const uri = (name: string) => pathToFileURL(join(dir, name)).toString();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dd-validate-'));
    writeFileSync(join(dir, '.env'), 'DD_PROFILING_ENABLE=true\n');
    writeFileSync(join(dir, 'open.env'), 'DD_PROFILING_ENABLED=true\n');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'Dockerfile'));
    symlinkSync(join(dir, 'loop-b.yml'), join(dir, 'loop-a.yml'));
    symlinkSync(join(dir, 'loop-a.yml'), join(dir, 'loop-b.yml'));
    execFileSync('mkfifo', [join(dir, 'fifo.env')]);
    socket = createServer();
    await new Promise<void>((listening) => socket.listen(join(dir, 'socket.env'), listening));
    mkdirSync(join(dir, 'folder.yml'));
    // 11 MB without writing 11 MB: a sparse file, over the 10 MB cap.
    const big = openSync(join(dir, 'big.env'), 'w');
    ftruncateSync(big, 11 * 1024 * 1024);
    closeSync(big);
    client = startServer();
    await initialize(client, { pull: true, progress: true });
    await openDocument(client, uri('open.env'), 'DD_PROFILING_ENABLED=true\n');
  });
  after(async () => {
    await client.stop();
    await new Promise((closed) => socket.close(closed));
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks what it can, skips the rest with a reason, and never blocks on a FIFO', async () => {
    const uris = [
      '.env',
      'missing.env',
      'Dockerfile',
      'loop-a.yml',
      'fifo.env',
      'socket.env',
      'folder.yml',
      'big.env',
      'open.env',
    ].map(uri);
    uris.push('file:///dev/null', 'vscode-vfs://github/acme/app/.env');
    const answer = await client.connection.sendRequest<Answer>('ddProfilerConfig/validateFiles', { uris });
    assert.equal(answer.files, 1);
    assert.equal(answer.findings, 1);
    assert.equal(answer.open, 1);
    assert.equal(answer.cancelled, false);
    assert.deepEqual(Object.fromEntries(answer.skipped.map((s) => [s.uri.replace(/^.*\//, ''), s.reason])), {
      'missing.env': 'missing',
      Dockerfile: 'broken-symlink',
      'loop-a.yml': 'symlink-loop',
      'fifo.env': 'special-file',
      'socket.env': 'special-file',
      'folder.yml': 'directory',
      'big.env': 'too-large',
      null: 'special-file',
      '.env': 'not-on-disk',
    });
    for (const skipped of answer.skipped) assert.match(skipped.note, /^it /);
  });

  it('publishes per file as it goes, with work-done progress, and says why the big file went unchecked', async () => {
    const published = (name: string) =>
      client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri(name));
    assert.deepEqual(
      (await published('.env')).diagnostics.map((d) => d.code),
      ['unknown-setting'],
    );
    const big = (await published('big.env')).diagnostics;
    assert.deepEqual(
      big.map((d) => [d.code, d.message]),
      [['parse-error', 'File not checked: it is larger than the 10.0 MB limit (11.0 MB).']],
    );
    const progress = client.notifications
      .filter((n) => n.method === '$/progress')
      .map((n) => (n.params as { value: { kind: string } }).value.kind);
    assert.deepEqual(progress, ['begin', ...Array<string>(11).fill('report'), 'end']);
    const order = client.notifications.map((n) =>
      n.method === '$/progress' ? (n.params as { value: { kind: string } }).value.kind : n.method,
    );
    assert.ok(
      order.indexOf('textDocument/publishDiagnostics') < order.lastIndexOf('report'),
      'the first file is published before the last file is done',
    );
  });

  it('clears what it pushed for a file once the editor opens it, so a pull client shows it once', async () => {
    const env = uri('.env');
    const pushed = () =>
      client.notifications.filter(
        (n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === env,
      );
    assert.equal(pushed().length, 1);
    await openDocument(client, env, 'DD_PROFILING_ENABLE=true\n');
    await client.waitFor<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === env && p.diagnostics.length === 0,
    );
    const pulled = await client.connection.sendRequest<{ items: unknown[] }>('textDocument/diagnostic', {
      textDocument: { uri: env },
    });
    assert.equal(pulled.items.length, 1);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: env } });
    await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: env },
      position: { line: 0, character: 0 },
    });
    assert.equal(pushed().length, 2, 'nothing pushed on close');
  });

  it('stops when cancelled, and says so', async () => {
    const id = 'cancelled-validation';
    const uris = Array<string>(2000).fill(uri('.env'));
    const answer = await client.sendTogether(
      [
        { id, method: 'ddProfilerConfig/validateFiles', params: { uris } },
        { method: '$/cancelRequest', params: { id } },
      ],
      id,
    );
    const result = answer.result as Answer;
    assert.equal(result.cancelled, true);
    assert.ok(result.files < uris.length, `${result.files} files checked after the cancellation`);
  });
});
