/** The CLI's own pieces, in process: colour, SARIF URIs, file decoding. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { formatJson, formatText, type FileReport } from '../../server/src/cli/report.js';
import { formatSarif } from '../../server/src/cli/sarif.js';
import { readSource } from '../../server/src/cli/source.js';

const report = (path: string): FileReport => ({
  path,
  format: 'dotenv',
  findings: [
    {
      code: 'unknown-setting',
      severity: 'warning',
      message: 'first line\n  second line',
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } },
    },
  ],
});

describe('cli text report', () => {
  it('colours severity and rule only when asked, and keeps each finding on one line', () => {
    assert.equal(
      formatText([report('.env')], false),
      '.env:3:1 warning unknown-setting first line second line\n0 errors, 1 warning in 1 file (unknown-setting 1)\n',
    );
    assert.equal(
      formatText([report('.env')], true),
      '.env:3:1 \u001b[33mwarning\u001b[0m \u001b[2munknown-setting\u001b[0m first line second line\n0 errors, 1 warning in 1 file (unknown-setting 1)\n',
    );
  });
});

describe('cli terminal safety', () => {
  it('escapes control characters and bidi overrides from file names and messages in text output', () => {
    const hostile: FileReport = {
      path: 'evil\u001b]52;c;aGk=\u0007/.env',
      format: 'dotenv',
      findings: [
        {
          code: 'invalid-value',
          severity: 'error',
          message: '`\u001b[2J\u009b31m\u202e` is not valid',
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        },
      ],
    };
    assert.equal(
      formatText([hostile], false),
      'evil\\x1b]52;c;aGk=\\x07/.env:1:1 error invalid-value `\\x1b[2J\\x9b31m\\u202e` is not valid\n' +
        '1 error, 0 warnings in 1 file (invalid-value 1)\n',
    );
  });

  it('keeps JSON and SARIF the same values while writing C1 controls and bidi overrides as \\u escapes', () => {
    const reportWith = (path: string): FileReport => ({ ...report(path), findings: [] });
    for (const output of [
      formatJson([reportWith('a\u009bb\u202e.env')], '0'),
      formatSarif([report('a\u009b.env')], '0'),
    ]) {
      // eslint-disable-next-line no-control-regex -- the point: no raw control character in the output
      assert.doesNotMatch(output, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      assert.doesNotThrow(() => JSON.parse(output));
    }
    assert.equal(
      (JSON.parse(formatJson([reportWith('a\u009b.env')], '0')) as { files: { path: string }[] }).files[0]?.path,
      'a\u009b.env',
    );
  });
});

describe('cli SARIF', () => {
  it('percent-encodes each path segment of the artifact URI', () => {
    const log = JSON.parse(formatSarif([report('deploy #1/app config/.env')], '0.0.0')) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const uri = log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri;
    assert.equal(uri, 'deploy%20%231/app%20config/.env');
  });
});

describe('cli file decoding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-lint-source-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: Buffer) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const text = 'DD_ENV=prod\n';

  it('decodes UTF-16 with a byte-order mark, as Windows editors save web.config', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    assert.deepStrictEqual(readSource(file('le.env', le)), { text, encoding: 'utf16le', exact: true });
    assert.deepStrictEqual(readSource(file('be.env', be)), { text, encoding: 'utf16be', exact: true });
  });

  it('drops a UTF-8 byte-order mark and keeps the rest', () => {
    assert.deepStrictEqual(readSource(file('bom.env', Buffer.from(`\ufeff${text}`))), {
      text,
      encoding: 'utf8bom',
      exact: true,
    });
  });

  it('says when the text would not encode back to the same bytes (invalid UTF-8), so --fix leaves it', () => {
    const source = readSource(file('bad.env', Buffer.from([0x44, 0x44, 0x3d, 0xff, 0x0a])));
    assert.deepStrictEqual(source, { text: 'DD=\ufffd\n', encoding: 'utf8', exact: false });
  });

  it('refuses a file it cannot read with a parse-error finding', () => {
    const start = { line: 0, character: 0 };
    assert.deepStrictEqual(readSource(join(dir, 'missing.env')), {
      refused: {
        code: 'parse-error',
        severity: 'error',
        message: 'File not checked: it cannot be read (ENOENT).',
        range: { start, end: start },
      },
    });
  });
});
