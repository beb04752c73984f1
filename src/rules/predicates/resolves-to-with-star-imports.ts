import type { SyntaxNode } from '../../analysis/syntax.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';

/** What a file's `from M import *` statements may bind: the modules, and the names the file defines itself (which win). */
interface StarFacts {
  modules: string[];
  defined: Set<string>;
}

const TARGETS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'parenthesized_expression', 'tuple', 'list']);
const cache = new WeakMap<object, StarFacts>();

/** Adds the plain names a binding target binds (`a`, `a, (b, *c)`); attributes and subscripts bind none. */
function addTargets(target: SyntaxNode | null, into: Set<string>): void {
  if (!target) return;
  if (target.type === 'identifier') into.add(target.text);
  else if (TARGETS.has(target.type)) for (const child of target.namedChildren) addTargets(child, into);
}

/** The file's star-imported modules and, when it has any, the names it defines (`def`, `class`, assignment, `for`, `:=`). */
function starFacts(node: SyntaxNode): StarFacts {
  const tree = node.tree as unknown as object;
  const known = cache.get(tree);
  if (known) return known;
  const root = node.tree.rootNode;
  const modules: string[] = [];
  for (const statement of root.descendantsOfType('import_from_statement')) {
    const module = statement.childForFieldName('module_name');
    if (module?.type === 'dotted_name' && statement.namedChildren.some((c) => c.type === 'wildcard_import')) modules.push(module.text.replace(/\s+/g, ''));
  }
  const defined = new Set<string>();
  if (modules.length > 0) {
    for (const definition of root.descendantsOfType(['function_definition', 'class_definition'])) addTargets(definition.childForFieldName('name'), defined);
    for (const binding of root.descendantsOfType(['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause', 'named_expression'])) {
      addTargets(binding.childForFieldName('left') ?? binding.childForFieldName('name'), defined);
    }
  }
  const facts = { modules, defined };
  cache.set(tree, facts);
  return facts;
}

/** The last part of a dotted name pattern, or null for a prefix pattern (`os.exec*`), which a star import could make any name. */
function lastPart(pattern: string): string | null {
  return pattern.endsWith('*') ? null : pattern.slice(pattern.lastIndexOf('.') + 1);
}

/**
 * `resolves-to`, and also a bare name that only a `from M import *` can bind: no import binds it,
 * the file defines no such name, and `M.name` is one of the listed names.
 */
export const resolvesToWithStarImports: Predicate = {
  name: 'resolves-to-with-star-imports',
  description:
    'As `resolves-to`, and also a bare name that no import binds and the file does not define (no `def`, `class` or assignment of it), when the file has `from M import *` and `M.<name>` is listed: `CommunityData(...)` after `from pysnmp.hlapi import *`, the idiom of pysnmp\'s documentation.',
  checkArg: expectStringList,
  // A star-imported name is written bare, so the bare last parts join the names; a prefix pattern gives no gate.
  condition(arg) {
    const names = arg as string[];
    const bare = names.map(lastPart);
    if (bare.some((b) => b === null)) return null;
    return { kind: 'names', names: [...new Set([...names, ...(bare as string[])])] };
  },
  test(node, arg, ctx) {
    const names = arg as string[];
    const name = ctx.imports.qualifiedName(node);
    if (name === null) return false;
    if (matchesNamePattern(name, names)) return true;
    if (node.type !== 'identifier' || ctx.imports.bindingOf(node.text) !== undefined) return false;
    const facts = starFacts(node);
    if (facts.modules.length === 0 || facts.defined.has(node.text)) return false;
    return facts.modules.some((module) => matchesNamePattern(`${module}.${node.text}`, names));
  },
};
