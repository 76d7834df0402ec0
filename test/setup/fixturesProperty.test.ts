/**
 * "Enable Datadog profiling…" on every fixture and example file (real files with every kind of
 * mistake), for every place and its detected runtime (every runtime where none is detected): it never
 * throws, never adds a finding of a kind the file did not have, and planning again finds nothing left.
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyEdits } from '../helpers/applyEdits.js';
import { fixtureDocument, realService } from '../helpers/service.js';

const ROOTS = ['test/fixtures/formats', 'test/fixtures/rules', 'examples'];
const SKIP = /\.(findings\.json|fixed|golden\.json|md)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return SKIP.test(name) ? [] : [path];
  });
}

function counts(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const d of diagnostics) map.set(String(d.code), (map.get(String(d.code)) ?? 0) + 1);
  return map;
}

test('the setup on every fixture: no throw, no new kind of finding, nothing left on a second run', async () => {
  const service = await realService();
  const failures: string[] = [];
  let planned = 0;
  for (const file of ROOTS.flatMap(files)) {
    const doc = fixtureDocument(file);
    const choices = service.setupChoices(doc);
    if (!choices || choices.unsupported) continue;
    const before = counts(service.validate(doc));
    for (const target of choices.targets) {
      for (const runtime of target.detected ? [target.detected] : choices.runtimes) {
        const request = { runtime, target: target.scope };
        const plan = service.planSetup(doc, request);
        if (plan.error) continue;
        const after = { ...doc, text: applyEdits(doc.text, [...plan.edits, ...plan.changes.map((c) => c.edit)]) };
        // Where no runtime was detected, the setup's variables make the file that runtime's, and its other
        // settings are then rightly checked that runtime's way: there only the syntax must not suffer.
        const judged = target.detected !== undefined;
        const worse = [...counts(service.validate(after))].filter(
          ([code, n]) => n > (before.get(code) ?? 0) && (judged || code === 'parse-error'),
        );
        if (worse.length > 0)
          failures.push(`${file} ${target.scope} ${runtime}: more ${worse.map(([c]) => c).join(', ')}`);
        const again = service.planSetup(after, request);
        if (again.edits.length > 0)
          failures.push(`${file} ${target.scope} ${runtime}: adds again ${again.added.join(', ')}`);
        planned++;
      }
    }
  }
  assert.ok(planned > 100, `only ${planned} plans`);
  assert.deepStrictEqual(failures, []);
});
