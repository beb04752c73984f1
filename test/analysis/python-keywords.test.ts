import { KEYWORD_OF_NODE_TYPE } from '../../src/analysis/python-keywords.js';
import { parsePython } from '../../src/analysis/python-parser.js';

/** Code holding at least one node of each type in the table. */
const EXAMPLES = `
import os
from a import (b,
    c)
global g
def f(x):
    nonlocal y
    assert x
    del x
    if x:
        return not x
    elif x:
        pass
    else:
        x = 1 if x else 2
    for i in x:
        continue
    while x:
        break
    try:
        raise E
    except E:
        pass
    finally:
        pass
    with x:
        pass
    y = lambda: (yield)
    z = await x
    return True, False, None
class C:
    pass
`;

describe('KEYWORD_OF_NODE_TYPE', () => {
  const tree = parsePython(EXAMPLES);
  it.each([...KEYWORD_OF_NODE_TYPE])('every %s node holds the keyword %s as a whole word', (type, keyword) => {
    const nodes = tree.rootNode.descendantsOfType(type);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.text).toMatch(new RegExp(`(^|[^\\w])${keyword}($|[^\\w])`));
  });
});
