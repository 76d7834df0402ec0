/**
 * Tree-sitter grammars for the core, through web-tree-sitter (WebAssembly, so the same code can run in
 * a web extension). Each grammar loads once, on first use of a format that needs it: `loadGrammars`
 * is awaited by the adapters before a file of that format is analysed, and `syntax` then parses
 * synchronously. The bundle (scripts/bundle.mjs) keeps web-tree-sitter external and copies it and the
 * grammars' .wasm files into dist/node_modules, so both resolve here the same way from out/ and dist/.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Language, Parser } from 'web-tree-sitter';
import type { Grammar, Parsers, SyntaxNode } from '../core/types.js';

type WebTreeSitter = typeof import('web-tree-sitter'); // eslint-disable-line @typescript-eslint/consistent-type-imports -- the module's type, loaded lazily

/** Where each grammar's WebAssembly lives: its npm package and the file in it. */
export const GRAMMAR_FILES: Readonly<Record<Grammar, { readonly pkg: string; readonly file: string }>> = {
  bash: { pkg: 'tree-sitter-bash', file: 'tree-sitter-bash.wasm' },
  typescript: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-typescript.wasm' },
  python: { pkg: 'tree-sitter-python', file: 'tree-sitter-python.wasm' },
  go: { pkg: 'tree-sitter-go', file: 'tree-sitter-go.wasm' },
  hcl: { pkg: '@tree-sitter-grammars/tree-sitter-hcl', file: 'tree-sitter-terraform.wasm' },
  groovy: { pkg: 'tree-sitter-groovy', file: 'tree-sitter-groovy.wasm' },
};

const require = createRequire(import.meta.url);
let runtime: Promise<WebTreeSitter> | undefined;
let loaded: WebTreeSitter | undefined;
const languages = new Map<Grammar, Promise<Language | undefined>>();
const parsers = new Map<Grammar, Parser>();
const failures = new Map<Grammar, string>();

/** The path of a grammar's .wasm, resolved through its package (works from node_modules and dist/node_modules). */
export function grammarPath(grammar: Grammar): string {
  const { pkg, file } = GRAMMAR_FILES[grammar];
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** Loads the grammars not loaded yet; never rejects (a grammar that fails is reported by `grammarFailures`). */
export async function loadGrammars(grammars: readonly Grammar[]): Promise<void> {
  await Promise.all(grammars.map(loadGrammar));
}

/** Why grammars failed to load, for the adapter's log. */
export function grammarFailures(): ReadonlyMap<Grammar, string> {
  return failures;
}

function loadGrammar(grammar: Grammar): Promise<Language | undefined> {
  let loading = languages.get(grammar);
  if (!loading) {
    loading = loadRuntime()
      .then(async ({ Language, Parser }) => {
        const language = await Language.load(grammarPath(grammar));
        const parser = new Parser();
        parser.setLanguage(language);
        parsers.set(grammar, parser);
        return language;
      })
      .catch((error: unknown) => {
        failures.set(grammar, error instanceof Error ? error.message : String(error));
        return undefined;
      });
    languages.set(grammar, loading);
  }
  return loading;
}

function loadRuntime(): Promise<WebTreeSitter> {
  runtime ??= import('web-tree-sitter').then(async (module) => {
    await module.Parser.init();
    loaded = module;
    return module;
  });
  return runtime;
}

/** How long one parse may take; a real file of 100k lines parses in about a second. */
export const PARSE_BUDGET_MS = 4_000;

/**
 * `Parsers.syntax` over the grammars loaded so far. A parse that throws leaves the parser for the next
 * file: it is replaced, as Prism's instance is, so one file's failure never reaches another.
 */
export const syntax: NonNullable<Parsers['syntax']> = (grammar, text, read) => {
  const parser = parsers.get(grammar);
  if (!parser) return undefined;
  let tree;
  // Error recovery on hostile text (100k lines of another language) can take minutes: give up instead.
  const deadline = performance.now() + PARSE_BUDGET_MS;
  try {
    tree = parser.parse(text, null, { progressCallback: () => performance.now() > deadline });
  } catch (error) {
    replaceParser(grammar, parser);
    throw error;
  }
  if (!tree) {
    // A cancelled parse would otherwise resume on the next call, with the next file's text.
    parser.reset();
    return undefined;
  }
  try {
    return read(tree.rootNode as unknown as SyntaxNode);
  } finally {
    tree.delete();
  }
};

function replaceParser(grammar: Grammar, broken: Parser): void {
  const language = broken.language;
  broken.delete();
  parsers.delete(grammar);
  if (!language || !loaded) return;
  const parser = new loaded.Parser();
  parser.setLanguage(language);
  parsers.set(grammar, parser);
}
