/**
 * A realistic key planted in every format must never come back out: not in a finding, a diagnostic
 * (message, related information, `data`), a hover anywhere on the line, a completion, a code action's
 * title or edit, a profiler setup plan, nor in the CLI's text, JSON or SARIF output or its stderr.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import type { Position } from 'vscode-languageserver-types';
import { BIN } from '../cli/runCli.js';
import { realService } from '../helpers/service.js';
import { findPlanted, PLANTED_FILES, writePlantedWorkspace, type PlantedFile } from '../helpers/plantedSecrets.js';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1e9, character: 0 } };

function assertNoLeak(channel: string, file: PlantedFile, output: unknown): void {
  const text = typeof output === 'string' ? output : JSON.stringify(output);
  assert.deepStrictEqual(findPlanted(text), [], `${file.path}: a planted key leaks through ${channel}:\n${text}`);
}

/** Every caret position of the document, line by line (the line end included). */
function positions(text: string): Position[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line, lineNumber) =>
      Array.from({ length: line.length + 1 }, (_, character) => ({ line: lineNumber, character })),
    );
}

/** Word starts and ends: where completion results change. */
function wordBoundaries(text: string): Position[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, lineNumber) => {
    const at = [...line.matchAll(/\b/g)].map((m) => m.index);
    return [0, ...at, line.length].map((character) => ({ line: lineNumber, character }));
  });
}

describe('planted keys never leave the core', () => {
  for (const file of PLANTED_FILES) {
    it(file.path, async () => {
      const service = await realService();
      const doc = { uri: `file:///workspace/${file.path}`, text: file.text };
      const analysis = service.analyze(doc);
      const codes = new Set(analysis.findings.map((f) => f.code));
      for (const code of file.expects) assert.ok(codes.has(code), `${file.path}: expected a ${code} finding`);
      assertNoLeak('findings', file, analysis.findings);
      const diagnostics = service.validate(doc);
      assertNoLeak('diagnostics', file, diagnostics);
      assertNoLeak('code actions', file, service.codeActions(doc, WHOLE, diagnostics));
      for (const diagnostic of diagnostics) {
        assertNoLeak('code actions', file, service.codeActions(doc, diagnostic.range, [diagnostic]));
      }
      for (const position of positions(file.text)) assertNoLeak('hover', file, service.hover(doc, position));
      const choices = service.setupChoices(doc);
      assertNoLeak('setup choices', file, choices ?? {});
      for (const runtime of choices?.runtimes ?? []) {
        for (const target of choices?.targets ?? []) {
          assertNoLeak('setup plan', file, service.planSetup(doc, { runtime, target: target.scope }));
        }
      }
      for (const position of wordBoundaries(file.text)) {
        const labels = service.complete(doc, position).map((item) => [item.label, item.detail, item.textEdit]);
        assertNoLeak('completion', file, labels);
      }
    });
  }
});

describe('planted keys never leave the CLI', () => {
  const workspace = writePlantedWorkspace();
  after(() => rmSync(workspace, { recursive: true, force: true }));
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    if (result.error) throw result.error;
    return result;
  };

  it('--fix-dry-run', () => {
    const result = run('--fix-dry-run');
    assert.ok(result.stdout.includes('+++ b/'), 'some fix is shown');
    const output = `${result.stdout}\n${result.stderr}`;
    assert.deepStrictEqual(findPlanted(output), [], `a planted key leaks through --fix-dry-run:\n${output}`);
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`--format ${format}`, () => {
      const result = run('--format', format);
      assert.equal(result.status, 1, 'the planted keys are errors');
      const output = `${result.stdout}\n${result.stderr}`;
      assert.deepStrictEqual(findPlanted(output), [], `a planted key leaks through --format ${format}:\n${output}`);
      // The hard-coded keys are reported in every file where the core sees them.
      for (const file of PLANTED_FILES.filter((f) => f.expects.includes('hardcoded-secret'))) {
        assert.ok(result.stdout.includes(file.path) || format === 'sarif', `${file.path} is reported`);
      }
    });
  }
});
