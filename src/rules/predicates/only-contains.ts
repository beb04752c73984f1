import { expectStringList, type Predicate } from './predicate.js';

/** The captured node's children, comments aside, are all of the listed node types (and there is one at least). */
export const onlyContains: Predicate = {
  name: 'only-contains',
  description:
    'The captured node (typically a `block`) has at least one named child and, comments aside, only children of the listed node types: `[pass_statement]` for a body that does nothing. Trailing comments defeat a query\'s `.` anchor, hence this predicate.',
  checkArg: expectStringList,
  test(node, arg) {
    const children = node.namedChildren.filter((c) => c.type !== 'comment');
    return children.length > 0 && children.every((c) => (arg as string[]).includes(c.type));
  },
};
