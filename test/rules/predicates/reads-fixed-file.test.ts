import { readsFixedFilePredicate } from '../../../src/rules/predicates/reads-fixed-file.js';
import { firstNode } from '../../helpers/parse.js';

/** The predicate on the first argument of the last `exec(...)` in the snippet. */
const holds = (source: string) => {
  const { node: module, imports } = firstNode(source, 'module');
  const calls = module.descendantsOfType('call').filter((c) => c.childForFieldName('function')?.text === 'exec');
  const code = calls[calls.length - 1]!.childForFieldName('arguments')!.namedChildren[0]!;
  return readsFixedFilePredicate.test(code, true, { path: 'app.py', imports });
};

describe('reads-fixed-file', () => {
  it.each([
    'exec(open("/opt/venv/bin/activate_this.py").read())',
    'activate = "/opt/venv/bin/activate_this.py"\nexec(open(activate).read(), dict(__file__=activate))',
    'import io\nexec(io.open("/etc/app/hook.py", "r").read())',
    'from pathlib import Path\nexec(Path("/opt/app/boot.py").read_text())',
  ])('%j reads a file the code names', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'def f(path):\n    exec(open(path).read())',
    'import os\ndef f(d):\n    exec(open(os.path.join(d, "hook.py")).read())',
    'exec(open("/opt/app/boot.py").readline())',
    'exec(open("/opt/app/boot.py").read(100))',
    'exec(Path("/opt/app/boot.py").read_text())',
    'exec(body)',
    'activate = "/opt/a.py"\nactivate = input()\nexec(open(activate).read())',
  ])('%j does not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
