// Bundles the extension client, the language server and the CLI into dist/ for the .vsix.
// Tests and the bins run the tsc output in out/; the bundle is what ships inside the extension.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.cjs', format: 'cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.mjs', format: 'esm', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } }),
]).then(() => {
  // Prism resolves its WebAssembly relative to its module, which the bundle puts in dist/.
  mkdirSync('dist', { recursive: true });
  copyFileSync('node_modules/@ruby/prism/src/prism.wasm', 'dist/prism.wasm');
}).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
