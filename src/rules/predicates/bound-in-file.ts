import { enclosingNodes } from '../../analysis/enclosing-nodes.js';
import { fileText } from '../../analysis/flow/file-text.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { memoPerTree, type TreeMemo } from '../../analysis/tree-memo.js';
import { FUNCTIONS, rebinds } from './constant-binding.js';
import { parametersOf } from './function-parameters.js';
import { expectTrue, type Predicate } from './predicate.js';

// sunbeam's horizon charm: `def exec(container, cmd): …` at the top of the module, then
// `exec(container, "a2dissite 000-default")`. The name is the module's own function, not the builtin.
// Asked of every call to a builtin of that name: no walk up from the call (a hostile line of
// thousands of `eval(a)+…` would make that quadratic), and each scope is read once per name.


/** Whether the file's text could bind `name` at all: `def name`, `class name`, `name =`, `as name`, `for name`, or a parameter. */
function mayBind(root: SyntaxNode, name: string): boolean {
  return memoPerTree(textBinds, root.tree, name, () =>
    new RegExp(`\\b(?:def|class|as|for)\\s+${name}\\b|\\b${name}\\s*(?::[^=\\n]*)?=(?!=)|[(,]\\s*\\*{0,2}${name}\\s*[,)=:]`).test(fileText(root)),
  );
}

const textBinds: TreeMemo<string, boolean> = new WeakMap();
const scopeBinds: TreeMemo<string, boolean> = new WeakMap();

/** Whether the module's own statements bind `name` (a `def`, `class`, assignment, loop or `with` target; not an import). */
function moduleBinds(root: SyntaxNode, name: string): boolean {
  for (const statement of root.namedChildren) {
    if (statement.type === 'import_statement' || statement.type === 'import_from_statement' || statement.type === 'future_import_statement') continue;
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if ((definition?.type === 'function_definition' || definition?.type === 'class_definition') && definition.childForFieldName('name')?.text === name) return true;
    if (definition?.type !== 'function_definition' && definition?.type !== 'class_definition' && rebinds(statement, name)) return true;
  }
  return false;
}

/** Whether the scope (a function, or the module) binds `name` itself; asked once per scope and name. */
function scopeBindsName(scope: SyntaxNode, name: string): boolean {
  return memoPerTree(scopeBinds, scope.tree, `${scope.id}:${name}`, () => {
    if (scope.type === 'module') return moduleBinds(scope, name);
    const body = scope.childForFieldName('body');
    if (parametersOf(scope).some((p) => p.name === name)) return true;
    if (body === null) return false;
    const defines = body.descendantsOfType(['function_definition', 'class_definition']).some((d) => d.childForFieldName('name')?.text === name);
    return defines || rebinds(body, name);
  });
}

/** The captured bare name is bound by the file where it is read: see the predicate's description. */
export const boundInFile: Predicate = {
  name: 'bound-in-file',
  description:
    'The captured bare name is bound by the file itself where it is read — a `def`, a `class`, an assignment, a parameter or a loop variable of an enclosing function or of the module, not an import — so it is the file\'s own, not the builtin of that name (`def exec(container, cmd)` then `exec(container, "a2dissite 000-default")`). Use under `not:`.',
  checkArg: expectTrue,
  test: (node) => {
    if (node.type !== 'identifier') return false;
    const root = node.tree.rootNode;
    if (!mayBind(root, node.text)) return false;
    for (const fn of enclosingNodes(node, FUNCTIONS)) if (scopeBindsName(fn, node.text)) return true;
    return scopeBindsName(root, node.text);
  },
};
