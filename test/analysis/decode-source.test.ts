import { decodeSource } from '../../src/analysis/decode-source.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeSource', () => {
  it('returns the text of UTF-8 source, without a BOM', () => {
    expect(decodeSource(bytes('\ufeffx = "é"\n'), 1000)).toEqual({ text: 'x = "é"\n' });
  });
  it('skips an empty file', () => {
    expect(decodeSource(new Uint8Array(), 1000)).toEqual({ skip: 'empty file' });
    expect(decodeSource(bytes('  \n\n'), 1000)).toEqual({ skip: 'empty file (white space only)' });
  });
  it('skips a binary file', () => {
    expect(decodeSource(new Uint8Array([0x78, 0x00, 0x79]), 1000)).toEqual({ skip: 'binary file (contains NUL bytes)' });
  });
  it('skips non-UTF-8 and says where', () => {
    const latin1 = new Uint8Array([0x78, 0x3d, 0x27, 0xe9, 0x27, 0x0a]);
    expect(decodeSource(latin1, 1000)).toEqual({ skip: 'not valid UTF-8 (first bad byte at offset 3)' });
  });
  it('skips a file over the size limit, naming the setting', () => {
    const result = decodeSource(bytes('x = 1\n'.repeat(100)), 100);
    expect(result).toEqual({ skip: 'too large: 600 bytes, over the limit of 100 (max_file_bytes)' });
  });
});

describe('decodeSource with a UTF-16 or UTF-32 BOM', () => {
  const source = 'import os\nos.system("é😀")\n';
  const utf16 = (littleEndian: boolean) => {
    const out = new Uint8Array(2 + source.length * 2);
    const view = new DataView(out.buffer);
    view.setUint16(0, 0xfeff, littleEndian);
    for (let i = 0; i < source.length; i++) view.setUint16(2 + i * 2, source.charCodeAt(i), littleEndian);
    return out;
  };
  const utf32 = (littleEndian: boolean) => {
    const points = [0xfeff, ...[...source].map((c) => c.codePointAt(0)!)];
    const out = new Uint8Array(points.length * 4);
    points.forEach((p, i) => new DataView(out.buffer).setUint32(i * 4, p, littleEndian));
    return out;
  };

  it('decodes UTF-16 in either byte order, not calling it binary', () => {
    expect(decodeSource(utf16(true), 1000)).toEqual({ text: source });
    expect(decodeSource(utf16(false), 1000)).toEqual({ text: source });
  });
  it('decodes UTF-32 in either byte order', () => {
    expect(decodeSource(utf32(true), 1000)).toEqual({ text: source });
    expect(decodeSource(utf32(false), 1000)).toEqual({ text: source });
  });
  it('skips broken UTF-16 and UTF-32 with the encoding named', () => {
    expect(decodeSource(utf16(true).subarray(0, 7), 1000)).toEqual({ skip: expect.stringMatching(/^not valid UTF-16 \(little-endian, by its BOM\)/) });
    expect(decodeSource(utf32(false).subarray(0, 10), 1000)).toEqual({ skip: 'not valid UTF-32 (big-endian, by its BOM): 10 bytes is not a multiple of 4' });
    const bad = utf32(true);
    new DataView(bad.buffer).setUint32(8, 0x110000, true);
    expect(decodeSource(bad, 1000)).toEqual({ skip: 'not valid UTF-32 (little-endian, by its BOM): no character 0x110000 at offset 8' });
  });
  it('decodes a UTF-32 file too large for one call of String.fromCodePoint', () => {
    const big = new Uint8Array(4 * 200_001);
    const view = new DataView(big.buffer);
    view.setUint32(0, 0xfeff, true);
    for (let i = 1; i <= 200_000; i++) view.setUint32(i * 4, 0x61, true);
    expect(decodeSource(big, 1e7)).toEqual({ text: 'a'.repeat(200_000) });
  });
});
