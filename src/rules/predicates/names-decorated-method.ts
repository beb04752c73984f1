import type { ImportMap } from '../../analysis/import-map.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';

/** The statement of a class body that holds `node`, and that body; null when `node` is not in a class body. */
function classBodyStatement(node: SyntaxNode): { statement: SyntaxNode; body: SyntaxNode } | null {
  for (let n: SyntaxNode | null = node; n?.parent; n = n.parent) {
    const parent: SyntaxNode = n.parent;
    if (parent.type === 'block') return parent.parent?.type === 'class_definition' ? { statement: n, body: parent } : null;
  }
  return null;
}

/** The name a class-body statement binds (`def name`, decorated or not; `name = …`), else null. */
function boundName(statement: SyntaxNode): string | null {
  const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  if (definition?.type === 'function_definition' || definition?.type === 'class_definition') return definition.childForFieldName('name')?.text ?? null;
  const assignment = statement.type === 'expression_statement' ? statement.firstNamedChild : null;
  const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
  return left?.type === 'identifier' ? left.text : null;
}

/** Whether a decorator is one of `names`, called or not (`@pecan.expose(generic=True)`, `@expose`). */
function decoratorIs(decorator: SyntaxNode, names: string[], imports: ImportMap): boolean {
  let expression = decorator.firstNamedChild;
  if (expression?.type === 'call') expression = expression.childForFieldName('function');
  const name = expression ? imports.qualifiedName(expression) : null;
  return name !== null && matchesNamePattern(name, names);
}

/**
 * True when `identifier`, written in a statement of a class body (a method's decorator, as
 * `index` in `@index.when(method='POST')`), names a method that the class defined before that
 * statement with one of `names` among its decorators, and did not rebind since.
 */
export function namesDecoratedMethod(identifier: SyntaxNode, names: string[], imports: ImportMap): boolean {
  const held = classBodyStatement(identifier);
  if (!held) return false;
  const name = identifier.text;
  // The last binding of the name before the statement is the one the decorator reads.
  for (let s = held.statement.previousNamedSibling; s; s = s.previousNamedSibling) {
    if (boundName(s) !== name) continue;
    if (s.type !== 'decorated_definition' || s.childForFieldName('definition')?.type !== 'function_definition') return false;
    return s.namedChildren.some((d) => d.type === 'decorator' && decoratorIs(d, names, imports));
  }
  return false;
}

/** The capture names a method defined earlier in the same class body with one of the listed decorators. */
export const namesDecoratedMethodPredicate: Predicate = {
  name: 'names-decorated-method',
  description:
    'The captured name, written in a class body (in a method\'s decorator, say), names a method the class defined before it, and last, with one of the listed decorators (dotted names resolved through imports, called or not; a trailing `*` matches a prefix): `index` in `@index.when(method="POST")` after `@pecan.expose(generic=True) def index(self)`.',
  checkArg: expectStringList,
  // No condition: the method it looks for is outside the captured node.
  test: (node, arg, ctx) => node.type === 'identifier' && namesDecoratedMethod(node, arg as string[], ctx.imports),
};
