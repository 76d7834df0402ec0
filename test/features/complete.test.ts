/**
 * Completion on fixtures with a `$0` caret: the first items (label, detail, what they insert where)
 * and the count, against `<file>.golden.json`.
 */
import { describe, it } from 'node:test';
import { assertGolden } from '../helpers/golden.js';
import { realService } from '../helpers/service.js';
import { caretFixtures } from './caretFixtures.js';

describe('completion', () => {
  for (const fixture of caretFixtures('test/fixtures/completion')) {
    it(fixture.path, async () => {
      const service = await realService();
      const items = service.complete(fixture.doc, fixture.position);
      const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
      assertGolden(`${fixture.path}.golden.json`, {
        count: items.length,
        first: sorted.slice(0, 12).map((item) => ({
          label: item.label,
          detail: item.detail,
          edit: item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined,
        })),
      });
    });
  }
});
