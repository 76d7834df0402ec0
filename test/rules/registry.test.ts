/**
 * The rule registry, docs/rules.md and the findings codes stay in step.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { RULES } from '../../server/src/core/rules/registry.js';

it('docs/rules.md has one section per rule, in the registry order, naming its default severity', () => {
  const doc = readFileSync('docs/rules.md', 'utf8');
  const sections = [...doc.matchAll(/^## ([a-z-]+)$/gm)].map((m) => m[1]);
  assert.deepEqual(sections, Object.keys(RULES));
  for (const [code, meta] of Object.entries(RULES)) {
    const body = doc.split(`## ${code}\n`)[1]?.split('\n## ')[0] ?? '';
    assert.match(body, new RegExp(`Default: ${meta.defaultSeverity}`), `${code} default severity`);
  }
});
