/**
 * Pushed diagnostics for clients without pull support (Neovim 0.7, Emacs eglot). An edit to a
 * document that has been quiet is validated at once; edits that follow within `delayMs` of the last
 * run wait until the document is quiet again. So typing gets results as it goes, and a burst of N
 * edits from a script costs two or three validations and publishes, not N. The runner itself drops
 * results for a version that is no longer current (see main.ts).
 */
export interface PushScheduler {
  schedule(uri: string): void;
  /** The document closed: forget it. */
  cancel(uri: string): void;
}

/** Long enough to span a burst of edits, short enough to feel immediate while typing. */
export const PUSH_DELAY_MS = 150;

export function createPushScheduler(
  run: (uri: string) => Promise<void>,
  delayMs = PUSH_DELAY_MS,
  now: () => number = () => performance.now(),
): PushScheduler {
  const pending = new Map<string, NodeJS.Timeout>();
  const lastRun = new Map<string, number>();
  const start = (uri: string) => {
    pending.delete(uri);
    lastRun.set(uri, now());
    // The runner reports its own failures; a rejection here (a closed connection) is not worth a crash.
    run(uri).catch(() => undefined);
  };
  return {
    schedule(uri) {
      clearTimeout(pending.get(uri));
      const quiet = now() - (lastRun.get(uri) ?? -Infinity) >= delayMs;
      pending.set(
        uri,
        setTimeout(() => start(uri), quiet ? 0 : delayMs),
      );
    },
    cancel(uri) {
      clearTimeout(pending.get(uri));
      pending.delete(uri);
      lastRun.delete(uri);
    },
  };
}
