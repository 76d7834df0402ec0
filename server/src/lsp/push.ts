/**
 * Pushed diagnostics for clients without pull support (Neovim 0.7, Emacs eglot). Edits arrive a
 * keystroke at a time, or by the thousand from a script: validation runs once the document has been
 * quiet for `delayMs`, so a burst of N edits costs one validation and one publish, not N. The runner
 * itself drops results for a version that is no longer current (see main.ts).
 */
export interface PushScheduler {
  schedule(uri: string): void;
  cancel(uri: string): void;
}

/** Long enough to span a burst of edits, short enough to feel immediate while typing. */
export const PUSH_DELAY_MS = 150;

export function createPushScheduler(run: (uri: string) => Promise<void>, delayMs = PUSH_DELAY_MS): PushScheduler {
  const pending = new Map<string, NodeJS.Timeout>();
  const cancel = (uri: string) => {
    clearTimeout(pending.get(uri));
    pending.delete(uri);
  };
  return {
    schedule(uri) {
      cancel(uri);
      pending.set(
        uri,
        setTimeout(() => {
          pending.delete(uri);
          void run(uri);
        }, delayMs),
      );
    },
    cancel,
  };
}
