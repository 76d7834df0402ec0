// (a) The core in process: how long `analyze` takes on one document, after warm-up, without any
// protocol around it. This is the floor for the server's diagnostics latency.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { median, spread } from './stats.mjs';

const OUT = new URL('../../out/server/src/', import.meta.url);

/** Loads the built core the way the CLI does (catalog files, Prism, tree-sitter grammars). */
export async function loadService() {
  const { createLanguageService } = await import(new URL('core/languageService.js', OUT).href);
  const { loadDefaultCatalog } = await import(new URL('node/catalogFiles.js', OUT).href);
  const { loadParsers } = await import(new URL('node/parsers.js', OUT).href);
  const { loadGrammars } = await import(new URL('node/treeSitter.js', OUT).href);
  const { GRAMMARS } = await import(new URL('core/types.js', OUT).href);
  // Every grammar up front: a run measures analysis, not the one-off grammar load.
  await loadGrammars(GRAMMARS);
  return createLanguageService({ catalog: loadDefaultCatalog(), parsers: await loadParsers() });
}

/**
 * Times `analyze` on `input`: a few untimed warm-up runs (JIT, catalog caches), then timed runs until
 * `runs` are done or `budgetMs` is spent (at least 3 runs). `beforeCall` runs before every analysis (the
 * worker uses it to restart the caller's per-call time limit).
 */
export function benchAnalyze(service, input, { runs, budgetMs }, beforeCall = () => undefined) {
  const doc = { uri: pathToFileURL(input.path).href, text: readFileSync(input.path, 'utf8') };
  const analyze = () => {
    beforeCall();
    return service.analyze(doc, {});
  };
  const first = timed(analyze);
  const warmups = input.lines >= 100_000 ? 1 : 3;
  for (let i = 1; i < warmups; i++) analyze();
  const samples = [];
  const start = performance.now();
  while (samples.length < runs && (samples.length < 3 || performance.now() - start < budgetMs)) {
    samples.push(timed(analyze).ms);
  }
  const ms = median(samples);
  return {
    kind: input.kind,
    lines: input.lines,
    bytes: input.bytes,
    firstMs: first.ms,
    ms,
    spread: spread(samples),
    runs: samples.length,
    linesPerSecond: (input.lines / ms) * 1000,
    mbPerSecond: input.bytes / 1024 / 1024 / (ms / 1000),
    findings: first.value.findings.length,
  };
}

function timed(fn) {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}
