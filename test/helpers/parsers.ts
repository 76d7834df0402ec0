/**
 * The parsers as the adapters have them once every format was used: Prism and every tree-sitter
 * grammar loaded (the adapters load a grammar on the first file that needs it; tests load them all).
 */
import { GRAMMARS, type Parsers } from '../../server/src/core/types.js';
import { loadParsers } from '../../server/src/node/parsers.js';
import { loadGrammars } from '../../server/src/node/treeSitter.js';

export async function loadAllParsers(): Promise<Parsers> {
  await loadGrammars(GRAMMARS);
  return loadParsers();
}
