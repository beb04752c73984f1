import { attributeRoot, type SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

// heat's password generator: `import random as random_module` then `random =
// random_module.SystemRandom()` at module level, so `random.sample(...)` is the system generator,
// though written as the module's function.

const NESTED_SCOPES = new Set(['function_definition', 'class_definition', 'decorated_definition', 'lambda']);

/** True when module-level code (outside functions and classes, `if`/`try` blocks included) assigns `name`. */
function moduleAssigns(module: SyntaxNode, name: string): boolean {
  const pending = [...module.namedChildren];
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

/** The captured name or attribute chain starts from a name that module-level code assigns (not only imports). */
export const moduleRebindsRoot: Predicate = {
  name: 'module-rebinds-root',
  description:
    'The captured name or attribute chain starts from a name that the file\'s module-level code assigns (`random = random_module.SystemRandom()`), so it is not the module an import or the name as written suggests; use under `not:`.',
  checkArg: expectTrue,
  test(node) {
    const root = attributeRoot(node);
    if (root.type !== 'identifier') return false;
    let module: SyntaxNode = root;
    while (module.parent) module = module.parent;
    return moduleAssigns(module, root.text);
  },
};
