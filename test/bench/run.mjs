// npm run bench: generates the inputs (seeded) into test/bench/.work/, measures (a) the core's `analyze`
// in process and (b) the language server over stdio, prints markdown tables and writes
// test/bench/results.md. Every measurement has a time limit, so the whole run stays within minutes.
//
//   node test/bench/run.mjs [--sizes 100,1000,10000,100000] [--runs 3] [--modes pull,push]
//                           [--push-runs 2] [--timeout 10] [--only core|lsp] [--quick] [--seed 42] [--no-write]
//
// Where the core alone went over the time limit, the server is not started for that input: it cannot be
// faster than the core it runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateInputs, KINDS } from './gen.mjs';
import { measureServer } from './lsp.mjs';
import { renderReport } from './report.mjs';

const HERE = new URL('./', import.meta.url);
const WORK = fileURLToPath(new URL('.work/', HERE));

function parseOptions(argv) {
  const options = {
    sizes: [100, 1000, 10000, 100000],
    runs: 3,
    pushRuns: 2,
    modes: ['pull', 'push'],
    timeout: 10,
    only: undefined,
    seed: 42,
    write: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--quick') Object.assign(options, { sizes: [100, 1000, 10000], runs: 2, pushRuns: 1 });
    else if (flag === '--no-write') options.write = false;
    else if (flag === '--sizes') options.sizes = value.split(',').map(Number);
    else if (flag === '--runs') options.runs = Number(value);
    else if (flag === '--push-runs') options.pushRuns = Number(value);
    else if (flag === '--modes') options.modes = value.split(',');
    else if (flag === '--timeout') options.timeout = Number(value);
    else if (flag === '--only') options.only = value;
    else if (flag === '--seed') options.seed = Number(value);
    else throw new Error(`unknown option ${flag} (see the header of test/bench/run.mjs)`);
    if (!['--quick', '--no-write'].includes(flag)) i++;
  }
  return options;
}

/**
 * The core per input kind, sizes ascending, in a worker. When one `analyze` call exceeds the time limit the
 * worker is stopped, and larger sizes of that kind are skipped: they would only take longer.
 */
function benchCoreKind(inputs, timeoutMs) {
  return new Promise((resolve) => {
    const results = [];
    const worker = new Worker(new URL('coreWorker.mjs', HERE), {
      workerData: { inputs, options: { runs: 10, budgetMs: 2000 } },
    });
    let current;
    let timer;
    const finish = (reason) => {
      clearTimeout(timer);
      for (const input of inputs.slice(results.length)) {
        results.push({
          kind: input.kind,
          lines: input.lines,
          bytes: input.bytes,
          skipped: input === current ? reason : 'skipped',
        });
      }
      void worker.terminate();
      resolve(results);
    };
    worker.on('message', (message) => {
      if (message.tick) {
        current = inputs[results.length];
        clearTimeout(timer);
        timer = setTimeout(() => finish(`analyze over ${timeoutMs / 1000} s`), timeoutMs);
      } else {
        results.push(message.result);
        log(`core ${message.result.kind} ${message.result.lines}: ${message.result.ms.toFixed(1)} ms`);
        if (results.length === inputs.length) finish();
      }
    });
    worker.on('error', (error) => finish(`error: ${error.message}`));
  });
}

async function benchCore(inputs, options) {
  const results = [];
  for (const kind of Object.keys(KINDS)) {
    const ofKind = inputs.filter((input) => input.kind === kind).sort((a, b) => a.lines - b.lines);
    results.push(...(await benchCoreKind(ofKind, options.timeout * 1000)));
  }
  return results;
}

/** The server per mode and input: `runs` fresh servers (one at 100k lines); a timeout skips larger sizes. */
async function benchServer(inputs, options, core) {
  const results = [];
  for (const mode of options.modes) {
    for (const kind of Object.keys(KINDS)) {
      // The core over the limit at some size: the server would be too, at that size and above.
      const slowCore = core.find((r) => r.kind === kind && r.skipped);
      let failed = undefined;
      for (const input of inputs.filter((i) => i.kind === kind).sort((a, b) => a.lines - b.lines)) {
        if (!failed && slowCore && input.lines >= slowCore.lines)
          failed = `core ${slowCore.skipped} at ${slowCore.lines} lines`;
        if (failed) {
          results.push({ mode, kind, lines: input.lines, runs: [], errors: [`skipped: ${failed}`] });
          continue;
        }
        const runs = [];
        const errors = [];
        const count = input.lines >= 100_000 ? 1 : mode === 'push' ? options.pushRuns : options.runs;
        for (let r = 0; r < count && errors.length === 0; r++) {
          const { metrics, error } = await measureServer(
            { ...input, ...KINDS[kind] },
            { pull: mode === 'pull', timeoutMs: options.timeout * 1000 },
          );
          runs.push(metrics);
          if (error) errors.push(error);
        }
        if (errors.length > 0) failed = `${input.lines} lines ${errors[0]}`;
        log(
          `lsp ${mode} ${kind} ${input.lines}: open ${runs.map((m) => m.openMs?.toFixed(0) ?? '–').join('/')} ms${errors.length ? ` (${errors[0]})` : ''}`,
        );
        results.push({ mode, kind, lines: input.lines, runs, errors });
      }
    }
  }
  return results;
}

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

const options = parseOptions(process.argv.slice(2));
const started = Date.now();
mkdirSync(WORK, { recursive: true });
const inputs = generateInputs(WORK, options.sizes, options.seed);
log(`inputs: ${inputs.length} files in ${WORK}`);
const core = options.only === 'lsp' ? [] : await benchCore(inputs, options);
const server = options.only === 'core' ? [] : await benchServer(inputs, options, core);
const report = renderReport({ options, inputs, core, server, seconds: (Date.now() - started) / 1000 });
process.stdout.write(report);
writeFileSync(new URL('raw.json', new URL('.work/', HERE)), JSON.stringify({ options, core, server }, null, 2));
if (options.write) writeFileSync(new URL('results.md', HERE), report);
