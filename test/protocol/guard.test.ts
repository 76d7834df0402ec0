/**
 * When the core throws, the adapter must neither go quiet nor echo the document: one diagnostic says
 * the file was not checked and why, the log says where, and neither holds a word of the content. A
 * failure on one file of "Validate workspace" is that file's news; the run goes on.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { ResponseError, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { LanguageService } from '../../server/src/core/languageService.js';
import { couldNotCheck, createGuard, describeFailure } from '../../server/src/lsp/guard.js';
import { validateFiles } from '../../server/src/lsp/validateFiles.js';

const KEY = '0123456789abcdef0123456789abcdef';
const TEXT = `DD_SERVICE=web\nDD_API_KEY=${KEY}\n`;

function fakeConnection(logs: string[]): Connection {
  return { console: { error: (message: string) => logs.push(message) } } as unknown as Connection;
}

describe('guard', () => {
  it('turns a throw into one content-free diagnostic and a content-free log line', async () => {
    const logs: string[] = [];
    const guard = createGuard(fakeConnection(logs));
    const diagnostics = await guard(
      'validation',
      (reason) => [couldNotCheck('file:///app/.env', reason)],
      () => {
        throw new SyntaxError(`Unexpected token in "DD_API_KEY=${KEY}"`);
      },
      () => TEXT,
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.message, d.range.start]),
      [
        [
          'parse-error',
          1,
          'File not checked: the analysis failed with an internal error (SyntaxError (details withheld)); please report it.',
          { line: 0, character: 0 },
        ],
      ],
    );
    assert.equal(logs.length, 1);
    assert.match(logs[0] ?? '', /validation failed: SyntaxError \(details withheld\)\n\s+at /);
    assert.ok(!logs.join('').includes(KEY) && !JSON.stringify(diagnostics).includes(KEY));
  });

  it('keeps a message that quotes nothing from the document', () => {
    assert.equal(
      describeFailure(new RangeError('Maximum call stack size exceeded'), TEXT),
      'RangeError: Maximum call stack size exceeded',
    );
    assert.equal(describeFailure(new Error(`bad value ${KEY.slice(0, 8)}`), TEXT), 'Error (details withheld)');
    assert.equal(describeFailure('a string', TEXT), 'string (details withheld)');
    assert.equal(describeFailure(new Error(`bad ${KEY.toUpperCase()}`), TEXT), 'Error (details withheld)');
  });

  it('lets protocol answers such as cancellation through', async () => {
    const guard = createGuard(fakeConnection([]));
    const cancelled = new ResponseError(-32800, 'Request cancelled.');
    await assert.rejects(
      guard(
        'hover',
        () => null,
        () => {
          throw cancelled;
        },
      ),
      cancelled,
    );
  });
});

describe('validateFiles with a file the core cannot check', () => {
  it('publishes a not-checked diagnostic for it and checks the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-guard-'));
    try {
      writeFileSync(join(dir, 'a.env'), 'DD_SERVICE=a\n');
      writeFileSync(join(dir, 'b.env'), TEXT);
      writeFileSync(join(dir, 'c.env'), 'DD_SERVICE=c\n');
      const uris = ['a.env', 'b.env', 'c.env'].map((name) => pathToFileURL(join(dir, name)).toString());
      const service = {
        validate: (doc: { uri: string; text: string }) => {
          if (doc.uri.endsWith('b.env')) throw new Error(`cannot parse ${doc.text}`);
          return [];
        },
      } as unknown as LanguageService;
      const published = new Map<string, Diagnostic[]>();
      const logs: string[] = [];
      const answer = await validateFiles(
        { uris },
        {
          service: () => service,
          settings: () => Promise.resolve({}),
          isOpen: () => false,
          publish: (uri, diagnostics) => Promise.resolve(void published.set(uri, diagnostics)),
          progress: { begin() {}, report() {}, done() {} },
          cancelled: () => false,
          log: (message) => logs.push(message),
        },
      );
      assert.equal(answer.files, 2);
      assert.deepEqual(
        answer.skipped.map((s) => [s.reason, s.note]),
        [['analysis-failed', 'the analysis failed (Error (details withheld))']],
      );
      assert.deepEqual(
        published.get(uris[1] ?? '')?.map((d) => d.code),
        ['parse-error'],
      );
      assert.ok(!JSON.stringify([...published, answer, logs]).includes(KEY));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
