import { receivesOwnMethod } from '../../../src/rules/predicates/receives-own-method.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { firstNode } from '../../helpers/parse.js';

const OVA = 'import tarfile\nclass OVAImageExtractor(object):\n    def extract(self, ova):\n        with tarfile.open(fileobj=ova) as t:\n            return t.extractfile("disk")\n';

/** Tests the receiver of the snippet's last `.extract(...)` call. */
const holds = (source: string) => {
  const { node: module, imports } = firstNode(source, 'module');
  const calls = module.descendantsOfType('call').filter((c: SyntaxNode) => /\.extract$/.test(c.childForFieldName('function')!.text));
  const receiver = calls[calls.length - 1]!.childForFieldName('function')!.childForFieldName('object')!;
  return receivesOwnMethod.test(receiver, true, { path: 'ovf_process.py', imports });
};

describe('receives-own-method', () => {
  it.each([
    [OVA + 'def run(data):\n    extractor = OVAImageExtractor()\n    return extractor.extract(data)'],
    [OVA + 'def run(data):\n    return OVAImageExtractor().extract(data)'],
    [OVA + 'def run(data, fast):\n    if fast:\n        e = OVAImageExtractor()\n    else:\n        e = OVAImageExtractor()\n    return e.extract(data)'],
    ['class Ex:\n    @staticmethod\n    def extract(x):\n        return x\ndef run(d):\n    ex = Ex()\n    return ex.extract(d)'],
    // hotsos' kernel log parser: the method a same-file base defines.
    ['class MemFieldsBase():\n    def extract(self, part, line):\n        pass\nclass MemFieldsMain(MemFieldsBase):\n    pass\ndef run(o, line):\n    MemFieldsMain().extract(o, line)'],
    ['class A:\n    def extract(self, x):\n        pass\nclass B(A):\n    pass\nclass C(B):\n    pass\ndef run(x):\n    C().extract(x)'],
  ])('%j: the file\'s own method', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    [OVA + 'import tarfile\ndef run(data):\n    t = tarfile.open(data)\n    return t.extract("m", "/tmp")'],
    [OVA + 'def run(extractor, data):\n    return extractor.extract(data)'],
    ['class Other(object):\n    def read(self):\n        pass\ndef run(data):\n    o = Other()\n    return o.extract(data)'],
    ['from glance.ova import OVAImageExtractor\ndef run(data):\n    e = OVAImageExtractor()\n    return e.extract(data)'],
    [OVA + 'import tarfile\ndef run(data, ova):\n    e = OVAImageExtractor() if ova else tarfile.open(data)\n    return e.extract("m")'],
    ['import tarfile\nclass T(tarfile.TarFile):\n    pass\ndef run(p):\n    T(p).extract("m")'],
    ['from tarfile import TarFile\nclass T(TarFile):\n    pass\ndef run(p):\n    T(p).extract("m")'],
    ['class A(A):\n    pass\ndef run(x):\n    A().extract(x)'],
  ])('%j: it is not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
