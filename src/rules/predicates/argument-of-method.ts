import { outermostParens } from '../../analysis/syntax.js';
import { expectStringList, type Predicate } from './predicate.js';

/** The capture is a positional argument of a call to a method with one of the listed names: `cert.fingerprint(hashes.SHA1())`. */
export const argumentOfMethod: Predicate = {
  name: 'argument-of-method',
  description:
    'The captured expression is a positional argument of a call to a method (an attribute call) with one of the listed names, as `hashes.SHA1()` in `cert.fingerprint(hashes.SHA1())`: use under `not:` for values a known method only uses in a harmless way.',
  checkArg: expectStringList,
  test(node, arg) {
    const n = outermostParens(node);
    const list = n.parent;
    if (list?.type !== 'argument_list') return false;
    const fn = list.parent?.type === 'call' ? list.parent.childForFieldName('function') : null;
    if (fn?.type !== 'attribute') return false;
    const method = fn.childForFieldName('attribute')?.text;
    return method !== undefined && (arg as string[]).includes(method);
  },
};
