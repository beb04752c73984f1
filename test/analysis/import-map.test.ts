import { ImportMap } from '../../src/analysis/import-map.js';
import { firstNode } from '../helpers/parse.js';

function resolveCallee(source: string): string | null {
  const { node, imports } = firstNode(source, 'call');
  return imports.qualifiedName(node.childForFieldName('function')!);
}

describe('ImportMap.qualifiedName', () => {
  it.each([
    ['import subprocess\nsubprocess.call(x)', 'subprocess.call'],
    ['import subprocess as sp\nsp.call(x)', 'subprocess.call'],
    ['from subprocess import call\ncall(x)', 'subprocess.call'],
    ['from subprocess import call as run_it\nrun_it(x)', 'subprocess.call'],
    ['import os.path\nos.path.join(a, b)', 'os.path.join'],
    ['from oslo_concurrency import processutils\nprocessutils.execute(x)', 'oslo_concurrency.processutils.execute'],
    ['from . import utils\nutils.execute(x)', '.utils.execute'],
    ['eval(x)', 'eval'],
    ['def f():\n    import yaml as y\n    y.load(s)', 'yaml.load'],
  ])('%s → %s', (source, expected) => {
    expect(resolveCallee(source)).toBe(expected);
  });

  it('gives null for a callee that is not a name chain', () => {
    expect(resolveCallee('get_runner()(x)')).toBeNull();
    expect(resolveCallee('items[0].run(x)')).toBeNull();
  });
});

describe('ImportMap.spellingsOf', () => {
  it('spells a name anew after an import that binds it is added', () => {
    const imports = new ImportMap();
    expect(imports.spellingsOf('subprocess.call')).toEqual([{ parts: ['subprocess', 'call'], open: false }]);
    imports.addStatement('import subprocess as sp');
    expect(imports.spellingsOf('subprocess.call')).toEqual([
      { parts: ['subprocess', 'call'], open: false },
      { parts: ['sp', 'call'], open: false },
    ]);
  });
});
