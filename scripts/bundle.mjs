// Bundles the extension client, the language server and the CLI into dist/. Everything the shipped
// programs need is inside: the .vsix and the npm tarball install no dependencies (so installing from a
// release tarball needs no registry). Tests run the tsc output in out/, and the bins run these bundles.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// A stale file left by an older build would otherwise ship.
rmSync('dist', { recursive: true, force: true });

// 'module' first: some dependencies (jsonc-parser) ship a UMD 'main' that esbuild cannot follow.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
};
// Prism stays a real package loaded on demand (server/src/node/parsers.ts), so its WebAssembly sits
// beside it and Node's one-off WASI warning can be silenced at load time.
const node = {
  ...common,
  format: 'esm',
  external: ['@ruby/prism', 'web-tree-sitter'],
  // Less source to parse before the first answer; identifiers are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
await Promise.all([
  build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.cjs',
    format: 'cjs',
    external: ['vscode'],
  }),
  build({ ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.mjs' }),
  build({ ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.mjs' }),
])
  .then(async () => {
    // The catalog validated once here, so the server skips validating it on every start (server/src/lsp/catalog.ts).
    const { prebuildCatalog } = await import('../out/server/src/lsp/catalog.js');
    writeFileSync('dist/catalog.json', JSON.stringify(prebuildCatalog()));
    // Prism (kept external, see above) travels inside dist/: its code, its wasm, no type declarations.
    cpSync('node_modules/@ruby/prism/package.json', 'dist/node_modules/@ruby/prism/package.json');
    cpSync('node_modules/@ruby/prism/src', 'dist/node_modules/@ruby/prism/src', {
      recursive: true,
      filter: (path) => !path.endsWith('.d.ts'),
    });
    // web-tree-sitter and the grammars' WebAssembly, likewise resolved by package (server/src/node/treeSitter.ts).
    for (const file of ['package.json', 'tree-sitter.js', 'tree-sitter.wasm']) {
      cpSync(`node_modules/web-tree-sitter/${file}`, `dist/node_modules/web-tree-sitter/${file}`);
    }
    const { GRAMMAR_FILES } = await import('../out/server/src/node/treeSitter.js');
    for (const { pkg, file } of Object.values(GRAMMAR_FILES)) {
      for (const name of ['package.json', file])
        cpSync(`node_modules/${pkg}/${name}`, `dist/node_modules/${pkg}/${name}`);
    }
  })
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
