import type { SyntaxNode } from '../../analysis/syntax.js';
import { expectStringList, type Predicate } from './predicate.js';
import { resolvesTo } from './resolves-to.js';

/**
 * The capture sits in a method of a class whose bases, resolved through the file's imports, name
 * one of the listed classes: `self` there is such an object (`self.to_dict()` in a subclass of
 * oslo.context's RequestContext holds its auth token).
 */
export const inClassDerivingFrom: Predicate = {
  name: 'in-class-deriving-from',
  description:
    "The capture is inside a method (at any depth of its body, not in a nested function) of a class one of whose bases, resolved through the file's imports, is one of the listed dotted names (`class RequestContext(context.RequestContext)` after `from oslo_context import context`); a trailing `*` matches a prefix.",
  checkArg: expectStringList,
  test(node, arg, ctx) {
    const cls = classOfMethod(node);
    const bases = cls?.childForFieldName('superclasses');
    if (!bases) return false;
    // A base named as resolves-to reads names (keyword arguments such as `metaclass=` are no base).
    return bases.namedChildren.some((base) => (base.type === 'identifier' || base.type === 'attribute') && resolvesTo.test(base, arg, ctx) === true);
  },
};

/** The class whose method holds `node` directly: the nearest function's class, when that function is defined in the class's body. */
export function classOfMethod(node: SyntaxNode): SyntaxNode | null {
  let current: SyntaxNode | null = node.parent;
  while (current && current.type !== 'function_definition') {
    if (current.type === 'class_definition' || current.type === 'lambda') return null;
    current = current.parent;
  }
  if (!current) return null;
  // def in the class body, possibly under decorators: function → (decorated_definition) → block → class.
  let holder = current.parent;
  if (holder?.type === 'decorated_definition') holder = holder.parent;
  const cls = holder?.type === 'block' ? holder.parent : null;
  return cls?.type === 'class_definition' ? cls : null;
}
