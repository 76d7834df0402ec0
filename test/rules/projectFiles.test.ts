/**
 * The runtime from project files: the names that count (and the wildcards a Dockerfile COPY writes),
 * the files beside a `.env` that the adapters pass in, what they must not outvote, and the hover that
 * says which runtime the checks assumed and why.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runtimeOfProjectFile } from '../../server/src/core/formats/projectFiles.js';
import { lintFiles } from '../../server/src/cli/lint.js';
import { createSiblingLister, siblingsOfUri } from '../../server/src/node/siblings.js';
import { realService } from '../helpers/service.js';

describe('project files', () => {
  it('name the runtime of their project', () => {
    const cases: [string, string | undefined][] = [
      ['package.json', 'nodejs'],
      ['Gemfile', 'ruby'],
      ['gemfile.lock', 'ruby'],
      ['requirements-dev.txt', 'python'],
      ['pyproject.toml', 'python'],
      ['go.mod', 'go'],
      ['composer.json', 'php'],
      ['build.gradle.kts', 'java'],
      ['target/app.jar', 'java'],
      ['src/Api/Api.csproj', 'dotnet'],
      ['./Shop.sln', 'dotnet'],
      ['README.md', undefined],
      ['tsconfig.json', undefined],
      ['Dockerfile', undefined],
    ];
    for (const [file, runtime] of cases) assert.equal(runtimeOfProjectFile(file), runtime, file);
  });

  it('count a wildcard only when everything it can match is one runtime', () => {
    assert.equal(runtimeOfProjectFile('package*.json'), 'nodejs');
    assert.equal(runtimeOfProjectFile('*.csproj'), 'dotnet');
    assert.equal(runtimeOfProjectFile('Gemfile*'), 'ruby');
    assert.equal(runtimeOfProjectFile('requirements*.txt'), 'python');
    assert.equal(runtimeOfProjectFile('*.json'), undefined, 'package.json or composer.json');
    assert.equal(runtimeOfProjectFile('*'), undefined);
    assert.equal(runtimeOfProjectFile('.'), undefined);
    assert.equal(runtimeOfProjectFile('[invalid'), undefined);
    const started = Date.now();
    assert.equal(runtimeOfProjectFile(`${'a*'.repeat(5000)}b`), undefined);
    assert.equal(runtimeOfProjectFile('p*a*c*k*age.json'), 'nodejs');
    assert.ok(Date.now() - started < 1000, 'a pattern of many wildcards is refused, not backtracked');
  });
});

describe('files beside a document', () => {
  const uri = 'file:///srv/shop/.env';
  const text = 'DD_SERVICE=shop\nDD_PROFILING_ENABLED=yes\n';

  it('narrow a .env to the runtime of its project', async () => {
    const service = await realService();
    const alone = service.validate({ uri, text });
    assert.match(String(alone[0]?.message ?? ''), /Java and Node\.js/, 'every runtime while nothing says');
    const beside = service.validate({ uri, text, siblingFiles: ['package.json', 'README.md'] });
    assert.deepEqual(
      beside.map((d) => String(d.message)),
      ['`yes` for `DD_PROFILING_ENABLED` is not one of `true`, `false`, `auto`, `1` or `0` (Node.js).'],
    );
  });

  it('make the runtime known, so a setting of another tracer is reported', async () => {
    const service = await realService();
    const doc = { uri, text: 'DD_PROFILING_UPLOAD_PERIOD=60\n', siblingFiles: ['pyproject.toml'] };
    const [finding] = service.validate(doc);
    assert.equal(finding?.code, 'runtime-mismatch');
    assert.match(String(finding?.message ?? ''), /runtime from `pyproject\.toml` beside this file/);
  });

  it('do not outvote the setting names (a package.json kept for tooling beside a Python .env)', async () => {
    const service = await realService();
    const doc = { uri, text: 'DD_PROFILING_MEMORY_ENABLED=true\n', siblingFiles: ['package.json'] };
    assert.deepEqual(service.validate(doc), []);
  });

  it('are not evidence for a compose file, which may hold several programs', async () => {
    const service = await realService();
    const compose = 'services:\n  api:\n    build: ./api\n    environment:\n      DD_PROFILING_ENABLED: "yes"\n';
    const doc = { uri: 'file:///srv/shop/compose.yaml', text: compose };
    const withSiblings = service.validate({ ...doc, siblingFiles: ['package.json'] });
    assert.deepEqual(
      withSiblings.map((d) => String(d.message)),
      service.validate(doc).map((d) => String(d.message)),
    );
  });

  it('show in the hover as the reason for the runtime', async () => {
    const service = await realService();
    const hover = service.hover({ uri, text, siblingFiles: ['Gemfile'] }, { line: 1, character: 3 });
    const markdown =
      hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(markdown, /\*\*Runtime\*\*: Ruby \(`Gemfile` beside this file\)\./);
  });

  it('are listed by the CLI for each file it checks', async () => {
    const service = await realService();
    const dir = mkdtempSync(join(tmpdir(), 'dd-siblings-'));
    try {
      mkdirSync(join(dir, 'node'));
      writeFileSync(join(dir, 'node', 'package.json'), '{}');
      writeFileSync(join(dir, 'node', '.env'), text);
      writeFileSync(join(dir, '.env'), text);
      const { reports } = lintFiles(service, [join(dir, 'node', '.env'), join(dir, '.env')], {
        settings: {},
        cwd: dir,
      });
      assert.match(reports[0]?.findings[0]?.message ?? '', /\(Node\.js\)\.$/);
      assert.match(reports[1]?.findings[0]?.message ?? '', /Java and Node\.js/);
      assert.deepEqual(siblingsOfUri(createSiblingLister(), 'untitled:Untitled-1'), undefined);
      assert.deepEqual(
        [...(siblingsOfUri(createSiblingLister(), `file://${join(dir, 'node', '.env')}`) ?? [])].sort(),
        ['.env', 'package.json'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
