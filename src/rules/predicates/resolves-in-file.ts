import type { ImportMap } from '../../analysis/import-map.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import type { Definition } from '../../analysis/flow/definition.js';
import { valuesOf, visibleDefinitions } from './bound-to-call.js';
import { isParameterDefault } from './constant-binding.js';
import { matchesNamePattern } from './name-pattern.js';
import { moduleClass } from './receives-own-method.js';

/** Classes, names and properties followed this deep (a base of a base of an alias…). */
const MAX_DEPTH = 4;

/**
 * True when `node` stands for one of `names` (dotted, resolved through imports), as far as the
 * file shows: it resolves to one; or it names a class every base of which does (`class
 * yaml_loader(_base)`), defined in the nearest enclosing function that defines the name, else at
 * the file's top level; or a name every value of which, on every path where it is read, does (`_base = yaml.CSafeLoader` / `else: _base = yaml.SafeLoader`); or it is
 * `self.X`/`cls.X` where every definition of `X` in the file's classes, a class attribute or a
 * property's every `return`, does. Anything else (a parameter, a call, an unknown name) does not.
 */
export function resolvesInFile(node: SyntaxNode, names: string[], imports: ImportMap, depth = 0): boolean {
  const n = unwrapParens(node);
  const name = imports.qualifiedName(n);
  if (name !== null && matchesNamePattern(name, names)) return true;
  if (depth >= MAX_DEPTH) return false;
  if (n.type === 'identifier' && imports.bindingOf(n.text) === undefined) {
    // A function that defines the name (murano's loader class inside the function that loads)
    // hides the module's: Python looks in the enclosing functions first, innermost first.
    const visible = visibleDefinitions(n, imports);
    if (visible && visible.scope.parent) {
      const { definitions } = visible;
      return definitions.length > 0 && definitions.every((d) => definitionResolves(d, names, imports, depth + 1));
    }
    const cls = moduleClass(n, n.text);
    if (cls) return basesResolve(cls, names, imports, depth + 1);
    const values = valuesOf(n, imports);
    return values.length > 0 && values.every((v) => v !== null && !isParameterDefault(v) && resolvesInFile(v, names, imports, depth + 1));
  }
  const object = n.type === 'attribute' ? n.childForFieldName('object') : null;
  const member = n.type === 'attribute' ? n.childForFieldName('attribute')?.text : undefined;
  if (object?.type === 'identifier' && (object.text === 'self' || object.text === 'cls') && member) {
    const values = memberValues(n, member);
    return values !== null && values.length > 0 && values.every((v) => resolvesInFile(v, names, imports, depth + 1));
  }
  return false;
}

/** Whether a definition of a name stands for one of `names`: a class whose every base does, or an assigned value that does (not a parameter, a `def`, an import or a loop's element). */
function definitionResolves(definition: Definition, names: string[], imports: ImportMap, depth: number): boolean {
  const cls = definition.target.parent;
  if (cls?.type === 'class_definition' && cls.childForFieldName('name')?.startIndex === definition.target.startIndex) return basesResolve(cls, names, imports, depth);
  const value = definition.value;
  return value !== null && definition.parameter === undefined && resolvesInFile(value, names, imports, depth);
}

/** Whether the class has bases (keywords such as `metaclass=` aside) and every one resolves. */
function basesResolve(cls: SyntaxNode, names: string[], imports: ImportMap, depth: number): boolean {
  const bases = (cls.childForFieldName('superclasses')?.namedChildren ?? []).filter((b) => b.type !== 'keyword_argument');
  return bases.length > 0 && bases.every((b) => resolvesInFile(b, names, imports, depth));
}

/**
 * The values member `member` may have on an object of any class of the file: class attributes
 * (`loader = yaml.SafeLoader`) and what properties return (`@property def loader(self): return …`).
 * and what methods assign to `self.member`. Null when some class defines it otherwise (a plain
 * method, a property returning nothing), since `self` may be an object of a subclass.
 */
function memberValues(node: SyntaxNode, member: string): SyntaxNode[] | null {
  let module = node;
  while (module.parent) module = module.parent;
  const values: SyntaxNode[] = [];
  for (const cls of module.descendantsOfType('class_definition')) {
    for (const statement of cls.childForFieldName('body')?.namedChildren ?? []) {
      const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
      if (assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === member) {
        const right = assignment.childForFieldName('right');
        if (!right) return null;
        values.push(right);
        continue;
      }
      const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (fn?.type !== 'function_definition' || fn.childForFieldName('name')?.text !== member) continue;
      const isProperty = statement.type === 'decorated_definition' && statement.namedChildren.some((d) => d.type === 'decorator' && d.text === '@property');
      const returns = fn.descendantsOfType('return_statement').map((r) => r.namedChildren[0] ?? null);
      if (!isProperty || returns.length === 0 || returns.some((r) => r === null)) return null;
      values.push(...(returns as SyntaxNode[]));
    }
  }
  // An object's own attribute (`self.loader = loader` in `__init__`) hides the class's.
  for (const assignment of module.descendantsOfType('assignment')) {
    const left = assignment.childForFieldName('left');
    const owner = left?.type === 'attribute' ? left.childForFieldName('object')?.text : undefined;
    if ((owner !== 'self' && owner !== 'cls') || left!.childForFieldName('attribute')?.text !== member) continue;
    const right = assignment.childForFieldName('right');
    if (!right) return null;
    values.push(right);
  }
  return values;
}
