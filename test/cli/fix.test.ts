/**
 * `--fix`: on every example and every rule/format fixture, the safe fixes leave exactly the findings
 * that have no safe fix, introduce none, and change nothing but the fixed ranges (line endings and a
 * byte-order mark included). The examples' whole fix is also a reviewed golden diff.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { unifiedDiff } from '../../server/src/cli/diff.js';
import { fixText } from '../../server/src/cli/fix.js';
import { detectFormat } from '../../server/src/core/formats/index.js';
import type { LanguageService } from '../../server/src/core/languageService.js';
import type { Finding } from '../../server/src/core/types.js';
import { assertGoldenText } from '../helpers/golden.js';
import { findPlanted, writePlantedWorkspace } from '../helpers/plantedSecrets.js';
import { realService } from '../helpers/service.js';
import { goldenPath, runCli } from './runCli.js';

/** Every file a format claims under `dir`, golden files and CLI workspaces aside. */
function claimedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && !path.includes('.golden.') && detectFormat(path) !== undefined)
    .sort();
}

const FILES = [
  ...claimedFiles('examples'),
  ...claimedFiles('test/fixtures/rules'),
  ...claimedFiles('test/fixtures/formats'),
];
const key = (f: Finding) => `${f.code}: ${f.message}`;
const fixable = (f: Finding) => (f.fixes ?? []).some((fix) => fix.preferred === true && fix.safe === true);
const sorted = (keys: string[]) => [...keys].sort();

describe('--fix on every example and fixture', () => {
  let service: LanguageService;
  before(async () => {
    service = await realService();
  });

  it('covers the examples and fixtures', () => {
    assert.ok(FILES.filter((f) => f.startsWith('examples')).length >= 15, 'examples found');
    assert.ok(FILES.length >= 60, `${FILES.length} files`);
  });

  for (const file of FILES) {
    it(`leaves exactly the unfixable findings: ${file}`, () => {
      const uri = pathToFileURL(resolve(file)).href;
      const text = readFileSync(file, 'utf8');
      const findingsBefore = service.analyze({ uri, text }).findings;
      const { text: fixedText, fixed } = fixText(service, { uri, text }, {});
      const findingsAfter = service.analyze({ uri, text: fixedText }).findings;
      assert.deepStrictEqual(findingsAfter.filter(fixable).map(key), [], 'nothing safely fixable remains');
      assert.deepStrictEqual(
        sorted(findingsAfter.map(key)),
        sorted(findingsBefore.filter((f) => !fixable(f)).map(key)),
        'the remaining findings are the unfixable ones, none new',
      );
      assert.equal(fixed.length > 0, fixedText !== text);
      // Rerunning finds nothing more to do: the loop reached a fixed point.
      assert.equal(fixText(service, { uri, text: fixedText }, {}).text, fixedText);
    });
  }
});

describe('dd-profiler-lint --fix on a copy of examples/', () => {
  let dir = '';
  let run: ReturnType<typeof runCli>;
  let dryRun: ReturnType<typeof runCli>;
  let service: LanguageService;
  before(async () => {
    service = await realService();
    dir = mkdtempSync(join(tmpdir(), 'dd-lint-fix-'));
    cpSync('examples', join(dir, 'dry'), { recursive: true });
    cpSync('examples', join(dir, 'fix/lf'), { recursive: true });
    cpSync('examples', join(dir, 'fix/crlf'), { recursive: true });
    // The same files with CRLF endings and a UTF-8 byte-order mark, as Windows editors save them.
    for (const file of claimedFiles(join(dir, 'fix/crlf'))) {
      writeFileSync(file, `\ufeff${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
    }
    dryRun = runCli(join(dir, 'dry'), '--fix-dry-run');
    run = runCli(join(dir, 'fix'), '--fix');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the fixes as a unified diff without writing (golden), exiting 1 when there is something to fix', () => {
    assertGoldenText(goldenPath('examples.fix.golden.diff'), dryRun.stdout);
    assert.equal(dryRun.code, 1);
    // A real patch tool accepts it against the untouched files, keys masked as the diff masks them.
    const masked = join(dir, 'masked');
    cpSync(join(dir, 'dry'), masked, { recursive: true });
    for (const file of claimedFiles(masked)) {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, service.redact({ uri: pathToFileURL(resolve(file)).href, text }, text));
    }
    const apply = spawnSync('git', ['apply', '--check', '-p1', goldenPath('examples.fix.golden.diff')], {
      cwd: masked,
      encoding: 'utf8',
    });
    assert.equal(apply.error ?? apply.stderr, '');
    // No key from the files reaches the output: a context line holding one is masked.
    assert.doesNotMatch(dryRun.stdout, /0123456789abcdef0123456789abcdef|4f2a9c0d8e7b6a5f4e3d2c1b0a9f8e7d/);
    assert.match(dryRun.stderr, /--fix would fix \d+ problems in \d+ files\n$/);
    for (const file of claimedFiles('examples')) {
      assert.deepStrictEqual(readFileSync(join(dir, 'dry', relative('examples', file))), readFileSync(file), file);
    }
  });

  it('writes the same fixes the diff shows, and keeps CRLF endings and the byte-order mark byte for byte', () => {
    for (const file of claimedFiles(join(dir, 'fix/lf'))) {
      const name = relative(join(dir, 'fix/lf'), file);
      const inProcess = readFileSync(file, 'utf8');
      const crlf = readFileSync(join(dir, 'fix/crlf', name));
      assert.deepStrictEqual(crlf, Buffer.from(`\ufeff${inProcess.replace(/\n/g, '\r\n')}`), name);
    }
  });

  it('reports what it fixed on stderr and what remains on stdout, and exits on what remains', () => {
    assert.match(run.stderr, /^dd-profiler-lint: fixed 1 problem in lf\/java-orders\/start\.sh \(arg-order\)$/m);
    assert.doesNotMatch(run.stdout, /arg-order|yaml-value-type/);
    assert.equal(run.code, 1); // a hard-coded key has no safe fix and stays an error
    assert.equal(runCli(join(dir, 'fix'), '--fix-dry-run').stdout, '', 'nothing left to fix');
  });

  it('writes exactly the files and fixes the dry run showed', () => {
    const diffs = claimedFiles('examples')
      .map((file) => {
        const name = relative('examples', file).split('\\').join('/');
        const text = readFileSync(file, 'utf8');
        const diff = unifiedDiff(name, text, readFileSync(join(dir, 'fix/lf', name), 'utf8'));
        return service.redact({ uri: pathToFileURL(resolve(join(dir, 'dry', name))).href, text }, diff);
      })
      .join('');
    assert.equal(diffs, dryRun.stdout);
  });
});

describe('--fix on other encodings', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dd-lint-fix-enc-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

  it('rewrites a UTF-16 web.config as UTF-16 with its byte-order mark, CRLF endings kept', () => {
    const text =
      '<configuration>\r\n  <appSettings>\r\n    <add key="DD_PROFILING_ENABLED" value="Auto" />\r\n  </appSettings>\r\n</configuration>\r\n';
    writeFileSync(join(dir, 'web.config'), utf16(text));
    const run = runCli(dir, '--fix', '--runtime', 'dotnet', 'web.config');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepStrictEqual(readFileSync(join(dir, 'web.config')), utf16(text.replace('"Auto"', '"auto"')));
  });

  it('leaves a file that is not valid UTF-8 untouched and says so', () => {
    const bytes = Buffer.concat([
      Buffer.from('FROM node:22\nENV DD_PROFILING_ENABLED=Auto\n# caf'),
      Buffer.from([0xe9, 0x0a]),
    ]);
    mkdirSync(join(dir, 'latin1'));
    writeFileSync(join(dir, 'latin1', 'Dockerfile'), bytes);
    const run = runCli(dir, '--fix', '--runtime', 'dotnet', 'latin1/Dockerfile');
    assert.match(
      run.stderr,
      /latin1\/Dockerfile: not valid in its encoding, so it cannot be rewritten exactly; not fixed/,
    );
    assert.deepStrictEqual(readFileSync(join(dir, 'latin1', 'Dockerfile')), bytes);
    assert.match(run.stdout, /invalid-value/);
  });
});

describe('--fix and --fix-dry-run on planted keys', () => {
  const workspace = writePlantedWorkspace();
  after(() => rmSync(workspace, { recursive: true, force: true }));
  // A fixable problem beside each key, so the diff shows lines around it.
  for (const file of claimedFiles(workspace).filter((path) => detectFormat(path) === 'dotenv')) {
    writeFileSync(file, `DD_PROFILING_ENABLED=True\n${readFileSync(file, 'utf8')}DD_TRACE_ENABLED=True\n`);
  }

  it('never prints a key, in the diff or in what --fix reports', () => {
    const dry = runCli(workspace, '--fix-dry-run', '--runtime', 'dotnet');
    assert.match(dry.stdout, /^\+DD_PROFILING_ENABLED=true$/m, 'the dotenv files have a diff');
    const fix = runCli(workspace, '--fix', '--runtime', 'dotnet');
    for (const output of [dry.stdout, dry.stderr, fix.stdout, fix.stderr]) {
      assert.deepStrictEqual(findPlanted(output), [], output);
    }
  });
});
