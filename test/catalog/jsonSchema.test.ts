/**
 * schemas/catalog.schema.json is generated from the zod schema; this fails when it is stale
 * (regenerate: `npx tsc -p . && node scripts/generateJsonSchema.mjs`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { catalogJsonSchemaText } from '../../server/src/core/catalog/jsonSchema.js';
import { readCatalogSources } from '../../server/src/node/catalogFiles.js';

describe('catalog JSON Schema', () => {
  it('is up to date with the zod schema', () => {
    assert.equal(readFileSync('schemas/catalog.schema.json', 'utf8'), catalogJsonSchemaText());
  });

  it('is referenced by every catalog file', () => {
    for (const source of readCatalogSources()) {
      const data = JSON.parse(source.text) as { $schema?: string };
      assert.equal(data.$schema, './catalog.schema.json', source.fileName);
    }
  });
});
