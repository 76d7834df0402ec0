/**
 * Hovers on fixtures with a `$0` caret, against `<file>.golden.md`; a secret's value never appears.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertGoldenText } from '../helpers/golden.js';
import { realService } from '../helpers/service.js';
import { caretFixtures } from './caretFixtures.js';

describe('hover', () => {
  for (const fixture of caretFixtures('test/fixtures/hover')) {
    it(fixture.path, async () => {
      const service = await realService();
      const hover = service.hover(fixture.doc, fixture.position);
      const markdown =
        hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      assert.doesNotMatch(markdown, /0123456789abcdef0123456789abcdef/, 'a secret value leaked into a hover');
      assertGoldenText(`${fixture.path}.golden.md`, `${markdown}\n`);
    });
  }
});
