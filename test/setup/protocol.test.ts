/**
 * "Enable Datadog profiling…" over the protocol, as the VS Code client drives it: the choices, the
 * planned WorkspaceEdit, the CodeLens on a tracer setup without the profiler, and the code action;
 * and none of the command-bound features for a client that does not run the command.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, TextEdit } from 'vscode-languageserver-types';
import { startServer, type TestClient } from '../protocol/lspClient.js';
import { applyEdits } from '../helpers/applyEdits.js';

const URI = 'file:///work/shop/Dockerfile';
const TEXT = 'FROM python:3.12-slim\nENV DD_SERVICE=shop\nCMD ["ddtrace-run", "python", "app.py"]\n';

async function start(withCommand: boolean): Promise<{ client: TestClient; capabilities: Record<string, unknown> }> {
  const client = startServer();
  const result = (await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: 'file:///work/shop',
    capabilities: { textDocument: { diagnostic: {} } },
    ...(withCommand ? { initializationOptions: { enableProfilingCommand: true } } : {}),
  })) as { capabilities: Record<string, unknown> };
  await client.connection.sendNotification('initialized', {});
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI, languageId: 'dockerfile', version: 1, text: TEXT },
  });
  return { client, capabilities: result.capabilities };
}

describe('profiler setup over stdio, a client with the command', () => {
  let client: TestClient;
  before(async () => ({ client } = await start(true)));
  after(() => client.stop());

  it('answers the choices with the detected runtime, and a plan as a WorkspaceEdit', async () => {
    const choices = await client.connection.sendRequest<{ detected?: string; targets: unknown[] }>(
      'ddProfilerConfig/setupChoices',
      { uri: URI },
    );
    assert.equal(choices.detected, 'python');
    const plan = await client.connection.sendRequest<{ edit: { changes: Record<string, TextEdit[]> }; kept: string[] }>(
      'ddProfilerConfig/planSetup',
      { uri: URI, runtime: 'python' },
    );
    assert.deepEqual(plan.kept, ['DD_SERVICE']);
    assert.equal(
      applyEdits(TEXT, plan.edit.changes[URI] ?? []),
      'FROM python:3.12-slim\nENV DD_SERVICE=shop \\\n    DD_PROFILING_ENABLED=true\nCMD ["ddtrace-run", "python", "app.py"]\n',
    );
  });

  it('logs at debug level what the opened file was read as', async () => {
    const logged = await client.waitFor<{ type: number; message: string }>('window/logMessage', (p) =>
      p.message.startsWith(URI),
    );
    assert.equal(logged.message, `${URI}: dockerfile; the final stage (FROM python:3.12-slim): python`);
    assert.equal(logged.type, 5); // MessageType.Debug
  });

  it('shows a CodeLens and a code action that run the command', async () => {
    const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: URI },
    });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.command, l.command?.arguments]),
      [[1, 'ddProfilerConfig.enableProfiling', [URI]]],
    );
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.command?.command]),
      [['Enable Datadog profiling…', 'refactor', 'ddProfilerConfig.enableProfiling']],
    );
  });
});

describe('profiler setup over stdio, a client without the command', () => {
  let client: TestClient;
  let capabilities: Record<string, unknown>;
  before(async () => ({ client, capabilities } = await start(false)));
  after(() => client.stop());

  it('offers no lens and no action pointing at a command it lacks', async () => {
    assert.equal(capabilities.codeLensProvider, undefined);
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });
});
