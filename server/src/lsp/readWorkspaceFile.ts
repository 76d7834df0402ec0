/**
 * Reads one workspace file for "Validate workspace", refusing what must not be read: it stats before
 * it opens, so a FIFO, socket or device is never opened (opening a FIFO blocks until a writer comes),
 * a file over the size cap is never read whole, and a missing file or broken symlink is a note, not an
 * exception. The open itself is non-blocking and re-checked with fstat, in case the path was swapped
 * for a special file between the stat and the open.
 */
import { constants } from 'node:fs';
import { lstat, open, stat, type FileHandle } from 'node:fs/promises';
import { decodeText, MAX_FILE_BYTES } from '../node/decodeText.js';

/** Files larger than this are not read (bytes), as in the CLI. No configuration file comes near it. */

export type SkipReason =
  'missing' | 'broken-symlink' | 'symlink-loop' | 'directory' | 'special-file' | 'too-large' | 'unreadable';

export type WorkspaceFile = { readonly text: string } | { readonly skipped: SkipReason; readonly note: string };

export async function readWorkspaceFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<WorkspaceFile> {
  try {
    const info = await stat(path);
    const refused = refuseKind(info, maxBytes);
    if (refused) return refused;
    return await readRegularFile(path, maxBytes);
  } catch (error) {
    return explain(path, (error as NodeJS.ErrnoException).code);
  }
}

async function readRegularFile(path: string, maxBytes: number): Promise<WorkspaceFile> {
  // O_NONBLOCK: should the path have become a FIFO since the stat, the open returns instead of waiting.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const refused = refuseKind(await handle.stat(), maxBytes);
    if (refused) return refused;
    const bytes = await readUpTo(handle, maxBytes + 1);
    if (bytes.length > maxBytes) return tooLarge(maxBytes); // grew since the stat
    return { text: decodeText(bytes).text };
  } finally {
    await handle.close();
  }
}

function refuseKind(info: { isFile(): boolean; isDirectory(): boolean; size: number }, maxBytes: number) {
  if (info.isDirectory()) return skip('directory', 'it is a directory');
  if (!info.isFile())
    return skip('special-file', 'it is not a regular file (FIFO, socket or device), so it is not opened');
  if (info.size > maxBytes) return tooLarge(maxBytes, info.size);
  return undefined;
}

/** Reads at most `limit` bytes, however large the file has grown since the stat. */
async function readUpTo(handle: FileHandle, limit: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.min(limit, 1024 * 1024));
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, limit - total), null);
    if (bytesRead === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

/** A failed stat or open, told apart: a dangling symlink is not the same news as a deleted file. */
async function explain(path: string, code: string | undefined): Promise<WorkspaceFile> {
  if (code === 'ELOOP') return skip('symlink-loop', 'it is a symbolic link loop');
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const link = await lstat(path).catch(() => undefined);
    return link?.isSymbolicLink()
      ? skip('broken-symlink', 'it is a symbolic link to a file that does not exist')
      : skip('missing', 'it does not exist (deleted or moved since the search)');
  }
  return skip('unreadable', `it cannot be read (${code ?? 'unknown error'})`);
}

function tooLarge(maxBytes: number, size?: number): WorkspaceFile {
  const format = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
  return skip(
    'too-large',
    `it is larger than the ${format(maxBytes)} limit${size === undefined ? '' : ` (${format(size)})`}`,
  );
}

function skip(skipped: SkipReason, note: string): WorkspaceFile {
  return { skipped, note };
}
