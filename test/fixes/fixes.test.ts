/**
 * Quick fixes never make things worse: over every rule and format fixture, each fix a finding offers,
 * applied alone, removes that finding and brings no new one (no rule's count goes up).
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyEdits } from '../helpers/applyEdits.js';
import { fixtureDocument, realService } from '../helpers/service.js';

const ROOTS = ['test/fixtures/rules', 'test/fixtures/formats'];
const GOLDEN = /\.(findings\.json|fixed|golden\.json)$|README\.md$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return GOLDEN.test(name) ? [] : [path];
  });
}

function counts(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const d of diagnostics) map.set(String(d.code), (map.get(String(d.code)) ?? 0) + 1);
  return map;
}

test('every quick fix removes its finding and adds none', async () => {
  const service = await realService();
  const failures: string[] = [];
  let checked = 0;
  for (const file of ROOTS.flatMap(files)) {
    const doc = fixtureDocument(file);
    const settings = file.includes('runtime-') ? { runtime: /runtime-(\w+)/.exec(file)?.[1] as never } : {};
    const before = service.validate(doc, settings);
    const beforeCounts = counts(before);
    for (const diagnostic of before) {
      const actions = service.codeActions(doc, diagnostic.range, [diagnostic]);
      for (const action of actions.filter((a) => !/^Ignore|dd-profiler-config: ignore/i.test(a.title))) {
        const edits = action.edit?.changes?.[doc.uri] ?? [];
        const after = service.validate({ ...doc, text: applyEdits(doc.text, edits) }, settings);
        const afterCounts = counts(after);
        const code = String(diagnostic.code);
        const worse = [...afterCounts].filter(([c, n]) => n > (beforeCounts.get(c) ?? 0)).map(([c]) => c);
        if ((afterCounts.get(code) ?? 0) >= (beforeCounts.get(code) ?? 0)) worse.push(`${code} not removed`);
        if (worse.length > 0)
          failures.push(`${file}:${diagnostic.range.start.line + 1} "${action.title}": ${worse.join(', ')}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 30, `only ${checked} fixes checked`);
  assert.deepStrictEqual(failures, []);
});
