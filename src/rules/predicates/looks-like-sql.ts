import { idOf } from '../../analysis/flow/node-fields.js';
import { isConstantString, stringValue } from '../../analysis/string-literal.js';
import { isSequenceConcatenation, namesSequence } from '../../analysis/sequence-concatenation.js';
import { type SyntaxNode, unwrapParens, writtenName } from '../../analysis/syntax.js';
import { memoPerTree, type TreeMemo } from '../../analysis/tree-memo.js';
import { expectTrue, type Predicate } from './predicate.js';

// A statement opens with one of these, and its next word is not a command-line option
// (`truncate --size 10G path` is coreutils, `TRUNCATE TABLE t` is SQL).
export const LEADING = /^\s*(?:\(\s*)?(?:select|insert|update|delete|with|alter|create|drop|truncate|replace|merge|grant|revoke|set|show|describe|explain|pragma|call|exec|execute|begin|commit|rollback|upsert|copy|vacuum|analyze|lock|use|rename|comment|declare|values)\b(?!\s+-)/i;
// ... or holds one of these clauses anywhere (a fragment appended to a query).
export const CLAUSE = /\b(?:insert\s+into|delete\s+from|update\s+\S+\s+set|where|order\s+by|group\s+by|inner\s+join|left\s+join|limit\s+\d|values\s*\()\b/i;

/**
 * The constant text of a string-building expression, in order, with `\u0000` where a run-time
 * value goes; null when none of it is written out (`template % args`, `query.format(x)`).
 */
export function templateText(node: SyntaxNode): string | null {
  const n = unwrapParens(node);
  if (n.type !== 'binary_operator') return templateTextOf(n);
  // Each `+` of a chain is asked in turn (a flow source per operand): remembered per node, a
  // chain of n parts costs n, not n² (V8 joins the strings as ropes).
  return memoPerTree(templates, n.tree, idOf(n), () => templateTextOf(n));
}

const templates: TreeMemo<number, string | null> = new WeakMap();

function templateTextOf(n: SyntaxNode): string | null {
  switch (n.type) {
    case 'string':
      return n.namedChildren
        .filter((c) => c.type === 'string_content' || c.type === 'escape_sequence' || c.type === 'interpolation')
        .map((c) => (c.type === 'interpolation' ? '\u0000' : c.text))
        .join('');
    case 'concatenated_string': {
      const parts = n.namedChildren.map(templateText);
      return parts.every((p) => p === null) ? null : parts.map((p) => p ?? '\u0000').join('');
    }
    case 'binary_operator': {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      const op = n.childForFieldName('operator')?.text;
      if (op === '%') return left ? templateText(left) : null;
      if (op === '+' && left && right) {
        const l = templateText(left);
        const r = isConstantString(right) ? stringValue(right) : templateText(right);
        return l === null && r === null ? null : `${l ?? '\u0000'}${r ?? '\u0000'}`;
      }
      return null;
    }
    case 'call': {
      const fn = n.childForFieldName('function');
      const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      return receiver ? templateText(receiver) : null;
    }
    case 'identifier':
      return null;
    default:
      return null;
  }
}

/** Written-out text that opens as a path: a slash not starting a comment. */
const PATH_HEAD = /^\s*\/(?!\*)/;

/** True unless the written-out text of the statement shows it is not SQL (a shell command, a URL, prose), or it joins lists, not strings. */
export function looksLikeSql(node: SyntaxNode): boolean {
  return readsAsSql(node, templateText(node));
}

/** looksLikeSql, given the node's templateText (read once by callers that look at it first). */
function readsAsSql(node: SyntaxNode, text: string | null): boolean {
  if (isSequenceConcatenation(node)) return false;
  // A path or a route (`"/{}".format(route)`, picasso's functions client): no statement opens
  // with a slash, save a comment (`/* hint */ SELECT ...`).
  if (text !== null && PATH_HEAD.test(text)) return false;
  // Nothing written out, or no words at all (`"%s" % q`): the text cannot say, so it may be SQL,
  // unless the call it is handed to runs commands on a host (fuel-qa's `remote.execute('{0}'.format(path))`).
  if (text === null || !/[a-z]{2}/i.test(text)) return !isRemoteShellArgument(node);
  return LEADING.test(text) || CLAUSE.test(text);
}

/** A receiver whose name says it runs commands on a host: `remote`, `admin_remote`, `ssh`, `ssh_client`, `shell`, `channel`. */
const REMOTE_SHELL = /(?:^|_)(?:remote|ssh|ssh_?client|shell|channel)$/i;

/** The node is the first argument of a method called on such a receiver (`remote.execute(x)`, `self.ssh.execute(x)`). */
function isRemoteShellArgument(node: SyntaxNode): boolean {
  const args = node.parent;
  if (args?.type !== 'argument_list' || args.namedChildren[0]?.id !== node.id) return false;
  const fn = args.parent?.type === 'call' ? args.parent.childForFieldName('function') : null;
  const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
  const name = writtenName(receiver);
  return name !== null && REMOTE_SHELL.test(name);
}

/** The captured string-building expression reads as SQL, or its text is not written out; `'dd if=%s' % path` does not. */
export const looksLikeSqlPredicate: Predicate = {
  name: 'looks-like-sql',
  description:
    'The captured string-building expression reads as SQL: its written-out text opens with a statement keyword (`SELECT`, `ALTER`, `TRUNCATE TABLE`…) or holds a clause (`WHERE`, `ORDER BY`, `INSERT INTO`…); true as well when no text is written out (`template % args`), unless it is the first argument of a method of a receiver named for a remote shell (`remote.execute(\'{0}\'.format(path))`: `remote`, `*_remote`, `ssh`, `ssh_client`, `shell`, `channel`). A shell command such as `"dd if=%s" % path` passed to some `execute` is not SQL, nor a path or route whose text opens with `/` (`"/{}".format(route)`; a `/* comment */` may open SQL), nor is a `+` that joins lists (`[\'tc\'] + cmd`, or a local name only ever assigned a list).',
  checkArg: expectTrue,
  test: (node) => looksLikeSql(node),
};

/**
 * True unless the statement, run whole, opens with written-out text that is not SQL (`'Running ip
 * %s' % command`): a head not written out (`self.query + ' AND name < ?'`) may be anything.
 */
export function mayBeSqlStatement(node: SyntaxNode): boolean {
  // A name only ever bound to a list is an argument vector, whatever was formatted into its items.
  if (namesSequence(node)) return false;
  const text = templateText(node);
  if (text === null || text.trimStart().startsWith('\u0000')) return true;
  return readsAsSql(node, text);
}

/** The captured expression, executed as a whole statement, may be SQL: see mayBeSqlStatement. */
export const mayBeSqlStatementPredicate: Predicate = {
  name: 'may-be-sql-statement',
  description:
    'The captured expression, run whole as a statement, may be SQL: true unless its written-out text opens the statement and reads as something else (`\'Running ip %s\' % command`, a log message an `execute` helper takes first); a statement whose head is not written out (`self.query + \' AND name < ?\'`) may be SQL; a local name the function only ever assigns lists or tuples (an argument vector) is not.',
  checkArg: expectTrue,
  test: (node) => mayBeSqlStatement(node),
};
