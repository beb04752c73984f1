import { argumentOfMethod } from '../../../src/rules/predicates/argument-of-method.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { ImportMap } from '../../../src/analysis/import-map.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';

/** The first call to `SHA1` in source, tested as the capture. */
function holds(source: string, names: string[]): boolean {
  const tree = parsePython(source);
  const stack: SyntaxNode[] = [tree.rootNode];
  let found: SyntaxNode | null = null;
  while (stack.length && !found) {
    const n = stack.pop()!;
    if (n.type === 'call' && n.childForFieldName('function')?.text.endsWith('SHA1')) found = n;
    stack.push(...n.namedChildren);
  }
  return argumentOfMethod.test(found!, names, { path: 'app.py', imports: new ImportMap() }) === true;
}

describe('argument-of-method', () => {
  it.each(['fp = cert.fingerprint(hashes.SHA1())', 'fp = cert.fingerprint((hashes.SHA1()))', 'fp = self.cert.fingerprint(\n    hashes.SHA1(),\n)'])('%j is an argument of fingerprint', (source) => {
    expect(holds(source, ['fingerprint'])).toBe(true);
  });

  it.each(['h = hashes.Hash(hashes.SHA1())', 'fp = fingerprint(hashes.SHA1())', 'fp = cert.fingerprint(algorithm=hashes.SHA1())', 'x = hashes.SHA1()', 'fp = cert.sign(key, hashes.SHA1())'])('%j is not', (source) => {
    expect(holds(source, ['fingerprint'])).toBe(false);
  });
});
