// Writes the generated parts of the docs from the code: the formats table in README.md and
// docs/cli.md, the Neovim snippet in README.md (from docs/neovim.lua, which the Neovim e2e test
// runs) and the file pattern of .pre-commit-hooks.yaml. Run after `npm run build` (`npm run
// docs:generate` does both); test/cli/docs.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  FORMATS_BEGIN,
  FORMATS_END,
  formatsTable,
  NEOVIM_BEGIN,
  NEOVIM_END,
  neovimSnippet,
  preCommitFilesRegex,
  replaceBetween,
} from '../out/server/src/cli/formatsTable.js';

for (const file of ['README.md', 'docs/cli.md']) {
  let text = replaceBetween(readFileSync(file, 'utf8'), FORMATS_BEGIN, FORMATS_END, formatsTable());
  if (text.includes(NEOVIM_BEGIN)) {
    text = replaceBetween(text, NEOVIM_BEGIN, NEOVIM_END, neovimSnippet(readFileSync('docs/neovim.lua', 'utf8')));
  }
  writeFileSync(file, text);
}
const hooks = readFileSync('.pre-commit-hooks.yaml', 'utf8');
writeFileSync(
  '.pre-commit-hooks.yaml',
  hooks.replace(/^( *files: ).*$/gm, (_, key) => `${key}'${preCommitFilesRegex()}'`),
);
console.log('updated README.md, docs/cli.md, .pre-commit-hooks.yaml');
