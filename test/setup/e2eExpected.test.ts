/**
 * The texts the editor end-to-end test expects after "Enable Datadog profiling…" on each file of
 * test/e2e/workspace/setup are what the core plans, and our own rules find them clean.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyEdits } from '../helpers/applyEdits.js';
import { realService } from '../helpers/service.js';
import { assertGoldenText } from '../helpers/golden.js';
import type { Runtime } from '../../server/src/core/types.js';

interface Case {
  readonly file: string;
  readonly runtime: Runtime;
  readonly target?: string;
}

test('e2e setup expectations match the core and are clean', async () => {
  const service = await realService();
  const cases = JSON.parse(readFileSync('test/e2e/setupCases.json', 'utf8')) as Case[];
  for (const c of cases) {
    // The e2e copies the workspace to .e2e/ws: the folder names, and so the derived service names, match.
    const doc = { uri: `file:///e2e/ws/${c.file}`, text: readFileSync(`test/e2e/workspace/${c.file}`, 'utf8') };
    const plan = service.planSetup(doc, { runtime: c.runtime, ...(c.target ? { target: c.target } : {}) });
    const after = applyEdits(doc.text, [...plan.edits, ...plan.changes.map((change) => change.edit)]);
    // Regenerated with UPDATE_GOLDEN=1 like every golden file.
    assertGoldenText(`test/e2e/setupExpected/${c.file}`, after);
    assert.deepStrictEqual(service.validate({ uri: doc.uri, text: after }), [], c.file);
  }
});
