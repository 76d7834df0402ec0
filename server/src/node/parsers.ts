/**
 * Parsers that load asynchronously and are handed to the pure core: Prism, Ruby's own parser, compiled
 * to WebAssembly. The bundle (scripts/bundle.mjs) leaves @ruby/prism external, so it loads from
 * node_modules with its prism.wasm beside it.
 *
 * Prism's own `loadPrism()` gives one instance for the life of the process. A file that makes it fail
 * (a stack overflow on deep nesting, an out-of-bounds access) can leave that instance's memory broken,
 * and then every later Ruby file fails too. So the module is compiled once and instantiated again,
 * synchronously, whenever a parse throws: a failure on one file never reaches another.
 *
 * Prism's stack is 64 KB of linear memory just above its static data, with no guard page: nesting
 * that recurses past it (~70 `!(`, ~120 `do` blocks, ~200 unary minus) does not trap, it silently
 * overwrites Prism's tables, and later parses of other files come out different. So the stack below a
 * budget is filled with a pattern; a parse that writes into it nests too deep, and its result is
 * discarded with the instance, like a parse that throws. And memory is put back as it was after
 * every parse, so no file changes how the next one parses.
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

/**
 * Prism's stack a parse may use. Past it the file nests too deep: Prism itself may overflow (its
 * stack is 64 KB), and the tree it returns is walked recursively in JavaScript, where the depth that
 * overflows changes as the code is optimised, so the same file would parse one time and not the next.
 */
const STACK_BUDGET_BYTES = 32 * 1024;
const GUARD_WORD = 0x5a5aa5a5;

interface Instance {
  readonly exports: Exports;
  /** Whether the stack guard is still intact (always, for a build that does not export its stack bounds). */
  readonly stackIntact: () => boolean;
  /** Puts memory back as it was after instantiation; false when it grew too much to keep the instance. */
  readonly reset: () => boolean;
}

/** Memory an instance may grow to before it is replaced rather than reset (reset never shrinks it). */
const MAX_MEMORY_BYTES = 64 * 1024 * 1024;

/** A fresh Prism instance, as `loadPrism()` makes one, but synchronous (the module is already compiled). */
function instantiate(prism: Prism): Instance {
  const wasi = new prism.WASI({ version: 'preview1' });
  const instance = new wasm.Instance(prism.module, wasi.getImportObject());
  wasi.initialize(instance);
  const { exports } = instance;
  const memory = exports.memory as { buffer: ArrayBuffer } | undefined;
  const stackLow = (exports.__stack_low as { value?: unknown } | undefined)?.value;
  if (!memory || typeof stackLow !== 'number' || stackLow % 4 !== 0) {
    return { exports, stackIntact: () => true, reset: () => false };
  }
  const stackHigh = (exports.__stack_high as { value?: unknown } | undefined)?.value;
  if (typeof stackHigh !== 'number' || stackHigh - stackLow <= STACK_BUDGET_BYTES) {
    return { exports, stackIntact: () => true, reset: () => false };
  }
  // The part of the stack below the budget is filled with a pattern a parse within budget never touches.
  const guard = () => new Uint32Array(memory.buffer, stackLow, (stackHigh - stackLow - STACK_BUDGET_BYTES) >> 2);
  guard().fill(GUARD_WORD);
  const pristine = new Uint8Array(memory.buffer).slice();
  return {
    exports,
    stackIntact: () => guard().every((word) => word === GUARD_WORD),
    reset: () => {
      if (memory.buffer.byteLength > MAX_MEMORY_BYTES) return false;
      new Uint8Array(memory.buffer).set(pristine);
      return true;
    },
  };
}

/**
 * Parses with the current instance; when that throws or runs out of stack, replaces the instance and
 * throws to the caller.
 */
export function resilientParser(prism: Prism): (source: string) => unknown {
  let current = instantiate(prism);
  return (source) => {
    try {
      const result = prism.parsePrism(current.exports, source);
      if (!current.stackIntact()) throw new Error('Prism ran out of stack');
      return result;
    } catch (error) {
      current = instantiate(prism);
      throw error;
    } finally {
      // Each parse starts from the memory of a fresh instance: what one file leaves behind (a table
      // overwritten, the allocator's state) never changes how the next one parses.
      if (!current.reset()) current = instantiate(prism);
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
