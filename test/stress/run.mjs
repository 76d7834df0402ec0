// `npm run stress`: hostile inputs through the whole service (extractor, rules, limits) with time and
// memory budgets. Not part of `npm test`: budgets are wall-clock and machine-dependent, so unit tests
// only assert that everything returns (test/formats/adversarial.test.ts).
//
// Each job runs in its own Node process, so its peak memory (maxRSS) is its own. Inputs:
//   - every generator of test/formats/adversarialInputs.ts at full scale (MBs, 100k-deep nesting),
//     analysed as each of the nine formats;
//   - the files under test/fixtures/stress/ (XML entity bomb and external entity, binary, NUL bytes,
//     invalid UTF-8, UTF-16, CR-only line ends, BOM + CRLF), read the way the CLI reads files;
//   - a 50 MB file, which must be refused quickly.
// `npm run stress -- <text>` runs only the jobs whose name contains it.
// Budgets (override with the environment): STRESS_MAX_MS per analysis (default 15000: the 2 s
// analysis budget plus a parser that cannot be interrupted on a slow shared machine), STRESS_MAX_RSS_MB
// per job (default 1024), and 2 s to refuse the 50 MB file.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = new URL('../../out/', import.meta.url);
const MAX_MS = Number(process.env.STRESS_MAX_MS ?? 15_000);
const MAX_RSS_MB = Number(process.env.STRESS_MAX_RSS_MB ?? 1024);
const REFUSE_MS = 2_000;
const FIXTURES = fileURLToPath(new URL('../fixtures/stress/', import.meta.url));

async function service() {
  const { createLanguageService } = await import(new URL('server/src/core/languageService.js', OUT));
  const { loadDefaultCatalog } = await import(new URL('server/src/node/catalogFiles.js', OUT));
  const { loadParsers } = await import(new URL('server/src/node/parsers.js', OUT));
  const { loadGrammars } = await import(new URL('server/src/node/treeSitter.js', OUT));
  const { GRAMMARS } = await import(new URL('server/src/core/types.js', OUT));
  await loadGrammars(GRAMMARS);
  return createLanguageService({ catalog: loadDefaultCatalog(), parsers: await loadParsers() });
}

function timed(svc, fileName, text) {
  const started = performance.now();
  const { findings } = svc.analyze({ uri: `file:///stress/${fileName}`, text });
  const notes = findings.filter((f) => f.code === 'parse-error').map((f) => f.message.slice(0, 90));
  return { ms: Math.round(performance.now() - started), findings: findings.length, notes };
}

/** One job, in a child process: prints its measurements as JSON. */
async function child(job) {
  const svc = await service();
  const results = [];
  if (job.startsWith('input:')) {
    const { adversarialInputs, SAMPLE_FILE_NAMES } = await import(new URL('test/formats/adversarialInputs.js', OUT));
    const text = adversarialInputs(1)[job.slice(6)]();
    for (const [format, fileName] of Object.entries(SAMPLE_FILE_NAMES))
      results.push({ what: format, limit: MAX_MS, ...timed(svc, fileName, text) });
  } else if (job === 'fixtures') {
    const { readSource } = await import(new URL('server/src/cli/source.js', OUT));
    for (const path of files(FIXTURES)) {
      const source = readSource(path);
      const name = path.split(/[\\/]/).pop();
      const result = 'text' in source ? timed(svc, name, source.text) : { ms: 0, findings: 1, notes: ['refused'] };
      const expanded = name === 'web.config' && 'text' in source && !(await entitiesKept(name, source.text));
      results.push({
        what: relative(FIXTURES, path),
        limit: MAX_MS,
        ...result,
        ...(expanded ? { error: 'entity expanded' } : {}),
      });
    }
  } else if (job === 'fifty-megabytes') {
    const { SAMPLE_FILE_NAMES } = await import(new URL('test/formats/adversarialInputs.js', OUT));
    const text = 'DD_ENV=prod\n'.repeat(Math.ceil(50_000_000 / 12));
    for (const [format, fileName] of Object.entries(SAMPLE_FILE_NAMES))
      results.push({ what: format, limit: REFUSE_MS, ...timed(svc, fileName, text) });
  }
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ job, results, maxRssMb }));
}

/** XML entities are never expanded: the value is reported exactly as written (`&lol9;`, `&xxe;`). */
async function entitiesKept(name, text) {
  const { extractorFor } = await import(new URL('server/src/core/formats/index.js', OUT));
  const { occurrences } = extractorFor('xmlConfig')(text, { fileName: name, parsers: {} });
  return occurrences.every((o) => /^&\w+;$/.test(o.value ?? ''));
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

async function parent() {
  const { adversarialInputs } = await import(new URL('test/formats/adversarialInputs.js', OUT));
  const all = [...Object.keys(adversarialInputs(1)).map((name) => `input:${name}`), 'fixtures', 'fifty-megabytes'];
  // `npm run stress -- yaml` runs the jobs whose name contains "yaml".
  const jobs = all.filter((job) => job.includes(process.argv[2] ?? ''));
  let failures = 0;
  for (const job of jobs) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', job], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      timeout: MAX_MS * 12,
    });
    let report;
    try {
      report = JSON.parse(run.stdout);
    } catch {
      failures++;
      console.log(`FAIL ${job}: the process ended without a report (${run.signal ?? `exit ${run.status}`})`);
      continue;
    }
    const problems = report.results.flatMap((r) => [
      ...(r.ms > r.limit ? [`${r.what} took ${r.ms} ms (budget ${r.limit})`] : []),
      ...(r.error ? [`${r.what}: ${r.error}`] : []),
    ]);
    if (report.maxRssMb > MAX_RSS_MB) problems.push(`peak memory ${report.maxRssMb} MB (budget ${MAX_RSS_MB})`);
    const slowest = report.results.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, what: '-' });
    console.log(
      `${problems.length ? 'FAIL' : 'ok  '} ${job.padEnd(28)} slowest ${String(slowest.ms).padStart(6)} ms (${slowest.what}), peak ${report.maxRssMb} MB`,
    );
    for (const problem of problems) console.log(`       ${problem}`);
    failures += problems.length;
  }
  console.log(failures ? `\n${failures} budget(s) exceeded` : '\nall within budget');
  process.exitCode = failures ? 1 : 0;
}

if (process.argv[2] === '--child') await child(process.argv[3]);
else await parent();
