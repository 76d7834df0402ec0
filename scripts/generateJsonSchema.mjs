#!/usr/bin/env node
// Writes schemas/catalog.schema.json from the zod schema (server/src/core/catalog/schema.ts).
// Run after `npx tsc -p .`; test/catalog/jsonSchema.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { catalogJsonSchemaText } = await import(join(root, 'out/server/src/core/catalog/jsonSchema.js'));
writeFileSync(join(root, 'schemas/catalog.schema.json'), catalogJsonSchemaText());
console.log('wrote schemas/catalog.schema.json');
