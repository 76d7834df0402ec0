/**
 * Cancellation as LSP specifies it. A synchronous handler can never see a `$/cancelRequest` (messages
 * are read between event-loop turns), so handlers first yield one turn, then check: a cancelled request
 * answers `RequestCancelled`; a diagnostic pull whose document changed meanwhile answers
 * `ServerCancelled` with `retriggerRequest`, so the client asks again for the newest version instead of
 * showing a stale result.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

/** Lets queued messages (edits, cancellations) in before the work starts. */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Throws the LSP cancellation answer when the client has cancelled the request. */
export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
}

/** The answer to a diagnostic pull overtaken by an edit: the client re-pulls for the newest version. */
export function documentChanged(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; pull again.', {
    retriggerRequest: true,
  });
}
