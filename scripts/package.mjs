// Builds the .vsix: the bundles in dist/ (with Prism inside), the catalog, the snippets. Run after
// `npm run build` (the `package` script does both).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `${name}-${version}.vsix`;
execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '-o', out], {
  stdio: 'inherit',
});
console.log(`packaged ${out}`);
