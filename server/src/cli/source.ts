/**
 * Reads one file for analysis, refusing what should not be analysed: files over 10 MB are never read
 * into memory, binary files are recognised by a NUL byte (as git does), and a file that cannot be read
 * is reported. Each refusal becomes one `parse-error` finding at 1:1, never an exception.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Finding } from '../core/types.js';

/** Files larger than this are not read (bytes). No configuration file comes near it. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** How far into a file a NUL byte marks it as binary. */
const BINARY_SNIFF_BYTES = 8000;

/** How the file's bytes were decoded, so `--fix` writes them back the same way. */
export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

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

/**
 * Decodes like an editor: a UTF-8 or UTF-16 byte-order mark is honoured and dropped (VS Code does not
 * count it as a character, so columns stay the same). `undefined` for binary content.
 */
function decode(bytes: Buffer): { text: string; encoding: Encoding } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: fromUtf16be(bytes.subarray(2)), encoding: 'utf16be' };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: bytes.subarray(bom ? 3 : 0).toString('utf8'), encoding: bom ? 'utf8bom' : 'utf8' };
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

function fromUtf16be(bytes: Buffer): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return even.swap16().toString('utf16le');
}

function refuse(message: string): Source {
  const start = { line: 0, character: 0 };
  return { refused: { code: 'parse-error', severity: 'error', message, range: { start, end: start } } };
}
