// (b) The language server over stdio, driven as an editor drives it. One fresh server per run:
//   startup     spawn -> initialize result
//   open        didOpen -> first diagnostics (pull: the textDocument/diagnostic answer; push: publishDiagnostics)
//   edit        one character typed after `DD_` on a Datadog line past the middle -> the next diagnostics
//   completion  a new line `<prefix>DD_PROF` typed, completion requested at once (includes the edit's work)
//   hover       on the first Datadog name, once the server is idle
//   peak RSS    VmHWM of the server process from /proc, just before shutdown; CPU is utime + stime
// Every wait is bounded; a run that times out is reported with what it measured so far.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const SERVER = fileURLToPath(new URL('../../bin/dd-profiler-language-server.js', import.meta.url));

const capabilities = (pull) => ({
  general: { positionEncodings: ['utf-16'] },
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    ...(pull ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
    completion: {
      contextSupport: true,
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
  },
});

/** Where the benchmark types: the edit line (past the middle), the completion line and the hover spot. */
export function planEdits(text, anchor) {
  const lines = text.split('\n');
  const matchAt = (i) => anchor.exec(lines[i] ?? '');
  const find = (from) => {
    for (let i = from; i < lines.length; i++) if (matchAt(i)) return i;
    return -1;
  };
  const first = find(0);
  const edit = find(Math.floor(lines.length / 2)) >= 0 ? find(Math.floor(lines.length / 2)) : first;
  const column = (i) => {
    const match = matchAt(i);
    return match.index + match[0].length; // just after `DD_`
  };
  return {
    edit: { line: edit, character: column(edit) },
    completion: { line: first, text: `${lines[first].slice(0, column(first))}PROF` },
    hover: { line: first + 1, character: column(first) - 1 },
  };
}

/** One run against a fresh server. Returns the metrics measured and, if any, the error that ended it. */
export async function measureServer(input, { pull, timeoutMs }) {
  const text = readFileSync(input.path, 'utf8');
  const plan = planEdits(text, input.anchor);
  const uri = pathToFileURL(input.path).href;
  const metrics = {};
  const start = performance.now();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.resume();
  const session = connect(child, uri);
  const bounded = (promise, what) => withTimeout(Promise.race([promise, session.died]), timeoutMs, what);
  let error;
  try {
    await bounded(
      session.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: capabilities(pull),
      }),
      'initialize',
    );
    metrics.startupMs = performance.now() - start;
    session.connection.sendNotification('initialized', {});
    await bounded(session.idle(), 'idle after initialize');

    const diagnostics = (version) => (pull ? session.pull() : session.pushed(version));
    let t = performance.now();
    session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: input.languageId, version: 1, text },
    });
    metrics.diagnostics = await bounded(diagnostics(1), 'diagnostics after open');
    metrics.openMs = performance.now() - t;

    t = performance.now();
    session.change(2, plan.edit, 'X');
    await bounded(diagnostics(2), 'diagnostics after an edit');
    metrics.editMs = performance.now() - t;
    await bounded(session.idle(), 'idle after the edit');

    const caret = { line: plan.completion.line, character: plan.completion.text.length };
    t = performance.now();
    session.change(3, { line: plan.completion.line, character: 0 }, `${plan.completion.text}\n`);
    const items = await bounded(
      session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: caret }),
      'completion',
    );
    metrics.completionMs = performance.now() - t;
    metrics.completionItems = (Array.isArray(items) ? items : (items?.items ?? [])).length;
    if (!pull) await bounded(session.pushed(3), 'diagnostics after typing');
    await bounded(session.idle(), 'idle after typing');

    t = performance.now();
    const hover = await bounded(
      session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: plan.hover }),
      'hover',
    );
    metrics.hoverMs = performance.now() - t;
    metrics.hoverFound = hover !== null;
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  Object.assign(metrics, processStats(child.pid));
  await session.stop();
  return { metrics, error };
}

function connect(child, uri) {
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published = [];
  const waiters = new Set();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri !== uri) return;
    published.push(params);
    for (const waiter of waiters) waiter(params);
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest(() => null); // registerCapability, workDoneProgress/create, diagnostic/refresh...
  connection.onError(() => undefined);
  connection.listen();
  const died = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`server exited (${code})`))));
  died.catch(() => undefined);
  let probe = 0;
  return {
    connection,
    died,
    change(version, position, insert) {
      const range = { start: position, end: position };
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: insert }],
      });
    },
    async pull() {
      const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      return report.items?.length ?? 0;
    },
    pushed(version) {
      const hit = published.find((p) => (p.version ?? version) >= version);
      if (hit) return Promise.resolve(hit.diagnostics.length);
      return new Promise((resolve) => {
        const waiter = (p) => {
          if ((p.version ?? version) < version) return;
          waiters.delete(waiter);
          resolve(p.diagnostics.length);
        };
        waiters.add(waiter);
      });
    },
    /** The server answers requests in order, so an answer to an unknown one means all before it is done. */
    idle: () => connection.sendRequest(`bench/idle${probe++}`).catch(() => undefined),
    async stop() {
      await withTimeout(connection.sendRequest('shutdown'), 2000, 'shutdown').catch(() => undefined);
      connection.sendNotification('exit').catch(() => undefined);
      await withTimeout(
        new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve))),
        2000,
        'exit',
      ).catch(() => child.kill('SIGKILL'));
      connection.dispose();
    },
  };
}

/** Peak and current memory, and CPU time, of a live process (Linux /proc; empty elsewhere). */
function processStats(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { peakRssMb: kb('VmHWM') / 1024, cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
  } catch {
    return {};
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
