/**
 * The JSON Schema of one catalog file, derived from the zod schema so the two never drift: editors use
 * `schemas/catalog.schema.json` to complete and check the data while it is edited, and a test fails
 * when the committed copy is stale (regenerate with `node scripts/generateJsonSchema.mjs`).
 */
import { z } from 'zod';
import { catalogFileSchema } from './schema.js';

/** The JSON Schema (draft-07, which every editor's JSON support understands) for `schemas/*.json`. */
export function catalogJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(catalogFileSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return {
    ...generated,
    title: 'dd-profiler-config settings catalog file',
    description:
      'One file of the settings catalog in schemas/. Generated from server/src/core/catalog/schema.ts; do not edit.',
  };
}

/** The exact text committed as `schemas/catalog.schema.json`. */
export function catalogJsonSchemaText(): string {
  return `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`;
}
