/** Why a file's bytes cannot be analysed, or its text. */
export type DecodedSource = { text: string } | { skip: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks a file's bytes before parsing: too large, empty, binary (a NUL byte in the first 8 KiB)
 * and non-UTF-8 files are skipped with a reason a person can act on; a UTF-8 BOM is dropped.
 */
export function decodeSource(bytes: Uint8Array, maxBytes: number): DecodedSource {
  if (bytes.length > maxBytes) return { skip: `too large: ${bytes.length} bytes, over the limit of ${maxBytes} (max_file_bytes)` };
  if (bytes.length === 0) return { skip: 'empty file' };
  if (bytes.subarray(0, 8192).includes(0)) return { skip: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { skip: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { skip: 'empty file (white space only)' };
  return { text };
}

/** Offset of the first byte that starts no valid UTF-8 sequence (lead byte and continuation count only). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}
