import { isSplitToken } from '../../../src/rules/predicates/split-token.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { firstNode } from '../../helpers/parse.js';

/** Tests the last read of `token` in the snippet (the argument of the last call). */
const splitToken = (source: string) => {
  const { node: module, imports } = firstNode(`${source}\n`, 'module');
  const reads = module.descendantsOfType('identifier').filter((n: SyntaxNode) => n.text === 'token' && n.parent?.type === 'argument_list');
  return isSplitToken(reads[reads.length - 1]!, imports);
};

describe('split-token', () => {
  it.each([
    ['def f(v):\n    for token in v.split(","):\n        log(token)', 'a loop over a split'],
    ['import itertools\ndef f(v):\n    tokens = itertools.chain(*[elem.split(",") for elem in v])\n    for token in tokens:\n        log(token)', "cloudkitty's chain of splits, through a name"],
    ['from itertools import chain\ndef f(a, b):\n    for token in chain(a.split(), b.rsplit(":")):\n        log(token)', 'chain imported by name'],
    ['import shlex\ndef f(cmd):\n    for token in shlex.split(cmd):\n        log(token)', 'shlex.split'],
    ['def f(text):\n    for token in sorted(text.splitlines()):\n        log(token)', 'sorted lines'],
    ['def f(rules):\n    return [log(token) for token in rules.split()]', 'a comprehension'],
  ])('%j: %s', (source) => expect(splitToken(source)).toBe(true));

  it.each([
    ['def f(conf):\n    for token in conf.admin_tokens.split(","):\n        log(token)', 'the text is named for tokens'],
    ['def f(req):\n    for token in req.headers["X-Auth-Token"].split(","):\n        log(token)', 'a token header'],
    ['def f(req):\n    header = req.headers["Authorization"]\n    for token in header.split(","):\n        log(token)', 'an Authorization header through a name'],
    ['def f(header):\n    scheme, token = header.split(" ", 1)\n    log(token)', 'one piece picked out'],
    ['def f(header):\n    token = header.split(" ")[1]\n    log(token)', 'one piece indexed'],
    ['def f(self):\n    for token in self.tokens.values():\n        log(token)', 'stored tokens'],
    ['def f(v, token):\n    if v:\n        for token in v.split():\n            pass\n    log(token)', 'a parameter on another path'],
    ['def f(v):\n    for auth_token in v.split():\n        log(auth_token)\n    for token in v:\n        log(token)', 'a loop over a collection'],
    ['import shlex\ndef f(password):\n    for token in shlex.split(password):\n        log(token)', 'a secret split'],
  ])('%j: not (%s)', (source) => expect(splitToken(source)).toBe(false));
});
