/**
 * Node side of the catalog: finds `schemas/` inside the installed package and reads it. The core's
 * `loadCatalog` stays pure; this is the only place that touches the file system for it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../core/catalog/catalog.js';
import { loadCatalog } from '../core/catalog/loadCatalog.js';
import type { CatalogSource } from '../core/catalog/loadCatalog.js';

const PACKAGE_NAME = 'dd-profiler-config';

/**
 * The directory holding our package.json. Walks up from this module because the code runs from
 * `out/server/src/node/` (tsc) and from `dist/` (bundled), at different depths.
 */
export function findPackageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${start}`);
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed ? String(parsed.name) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The catalog files: every `schemas/*.json` except the generated `*.schema.json`, sorted so messages
 * and load order are stable. `fileName` is relative to the package root (`schemas/env.json`).
 */
export function readCatalogSources(root: string = findPackageRoot()): CatalogSource[] {
  const dir = join(root, 'schemas');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => ({ fileName: `schemas/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}

let cached: Catalog | undefined;

/**
 * The catalog shipped with the package, loaded once per process: it is read-only data, so one copy
 * is shared by the server and the CLI. Throws `CatalogError` if the shipped data is broken.
 */
export function loadDefaultCatalog(): Catalog {
  cached ??= loadCatalog(readCatalogSources());
  return cached;
}
