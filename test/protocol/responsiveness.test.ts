/**
 * The server under load, over stdio: a burst of edits costs a handful of validations, not one per
 * edit (push and pull), a result is never published for a version that is no longer current, and a
 * cancelled request gets the LSP cancellation answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { initialize, openDocument, startServer, type PublishDiagnosticsParams, type TestClient } from './lspClient.js';

const URI = 'file:///work/app/.env';
const EDITS = 5000;
const PUBLISH = 'textDocument/publishDiagnostics';

/** Odd versions hold an invalid period, even ones a valid one: each result says which version it saw. */
const textOf = (version: number) => `DD_PROFILING_UPLOAD_PERIOD=${version % 2 === 1 ? 'abc' : '60'}\n`;
const flagsInvalid = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === 'invalid-value');

function change(client: TestClient, version: number) {
  return client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version },
    contentChanges: [{ text: textOf(version) }],
  });
}

interface RpcError {
  code: number;
  data?: { retriggerRequest?: boolean };
}

describe('a burst of edits, push client', () => {
  let client: TestClient;
  before(async () => {
    client = startServer();
    await initialize(client, { pull: false });
  });
  after(() => client.stop());

  it(`publishes a few times for ${EDITS} edits, each result right for its version`, async () => {
    await openDocument(client, URI, textOf(1));
    await client.waitFor<PublishDiagnosticsParams>(PUBLISH, (p) => p.uri === URI && p.version === 1);
    const last = 1 + EDITS;
    for (let version = 2; version <= last; version++) void change(client, version);
    await client.waitFor<PublishDiagnosticsParams>(PUBLISH, (p) => p.uri === URI && p.version === last, 60_000);
    // One more round trip: anything published for the burst has arrived by now.
    await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 0, character: 1 },
    });
    const published = client.notifications
      .filter((n) => n.method === PUBLISH)
      .map((n) => n.params as PublishDiagnosticsParams)
      .filter((p) => p.uri === URI && (p.version ?? 0) > 1);
    // At most one run per quiet period of the scheduler (150 ms), however slowly the burst arrives.
    assert.ok(published.length <= EDITS / 100, `${published.length} publishes for ${EDITS} edits`);
    const versions = published.map((p) => p.version ?? 0);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'never an older version after a newer one',
    );
    assert.equal(versions.at(-1), last);
    for (const p of published) assert.equal(flagsInvalid(p.diagnostics), (p.version ?? 0) % 2 === 1, `v${p.version}`);
  });
});

describe('a burst of edits, pull client', () => {
  let client: TestClient;
  before(async () => {
    client = startServer();
    await initialize(client, { pull: true });
  });
  after(() => client.stop());

  it('answers a pull overtaken by an edit with ServerCancelled (retrigger), the last one in full', async () => {
    await openDocument(client, URI, textOf(1));
    const pulls = 500;
    const answers: Promise<{ items: Diagnostic[] } | RpcError>[] = [];
    for (let version = 2; version <= 1 + pulls; version++) {
      void change(client, version);
      answers.push(
        client.connection
          .sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: URI } })
          .catch((error: RpcError) => error),
      );
    }
    const results = await Promise.all(answers);
    const full = results.filter((r): r is { items: Diagnostic[] } => 'items' in r);
    assert.ok(full.length <= pulls / 10, `${full.length} validations for ${pulls} pulls`);
    for (const r of results) {
      if ('items' in r) continue;
      assert.equal(r.code, -32802, 'ServerCancelled');
      assert.equal(r.data?.retriggerRequest, true);
    }
    const lastAnswer = results.at(-1);
    assert.ok(lastAnswer && 'items' in lastAnswer, 'the newest version is answered');
    assert.equal(flagsInvalid(lastAnswer.items), (1 + pulls) % 2 === 1);
  });

  it('answers a re-pull of the same version "unchanged", and a pull after a settings change in full', async () => {
    const pull = (previousResultId?: string) =>
      client.connection.sendRequest<{ kind: string; resultId?: string }>('textDocument/diagnostic', {
        textDocument: { uri: URI },
        ...(previousResultId ? { previousResultId } : {}),
      });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const afterSettings = await pull(first.resultId);
    assert.equal(afterSettings.kind, 'full');
    // Reopened with other text: versions start again, the result id does not repeat.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await openDocument(client, URI, textOf(2), 'dotenv', 1);
    await openDocument(client, URI, textOf(1), 'dotenv', 1);
    assert.equal((await pull(afterSettings.resultId)).kind, 'full');
  });

  it('never pushes to a pull client, not even after a settings change', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { ddProfilerConfig: { runtime: 'java' } },
    });
    // Two round trips: a push scheduled by the change would have been sent by the second answer.
    for (let i = 0; i < 2; i++) {
      await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: URI },
        position: { line: 0, character: 3 },
      });
    }
    assert.deepEqual(
      client.notifications.filter((n) => n.method === PUBLISH),
      [],
    );
  });

  for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/diagnostic']) {
    it(`answers a cancelled ${method} with RequestCancelled, and goes on answering`, async () => {
      const id = `cancelled-${method}`;
      const params = { textDocument: { uri: URI }, position: { line: 0, character: 3 } };
      const answer = await client.sendTogether(
        [
          { id, method, params },
          { method: '$/cancelRequest', params: { id } },
        ],
        id,
      );
      assert.equal(answer.error?.code, -32800);
      const hover = await client.connection.sendRequest('textDocument/hover', params);
      assert.ok(hover);
    });
  }
});
