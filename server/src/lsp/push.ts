/**
 * Pushed diagnostics for clients without pull support (Neovim 0.7, Emacs eglot). Edits arrive a
 * keystroke at a time; validation runs once per burst, on the next turn of the event loop.
 */
export interface PushScheduler {
  schedule(uri: string): void;
  cancel(uri: string): void;
}

export function createPushScheduler(run: (uri: string) => Promise<void>): PushScheduler {
  const pending = new Map<string, NodeJS.Immediate>();
  return {
    schedule(uri) {
      if (pending.has(uri)) return;
      pending.set(
        uri,
        setImmediate(() => {
          pending.delete(uri);
          void run(uri);
        }),
      );
    },
    cancel(uri) {
      const handle = pending.get(uri);
      if (handle) clearImmediate(handle);
      pending.delete(uri);
    },
  };
}
