import type { SyntaxNode } from '../../analysis/syntax.js';
import { visibleDefinitions } from './bound-to-call.js';
import { expectTrue, type Predicate } from './predicate.js';

// sunbeam's horizon charm: `def exec(container, cmd): …` at the top of the module, then
// `exec(container, "a2dissite 000-default")`. The name is the module's own function, not the builtin.

/** Statements whose names come from elsewhere: what they bind still resolves through the import. */
const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/** The captured bare name is bound by the file where it is read: see the predicate's description. */
export const boundInFile: Predicate = {
  name: 'bound-in-file',
  description:
    'The captured bare name is bound by the file itself where it is read — a `def`, a `class`, an assignment, a parameter or a loop variable of an enclosing function or of the module, not an import — so it is the file\'s own, not the builtin of that name (`def exec(container, cmd)` then `exec(container, "a2dissite 000-default")`). Use under `not:`.',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => {
    if (node.type !== 'identifier') return false;
    const definitions = visibleDefinitions(node, ctx.imports)?.definitions ?? [];
    return definitions.length > 0 && definitions.every((d) => !insideImport(d.target));
  },
};

/** Whether a definition's target is a name an import statement binds. */
function insideImport(target: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = target; n; n = n.parent) if (IMPORTS.has(n.type)) return true;
  return false;
}
