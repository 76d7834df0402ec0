/**
 * "Enable Datadog profiling…" on every format and every runtime that fits it, from realistic starting
 * files: the plan applies, the result parses and our own rules find it clean, planning again finds
 * nothing left to do, and the file keeps its line endings. The partial results are golden files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { realService } from '../helpers/service.js';
import { applyEdits } from '../helpers/applyEdits.js';
import { assertGoldenText } from '../helpers/golden.js';
import { FILE_NAMES, startingFiles } from './startingFiles.js';
import type { Runtime } from '../../server/src/core/types.js';

const uriOf = (fileName: string): string => `file:///srv/checkout/${fileName}`;
/** Formats whose partial files name the runtime (image, command), so detection must find it. */
const DETECTS = new Set(['Dockerfile', 'docker-compose.yml', 'deployment.yaml', 'web.config', 'datadog.rb', 'php.ini']);

for (const fileName of FILE_NAMES) {
  test(`setup: ${fileName}, every runtime that fits, every starting file`, async () => {
    const service = await realService();
    const runtimes = service.setupChoices({ uri: uriOf(fileName), text: '' })?.runtimes ?? [];
    assert.ok(runtimes.length > 0, `${fileName}: no runtime fits`);
    const golden: string[] = [];
    for (const runtime of runtimes) {
      for (const start of startingFiles(fileName, runtime)) {
        const label = `${fileName} / ${runtime} / ${start.variant}`;
        const doc = { uri: uriOf(fileName), text: start.text };
        const choices = service.setupChoices(doc);
        assert.ok(choices && !choices.unsupported, `${label}: ${choices?.unsupported ?? 'no choices'}`);
        if (start.variant.startsWith('partial') && DETECTS.has(fileName))
          assert.equal(choices.detected, runtime, label);
        const plan = service.planSetup(doc, { runtime: runtime as Runtime, target: choices.targets[0]?.scope });
        assert.equal(plan.error, undefined, label);
        assert.ok(plan.edits.length > 0 || plan.changes.length > 0, `${label}: nothing planned`);
        const after = applyEdits(start.text, [...plan.edits, ...plan.changes.map((c) => c.edit)]);
        const findings = service.analyze({ uri: doc.uri, text: after }).findings;
        assert.deepStrictEqual(
          findings.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`),
          [],
          `${label}: not clean:\n${after}`,
        );
        const again = service.planSetup(
          { uri: doc.uri, text: after },
          { runtime: runtime as Runtime, target: choices.targets[0]?.scope },
        );
        assert.deepStrictEqual(
          [again.edits, again.changes],
          [[], []],
          `${label}: planning again changes more:\n${after}`,
        );
        if (start.text.includes('\r\n')) assert.doesNotMatch(after, /[^\r]\n/, `${label}: mixed line endings`);
        if (!start.variant.includes('CRLF')) golden.push(`==== ${runtime} / ${start.variant}\n${after}`);
      }
    }
    assertGoldenText(`test/setup/golden/${fileName.replace(/^\./, 'dot')}.txt`, golden.join('\n'));
  });
}

test('setup: files with no place for the settings are refused with the reason', async () => {
  const service = await realService();
  const cases: [string, string, Runtime, RegExp][] = [
    ['deployment.yaml', 'name: not-a-manifest\n', 'java', /no compose service or Kubernetes container/],
    ['Gemfile', "source 'https://rubygems.org'\ngem 'datadog'\n", 'ruby', /initializer/],
    ['web.config', '<configuration><appSettings /></configuration>\n', 'dotnet', /no <aspNetCore> element/],
    ['web.config', '<configuration><system.webServer>\n', 'dotnet', /not well-formed/],
    ['php.ini', 'memory_limit = 1G\n', 'java', /no setup for java/],
  ];
  for (const [fileName, text, runtime, reason] of cases) {
    const plan = service.planSetup({ uri: uriOf(fileName), text }, { runtime });
    assert.match(plan.error ?? '', reason, fileName);
    assert.deepStrictEqual(plan.edits, []);
  }
});

test('setup: a contradicting value is offered as a change, never applied with the insertion', async () => {
  const service = await realService();
  const text = 'FROM ruby:3.3\nENV DD_PROFILING_ENABLED=auto\nCMD ["ruby", "app.rb"]\n';
  const plan = service.planSetup({ uri: uriOf('Dockerfile'), text }, { runtime: 'ruby' });
  assert.deepStrictEqual(
    plan.changes.map(({ name, current, proposed }) => ({ name, current, proposed })),
    [{ name: 'DD_PROFILING_ENABLED', current: 'auto', proposed: 'true' }],
  );
  assert.deepStrictEqual(plan.added, ['DD_SERVICE']);
});

test('setup: the chosen compose service gets the settings, the others are left alone', async () => {
  const service = await realService();
  const text =
    'services:\n  web:\n    image: node:22\n  worker:\n    image: python:3.12\n    environment:\n      - QUEUE=jobs\n';
  const doc = { uri: uriOf('compose.yaml'), text };
  const choices = service.setupChoices(doc);
  assert.deepStrictEqual(
    choices?.targets.map((t) => [t.scope, t.detected]),
    [
      ['compose:web', 'nodejs'],
      ['compose:worker', 'python'],
    ],
  );
  const plan = service.planSetup(doc, { runtime: 'python', target: 'compose:worker', env: 'prod' });
  assert.equal(
    applyEdits(text, plan.edits),
    'services:\n  web:\n    image: node:22\n  worker:\n    image: python:3.12\n    environment:\n      - QUEUE=jobs\n      - DD_SERVICE=worker\n      - DD_ENV=prod\n      - DD_PROFILING_ENABLED=true\n',
  );
});

test('setup: the CodeLens is offered where a tracer is set up without the profiler, and only there', async () => {
  const service = await realService();
  const lensLine = (fileName: string, text: string) =>
    service.setupHint({ uri: uriOf(fileName), text })?.lens?.start.line;
  assert.equal(lensLine('Dockerfile', 'FROM python:3.12\nCMD ["ddtrace-run", "python", "app.py"]\n'), 0);
  assert.equal(lensLine('.env', '# settings\nDD_SERVICE=shop\n'), 1);
  assert.equal(lensLine('Dockerfile', 'FROM python:3.12\nCMD ["python", "app.py"]\n'), undefined);
  assert.equal(lensLine('.env', 'DD_SERVICE=shop\nDD_PROFILING_ENABLED=false\n'), undefined);
  assert.equal(lensLine('datadog.rb', 'Datadog.configure do |c|\n  c.profiling.enabled = true\nend\n'), undefined);
  assert.equal(lensLine('datadog.rb', "Datadog.configure do |c|\n  c.service = 'shop'\nend\n"), 1);
  assert.equal(service.setupChoices({ uri: uriOf('.env'), text: 'DD_PROFILING_ENABLED=true\n' })?.enabled, true);
  assert.equal(service.setupChoices({ uri: uriOf('.env'), text: 'DD_SERVICE=shop\n' })?.enabled, false);
});

test('setup: a Dockerfile stage built on another inherits its settings; a contradicting one is overridden', async () => {
  const service = await realService();
  const base = 'FROM python:3.12-slim AS base\nENV DD_SERVICE=api DD_PROFILING_ENABLED=';
  const tail = '\nFROM base AS final\nCOPY . /app\nCMD ["ddtrace-run", "python", "app.py"]\n';
  const kept = service.planSetup({ uri: uriOf('Dockerfile'), text: `${base}true${tail}` }, { runtime: 'python' });
  assert.deepStrictEqual([kept.edits, kept.kept], [[], ['DD_SERVICE', 'DD_PROFILING_ENABLED']]);
  const text = `${base}false${tail}`;
  const overridden = service.planSetup({ uri: uriOf('Dockerfile'), text }, { runtime: 'python' });
  assert.deepStrictEqual([overridden.added, overridden.changes], [['DD_PROFILING_ENABLED'], []]);
  assert.match(applyEdits(text, overridden.edits), /COPY \. \/app\nENV DD_PROFILING_ENABLED=true\nCMD/);
});
