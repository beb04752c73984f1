import { checkedAsSuccessPredicate } from '../../../src/rules/predicates/checked-as-success.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { ImportMap } from '../../../src/analysis/import-map.js';

/** The predicate on the last body read (`r.json()` or `r.text`) in the snippet. */
const checked = (source: string) => {
  const root = parsePython(`${source}\n`).rootNode;
  const reads = [...root.descendantsOfType('call').filter((n) => n.text === 'r.json()'), ...root.descendantsOfType('attribute').filter((n) => n.text === 'r.text')];
  reads.sort((a, b) => a.startIndex - b.startIndex);
  return checkedAsSuccessPredicate.test(reads[reads.length - 1]!, true, { path: 'app.py', imports: new ImportMap() });
};

describe('checked-as-success', () => {
  it.each([
    // Chameleon's portal: the failure returned first.
    'def f(get):\n    r = get()\n    if r.status_code != 200:\n        return []\n    return r.json()',
    'def f(get):\n    r = get()\n    if not r.ok:\n        raise Exception("failed")\n    return r.json()',
    'def f(get):\n    r = get()\n    if r.status_code >= 400 or r is None:\n        return None\n    data = r.text',
    'def f(get):\n    r = get()\n    if r.status_code not in (200, 204):\n        return None\n    return r.text',
    'def f(get):\n    r = get()\n    r.raise_for_status()\n    return r.json()',
    'def f(get):\n    r = get()\n    if r.ok:\n        return r.json()',
    'def f(get):\n    r = get()\n    if r.status_code == 200 and r.headers:\n        return r.json()',
    'def f(get):\n    r = get()\n    if 200 <= r.status_code < 300:\n        return r.text',
    'def f(get, items):\n    for i in items:\n        r = get(i)\n        if r.status_code != 200:\n            continue\n        yield r.json()',
  ])('%j: read once the answer succeeded', (source) => {
    expect(checked(source)).toBe(true);
  });

  it.each([
    'def f(get):\n    r = get()\n    return r.json()',
    // The guard logs and goes on.
    'def f(get, log):\n    r = get()\n    if r.status_code != 200:\n        log(r.status_code)\n    return r.json()',
    // The read is in the failing branch.
    'def f(get):\n    r = get()\n    if r.status_code >= 400:\n        return r.text',
    'def f(get):\n    r = get()\n    if not r.ok:\n        return r.text',
    // A guard with an else branch, one that does not test failure, or one of `and`.
    'def f(get):\n    r = get()\n    if r.status_code != 200:\n        return None\n    else:\n        pass\n    return r.json()',
    'def f(get):\n    r = get()\n    if r.status_code == 200:\n        return None\n    return r.json()',
    'def f(get):\n    r = get()\n    if r.status_code >= 500:\n        return None\n    return r.json()',
    'def f(get, c):\n    r = get()\n    if r.status_code != 200 and c:\n        return None\n    return r.json()',
    // Another response bound after the guard.
    'def f(get):\n    r = get()\n    if r.status_code != 200:\n        return None\n    r = get()\n    return r.json()',
    // A test of another response.
    'def f(get):\n    r = get()\n    s = get()\n    if s.ok:\n        return r.json()',
    // The guard is in another function.
    'def g(r):\n    if not r.ok:\n        return None\n    def h():\n        return r.json()\n    return h',
  ])('%j: not', (source) => {
    expect(checked(source)).toBe(false);
  });
});
