import type { ImportMap } from '../../analysis/import-map.js';
import { idOf } from '../../analysis/flow/node-fields.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';

/** Answers by file (its ImportMap), then by node id and argument: a module-rooted pattern asks once per match. */
const answers = new WeakMap<ImportMap, Map<string, boolean>>();

/**
 * True when some name or attribute chain inside `node` resolves, through imports, to one of
 * `names` (`Blueprint(...)` after `from flask import Blueprint`, `flask.Blueprint`).
 */
export function holdsName(node: SyntaxNode, names: string[], imports: ImportMap): boolean {
  let byNode = answers.get(imports);
  if (!byNode) answers.set(imports, (byNode = new Map()));
  const key = `${idOf(node)}|${names.join(',')}`;
  let answer = byNode.get(key);
  if (answer === undefined) {
    // Every spelling of a name ends with its last part (or an alias of the whole name): a node
    // whose text holds none of them is not walked.
    const text = node.text;
    const written = names.some((n) => text.includes(n.slice(n.lastIndexOf('.') + 1).replace(/\*$/, '')) || imports.binds(n));
    answer = written && node.descendantsOfType(['identifier', 'attribute']).some((n) => {
      // An identifier inside an attribute chain is judged with its chain (`flask` of `flask.Blueprint`).
      if (n.type === 'identifier' && n.parent?.type === 'attribute') return false;
      const name = imports.qualifiedName(n);
      return name !== null && matchesNamePattern(name, names);
    });
    byNode.set(key, answer);
  }
  return answer;
}

/** Some name or attribute chain inside the capture resolves, through imports, to one of the listed names. */
export const holdsNamePredicate: Predicate = {
  name: 'holds-name',
  description:
    'Some name or attribute chain inside the capture (an import\'s too) resolves, through the file\'s imports, to one of the listed dotted names (a trailing `*` matches a prefix). On a pattern rooted at the module (`((module …) @file)`), its text condition runs the pattern only in files that write one of those names.',
  checkArg: expectStringList,
  condition: (arg) => ({ kind: 'names', names: arg as string[] }),
  test: (node, arg, ctx) => holdsName(node, arg as string[], ctx.imports),
};
