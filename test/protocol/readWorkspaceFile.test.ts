/**
 * The server's reader for "Validate workspace" decodes files as an editor shows them (byte-order
 * marks honoured and dropped) and refuses by stat what must not be read, with the cap as given.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readWorkspaceFile } from '../../server/src/lsp/readWorkspaceFile.js';

const TEXT = 'DD_SERVICE=café\r\nDD_ENV=prod\n';

describe('readWorkspaceFile', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dd-read-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, Buffer][] = [
    ['utf-8', Buffer.from(TEXT, 'utf8')],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()])],
  ];
  for (const [name, bytes] of cases) {
    it(`reads ${name} as the editor shows it`, async () => {
      const path = join(dir, `${name}.env`);
      writeFileSync(path, bytes);
      assert.deepEqual(await readWorkspaceFile(path), { text: TEXT });
    });
  }

  it('refuses a file over the cap without reading it', async () => {
    const path = join(dir, 'big.env');
    writeFileSync(path, 'x'.repeat(2048));
    assert.deepEqual(await readWorkspaceFile(path, 1024), {
      skipped: 'too-large',
      note: 'it is larger than the 1 KB limit (2 KB)',
    });
  });
});
