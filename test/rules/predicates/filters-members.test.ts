import { filtersMembersPredicate } from '../../../src/rules/predicates/filters-members.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { ImportMap } from '../../../src/analysis/import-map.js';

/** Asks of the snippet's last `extractall(...)` call. */
const filters = (source: string) => {
  const tree = parsePython(source);
  const imports = new ImportMap();
  for (const statement of tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) imports.add(statement);
  const calls = tree.rootNode.descendantsOfType('call').filter((c) => c.childForFieldName('function')?.text.endsWith('extractall'));
  return filtersMembersPredicate.test(calls[calls.length - 1]!, true, { path: 'remotes.py', imports });
};

const REALPATH = 'import os\ndef safe(tar, root):\n    for m in tar:\n        if os.path.realpath(os.path.join(root, m.name)).startswith(root):\n            yield m\n';

describe('filters-members', () => {
  it.each([
    // syntribos: the filter nested beside the call.
    ['import os\ndef f(tar, root):\n    def safe(tar):\n        for m in tar:\n            if os.path.realpath(os.path.join(root, m.name)).startswith(root):\n                yield m\n    tar.extractall(root, members=safe(tar))\n'],
    [`${REALPATH}def f(tar, root):\n    tar.extractall(path=root, members=safe(tar, root))\n`],
    ['from pathlib import Path\ndef safe(tar, root):\n    return [m for m in tar if (Path(root) / m.name).resolve().is_relative_to(root)]\ndef f(tar, root):\n    tar.extractall(root, members=safe(tar, root))\n'],
  ])('%j: filtered by resolved paths', (source) => {
    expect(filters(source)).toBe(true);
  });

  it.each([
    // ec2-api's check: abspath does not resolve a link an earlier member made.
    ['import os\ndef safe(tar, root):\n    for m in tar:\n        if os.path.abspath(os.path.join(root, m.name)).startswith(root):\n            yield m\ndef f(tar, root):\n    tar.extractall(root, members=safe(tar, root))\n'],
    [`${REALPATH}def f(tar, root):\n    tar.extractall(root, members=tar.getmembers())\n`],
    [`${REALPATH}def f(tar, root):\n    tar.extractall(root)\n`],
    // Resolves, but tests nothing with it.
    ['import os\ndef safe(tar, root):\n    for m in tar:\n        log(os.path.realpath(m.name))\n        yield m\ndef f(tar, root):\n    tar.extractall(root, members=safe(tar, root))\n'],
    // A function of another module: not seen here.
    ['from util import safe\ndef f(tar, root):\n    tar.extractall(root, members=safe(tar, root))\n'],
  ])('%j: not', (source) => {
    expect(filters(source)).toBe(false);
  });
});
