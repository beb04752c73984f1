import type { SyntaxNode } from '../syntax.js';
import type { Definition } from './definition.js';
import { nameOccurrences } from './name-occurrences.js';
import { idOf, startOf } from './node-fields.js';

/**
 * The values a class gives one attribute: assignments to `self.<attr>` (plain, annotated or
 * augmented) in any of its own methods — not in a nested class, as `innermostClass` tells — in
 * the order they are written, then assignments of `attr` at the top of its body. Found from the
 * attribute's name in the class's text (`text` is the file's, `root` its tree): only the words
 * followed by what an assignment has (`=`, `:` or an augmented operator) are looked up in the tree.
 */
export function classAttribute(
  cls: SyntaxNode,
  attr: string,
  text: string,
  root: SyntaxNode,
  innermostClass: (node: SyntaxNode) => SyntaxNode | null,
): Definition[] {
  const own: Definition[] = [];
  const classLevel: Definition[] = [];
  const end = cls.endIndex;
  let body: SyntaxNode | null | undefined;
  for (const offset of assignedAt(text, attr, startOf(cls), end)) {
    const name = root.descendantForIndex(offset, offset + attr.length);
    if (name.type !== 'identifier' || startOf(name) !== offset) continue;
    const parent = name.parent;
    if (parent?.type === 'attribute') {
      // `self.attr = v`, `self.attr: T = v`, `self.attr += v`.
      const assignment = parent.parent;
      if (assignment?.type !== 'assignment' && assignment?.type !== 'augmented_assignment') continue;
      const object = parent.childForFieldName('object');
      if (object?.type !== 'identifier' || object.text !== 'self' || idOf(parent.childForFieldName('attribute')!) !== idOf(name)) continue;
      const left = assignment.childForFieldName('left');
      const value = assignment.childForFieldName('right');
      if (!left || idOf(left) !== idOf(parent) || !value) continue;
      const owner = innermostClass(parent);
      if (!owner || idOf(owner) !== idOf(cls)) continue;
      own.push({ name: attr, target: parent, value, adds: false });
    } else if (parent?.type === 'assignment') {
      // `attr = v` as a statement of the class's body.
      const statement = parent.parent;
      const left = parent.childForFieldName('left');
      if (statement?.type !== 'expression_statement' || !left || idOf(left) !== idOf(name)) continue;
      if (idOf(statement.namedChildren[0]!) !== idOf(parent)) continue;
      body ??= cls.childForFieldName('body');
      if (!body || statement.parent === null || idOf(statement.parent) !== idOf(body)) continue;
      classLevel.push({ name: attr, target: name, value: parent.childForFieldName('right'), adds: false });
    }
  }
  return [...own, ...classLevel];
}

/** Augmented assignments' operator characters (`+=`, `**=`, `//=`, `>>=`). */
const AUGMENTED = '+-*/%&|^@<>';

/**
 * Offsets in text[start, end) where `name` occurs as a word followed (across spaces and line
 * continuations) by `=`, `:` or an augmented operator: what every assignment of it as an
 * attribute or a class-level name, annotated or augmented, has in its text.
 */
function assignedAt(text: string, name: string, start: number, end: number): number[] {
  const at: number[] = [];
  for (const i of nameOccurrences(text, name, start, end)) {
    let j = i + name.length;
    while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\\' || text[j] === '\n' || text[j] === '\r')) j++;
    const c = text[j];
    if (c === '=' || c === ':') at.push(i);
    else if (c !== undefined && AUGMENTED.includes(c) && (text[j + 1] === '=' || (text[j + 2] === '=' && AUGMENTED.includes(text[j + 1]!)))) at.push(i);
  }
  return at;
}
