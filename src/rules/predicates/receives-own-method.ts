import type { SyntaxNode } from '../../analysis/syntax.js';
import { holdsOnlyWhere } from './holds-only.js';
import { expectTrue, type Predicate } from './predicate.js';

/** The class or function (`type`) named `name` defined at the top level of the module holding `node`, possibly decorated, or null. */
export function moduleDefinition(node: SyntaxNode, type: 'class_definition' | 'function_definition', name: string): SyntaxNode | null {
  let module = node;
  while (module.parent) module = module.parent;
  for (const statement of module.namedChildren) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type === type && definition.childForFieldName('name')?.text === name) return definition;
  }
  return null;
}

/** The class named `name` defined at the top level of the module holding `node`, or null. */
export function moduleClass(node: SyntaxNode, name: string): SyntaxNode | null {
  return moduleDefinition(node, 'class_definition', name);
}

/** The method `method` the class's own body defines (possibly decorated), or null. */
export function classMethod(cls: SyntaxNode, method: string): SyntaxNode | null {
  for (const statement of cls.childForFieldName('body')?.namedChildren ?? []) {
    const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === method) return fn;
  }
  return null;
}

/** Whether the class's own body defines method `method` (possibly decorated). */
export function definesMethod(cls: SyntaxNode, method: string): boolean {
  return classMethod(cls, method) !== null;
}

/** Same-file bases followed this deep. */
const MAX_BASES = 4;

/**
 * Whether the class's own body defines `method`, or a base the same file defines does (hotsos'
 * `MemFieldsMain(MemFieldsBase)`, whose base defines `extract`). A base that is imported, or
 * not a plain name, may be a library's: the method is not known to be the file's.
 */
function definesOrInherits(cls: SyntaxNode, method: string, importedAs: (name: string) => string | undefined, depth = 0): boolean {
  if (definesMethod(cls, method)) return true;
  if (depth >= MAX_BASES) return false;
  const bases = (cls.childForFieldName('superclasses')?.namedChildren ?? []).filter((b) => b.type !== 'keyword_argument' && b.type !== 'comment');
  for (const base of bases) {
    if (base.type !== 'identifier' || importedAs(base.text) !== undefined) continue;
    const parent = moduleClass(cls, base.text);
    if (parent && parent.id !== cls.id && definesOrInherits(parent, method, importedAs, depth + 1)) return true;
  }
  return false;
}

/**
 * The capture is the receiver of a method call (`extractor` in `extractor.extract(x)`) that holds,
 * on every path, an instance of a class defined in the same file whose own body, or a same-file
 * base's, defines that method (`extractor = OVAImageExtractor()`): the call runs the file's own
 * code, not a library method of the same name.
 */
export const receivesOwnMethod: Predicate = {
  name: 'receives-own-method',
  description:
    "The captured receiver of a method call holds, on every path that reaches it, an instance of a class defined at the top level of the same file (`x = Extractor()`, not imported) whose own body defines the called method, or one of its bases the same file defines does (`MemFieldsMain(MemFieldsBase)`; an imported base, which may be a library's, does not count): `extractor.extract(data)` runs the file's own `extract`, not tarfile's.",
  checkArg: expectTrue,
  test(node, _arg, ctx) {
    const access = node.parent;
    const method = access?.type === 'attribute' && access.childForFieldName('object')?.startIndex === node.startIndex ? access.childForFieldName('attribute')?.text : undefined;
    if (!method) return false;
    return holdsOnlyWhere(node, ctx.imports, (value) => {
      const callee = value.type === 'call' ? value.childForFieldName('function') : null;
      if (callee?.type !== 'identifier' || ctx.imports.bindingOf(callee.text) !== undefined) return false;
      const cls = moduleClass(value, callee.text);
      return cls !== null && definesOrInherits(cls, method, ctx.imports.bindingOf.bind(ctx.imports));
    });
  },
};
