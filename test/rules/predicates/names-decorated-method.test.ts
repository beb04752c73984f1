import { namesDecoratedMethodPredicate } from '../../../src/rules/predicates/names-decorated-method.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { firstNode } from '../../helpers/parse.js';

const EXPOSE = ['pecan.expose', 'pecan.decorators.expose'];

/** Tests the receiver of the last `@x.when(...)` decorator in the snippet. */
const holds = (source: string, names: string[] = EXPOSE) => {
  const { node: module, imports } = firstNode(source, 'module');
  const whens = module.descendantsOfType('decorator').filter((d: SyntaxNode) => /\.when\(/.test(d.text));
  const receiver = whens[whens.length - 1]!.firstNamedChild!.childForFieldName('function')!.childForFieldName('object')!;
  return namesDecoratedMethodPredicate.test(receiver, names, { path: 'app.py', imports });
};

const controller = (head: string, between = '') =>
  `import pecan\nfrom pecan import expose\nclass C(object):\n${head}\n    def index(self):\n        return {}\n${between}\n    @index.when(method="POST")\n    def index_post(self):\n        return {}\n`;

describe('names-decorated-method', () => {
  it.each([
    [controller('    @pecan.expose(generic=True, template="json")')],
    [controller('    @expose(generic=True)')],
    [controller('    @pecan.expose')],
    [controller('    @staticmethod\n    @pecan.expose(generic=True)')],
    [controller('    @pecan.expose(generic=True)', '    @index.when(method="PUT")\n    def index_put(self):\n        return {}\n    def other(self):\n        return 1')],
    ['from pecan import decorators as d\nclass C:\n    @d.expose(generic=True)\n    def index(self):\n        pass\n    @index.when(method="POST")\n    def p(self):\n        pass'],
  ])('%j: the name is a pecan-exposed method', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    [controller('')],
    [controller('    @property')],
    [controller('    @plugins.expose(generic=True)')],
    [controller('    @pecan.expose(generic=True)', '    index = pecan_state()')],
    [controller('    @pecan.expose(generic=True)', '    def index(self):\n        return 2')],
    ['import pecan\nclass C:\n    state = Machine()\n    @state.when(method="POST")\n    def p(self):\n        pass'],
    ['import pecan\n@pecan.expose(generic=True)\ndef index():\n    pass\n@index.when(method="POST")\ndef p():\n    pass'],
    ['import pecan\nclass C:\n    @index.when(method="POST")\n    def p(self):\n        pass\n    @pecan.expose(generic=True)\n    def index(self):\n        pass'],
  ])('%j: it is not', (source) => {
    expect(holds(source)).toBe(false);
  });

  it('checks its argument', () => {
    expect(namesDecoratedMethodPredicate.checkArg(['pecan.expose'])).toBeNull();
    expect(namesDecoratedMethodPredicate.checkArg([])).toMatch(/takes/);
  });
});
