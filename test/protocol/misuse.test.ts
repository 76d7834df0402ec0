/**
 * Protocol misuse must not kill the server: malformed notifications, requests with missing or wrong
 * parameters, unknown methods, cancellations of nothing, "Validate workspace" with junk and URIs that
 * Node refuses to map to a path. After all of it the same process still answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { initialize, openDocument, startServer, type TestClient } from './lspClient.js';

const URI = 'file:///work/app/.env';

describe('protocol misuse', () => {
  let client: TestClient;
  before(async () => {
    client = startServer();
    await initialize(client, { pull: true });
    await openDocument(client, URI, 'DD_PROFILING_ENABLE=true\n');
  });
  after(() => client.stop());

  const notifications: [string, unknown][] = [
    ['textDocument/didOpen', {}],
    ['textDocument/didOpen', { textDocument: { uri: 'file:///x/.env', text: null, version: 'one' } }],
    ['textDocument/didChange', { textDocument: { uri: 'file:///never/opened.env', version: 2 }, contentChanges: [] }],
    ['textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: null }],
    [
      'textDocument/didChange',
      {
        textDocument: { uri: URI, version: 3 },
        contentChanges: [
          { range: { start: { line: -5, character: 1e9 }, end: { line: 1e9, character: -1 } }, text: 'x' },
        ],
      },
    ],
    ['textDocument/didClose', { textDocument: { uri: 'file:///never/opened.env' } }],
    ['workspace/didChangeConfiguration', { settings: { ddProfilerConfig: { runtime: 42, rules: 'all' } } }],
    ['workspace/didChangeConfiguration', null],
    ['$/cancelRequest', { id: 'no-such-request' }],
    ['$/setTrace', { value: 'loud' }],
    ['made/up', [1, 2, 3]],
  ];

  const requests: [string, unknown][] = [
    ['textDocument/hover', null],
    ['textDocument/hover', { textDocument: { uri: URI }, position: { line: 'a' } }],
    ['textDocument/completion', { textDocument: {} }],
    ['textDocument/codeAction', { textDocument: { uri: URI }, range: null, context: { diagnostics: [{ data: 7 }] } }],
    ['textDocument/diagnostic', { textDocument: { uri: 'file:///never/opened.env' } }],
    ['ddProfilerConfig/validateFiles', null],
    ['ddProfilerConfig/validateFiles', { uris: 'file:///etc/passwd' }],
    ['ddProfilerConfig/validateFiles', { uris: [1, null, {}, 'file://remote-host/x/.env', 'file:///a%2Fb/.env'] }],
    ['made/up', {}],
  ];

  it('survives malformed notifications and requests, and still answers', async () => {
    for (const [method, params] of notifications) await client.connection.sendNotification(method, params);
    for (const [method, params] of requests) await client.connection.sendRequest(method, params).catch(() => undefined);
    const fresh = 'file:///work/app/fresh.env';
    await openDocument(client, fresh, 'DD_PROFILING_ENABLED=true\n');
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: fresh },
      position: { line: 0, character: 3 },
    });
    assert.ok(hover, 'the server still answers');
    assert.equal(client.process.exitCode, null);
  });

  it('reports junk in Validate workspace as skipped files, not as a failure', async () => {
    const answer = await client.connection.sendRequest<{ files: number; skipped: { reason: string }[] }>(
      'ddProfilerConfig/validateFiles',
      { uris: ['file://remote-host/x/.env', 'file:///a%2Fb/.env'] },
    );
    assert.deepEqual(
      answer.skipped.map((s) => s.reason),
      ['unreadable', 'unreadable'],
    );
  });
});
