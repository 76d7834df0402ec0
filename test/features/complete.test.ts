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
      const key = (item: (typeof items)[number]) => item.sortText ?? item.label;
      const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
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
