import { boundInFile } from '../../../src/rules/predicates/bound-in-file.js';
import { ImportMap } from '../../../src/analysis/import-map.js';
import { parsePython } from '../../../src/analysis/python-parser.js';

/** The predicate on the last call's callee named `exec` in the snippet. */
const holds = (source: string) => {
  const tree = parsePython(`${source}\n`);
  const imports = new ImportMap();
  for (const statement of tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) imports.add(statement);
  const callees = tree.rootNode.descendantsOfType('call').map((c) => c.childForFieldName('function')!).filter((f) => f.text === 'exec');
  return boundInFile.test(callees[callees.length - 1]!, true, { path: 'app.py', imports });
};

describe('bound-in-file', () => {
  it.each([
    // sunbeam's horizon charm.
    'def exec(container, cmd):\n    pass\ndef f(c):\n    exec(c, "a2dissite 000-default")',
    'def f(code, exec=print):\n    exec(code)',
    'exec = runner.run\nexec(cmd)',
    'def f(c):\n    def exec(x):\n        pass\n    exec(c)',
  ])('%j: the file\'s own', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'def f(code):\n    exec(code)',
    'from builtins import exec\nexec(code)',
    'from sandbox import exec\nexec(code)',
    'def g():\n    exec = 1\ndef f(code):\n    exec(code)',
  ])('%j: not bound here', (source) => {
    expect(holds(source)).toBe(false);
  });
});
