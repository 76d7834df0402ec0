/**
 * A dotenv value whose quote is never closed: dotenv reads an unquoted value there, but a quote written
 * on a later line would close it and swallow the lines between. So the quoting fixes below it write
 * the other quote, or none (found by fuzzing).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDotenv } from '../../server/src/core/formats/dotenv.js';
import type { Finding } from '../../server/src/core/types.js';
import { applyEdits } from '../helpers/applyEdits.js';

const fixed = (text: string, finding: Finding | undefined): string =>
  applyEdits(text, finding?.fixes?.[0]?.edits.map((e) => ({ range: e.range, newText: e.newText })) ?? []);
const quoting = (problems: readonly Finding[]) =>
  problems.filter((p) => p.fixes?.some((f) => f.title.startsWith('Quote the value')));

describe('dotenv quoting fixes below a quote never closed', () => {
  it('write double quotes when no quote is open', () => {
    const text = 'DD_TAGS=a b\n';
    const [finding] = quoting(extractDotenv(text).problems);
    assert.equal(fixed(text, finding), 'DD_TAGS="a b"\n');
  });

  it('write single quotes below an open double quote, and the fixed file swallows nothing', () => {
    const text = 'DD_ENV="prod\nDD_TAGS=a b\nDD_SERVICE=x#y\n';
    const findings = quoting(extractDotenv(text).problems);
    assert.equal(findings.length, 2);
    for (const finding of findings) {
      const after = fixed(text, finding);
      assert.match(after, /'/);
      const swallowed = extractDotenv(after).problems.filter((p) => /take the setting on line/.test(p.message));
      assert.deepEqual(swallowed, [], after);
    }
  });

  it('offer no quoting fix when both quotes are open above', () => {
    const text = `DD_ENV="prod\nDD_VERSION='1\nDD_TAGS=a b\n`;
    const problems = extractDotenv(text).problems;
    assert.ok(problems.some((p) => /Spaces inside an unquoted value/.test(p.message)));
    assert.deepEqual(quoting(problems), []);
  });
});
