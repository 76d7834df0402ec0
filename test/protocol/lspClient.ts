/**
 * A minimal LSP client for protocol tests: spawns the built server over stdio, speaks JSON-RPC, and
 * waits for notifications with a deadline (never a fixed sleep).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';

export interface TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** Resolves with the first notification of `method` for which `accept` is true. */
  waitFor<T>(method: string, accept: (params: T) => boolean, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export function startServer(): TestClient {
  const child = spawn(process.execPath, ['bin/dd-profiler-language-server.js', '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiters: { method: string; accept: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  const seen: { method: string; params: unknown }[] = [];
  connection.onNotification((method, params) => {
    seen.push({ method, params });
    for (const waiter of [...waiters]) {
      if (waiter.method === method && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  return {
    connection,
    process: child,
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
