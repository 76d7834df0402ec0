/**
 * A minimal LSP client for protocol tests: spawns the built server over stdio, speaks JSON-RPC, and
 * waits for notifications with a deadline (never a fixed sleep).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  ProgressType,
} from 'vscode-jsonrpc/node.js';

export interface PublishDiagnosticsParams {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: Diagnostic[];
}

export interface TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** Every notification from the server so far, in order of arrival. */
  readonly notifications: readonly { readonly method: string; readonly params: unknown }[];
  /** Everything the server wrote so far: stdout (the protocol, raw) and stderr. */
  output(): { stdout: string; stderr: string };
  /** Resolves with the first notification of `method` for which `accept` is true. */
  waitFor<T>(method: string, accept: (params: T) => boolean, timeoutMs?: number): Promise<T>;
  /**
   * Writes several JSON-RPC messages in one write, so the server reads them together (a request and
   * its `$/cancelRequest`, say), and resolves with the server's answer to the request `id`.
   */
  sendTogether(messages: readonly object[], id: string, timeoutMs?: number): Promise<RawResponse>;
  stop(): Promise<void>;
}

export interface RawResponse {
  readonly id: string;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string; readonly data?: unknown };
}

export interface ServerOptions {
  /** Extra Node options before the script: a preload, the permission model. */
  readonly nodeArgs?: readonly string[];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
}

export function startServer(options: ServerOptions = {}): TestClient {
  const script = fileURLToPath(new URL('../../../bin/dd-profiler-language-server.js', import.meta.url));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  // A server that dies fails the pending requests at once, instead of leaving the test waiting.
  child.once('exit', () => connection.dispose());
  const waiters: { method: string; accept: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  const seen: { method: string; params: unknown }[] = [];
  const record = (method: string, params: unknown) => {
    seen.push({ method, params });
    for (const waiter of [...waiters]) {
      if (waiter.method === method && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  };
  connection.onNotification(record);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  // jsonrpc routes `$/progress` to per-token handlers, not to the catch-all above: record it as it comes.
  connection.onRequest('window/workDoneProgress/create', ({ token }: { token: string | number }) => {
    connection.onProgress(new ProgressType<{ kind: string }>(), token, (value) =>
      record('$/progress', { token, value }),
    );
    return null;
  });
  connection.listen();
  return {
    connection,
    process: child,
    notifications: seen,
    output: () => ({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    waitFor<T>(method: string, accept: (params: T) => boolean, timeoutMs = 15000) {
      const earlier = seen.find((s) => s.method === method && accept(s.params as T));
      if (earlier) return Promise.resolve(earlier.params as T);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), timeoutMs);
        waiters.push({
          method,
          accept: (p) => accept(p as T),
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p as T);
          },
        });
      });
    },
    async sendTogether(messages, id, timeoutMs = 15000) {
      const frames = messages.map((m) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
        return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
      });
      child.stdin.write(Buffer.concat(frames));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const answer = readFrames(Buffer.concat(stdout)).find((m): m is RawResponse => m.id === id);
        if (answer) return answer;
        if (Date.now() > deadline) throw new Error(`no answer to ${id}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.sendNotification('exit').catch(() => undefined);
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      connection.dispose();
    },
  };
}

export interface ClientFeatures {
  /** Pull diagnostics (VS Code) or pushed ones only (Neovim 0.7). */
  readonly pull: boolean;
  /** Server-initiated work-done progress (`window/workDoneProgress/create`). */
  readonly progress?: boolean;
  /** The `trace` the client asks for in `initialize`. */
  readonly trace?: 'off' | 'messages' | 'verbose';
}

/** `initialize` + `initialized` with the capabilities an editor of that kind declares. */
export async function initialize(client: TestClient, features: ClientFeatures) {
  const result = await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: 'file:///work/app',
    ...(features.trace ? { trace: features.trace } : {}),
    capabilities: {
      workspace: { configuration: true },
      window: { workDoneProgress: features.progress === true },
      textDocument: {
        ...(features.pull ? { diagnostic: {} } : {}),
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: false } },
        hover: { contentFormat: ['markdown'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    },
  });
  await client.connection.sendNotification('initialized', {});
  return result as { capabilities: Record<string, unknown> };
}

export function openDocument(client: TestClient, uri: string, text: string, languageId = 'dotenv', version = 1) {
  return client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version, text },
  });
}

/** The JSON-RPC messages in a raw stdout capture. */
function readFrames(bytes: Buffer): { id?: unknown }[] {
  const messages: { id?: unknown }[] = [];
  for (let at = 0; ;) {
    const headerEnd = bytes.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) return messages;
    const length = Number(/Content-Length: (\d+)/i.exec(bytes.subarray(at, headerEnd).toString('ascii'))?.[1]);
    const bodyStart = headerEnd + 4;
    if (!Number.isFinite(length) || bodyStart + length > bytes.length) return messages;
    messages.push(JSON.parse(bytes.subarray(bodyStart, bodyStart + length).toString('utf8')) as { id?: unknown });
    at = bodyStart + length;
  }
}
