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
