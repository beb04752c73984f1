import { functionRebindsRoot, moduleRebindsRoot } from '../../../src/rules/predicates/rebinds-root.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { ImportMap } from '../../../src/analysis/import-map.js';

/** The predicate on the function of the last call in the source. */
const holds = (source: string) => {
  const calls = parsePython(source).rootNode.descendantsOfType('call');
  const callee = calls[calls.length - 1]!.childForFieldName('function')!;
  return moduleRebindsRoot.test(callee, true, { path: 'app.py', imports: new ImportMap() });
};

describe('module-rebinds-root', () => {
  it.each([
    'import random as random_module\nrandom = random_module.SystemRandom()\nx = random.sample(s, 8)\n',
    'import random\ntry:\n    random = random.SystemRandom()\nexcept NotImplementedError:\n    pass\nx = random.choice(s)\n',
    'from random import choice\nchoice, other = SystemRandom().choice, 1\nx = choice(s)\n',
  ])('%j: the name is rebound at module level', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'import random\nx = random.sample(s, 8)\n',
    'import random\ndef f():\n    random = SystemRandom()\nx = random.sample(s, 8)\n',
    'import random\nclass C:\n    random = SystemRandom()\nx = random.sample(s, 8)\n',
    'import random\nrng = random.SystemRandom()\nx = random.sample(s, 8)\n',
    'x = f()(s)\n',
  ])('%j: it is not', (source) => {
    expect(holds(source)).toBe(false);
  });
});

describe('function-rebinds-root', () => {
  const holdsInFunction = (source: string) => {
    const calls = parsePython(source).rootNode.descendantsOfType('call');
    const callee = calls[calls.length - 1]!.childForFieldName('function')!;
    return functionRebindsRoot.test(callee, true, { path: 'app.py', imports: new ImportMap() });
  };

  it.each([
    'from ruamel.yaml import YAML\ndef main():\n    yaml = YAML()\n    return yaml.load(text)\n',
    'def main():\n    if x:\n        yaml = YAML()\n    return yaml.load(s)\n',
    'def main():\n    yaml, other = YAML(), 1\n    return yaml.load(s)\n',
  ])('%j: the function makes the name local', (source) => {
    expect(holdsInFunction(source)).toBe(true);
  });

  it.each([
    'import yaml\ndef main():\n    return yaml.load(s)\n',
    'import yaml\nyaml = wrap(yaml)\ndef main():\n    return yaml.load(s)\n',
    'import yaml\ndef main():\n    def inner():\n        yaml = YAML()\n    return yaml.load(s)\n',
    'import yaml\nx = yaml.load(s)\n',
    'import yaml\ndef main():\n    loader = YAML()\n    return yaml.load(s)\n',
  ])('%j: it does not', (source) => {
    expect(holdsInFunction(source)).toBe(false);
  });
});
