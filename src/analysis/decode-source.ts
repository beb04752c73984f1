/** Why a file's bytes cannot be analysed, or its text. */
export type DecodedSource = { text: string } | { skip: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/**
 * Checks a file's bytes before parsing: too large, empty, binary (a NUL byte in the first 8 KiB)
 * and undecodable files are skipped with a reason a person can act on. UTF-8 is the default (its
 * BOM dropped); a UTF-16 or UTF-32 BOM (either byte order) selects that encoding, checked before
 * the NUL test since those encodings are full of NUL bytes. CPython itself refuses UTF-16/32
 * source, but the code is still read by people and tools and may be transcoded, so it is analysed.
 */
export function decodeSource(bytes: Uint8Array, maxBytes: number): DecodedSource {
  if (bytes.length > maxBytes) return { skip: `too large: ${bytes.length} bytes, over the limit of ${maxBytes} (max_file_bytes)` };
  if (bytes.length === 0) return { skip: 'empty file' };
  const wide = decodeWide(bytes);
  if (wide !== null) return 'skip' in wide ? wide : checkText(wide.text);
  if (bytes.subarray(0, 8192).includes(0)) return { skip: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { skip: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
  return checkText(text);
}

function checkText(decoded: string): DecodedSource {
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (text.trim() === '') return { skip: 'empty file (white space only)' };
  return { text };
}

/** UTF-32 or UTF-16 text announced by its BOM (BOM kept), a skip when it is not valid in that encoding, null without such a BOM. */
function decodeWide(bytes: Uint8Array): DecodedSource | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return decodeUtf32(bytes, true);
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return decodeUtf32(bytes, false);
  const utf16 = b0 === 0xff && b1 === 0xfe ? utf16le : b0 === 0xfe && b1 === 0xff ? utf16be : null;
  if (!utf16) return null;
  try {
    return { text: utf16.decode(bytes) };
  } catch {
    return { skip: `not valid UTF-16 (${utf16 === utf16le ? 'little' : 'big'}-endian, by its BOM): an odd length or an unpaired surrogate` };
  }
}

/** UTF-32 (TextDecoder has no UTF-32): each 4-byte unit a Unicode scalar value. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): DecodedSource {
  const order = littleEndian ? 'little' : 'big';
  if (bytes.length % 4 !== 0) return { skip: `not valid UTF-32 (${order}-endian, by its BOM): ${bytes.length} bytes is not a multiple of 4` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { skip: `not valid UTF-32 (${order}-endian, by its BOM): no character 0x${cp.toString(16)} at offset ${i}` };
    chunk.push(cp);
    // fromCodePoint takes its code points as arguments: a bounded number at a time.
    if (chunk.length === 8192) parts.push(String.fromCodePoint(...chunk.splice(0)));
  }
  parts.push(String.fromCodePoint(...chunk));
  return { text: parts.join('') };
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
