import { objectOfAttribute } from '../../../src/rules/predicates/object-of-attribute.js';
import { firstNode } from '../../helpers/parse.js';

const holds = (source: string, names: string[] = ['digest_size', 'block_size']) => {
  const { node, imports } = firstNode(`${source}\n`, 'call');
  return objectOfAttribute.test(node, names, { path: 'app.py', imports });
};

describe('object-of-attribute', () => {
  it.each(['n = hashlib.sha1().digest_size * 2', 'n = (hashlib.md5()).block_size'])('%s reads a listed attribute of the call', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each(['h = hashlib.sha1().hexdigest()', 'h = hashlib.sha1()', 'n = hashlib.sha1().name', 'n = len(hashlib.sha1().digest())', 'n = f(x.digest_size)'])(
    '%s does not',
    (source) => {
      expect(holds(source)).toBe(false);
    },
  );

  it('checks its argument', () => {
    expect(objectOfAttribute.checkArg(['digest_size'])).toBeNull();
    expect(objectOfAttribute.checkArg('digest_size')).toMatch(/takes/);
  });
});
