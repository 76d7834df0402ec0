/**
 * Parsers that load asynchronously and are handed to the pure core: Prism, Ruby's own parser, compiled
 * to WebAssembly. The bundle (scripts/bundle.mjs) leaves @ruby/prism external, so it loads from
 * node_modules with its prism.wasm beside it.
 */
import type { Parsers } from '../core/types.js';

let loading: Promise<Parsers> | undefined;

/** Loads once per process. Node flags WASI as experimental; that one warning is not the user's concern. */
export function loadParsers(): Promise<Parsers> {
  loading ??= withoutWasiWarning(async () => (await import('@ruby/prism')).loadPrism()).then((parse) => ({
    ruby: (source: string) => parse(source),
  }));
  return loading;
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
