import { enclosingNode } from '../../analysis/enclosing-nodes.js';
import { memoPerTree, type TreeMemo } from '../../analysis/tree-memo.js';
import { attributeRoot, type SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

// A name that reads like a module but that the code assigns: heat's password generator (`import
// random as random_module` then `random = random_module.SystemRandom()` at module level, so
// `random.sample(...)` is the system generator), and ansible-collections-openstack's build script
// (`yaml = YAML()` in a function, ruamel's round-trip loader, so `yaml.load(...)` is not PyYAML's).

const NESTED_SCOPES = new Set(['function_definition', 'class_definition', 'decorated_definition', 'lambda']);

/** True when code directly in `scope` (outside nested functions and classes; `if`/`try`/`with` blocks included) assigns `name`. */
function scopeAssigns(scope: SyntaxNode, name: string): boolean {
  const pending = [...scope.namedChildren];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (NESTED_SCOPES.has(node.type)) continue;
    if (node.type === 'assignment' || node.type === 'augmented_assignment') {
      const left = node.childForFieldName('left');
      const targets = left?.type === 'identifier' ? [left] : (left?.namedChildren ?? []);
      if (targets.some((t) => t.type === 'identifier' && t.text === name)) return true;
    }
    pending.push(...node.namedChildren);
  }
  return false;
}

const answers: TreeMemo<string, boolean> = new WeakMap();

/** scopeAssigns, asked once per tree, scope and name: a file of many findings in one scope does not walk it per finding. */
function scopeAssignsOnce(scope: SyntaxNode, name: string): boolean {
  return memoPerTree(answers, scope.tree, `${scope.startIndex}:${scope.type}:${name}`, () => scopeAssigns(scope, name));
}

const SCOPES = ['function_definition', 'class_definition', 'lambda'];

/** The root name of the captured chain, when it is a plain name. */
function rootName(node: SyntaxNode): SyntaxNode | null {
  const root = attributeRoot(node);
  return root.type === 'identifier' ? root : null;
}

/** The captured name or attribute chain starts from a name that module-level code assigns (not only imports). */
export const moduleRebindsRoot: Predicate = {
  name: 'module-rebinds-root',
  description:
    'The captured name or attribute chain starts from a name that the file\'s module-level code assigns (`random = random_module.SystemRandom()`), so it is not the module an import or the name as written suggests; use under `not:`.',
  checkArg: expectTrue,
  test(node) {
    const root = rootName(node);
    if (!root) return false;
    return scopeAssignsOnce(root.tree.rootNode, root.text);
  },
};

/**
 * The captured name or attribute chain starts from a name that the function around it assigns:
 * in Python that name is the function's local variable everywhere in it, not a module.
 */
export const functionRebindsRoot: Predicate = {
  name: 'function-rebinds-root',
  description:
    'The captured name or attribute chain starts from a name that the function it is in assigns (`yaml = YAML()`), so in that function the name is a local variable, not the module an import or the name as written suggests; use under `not:`.',
  checkArg: expectTrue,
  test(node) {
    const root = rootName(node);
    if (!root) return false;
    const scope = enclosingNode(root, SCOPES);
    if (scope?.type !== 'function_definition') return false;
    const body = scope.childForFieldName('body');
    return body !== null && scopeAssignsOnce(body, root.text);
  },
};
