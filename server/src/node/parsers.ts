/**
 * Parsers that load asynchronously and are handed to the pure core: Prism, Ruby's own parser, compiled
 * to WebAssembly. The bundle (scripts/bundle.mjs) leaves @ruby/prism external, so it loads from
 * node_modules with its prism.wasm beside it.
 *
 * Prism's own `loadPrism()` gives one instance for the life of the process. A file that makes it fail
 * (a stack overflow on deep nesting, an out-of-bounds access) can leave that instance's memory broken,
 * and then every later Ruby file fails too. So the module is compiled once and instantiated again,
 * synchronously, whenever a parse throws: a failure on one file never reaches another.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { WASI as WasiClass } from 'node:wasi';
import type { Parsers } from '../core/types.js';
import { syntax } from './treeSitter.js';

/** The little of the WebAssembly API used here (the project's `lib` has no DOM typings, which declare it). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  Instance: new (module: object, imports: object) => { readonly exports: Exports };
}
type Exports = Record<string, unknown>;
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type ParsePrism = (prism: Exports, source: string) => unknown;

interface Prism {
  readonly module: object;
  readonly WASI: typeof WasiClass;
  readonly parsePrism: ParsePrism;
}

let loading: Promise<Parsers> | undefined;

/** Loads once per process. Node flags WASI as experimental; that one warning is not the user's concern. */
export function loadParsers(): Promise<Parsers> {
  loading ??= withoutWasiWarning(loadPrism).then((prism) => ({ ruby: resilientParser(prism), syntax }));
  return loading;
}

async function loadPrism(): Promise<Prism> {
  const main = createRequire(import.meta.url).resolve('@ruby/prism');
  const [{ WASI }, { parsePrism }, bytes] = await Promise.all([
    import('node:wasi'),
    import('@ruby/prism/src/parsePrism.js'),
    readFile(join(dirname(main), 'prism.wasm')),
  ]);
  return { module: await wasm.compile(bytes), WASI, parsePrism: parsePrism as ParsePrism };
}

/** A fresh Prism instance, as `loadPrism()` makes one, but synchronous (the module is already compiled). */
function instantiate(prism: Prism): Exports {
  const wasi = new prism.WASI({ version: 'preview1' });
  const instance = new wasm.Instance(prism.module, wasi.getImportObject());
  wasi.initialize(instance);
  return instance.exports;
}

/** Parses with the current instance; when that throws, replaces the instance and rethrows to the caller. */
export function resilientParser(prism: Prism): (source: string) => unknown {
  let exports = instantiate(prism);
  return (source) => {
    try {
      return prism.parsePrism(exports, source);
    } catch (error) {
      exports = instantiate(prism);
      throw error;
    }
  };
}

async function withoutWasiWarning<T>(load: () => Promise<T>): Promise<T> {
  const original = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/WASI/.test(text)) return;
    (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return await load();
  } finally {
    process.emitWarning = original;
  }
}
