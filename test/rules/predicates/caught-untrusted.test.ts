import { caughtUntrustedPredicate } from '../../../src/rules/predicates/caught-untrusted.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { ImportMap } from '../../../src/analysis/import-map.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';

const TRUSTED = ['nova.exception.*', 'ValueError'];

/** Every identifier named `e` in `source`, and the file's imports. */
function namesE(source: string): { nodes: SyntaxNode[]; imports: ImportMap } {
  const root = parsePython(source).rootNode;
  const imports = new ImportMap();
  for (const s of root.descendantsOfType(['import_statement', 'import_from_statement'])) imports.add(s);
  return { nodes: root.descendantsOfType('identifier').filter((n) => n.text === 'e'), imports };
}

/** Whether the read of `e` in `use` (inside `handler`), and the handler's own `e`, count. */
function caught(handler: string, use = 'x = str(e)'): boolean[] {
  const source = `from ironicclient import exc as ironic_exc\nfrom nova import exception\n\n\ndef f():\n    try:\n        run()\n    ${handler}\n        ${use}\n`;
  const { nodes, imports } = namesE(source);
  return nodes.map((n) => caughtUntrustedPredicate.test(n, TRUSTED, { path: 'nova/virt/driver.py', imports }) as boolean);
}

describe('caught-untrusted', () => {
  it.each(['except Exception as e:', 'except BaseException as e:', 'except ironic_exc.BadRequest as e:', 'except (exception.NovaException, ironic_exc.BadRequest) as e:', 'except OSError as e:', 'except get_errors() as e:'])(
    '%s may catch text not written for users (the alias and the read)',
    (handler) => expect(caught(handler)).toEqual([true, true]),
  );

  it.each(['except exception.InstanceNotFound as e:', 'except (exception.Invalid, ValueError) as e:', 'except ValueError as e:'])('%s catches only trusted exceptions', (handler) => {
    expect(caught(handler)).toEqual([false, false]);
  });

  it('resolves the caught type through imports', () => {
    const source = 'from nova.exception import InstanceNotFound\n\ntry:\n    run()\nexcept InstanceNotFound as e:\n    x = e\n';
    const { nodes, imports } = namesE(source);
    expect(nodes.map((n) => caughtUntrustedPredicate.test(n, TRUSTED, { path: 'a.py', imports }))).toEqual([false, false]);
  });

  it('needs the name bound by an except clause of the same function', () => {
    const parameter = namesE('def f(e):\n    x = str(e)\n');
    expect(parameter.nodes.map((n) => caughtUntrustedPredicate.test(n, TRUSTED, { path: 'a.py', imports: parameter.imports }))).toEqual([false, false]);
    const nested = namesE('def f():\n    try:\n        run()\n    except Exception as e:\n        def g():\n            x = str(e)\n');
    expect(nested.nodes.map((n) => caughtUntrustedPredicate.test(n, TRUSTED, { path: 'a.py', imports: nested.imports }))).toEqual([true, false]);
    const other = namesE('def f():\n    try:\n        run()\n    except Exception as err:\n        x = str(e)\n');
    expect(other.nodes.map((n) => caughtUntrustedPredicate.test(n, TRUSTED, { path: 'a.py', imports: other.imports }))).toEqual([false]);
  });

  it('takes a list of names', () => {
    expect(caughtUntrustedPredicate.checkArg(['nova.exception.*'])).toBeNull();
    expect(caughtUntrustedPredicate.checkArg(true)).not.toBeNull();
  });
});
