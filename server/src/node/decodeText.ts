/**
 * Reading a configuration file's bytes as an editor does, shared by the CLI and the server's
 * workspace validation so both see the same text at the same columns.
 */

/** Larger files are not read (far beyond any real configuration file). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

/**
 * Decodes like an editor: a UTF-8 or UTF-16 byte-order mark is honoured and dropped (VS Code does not
 * count it as a character, so columns stay the same).
 */
export function decodeText(bytes: Buffer): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: fromUtf16be(bytes.subarray(2)), encoding: 'utf16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: bytes.subarray(bom ? 3 : 0).toString('utf8'), encoding: bom ? 'utf8bom' : 'utf8' };
}

function fromUtf16be(bytes: Buffer): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return even.swap16().toString('utf16le');
}
