import { statementHolding } from '../../analysis/block-statements.js';
import { enclosingNode } from '../../analysis/enclosing-nodes.js';
import type { ImportMap } from '../../analysis/import-map.js';
import { unwrapParens, walkDescendants, type SyntaxNode } from '../../analysis/syntax.js';
import { keywordValue } from './keyword-argument.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectTrue, type Predicate } from './predicate.js';

// OSISM's netbox-manager checks every member of a downloaded tarball before `tar.extractall(path)`:
// its name joined to the folder must stay inside it (`os.path.commonpath`), and so must a link's
// target (`member.issym()`, `member.linkname`); one that does not raises, and nothing is written.

/** Statements looked back over for the checking loop. */
const MAX_STATEMENTS_BACK = 32;
const CONTAINMENT_METHODS = new Set(['startswith', 'is_relative_to', 'relative_to']);
const LINK_WORDS = /\b(?:issym|islnk|linkname)\b/;

/** What a loop's body holds: a containment test, a way out, a look at links. */
function checksEachMember(body: SyntaxNode, imports: ImportMap): boolean {
  let contains = false;
  let exits = false;
  walkDescendants(body, (n) => {
    if (n.type === 'raise_statement' || n.type === 'return_statement') exits = true;
    if (n.type === 'call') {
      const callee = n.childForFieldName('function');
      const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
      const name = callee ? imports.qualifiedName(callee) : null;
      if ((method !== undefined && CONTAINMENT_METHODS.has(method)) || (name !== null && matchesNamePattern(name, ['os.path.commonpath', 'posixpath.commonpath']))) contains = true;
    }
    return true;
  });
  return contains && exits && LINK_WORDS.test(body.text);
}

/** `for m in <archive>.getmembers():` over the archive written `archive`. */
function loopsOverMembers(statement: SyntaxNode, archive: string): SyntaxNode | null {
  if (statement.type !== 'for_statement') return null;
  const right = statement.childForFieldName('right');
  const iterable = right ? unwrapParens(right) : null;
  const fn = iterable?.type === 'call' ? iterable.childForFieldName('function') : null;
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'getmembers' || fn.childForFieldName('object')?.text !== archive) return null;
  return statement.childForFieldName('body');
}

/** A statement `archive = …` (the archive opened again). */
function rebinds(statement: SyntaxNode, archive: string): boolean {
  const expression = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
  return expression?.type === 'assignment' && expression.childForFieldName('left')?.text === archive;
}

/**
 * True when the captured `archive.extractall(...)` call (no `members=` of its own) comes after a
 * loop over `archive.getmembers()` in the same block that tests each member's path for
 * containment (`os.path.commonpath`, `.startswith(`, `.is_relative_to(`), looks at links
 * (`issym()`, `islnk()`, `linkname`) and raises or returns: a bad member stops everything before
 * anything is written.
 */
export function checksMembersBefore(call: SyntaxNode, imports: ImportMap): boolean {
  const fn = call.childForFieldName('function');
  const archive = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'extractall' ? fn.childForFieldName('object')?.text : undefined;
  if (!archive || keywordValue(call, 'members') !== null) return false;
  const block = enclosingNode(call, ['block', 'module']) ?? call.tree.rootNode;
  const holding = statementHolding(block, call);
  if (!holding) return false;
  const { statements, at } = holding;
  for (let i = at - 1; i >= Math.max(0, at - MAX_STATEMENTS_BACK); i--) {
    const statement = statements[i]!;
    const body = loopsOverMembers(statement, archive);
    if (body) return checksEachMember(body, imports);
    if (rebinds(statement, archive)) return false;
  }
  return false;
}

/** The captured extraction is preceded by a loop that stops at any member whose path or link leaves the folder. */
export const checksMembersBeforePredicate: Predicate = {
  name: 'checks-members-before',
  description:
    "The captured `archive.extractall(...)` call (without `members=`) follows, in the same block, a loop over `archive.getmembers()` that tests each member's path for containment (`os.path.commonpath`, `.startswith(`, `.is_relative_to(`), looks at links (`issym()`, `islnk()`, `linkname`) and raises or returns: any member whose name or link target leaves the folder stops the extraction before a file is written. A loop that only logs or skips (`continue`) does not count. Use under `not:`.",
  checkArg: expectTrue,
  test: (node, _arg, ctx) => checksMembersBefore(node, ctx.imports),
};
