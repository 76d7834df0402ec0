/**
 * The built server over stdio, as an editor drives it: push diagnostics for a client without pull
 * support (Neovim 0.7), pull for one with it (VS Code), completion, hover, a code action, and a
 * failing request that must not take the server down.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-types';
import { initialize, openDocument, startServer, type PublishDiagnosticsParams, type TestClient } from './lspClient.js';

const ENV_URI = 'file:///work/app/.env';
const ENV_TEXT = 'DD_PROFILING_ENABLE=true\nDD_SERVICE=checkout\nDD_PROFILING_UPLOAD_PERIOD=abc\n';

describe('language server over stdio, push client (no pull support)', () => {
  let client: TestClient;
  before(async () => {
    client = startServer();
    const init = await initialize(client, { pull: false });
    assert.equal(init.capabilities.diagnosticProvider, undefined);
  });
  after(() => client.stop());

  it('pushes diagnostics on open and after an incremental edit', async () => {
    await openDocument(client, ENV_URI, ENV_TEXT);
    const first = await client.waitFor<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === ENV_URI,
    );
    assert.deepEqual(first.diagnostics.map((d) => d.code).sort(), ['invalid-value', 'unknown-setting']);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: ENV_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 19 }, end: { line: 0, character: 19 } }, text: 'D' }],
    });
    const second = await client.waitFor<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === ENV_URI && p.version === 2,
    );
    assert.deepEqual(
      second.diagnostics.map((d) => d.code),
      ['invalid-value'],
    );
  });

  it('completes names and hovers with the description', async () => {
    const items = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: ENV_URI },
      position: { line: 1, character: 3 },
    });
    assert.ok(items.some((item) => item.label === 'DD_PROFILING_ENABLED'));
    assert.ok(
      items.every((item) => item.label.startsWith('DD_')),
      'filtered by the typed prefix',
    );
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: ENV_URI },
      position: { line: 1, character: 3 },
    });
    assert.match(JSON.stringify(hover.contents), /DD_SERVICE/);
  });

  it('survives a request that throws inside a handler', async () => {
    await client.connection
      .sendRequest('textDocument/hover', { textDocument: { uri: ENV_URI }, position: null })
      .catch(() => undefined);
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: ENV_URI },
      position: { line: 1, character: 3 },
    });
    assert.ok(hover);
  });
});

describe('language server over stdio, pull client', () => {
  let client: TestClient;
  before(async () => {
    client = startServer();
    const init = await initialize(client, { pull: true });
    assert.ok(init.capabilities.diagnosticProvider);
  });
  after(() => client.stop());

  it('answers pull diagnostics and a quick fix rebuilt from diagnostic data', async () => {
    await openDocument(client, ENV_URI, ENV_TEXT);
    const report = await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri: ENV_URI },
    });
    const unknown = report.items.find((d) => d.code === 'unknown-setting');
    assert.ok(unknown);
    assert.match(unknown.codeDescription?.href ?? '', /rules\.md#unknown-setting$/);
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: ENV_URI },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    });
    const rename = actions.find((a) => a.isPreferred);
    assert.deepEqual(rename?.edit?.changes?.[ENV_URI], [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } }, newText: 'DD_PROFILING_ENABLED' },
    ]);
  });

  it('reports a binary document instead of failing', async () => {
    const uri = 'file:///work/app/.env.binary';
    await openDocument(client, uri, 'DD_X=\u0000\u0001\u0002');
    const report = await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    assert.deepEqual(
      report.items.map((d) => d.code),
      ['parse-error'],
    );
  });
});
