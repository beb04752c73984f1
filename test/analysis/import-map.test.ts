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

describe('ImportMap with a pattern under any package (`*.a.b`)', () => {
  it('spells it with its own parts and through bindings of any of its leading parts under some package', () => {
    const imports = new ImportMap();
    imports.addStatement('from nova.openstack.common import processutils as pu');
    imports.addStatement('from cinder.openstack.common.processutils import execute as run');
    imports.addStatement('from openstack.common import processutils');
    imports.addStatement('from myapp.openstack.commons import processutils as other');
    expect(imports.spellingsOf('*.openstack.common.processutils.execute')).toEqual([
      { parts: ['openstack', 'common', 'processutils', 'execute'], open: false },
      { parts: ['pu', 'execute'], open: false },
      { parts: ['run'], open: false },
      { parts: ['processutils', 'execute'], open: false },
    ]);
  });

  it('binds it only for a binding of the whole module path, under a package or not', () => {
    const imports = new ImportMap();
    imports.addStatement('from nova.openstack.common import processutils');
    expect(imports.binds('*.openstack.common.processutils.execute')).toBe(false);
    imports.addStatement('from nova.openstack.common.processutils import execute');
    expect(imports.binds('*.openstack.common.processutils.execute')).toBe(true);
    const other = new ImportMap();
    other.addStatement('from x.myopenstack.common.processutils import execute');
    expect(other.binds('*.openstack.common.processutils.execute')).toBe(false);
  });
});

describe('ImportMap.importsFromAny', () => {
  const map = (...statements: string[]) => {
    const imports = new ImportMap();
    for (const s of statements) imports.addStatement(s);
    return imports;
  };
  const libraries = new Set(['pyparsing', 'cassandra']);

  it.each([
    [['import pyparsing']],
    [['import pyparsing as pp']],
    [['from pyparsing import Word, alphas']],
    [['from cassandra.query import BatchStatement']],
    [['import os', 'import cassandra.cluster']],
  ])('%j imports from one of them', (statements) => {
    expect(map(...statements).importsFromAny(libraries)).toBe(true);
  });

  it.each([[[]], [['import os']], [['import pyparsing_tools']], [['from mylib import pyparsing_like']]])('%j does not', (statements) => {
    expect(map(...statements).importsFromAny(libraries)).toBe(false);
  });
});
