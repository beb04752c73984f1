import { attributeRoot, type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { templateText } from './looks-like-sql.js';
import { filledValues } from './fills-only-placeholders.js';
import { expectTrue, type Predicate } from './predicate.js';

// swift's brokers name their tables from the class: `'UPDATE %s_stat SET id=?' % self.db_type`,
// `'SELECT * FROM %s WHERE ROWID > ?' % self.db_contains_type`. A table or column name cannot be a
// bound parameter, and one read from the object's own attributes is the code's choice, not a
// request's: such a statement is how identifiers are meant to be written in.

/** Where a fill goes in the written-out text: `%s`, `%(name)s`, `%d`, `{}`, `{name}`, or an f-string field (`\u0000`). */
const FILL = /%(?:\(\w+\))?[sdr]|\{\w*\}|\u0000/g;
/** Text before a fill that makes it a table's name. */
const BEFORE_TABLE = /\b(?:from|into|update|join|table|exists|on|trigger|index)\s*$/i;
const NAME_CHARACTER = /[A-Za-z0-9_]/;

/** True when every fill of the template sits where a table or column name goes (see BEFORE_TABLE, `SELECT %s FROM`, or glued to a name: `%s_stat`). */
function fillsOnlyIdentifierPositions(text: string): boolean {
  let fills = 0;
  for (const m of text.matchAll(FILL)) {
    fills++;
    const before = text.slice(0, m.index);
    const after = text.slice(m.index! + m[0].length);
    const glued = NAME_CHARACTER.test(before.slice(-1)) || NAME_CHARACTER.test(after.charAt(0));
    const column = /\bselect\s*$/i.test(before) && /^\s*from\b/i.test(after);
    if (!glued && !column && !BEFORE_TABLE.test(before)) return false;
  }
  return fills > 0;
}

/** `self.db_type`, `self.broker.db_contains_type`, `cls.table`: an attribute chain of the object itself. */
function isObjectAttribute(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type !== 'attribute') return false;
  const root = attributeRoot(n);
  return root.type === 'identifier' && (root.text === 'self' || root.text === 'cls');
}

/** The captured formatted SQL fills in only table or column names read from the object's own attributes. */
export const fillsOnlyObjectIdentifiers: Predicate = {
  name: 'fills-only-object-identifiers',
  description:
    'The captured formatted string (f-string, `%` or `.format()`) fills in only table or column names (after `FROM`, `INTO`, `UPDATE`, `JOIN`, `TABLE`, in `SELECT %s FROM`, or glued to a name as in `%s_stat`), each read from the object\'s own attributes (`self.db_type`, `self.broker.db_contains_type`): identifiers cannot be bound parameters, and these are the code\'s choice; use under `not:`.',
  checkArg: expectTrue,
  test(node) {
    const values = filledValues(node);
    if (!values || values.length === 0 || !values.every(isObjectAttribute)) return false;
    const text = templateText(node);
    return text !== null && fillsOnlyIdentifierPositions(text);
  },
};
