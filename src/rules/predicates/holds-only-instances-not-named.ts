import type { ImportMap } from '../../analysis/import-map.js';
import { enclosingNode } from '../../analysis/enclosing-nodes.js';
import { classAttribute } from '../../analysis/flow/class-attributes.js';
import { fileText } from '../../analysis/flow/file-text.js';
import { writtenName, type SyntaxNode } from '../../analysis/syntax.js';
import { holdsOnlyWhere } from './holds-only.js';
import type { Predicate } from './predicate.js';
import { checkRegexArgument, compiledRegex } from './regex-argument.js';

// Chameleon's hammers scripts call `mysqlargs.extract(args)` on `mysqlargs = MySqlArgs({...})`, a
// class of their own package that reads database options: `extract` is a common method name, and
// an object built by a class not named for archives is not one.

/** A class's name as written: CamelCase with a lower-case letter (`MySqlArgs`), not an ALL_CAPS constant nor a function (`tarfile.open`). */
const CLASS_NAME = /^_*[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/;

/** True when `value` calls a class (see CLASS_NAME) whose name does not match `named`. */
function isInstanceNotNamed(value: SyntaxNode, named: RegExp): boolean {
  if (value.type !== 'call') return false;
  const name = writtenName(value.childForFieldName('function'));
  return name !== null && CLASS_NAME.test(name) && !named.test(name);
}

/** True when `node` is, or holds on every path that reaches it (see holdsOnlyWhere), an object built by calling a class whose name does not match `named`; for `self.attr`, every value the class gives the attribute does. */
export function holdsOnlyInstancesNotNamed(node: SyntaxNode, named: RegExp, imports: ImportMap): boolean {
  const test = (value: SyntaxNode) => isInstanceNotNamed(value, named);
  const values = selfAttributeValues(node);
  if (values) return values.length > 0 && values.every((v) => v !== null && holdsOnlyWhere(v, imports, test));
  return holdsOnlyWhere(node, imports, test);
}

/**
 * The values the enclosing class gives `self.attr` in its methods (OSISM's reconciler: `self.
 * custom_field_extractor = CustomFieldExtractor()` in `__init__`), or null when `node` is no
 * `self.<attr>` read inside a class.
 */
function selfAttributeValues(node: SyntaxNode): (SyntaxNode | null)[] | null {
  const object = node.type === 'attribute' ? node.childForFieldName('object') : null;
  const attr = node.childForFieldName('attribute')?.text;
  if (object?.type !== 'identifier' || object.text !== 'self' || !attr) return null;
  const cls = enclosingNode(node, ['class_definition']);
  if (!cls) return null;
  const root = node.tree.rootNode;
  const innermostClass = (n: SyntaxNode) => enclosingNode(n, ['class_definition']);
  return classAttribute(cls, attr, fileText(root), root, innermostClass).map((d) => d.value);
}

/** The capture holds only objects of classes whose names do not match the regex. */
export const holdsOnlyInstancesNotNamedPredicate: Predicate = {
  name: 'holds-only-instances-not-named',
  description:
    'The captured expression is, or as a name holds on every path that reaches it (as `holds-only` follows it), an object built by calling a class — a CamelCase name as written, `MySqlArgs(...)` or `pkg.MySqlArgs(...)`, not a function such as `tarfile.open` — whose name does not match the given JavaScript regular expression; a parameter or any other value on one path makes it false. Use under `not:` to spare a method named like a library\'s on an object of another kind (`mysqlargs.extract(args)` after `mysqlargs = MySqlArgs({...})`). For `self.attr`, every value the enclosing class gives the attribute in its methods must be such an object (`self.extractor = CustomFieldExtractor()` in `__init__`).',
  checkArg: checkRegexArgument,
  // No condition: the value it looks for may be outside the captured node.
  test: (node, arg, ctx) => holdsOnlyInstancesNotNamed(node, compiledRegex(arg), ctx.imports),
};
