/**
 * One failing request must never take the server down: each handler runs inside `guard`, which logs
 * the error to the client's log (never stdout: that is the protocol) and answers with a neutral value.
 */
import type { Connection } from 'vscode-languageserver/node';

export function createGuard(connection: Connection) {
  return async function guard<T>(what: string, fallback: T, work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      connection.console.error(`dd-profiler-config: ${what} failed: ${detail}`);
      return fallback;
    }
  };
}
