import { comparesUnpackedFields } from '../../../src/rules/predicates/compares-unpacked-fields.js';
import { firstNode } from '../../helpers/parse.js';

/** The first comparison in the snippet. */
const compares = (source: string) => {
  const { node, imports } = firstNode(`${source}\n`, 'comparison_operator');
  return comparesUnpackedFields(node, imports);
};

describe('compares-unpacked-fields', () => {
  it.each([
    ['def f(self):\n    h_sig, h_ver = self.parse("header")\n    f_sig, f_ver = self.parse("footer", 512)\n    return h_sig != f_sig', 'same parser, same position'],
    ['def f(a, b):\n    x, y = (\n        parse(a)\n    )\n    z, w = parse(b)\n    return (w\n        == y)', 'wrapped call, second position, over lines'],
    ['import struct as s\ndef f(a, b):\n    (m1,) = s.unpack("<H", a)\n    (m2,) = s.unpack("<I", b)\n    return m1 == m2', 'one library call'],
  ])('%j: %s', (source) => expect(compares(source)).toBe(true));

  it.each([
    ['def f(self):\n    h_sig, h_ver = self.parse("header")\n    f_ver, f_sig = self.parse("footer")\n    return h_sig != f_sig', 'different positions'],
    ['def f(self):\n    h_sig, h_ver = self.parse("header")\n    f_sig, f_ver = self.other("footer")\n    return h_sig != f_sig', 'different functions'],
    ['def f(self, req):\n    h_sig, h_ver = self.parse("header")\n    f_sig, f_ver = self.parse("footer")\n    if req:\n        f_sig = req.headers["X-Sig"]\n    return h_sig != f_sig', 'one side assigned otherwise on one path'],
    ['def f(self, expected):\n    h_sig, h_ver = self.parse("header")\n    return h_sig != expected', 'a parameter on one side'],
    ['def f(self):\n    h_sig, h_ver = self.parse("header")\n    return h_sig != h_sig', 'the same name twice'],
    ['def f(self, pairs):\n    for a, b in pairs:\n        c, d = a\n    return a == c', 'a loop target, not an unpacked call'],
    ['def f(self, key):\n    h_sig, h_ver = self.parse("header")\n    return h_sig != hmac.new(key).digest()', 'a call on one side'],
  ])('%j: not (%s)', (source) => expect(compares(source)).toBe(false));
});
