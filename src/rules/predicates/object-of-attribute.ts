import { outermostParens, unwrapParens } from '../../analysis/syntax.js';
import { expectStringList, type Predicate } from './predicate.js';

/** The capture is the object of an attribute read with one of the listed names: `hashlib.sha1().digest_size`. */
export const objectOfAttribute: Predicate = {
  name: 'object-of-attribute',
  description:
    'The captured expression is the object of an attribute access with one of the listed names, as the call in `hashlib.sha1().digest_size`: use under `not:` for values only read for a property.',
  checkArg: expectStringList,
  test(node, arg) {
    const n = outermostParens(node);
    const parent = n.parent;
    if (parent?.type !== 'attribute' || parent.childForFieldName('object')?.id !== n.id) return false;
    const attribute = parent.childForFieldName('attribute')?.text;
    return attribute !== undefined && (arg as string[]).includes(attribute) && unwrapParens(n).id === node.id;
  },
};
