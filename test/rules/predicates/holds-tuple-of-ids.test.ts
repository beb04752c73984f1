import { holdsTupleOfIdsPredicate } from '../../../src/rules/predicates/holds-tuple-of-ids.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { ImportMap } from '../../../src/analysis/import-map.js';

/** The predicate on the last read of `ceph_secret` in the snippet. */
const holds = (source: string) => {
  const reads = parsePython(`${source}\n`).rootNode.descendantsOfType('identifier').filter((n) => n.text === 'ceph_secret');
  return holdsTupleOfIdsPredicate.test(reads[reads.length - 1]!, true, { path: 'app.py', imports: new ImportMap() });
};

describe('holds-tuple-of-ids', () => {
  it.each([
    // Atmosphere's storage filter.
    'def f(backend, seen):\n    secret_uuid = str(backend.secret_uuid)\n    ceph_secret = (backend.user, secret_uuid)\n    return ceph_secret in seen',
    'def f(backend, seen):\n    ceph_secret = [backend.user, str(backend.pool), "client"]\n    return ceph_secret in seen',
    'def f(backends, seen):\n    for b in backends:\n        ceph_secret = (b.user, b.uuid)\n        if ceph_secret in seen:\n            continue',
  ])('%j: a record of identifiers', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'def f(backend, seen):\n    ceph_secret = (backend.user, backend.secret)\n    return ceph_secret in seen',
    'def f(backend, seen):\n    ceph_secret = (backend.user, str(backend.key_password))\n    return ceph_secret in seen',
    'def f(backend, seen):\n    ceph_secret = (backend.user, fetch(backend))\n    return ceph_secret in seen',
    'def f(backend, seen):\n    ceph_secret = backend.secret\n    return ceph_secret in seen',
    'def f(backend, seen):\n    ceph_secret = ()\n    return ceph_secret in seen',
    'def f(backend, seen, c):\n    ceph_secret = (backend.user, backend.uuid)\n    if c:\n        ceph_secret = backend.key\n    return ceph_secret in seen',
  ])('%j: not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
