import { keywordResolvesTo } from '../../../src/rules/predicates/keyword-resolves-to.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { firstNode } from '../../helpers/parse.js';

const SAFE = ['yaml.SafeLoader', 'yaml.CSafeLoader', 'yaml.loader.SafeLoader'];
const HEAT = `import yaml

if hasattr(yaml, 'CSafeLoader'):
    _yaml_loader_base = yaml.CSafeLoader
else:
    _yaml_loader_base = yaml.SafeLoader


class yaml_loader(_yaml_loader_base):
    def _construct_yaml_str(self, node):
        return self.construct_scalar(node)

`;

/** Tests the snippet's last `yaml.load(...)` call, following the file (`follow: true`) or not. */
const holds = (source: string, follow = true) => {
  const { node: module, imports } = firstNode(source, 'module');
  const calls = module.descendantsOfType('call').filter((c: SyntaxNode) => c.childForFieldName('function')!.text === 'yaml.load');
  return keywordResolvesTo.test(calls[calls.length - 1]!, { keyword: 'Loader', names: SAFE, follow }, { path: 'template_format.py', imports });
};

describe('keyword-resolves-to with follow (resolvesInFile)', () => {
  it.each([
    [HEAT + 'def parse(s):\n    return yaml.load(s, Loader=yaml_loader)'],
    ['import yaml\nclass L(yaml.SafeLoader):\n    pass\nclass M(L):\n    pass\ndef parse(s):\n    return yaml.load(s, Loader=M)'],
    ['import yaml\nLOADER = yaml.CSafeLoader\ndef parse(s):\n    return yaml.load(s, Loader=LOADER)'],
    ['import yaml\nclass Codec:\n    @property\n    def loader(self):\n        return yaml.loader.SafeLoader\n    def read(self, s):\n        return yaml.load(s, Loader=self.loader)'],
    ['import yaml\nclass Codec:\n    loader = yaml.SafeLoader\n    def read(self, s):\n        return yaml.load(s, Loader=self.loader)'],
  ])('%j: the loader is safe', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    [HEAT + 'def parse(s):\n    return yaml.load(s, Loader=yaml_loader)', false],
    ['import yaml\nif x:\n    B = yaml.CLoader\nelse:\n    B = yaml.SafeLoader\nclass L(B):\n    pass\ndef parse(s):\n    return yaml.load(s, Loader=L)', true],
    ['import yaml\nclass L(yaml.SafeLoader, Mixin):\n    pass\ndef parse(s):\n    return yaml.load(s, Loader=L)', true],
    ['import yaml\nclass Codec:\n    @property\n    def loader(self):\n        return yaml.loader.Loader\n    def read(self, s):\n        return yaml.load(s, Loader=self.loader)\nclass Safe(Codec):\n    @property\n    def loader(self):\n        return yaml.loader.SafeLoader', true],
    ['import yaml\nclass Codec:\n    loader = yaml.SafeLoader\n    def __init__(self, loader):\n        self.loader = loader\n    def read(self, s):\n        return yaml.load(s, Loader=self.loader)', true],
    ['import yaml\ndef parse(s, loader=yaml.SafeLoader):\n    return yaml.load(s, Loader=loader)', true],
    ['import yaml\nfrom x import yaml_loader\ndef parse(s):\n    return yaml.load(s, Loader=yaml_loader)', true],
    ['import yaml\nclass L(L):\n    pass\ndef parse(s):\n    return yaml.load(s, Loader=L)', true],
  ])('%j: it is not (follow %s)', (source, follow) => {
    expect(holds(source as string, follow as boolean)).toBe(false);
  });

  // murano's yaql_yaml_loader: the class lives in the function that loads, or one around it.
  const MURANO = 'import yaml\ndef get_loader(version):\n    def load(contents):\n        class L(yaml.SafeLoader):\n            pass\n        L.yaml_implicit_resolvers = {}\n        return yaml.load(contents, Loader=L)\n    return load';
  const OUTER = 'import yaml\ndef outer():\n    class L(yaml.SafeLoader):\n        pass\n    def load(s):\n        return yaml.load(s, Loader=L)\n    return load';
  const MODULE_SAFE = 'import yaml\nclass L(yaml.SafeLoader):\n    pass\n';
  const MODULE_FULL = 'import yaml\nclass L(yaml.Loader):\n    pass\n';

  it.each([
    [MURANO],
    [OUTER],
    [MODULE_FULL + 'def parse(s):\n    class L(yaml.SafeLoader):\n        pass\n    return yaml.load(s, Loader=L)'],
    [MODULE_SAFE + 'def outer():\n    def parse(s):\n        return yaml.load(s, Loader=L)\n    return parse'],
  ])('%j: a class in the function or around it, nearest first, is followed', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    [MURANO.replace('yaml.SafeLoader', 'yaml.Loader')],
    [OUTER.replace('    def load(s):\n', '    def load(s):\n        class L(yaml.Loader):\n            pass\n')],
    [MODULE_SAFE + 'def parse(s):\n    class L(yaml.Loader):\n        pass\n    return yaml.load(s, Loader=L)'],
    [MODULE_SAFE + 'def parse(s):\n    L = yaml.FullLoader\n    return yaml.load(s, Loader=L)'],
    [MODULE_SAFE + 'def parse(s, L):\n    return yaml.load(s, Loader=L)'],
    [MODULE_SAFE + 'def outer(L):\n    def parse(s):\n        return yaml.load(s, Loader=L)\n    return parse'],
    ['import yaml\ndef parse(s):\n    if s:\n        class L(yaml.SafeLoader):\n            pass\n    else:\n        L = yaml.Loader\n    return yaml.load(s, Loader=L)'],
  ])('%j: a nearer definition that is not safe hides a safe one', (source) => {
    expect(holds(source)).toBe(false);
  });

  it('checks its argument', () => {
    expect(keywordResolvesTo.checkArg({ keyword: 'Loader', names: SAFE, follow: true })).toBeNull();
    expect(keywordResolvesTo.checkArg({ keyword: 'Loader', names: SAFE, follow: 'yes' })).toMatch(/takes/);
  });
});

describe('keyword-resolves-to with position', () => {
  const at = (source: string, position?: number) => {
    const { node: module, imports } = firstNode(source, 'module');
    const calls = module.descendantsOfType('call').filter((c: SyntaxNode) => c.childForFieldName('function')!.text === 'yaml.load');
    return keywordResolvesTo.test(calls[calls.length - 1]!, { keyword: 'Loader', names: SAFE, follow: true, position }, { path: 'safe_yaml.py', imports });
  };

  it('takes the loader passed by position when asked to', () => {
    const mistral = 'import yaml\nclass SafeLoader(yaml.SafeLoader):\n    pass\ndef load(stream):\n    return yaml.load(stream, SafeLoader)';
    expect(at(mistral, 2)).toBe(true);
    expect(at(mistral)).toBe(false);
    expect(at('import yaml\ndef load(stream):\n    return yaml.load(stream, yaml.FullLoader)', 2)).toBe(false);
    expect(at('import yaml\ndef load(stream, *rest):\n    return yaml.load(*rest)', 2)).toBe(false);
    expect(at('import yaml\ndef load(stream):\n    return yaml.load(stream)', 2)).toBe(false);
  });

  it('checks the position', () => {
    expect(keywordResolvesTo.checkArg({ keyword: 'Loader', names: SAFE, position: 2 })).toBeNull();
    expect(keywordResolvesTo.checkArg({ keyword: 'Loader', names: SAFE, position: 0 })).toMatch(/takes/);
    expect(keywordResolvesTo.checkArg({ keyword: 'Loader', names: SAFE, position: -1 })).toMatch(/takes/);
  });
});
