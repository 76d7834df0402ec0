// Bundles the extension client, the language server and the CLI into dist/ for the .vsix.
// Tests and the bins run the tsc output in out/; the bundle is what ships inside the extension.
import { cpSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// 'module' first: some dependencies (jsonc-parser) ship a UMD 'main' that esbuild cannot follow.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
};
await Promise.all([
  build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.cjs',
    format: 'cjs',
    external: ['vscode'],
  }),
  build({
    ...common,
    entryPoints: ['server/src/lsp/main.ts'],
    outfile: 'dist/server.mjs',
    format: 'esm',
    // Prism stays a real package loaded on demand (server/src/node/parsers.ts), so its WebAssembly sits
    // beside it and Node's one-off WASI warning can be silenced at load time.
    external: ['@ruby/prism'],
    // Less source to parse before the first answer; identifiers are kept for readable stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
])
  .then(async () => {
    // The catalog validated once here, so the server skips validating it on every start (server/src/lsp/catalog.ts).
    const { prebuildCatalog } = await import('../out/server/src/lsp/catalog.js');
    writeFileSync('dist/catalog.json', JSON.stringify(prebuildCatalog()));
    // The .vsix ships no node_modules: Prism (kept external, see above) travels inside dist/.
    for (const part of ['package.json', 'src']) {
      cpSync(`node_modules/@ruby/prism/${part}`, `dist/node_modules/@ruby/prism/${part}`, { recursive: true });
    }
  })
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
