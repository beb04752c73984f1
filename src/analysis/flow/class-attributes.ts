import Parser from 'tree-sitter';
import { python } from '../python-parser.js';
import type { SyntaxNode } from '../syntax.js';
import type { Definition } from './definition.js';

/**
 * The values a class gives its attributes, by name: assignments to `self.<attr>` (plain or
 * augmented) in any of its own methods — not in a nested class, as `innermostClass` tells — and
 * assignments at the top of its body.
 */
export function classAttributes(cls: SyntaxNode, innermostClass: (node: SyntaxNode) => SyntaxNode | null): Map<string, Definition[]> {
  const attrs = new Map<string, Definition[]>();
  const add = (name: string, def: Definition) => {
    const list = attrs.get(name);
    if (list) list.push(def);
    else attrs.set(name, [def]);
  };
  for (const match of selfAssignmentQuery().matches(cls)) {
    const get = (name: string) => match.captures.find((c) => c.name === name)?.node;
    const object = get('object');
    const target = get('target');
    const attr = get('attr');
    if (object?.text !== 'self' || !target || !attr || innermostClass(target)?.id !== cls.id) continue;
    add(attr.text, { name: attr.text, target, value: get('value') ?? null, adds: false });
  }
  const body = cls.childForFieldName('body');
  for (const statement of body?.namedChildren ?? []) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
    if (left?.type === 'identifier') add(left.text, { name: left.text, target: left, value: assignment!.childForFieldName('right'), adds: false });
  }
  return attrs;
}

let selfQuery: Parser.Query | null = null;
function selfAssignmentQuery(): Parser.Query {
  selfQuery ??= new Parser.Query(
    python,
    `[(assignment left: (attribute object: (identifier) @object attribute: (identifier) @attr) @target right: (_) @value)
      (augmented_assignment left: (attribute object: (identifier) @object attribute: (identifier) @attr) @target right: (_) @value)]`,
  );
  return selfQuery;
}
