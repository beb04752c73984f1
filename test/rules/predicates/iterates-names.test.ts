import { ImportMap } from '../../../src/analysis/import-map.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { iteratesNamesPredicate } from '../../../src/rules/predicates/iterates-names.js';

/** The predicate on the last `password` read in the snippet. */
const holds = (source: string) => {
  const root = parsePython(`${source}\n`).rootNode;
  const reads = root.descendantsOfType('identifier').filter((n) => n.text === 'password');
  return iteratesNamesPredicate.test(reads[reads.length - 1]!, true, { path: 'app.py', imports: new ImportMap() });
};

describe('iterates-names', () => {
  it.each([
    'for password in PASSWORD_PARAMETER_NAMES:\n    log(password)',
    'for password in constants.PASSWORD_PARAMETER_NAMES:\n    log(password)',
    'def f(self):\n    for password in self.secret_keys:\n        log(password)',
    'def f(d):\n    for password in d.keys():\n        log(password)',
    'def f(d):\n    for password in sorted(d.keys()):\n        log(password)',
    'def f(form):\n    return [password for password in form.fields if password]',
    'def f(creds):\n    for password, value in creds.items():\n        log(password)',
    'def f(creds):\n    for (password, value) in six.iteritems(creds):\n        log(password)',
    'def f(creds):\n    for password, value in enumerate(creds):\n        log(password)',
    // StarlingX's `secretRef: {name, keys: {field: key}}`: the values of a mapping named for keys.
    'def f(ref):\n    keys = ref.get("keys")\n    for target_field, password in keys.items():\n        log(password)',
    'def f(self):\n    for password in self.secret_names.values():\n        log(password)',
  ])('%j: the loop gives names', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'for password in passwords:\n    log(password)',
    'def f(d):\n    for password in d.values():\n        log(password)',
    'def f(d):\n    for user, password in d.items():\n        log(password)',
    'def f(d):\n    for password, value in d.values():\n        log(password)',
    'def f(d):\n    for password, user, value in d.items():\n        log(password)',
    'def f(names, password):\n    for password in names:\n        pass\n    log(password)\n    password = read()\n    log(password)',
    'def f(password):\n    log(password)',
    'def f(api_keys):\n    for service, password in api_keys.items():\n        log(password)',
    'def f(params):\n    for name, password in params.items():\n        log(password)',
    'def f(keys):\n    for target_field, password in keys.items(5):\n        log(password)',
    'for password in PASSWORD_PARAMETER_NAMES:\n    password = lookup(password)\n    log(password)',
  ])('%j: it does not, or not on every path', (source) => {
    expect(holds(source)).toBe(false);
  });
});
