/**
 * Finding the package root: the code runs from out/server/src/node/ (tsc) and from dist/ (bundled), and
 * must not stop at a dependency's package.json on the way up.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findPackageRoot } from '../../server/src/node/catalogFiles.js';

describe('findPackageRoot', () => {
  it('finds the repository from the compiled module', () => {
    assert.equal(findPackageRoot(), process.cwd());
  });

  it('walks past other packages and from the bundle directory', () => {
    assert.equal(findPackageRoot(join(process.cwd(), 'node_modules', 'zod', 'v4')), process.cwd());
    assert.equal(findPackageRoot(join(process.cwd(), 'dist')), process.cwd());
  });

  it('fails clearly outside the package', () => {
    assert.throws(() => findPackageRoot('/'), /cannot find the dd-profiler-config package root/);
  });
});
