/**
 * Reads one file for analysis, refusing what should not be analysed: files over 10 MB are never read
 * into memory, binary files are recognised by a NUL byte (as git does), and a file that cannot be read
 * is reported. Each refusal becomes one `parse-error` finding at 1:1, never an exception.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Finding } from '../core/types.js';
import { decodeText, MAX_FILE_BYTES, type Encoding } from '../node/decodeText.js';

/** Files larger than this are not read (bytes). No configuration file comes near it. */

/** How far into a file a NUL byte marks it as binary. */
const BINARY_SNIFF_BYTES = 8000;

/** How the file's bytes were decoded, so `--fix` writes them back the same way. */

export type Source =
  | {
      readonly text: string;
      readonly encoding: Encoding;
      /** Whether encoding `text` again gives the same bytes (false for invalid UTF-8): `--fix` needs it. */
      readonly exact: boolean;
    }
  | { readonly refused: Finding };

/** The file's text as an editor would show it, or the reason it is not checked. */
export function readSource(path: string): Source {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) {
      return refuse(
        `File not checked: it is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit.`,
      );
    }
    const bytes = readAll(fd, size);
    const decoded = decode(bytes);
    if (decoded === undefined) return refuse('File not checked: it contains NUL bytes, so it looks binary.');
    return { ...decoded, exact: encodeText(decoded.text, decoded.encoding).equals(bytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return refuse(`File not checked: it cannot be read (${code}).`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads to the end; `size` is only a first guess, since the file may change while we read it. */
function readAll(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(size - total, 64 * 1024));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > MAX_FILE_BYTES) break; // grew past the limit while we read: decode() sees the cut text
  }
  return Buffer.concat(chunks, total);
}

/** The text as an editor reads it; `undefined` for binary content (UTF-16 is told apart by its mark). */
function decode(bytes: Buffer): { text: string; encoding: Encoding } | undefined {
  const decoded = decodeText(bytes);
  const utf16 = decoded.encoding === 'utf16le' || decoded.encoding === 'utf16be';
  return !utf16 && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0) ? undefined : decoded;
}

/** The bytes for `text` in `encoding`, byte-order mark included: the inverse of `decode`. */
export function encodeText(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

function refuse(message: string): Source {
  const start = { line: 0, character: 0 };
  return { refused: { code: 'parse-error', severity: 'error', message, range: { start, end: start } } };
}
