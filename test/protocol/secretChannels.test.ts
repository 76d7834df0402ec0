/**
 * A planted API key never leaves the server: documents in every format hold one, the client asks for
 * a verbose trace, and the test drives every request (pull and push diagnostics, hover and completion
 * on the key, code actions for every diagnostic, "Validate workspace" from disk). Then it greps
 * everything the server wrote, raw: publishDiagnostics, window/logMessage, $/logTrace, every response,
 * and stderr.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { PLANTED_FILES, findPlanted, writePlantedWorkspace } from '../helpers/plantedSecrets.js';
import { initialize, openDocument, startServer, type TestClient } from './lspClient.js';

/** Every position where a secret starts, and the start of its line (where the setting's name is). */
function positionsOf(text: string): { line: number; character: number }[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, index) => {
    const at = findPlanted(line).length > 0 ? /[0-9a-f]{32,}/i.exec(line)?.index : undefined;
    return at === undefined
      ? []
      : [
          { line: index, character: 2 },
          { line: index, character: at + 1 },
        ];
  });
}

async function driveDocument(client: TestClient, uri: string, text: string, pull: boolean): Promise<void> {
  await openDocument(client, uri, text, '');
  const diagnostics = pull
    ? (
        await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', {
          textDocument: { uri },
        })
      ).items
    : [];
  for (const position of positionsOf(text)) {
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }
  for (const diagnostic of diagnostics) {
    await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
  }
}

for (const pull of [true, false]) {
  describe(`a planted key in every format stays out of every channel (${pull ? 'pull' : 'push'} client)`, () => {
    let root: string;
    let client: TestClient;
    before(async () => {
      root = writePlantedWorkspace();
      client = startServer();
      await initialize(client, { pull, progress: true, trace: 'verbose' });
      await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
    });
    after(async () => {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    });

    it('drives every request on every planted file, then finds no key in anything the server wrote', async () => {
      const uris = PLANTED_FILES.map((file) => pathToFileURL(join(root, file.path)).toString());
      for (const file of PLANTED_FILES) await driveDocument(client, `untitled:${file.path}`, file.text, pull);
      await client.connection.sendRequest('ddProfilerConfig/validateFiles', { uris });
      await client.connection.sendRequest('shutdown');
      const { stdout, stderr } = client.output();
      assert.ok(stdout.includes('hardcoded-secret'), 'the keys were seen');
      assert.deepEqual(findPlanted(stdout), [], 'server -> client messages');
      assert.deepEqual(findPlanted(stderr), [], 'stderr');
    });
  });
}
