import { holdsOwnSubclassPredicate } from '../../../src/rules/predicates/holds-own-subclass.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { firstNode } from '../../helpers/parse.js';

const ZIP = { of: ['zipfile.ZipFile'], keeping: ['_extract_member'] };
const PRESERVE =
  'import os\nimport zipfile\nclass Preserve(zipfile.ZipFile):\n    def _extract_member(self, member, targetpath, pwd):\n        targetpath = super()._extract_member(member, targetpath, pwd)\n        os.chmod(targetpath, member.external_attr >> 16)\n        return targetpath\n';

/** Tests the receiver of the snippet's last `.extractall(...)` call. */
const holds = (source: string, arg: unknown = ZIP) => {
  const { node: module, imports } = firstNode(source, 'module');
  const calls = module.descendantsOfType('call').filter((c: SyntaxNode) => /\.extractall$/.test(c.childForFieldName('function')!.text));
  const receiver = calls[calls.length - 1]!.childForFieldName('function')!.childForFieldName('object')!;
  return holdsOwnSubclassPredicate.test(receiver, arg, { path: 'csar_utils.py', imports });
};

describe('holds-own-subclass', () => {
  it.each([
    [PRESERVE + 'def run(p, d):\n    with Preserve(p, "r") as zf:\n        zf.extractall(d)\n', "tacker: a with-statement, the override calls super()'s"],
    ['from zipfile import ZipFile\nclass Plain(ZipFile):\n    pass\ndef run(p, d):\n    Plain(p).extractall(d)\n', 'an imported ZipFile, nothing overridden'],
    ['import zipfile\nclass A(zipfile.ZipFile):\n    def _extract_member(self, m, t, pwd):\n        return super(A, self)._extract_member(m, t, pwd)\nclass B(A):\n    pass\ndef run(p, d):\n    z = B(p)\n    y = z\n    y.extractall(d)\n', 'through a same-file class, super(A, self), and a copy'],
    [PRESERVE + 'class Logged(Preserve):\n    def extractall(self, path=None, members=None, pwd=None):\n        return super().extractall(path, members, pwd)\n', 'super() in a method of such a class'],
    [PRESERVE + 'class Each(Preserve):\n    def unpack(self, d):\n        self.extractall(d)\n', 'self in a method of such a class'],
  ])('%j: %s', (source) => expect(holds(source)).toBe(true));

  it.each([
    ['import zipfile, os\nclass Flat(zipfile.ZipFile):\n    def _extract_member(self, member, targetpath, pwd):\n        return open(os.path.join(targetpath, member.filename), "wb")\ndef run(p, d):\n    Flat(p).extractall(d)\n', "_extract_member replaced without calling zipfile's"],
    ['import zipfile\nclass A(zipfile.ZipFile):\n    def _extract_member(self, m, t, pwd):\n        return self.write_it(m, t)\nclass B(A):\n    def _extract_member(self, m, t, pwd):\n        return super()._extract_member(m, t, pwd)\ndef run(p, d):\n    B(p).extractall(d)\n', 'a same-file base in between replaces it'],
    ['import zipfile\nclass Other(zipfile.ZipFile):\n    def _extract_member(self, m, t, pwd):\n        return super()._other(m, t, pwd)\ndef run(p, d):\n    Other(p).extractall(d)\n', "the override calls another of super()'s methods"],
    ['import tarfile\nclass T(tarfile.TarFile):\n    pass\ndef run(p, d):\n    T(p).extractall(d)\n', 'a tarfile subclass'],
    ['import zipfile\nclass Mixed(zipfile.ZipFile, Helper):\n    pass\ndef run(p, d):\n    Mixed(p).extractall(d)\n', 'a base that is not ZipFile'],
    ['from archives import Preserve\ndef run(p, d):\n    Preserve(p).extractall(d)\n', 'an imported class'],
    [PRESERVE + 'import tarfile\ndef run(p, d, z):\n    a = Preserve(p) if z else tarfile.open(p)\n    a.extractall(d)\n', 'a tar archive on one path'],
    [PRESERVE + 'def run(archive, d):\n    archive.extractall(d)\n', 'a parameter'],
    [PRESERVE + 'def run(p, d):\n    zipfile.ZipFile(p).extractall(d)\n', "zipfile's own class (holds-only's)"],
    ['import zipfile, os\nclass Flat(zipfile.ZipFile):\n    def _extract_member(self, m, t, pwd):\n        return open(os.path.join(t, m.filename), "wb")\n    def unpack(self, d):\n        self.extractall(d)\n', "self in a class that replaces _extract_member"],
  ])('%j: %s is not', (source) => expect(holds(source)).toBe(false));

  it('checks its argument', () => {
    expect(holdsOwnSubclassPredicate.checkArg(ZIP)).toBeNull();
    expect(holdsOwnSubclassPredicate.checkArg({ of: ['zipfile.ZipFile'] })).not.toBeNull();
    expect(holdsOwnSubclassPredicate.checkArg({ of: ['zipfile.ZipFile'], keeping: ['a.b'] })).not.toBeNull();
    expect(holdsOwnSubclassPredicate.checkArg({ of: ['zipfile.ZipFile'], keeping: ['_extract_member'], also: 1 })).not.toBeNull();
  });
});
