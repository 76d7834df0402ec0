/**
 * Parsers that work on UTF-8 bytes (Prism) report byte offsets; LSP positions count UTF-16 code
 * units. Returns a converter from byte offset to string index (identity for ASCII text).
 */
export function byteToCharOffsets(text: string): (byteOffset: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return (offset) => offset;
  const byteStarts: number[] = [];
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    byteStarts.push(bytes);
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) {
      byteStarts.push(bytes); // the low surrogate shares the code point's bytes
      i++;
      bytes += 4;
    } else bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return (offset) => {
    let low = 0;
    let high = byteStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((byteStarts[mid] ?? 0) < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}
