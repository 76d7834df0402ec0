/**
 * The catalog as the server loads it. Validating the catalog files with zod on every start costs
 * 100-400 ms on a busy machine, before the first diagnostic; the data only changes with a release. So
 * the build (scripts/bundle.mjs) validates once and writes the result beside the bundle as
 * `dist/catalog.json`, and the bundled server (the extension's and the bin's) builds its look-ups from
 * that (a few ms). Run from `out/` (unit tests) there is no prebuilt file and the validated load is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../core/catalog/catalog.js';
import { catalogFromData, mergeCatalogData, validateCatalog, type CatalogData } from '../core/catalog/loadCatalog.js';
import { loadDefaultCatalog, readCatalogSources } from '../node/catalogFiles.js';

/** Everything the catalog is built from: settings, dialects, equivalences and the registries' names. */
export type PrebuiltCatalog = CatalogData;

export const PREBUILT_CATALOG = 'catalog.json';

/** The prebuilt catalog beside this module when there is one, else the validated load. */
export function loadServerCatalog(): Catalog {
  const prebuilt = join(dirname(fileURLToPath(import.meta.url)), PREBUILT_CATALOG);
  if (!existsSync(prebuilt)) return loadDefaultCatalog();
  return catalogFromData(JSON.parse(readFileSync(prebuilt, 'utf8')) as PrebuiltCatalog);
}

/** Validates the shipped catalog files (throws `CatalogError` as the normal load does) and returns their data. */
export function prebuildCatalog(): PrebuiltCatalog {
  return mergeCatalogData(validateCatalog(readCatalogSources()));
}
