#!/usr/bin/env node
/**
 * The long fuzz run: `npm run fuzz [-- <duration>] [--seed N] [--only <text>]`.
 *
 * Runs every fuzz property (test/fuzz/harness.ts, compiled to out/) with random seeds until the duration
 * (default 10m; 90s, 2h work too) is spent, printing each seed. Cases that hit a known issue
 * (test/fuzz/known.ts) are skipped unless `--include-known`; `--depth N` bounds the nesting (2000). A failing case is shrunk by fast-check and
 * saved under test/fixtures/fuzz/, which the unit suite then replays. The properties run in a child
 * process that records each case before checking it, so a case that hangs or exhausts memory (which
 * no in-process check can catch) is saved too: the parent kills a child that makes no progress.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setInterval, clearInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const HARNESS = new URL('../../out/test/fuzz/harness.js', import.meta.url);
const REGRESSIONS = new URL('../../out/test/fuzz/regressions.js', import.meta.url);
const CHECKS = new URL('../../out/test/fuzz/checks.js', import.meta.url);
const KNOWN = new URL('../../out/test/fuzz/known.js', import.meta.url);
/** A case still running after this long is a hang. */
const HANG_MS = 60_000;
/**
 * A case that finishes but takes this much CPU time is reported (and saved) as too slow. CPU time, not
 * wall time: on a loaded machine a 60 ms case can wait seconds for a core, which says nothing about
 * the service (a case that never finishes is the watchdog's, by wall time).
 */
const SLOW_MS = 10_000;
/**
 * Quick fixes tried per document: each means one more analysis, so a junk file with hundreds of findings
 * would otherwise take minutes and read as "slow" when the service is not.
 */
const FIX_LIMIT = 25;
/** Time given to one property before the child moves on to the next. */
const SLICE_MS = 20_000;

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

if (args.includes('--child')) await child();
else await parent();

function parseDuration(text) {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text ?? '10m');
  if (!match) throw new Error(`not a duration: ${text} (try 90s, 10m, 2h)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 'm'];
  return Number(match[1]) * unit;
}

async function parent() {
  const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const until = Date.now() + parseDuration(positional[0]);
  const fixed = option('--seed');
  const state = join(tmpdir(), `dd-fuzz-${process.pid}.json`);
  const { saveRegression } = await import(REGRESSIONS);
  let failures = 0;
  let children = 0;
  while (Date.now() < until) {
    const seed = fixed !== undefined && children === 0 ? Number(fixed) : randomSeed();
    children++;
    const result = await runChild(seed, until, state);
    failures += result.failures;
    if (result.lost) {
      const last = JSON.parse(readFileSync(state, 'utf8'));
      const dir = saveRegression(last.doc, { property: last.property, seed: last.seed, error: result.lost });
      console.log(`FAIL ${last.property} (seed ${last.seed}): ${result.lost}\n  saved ${dir}`);
      failures++;
    }
    if (fixed !== undefined) break;
  }
  rmSync(state, { force: true });
  console.log(failures === 0 ? 'fuzz: no failures' : `fuzz: ${failures} failure(s) saved under test/fixtures/fuzz/`);
  process.exitCode = failures === 0 ? 0 : 1;
}

function randomSeed() {
  return Math.floor(Math.random() * 2 ** 31);
}

/** Runs one child; `lost` says why it died without reporting (hang, crash, out of memory). */
function runChild(seed, until, state) {
  return new Promise((resolve) => {
    const argv = [
      '--max-old-space-size=2048',
      fileURLToPath(import.meta.url),
      '--child',
      '--seed',
      String(seed),
      '--until',
      String(until),
      '--state',
      state,
      ...(option('--only') ? ['--only', option('--only')] : []),
      ...(option('--depth') ? ['--depth', option('--depth')] : []),
      ...(args.includes('--include-known') ? ['--include-known'] : []),
    ];
    const started = Date.now();
    const proc = spawn(process.execPath, argv, { stdio: ['ignore', 'inherit', 'inherit'] });
    let hung = false;
    const watch = setInterval(() => {
      let touched = started;
      try {
        touched = Math.max(started, statSync(state).mtimeMs);
      } catch {
        // not written yet: the child is still loading
      }
      if (Date.now() - touched > HANG_MS) {
        hung = true;
        proc.kill('SIGKILL');
      }
    }, 1000);
    proc.on('exit', (code, signal) => {
      clearInterval(watch);
      const failures = code === 3 ? 1 : 0;
      if (hung) resolve({ failures, lost: `hang: a case ran over ${HANG_MS / 1000} s` });
      else if (code !== 0 && code !== 3)
        resolve({ failures, lost: `crash: the process died (${signal ?? `exit ${code}`})` });
      else resolve({ failures });
    });
  });
}

async function child() {
  const fc = (await import('fast-check')).default;
  const { writeFileSync } = await import('node:fs');
  const { createServices, fuzzProperties } = await import(HARNESS);
  const { BREAKS_LATER } = await import(CHECKS);
  const { saveRegression } = await import(REGRESSIONS);
  const { knownIssue } = await import(KNOWN);
  const skipKnown = !args.includes('--include-known');
  const seed = Number(option('--seed'));
  const until = Number(option('--until'));
  const state = option('--state');
  const only = option('--only');
  const services = await createServices();
  const properties = fuzzProperties(services, {
    maxDepth: Number(option('--depth') ?? 2000),
    fixLimit: FIX_LIMIT,
  }).filter((p) => !only || p.name.includes(only));
  let failed = false;
  for (let round = 0; Date.now() < until; round++) {
    for (const [i, property] of properties.entries()) {
      const left = until - Date.now();
      if (left <= 0) break;
      const runSeed = (seed + round * 7919 + i * 104729) % 2 ** 31;
      const check = (doc) => {
        if (skipKnown) fc.pre(knownIssue(doc) === undefined);
        writeFileSync(state, JSON.stringify({ property: property.name, seed: runSeed, doc }));
        const start = process.cpuUsage();
        try {
          property.check(doc);
        } catch (error) {
          // Shrinking would go on in a broken process and blame whatever it tries: save this case as is.
          if (!String(error?.message).startsWith(BREAKS_LATER)) throw error;
          const dir = saveRegression(doc, { property: property.name, seed: runSeed, error: error.message });
          console.log(`FAIL ${property.name} (seed ${runSeed}): ${error.message}\n  saved ${dir}`);
          process.exit(3);
        }
        const { user, system } = process.cpuUsage(start);
        const took = (user + system) / 1000;
        if (took > SLOW_MS) throw new Error(`slow: one case took ${(took / 1000).toFixed(1)} s of CPU`);
      };
      const result = fc.check(fc.property(property.arbitrary, check), {
        seed: runSeed,
        numRuns: Number.MAX_SAFE_INTEGER,
        interruptAfterTimeLimit: Math.min(SLICE_MS, left),
        markInterruptAsFailure: false,
      });
      console.log(`${property.name}: seed ${runSeed}, ${result.numRuns} runs${result.failed ? ', FAILED' : ''}`);
      if (!result.failed) continue;
      failed = true;
      const error = String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance);
      const dir = saveRegression(result.counterexample[0], { property: property.name, seed: runSeed, error });
      console.log(`FAIL ${property.name} (seed ${runSeed}): ${error.split('\n')[0]}\n  saved ${dir}`);
      // A failure may leave state behind (a broken parser instance): go on in a new process.
      break;
    }
    if (failed) break;
  }
  process.exitCode = failed ? 3 : 0;
}
