import type { SyntaxNode } from '../syntax.js';
import { lowerBound } from '../lower-bound.js';
import { companionFlag } from './companion-flag.js';
import { ScopeNameUses, type Use } from './scope-name-uses.js';

/** What a call does with a resource passed to it (as an argument or keyword value). */
export type CallRole = 'release' | 'borrow' | 'keep';

/**
 * What releases one kind of resource, as the caller (a rule) defines it: the analysis below knows
 * the control flow, not what a file, a socket or a process is.
 */
export interface ReleaseKind {
  /** Methods that release it when called (`close`, `communicate`); a bound one handed to a call (`addCleanup(f.close)`) hands the release over. */
  releaseMethods: ReadonlySet<string>;
  /** Methods whose bound form, handed to a call, keeps the resource alive there (`set_writer(f.write)`). */
  boundUses: ReadonlySet<string>;
  /** What a call does with the resource passed to it: releases it (`os.close(fd)`, `closing(f)`), only uses it (`json.load(f)`), or may keep it (anything else). */
  roleOf(call: SyntaxNode): CallRole;
  /** Whether a call may raise while the resource is open (a logging call, say, is taken not to). */
  mayRaise(call: SyntaxNode): boolean;
  /** Whether an exception between the open and the release counts as a path out (false: only returns and the end of the function do). */
  exceptionPaths: boolean;
}

/** How a resource is left open, or why it is not reported. */
export type Leak =
  /** No release and no hand-over anywhere in its function. */
  | { kind: 'never' }
  /** A `return` (line given) leaves it open. */
  | { kind: 'return'; at: SyntaxNode }
  /** Falling off the end of the function leaves it open on some path (a branch that skips the release). */
  | { kind: 'branch' }
  /** Released on the way out, but a call or `raise` before the release (`at`) leaves by an exception with it open. */
  | { kind: 'exception'; at: SyntaxNode };

/** Uses that only look at the value: a condition, a comparison, a loop over it. */
const LOOKING = new Set(['if_statement', 'elif_clause', 'while_statement', 'not_operator', 'comparison_operator', 'boolean_operator', 'conditional_expression', 'delete_statement', 'interpolation', 'binary_operator', 'assert_statement', 'for_statement']);
/** Statement nesting beyond this is not analysed (nothing is reported). */
const MAX_DEPTH = 100;

interface TryFrame {
  phase: 'body' | 'handler' | 'finally';
  hasHandlers: boolean;
  /** Whether an exception from the body may reach the handlers with the resource open. */
  caughtOpen: boolean;
  /** Whether the `finally` clause releases a resource that enters it open (null: no `finally`). */
  finallyReleases: boolean | null;
}

class GiveUp extends Error {}

/**
 * Follows the resource assigned to `target` (`f` in `f = open(p)`, `fd` in `fd, path = mkstemp()`)
 * along every path out of its function (or module): a forward walk of the statements with one bit
 * of state, "may be open here", merged over branches, loops walked once, `try` handlers entered
 * from wherever the body may raise, and `finally` clauses applied to every exit passing through
 * them. Released by `with`, a release method or call, or by being handed over (returned, yielded,
 * stored, passed to a call that may keep it). Returns how it is left open, or null when it is
 * released on every path or the case is doubtful (used in a nested function, a `global`,
 * reassigned, handed over on one path while an exception may leave it open on another).
 */
export function leakOf(target: SyntaxNode, kind: ReleaseKind): Leak | null {
  const assignment = target.parent?.type === 'assignment' ? target.parent : target.parent?.parent?.type === 'assignment' ? target.parent.parent : null;
  if (!assignment) return null;
  let owner: SyntaxNode | null = assignment.parent;
  while (owner && owner.type !== 'function_definition' && owner.type !== 'module') owner = owner.parent;
  const body = owner?.type === 'function_definition' ? owner.childForFieldName('body') : owner;
  if (!body) return null;
  let cache = CACHES.get(target.tree);
  if (!cache) CACHES.set(target.tree, (cache = new ScopeNameUses()));
  const walker = new PathWalker(target, assignment, kind, cache);
  try {
    return walker.run(body);
  } catch (error) {
    if (error instanceof GiveUp) return null;
    throw error;
  }
}

const CACHES = new WeakMap<object, ScopeNameUses>();

class PathWalker {
  private readonly name: string;
  /** A name set true beside the open (see companionFlag): `if flag:` holds only while the resource may be open. */
  private flag: string | null = null;
  /** Each occurrence of the name and what it does, by start offset (shared by the resources of one name and scope). */
  private uses = new Map<number, Use>();
  /** The offsets of `uses`, ascending. */
  private offsets: number[] = [];
  private readonly tries: TryFrame[] = [];
  private readonly loops: { breakOpen: boolean; continueOpen: boolean }[] = [];
  private returnLeak: SyntaxNode | null = null;
  private exceptionLeak: SyntaxNode | null = null;
  /** Set while a `finally` clause is tried out: exits are not recorded. */
  private sandbox = false;
  /** tryOut's answers, by the `finally` block's start offset. */
  private readonly triedOut = new Map<number, boolean>();
  private depth = 0;

  constructor(
    private readonly target: SyntaxNode,
    private readonly assignment: SyntaxNode,
    private readonly kind: ReleaseKind,
    private readonly cache: ScopeNameUses,
  ) {
    this.name = target.text;
  }

  run(body: SyntaxNode): Leak | null {
    const found = this.cache.usesOf(body, this.name, this.kind, (node) => this.classify(node));
    if (found.doubtful) return null;
    this.uses = found.uses;
    this.offsets = found.offsets;
    // The target itself is not a use of the resource (`fd` in `fd, path = mkstemp()` reads as a hand-over).
    const own = this.uses.get(this.target.startIndex);
    const escapes = found.escapes - (own === 'escape' ? 1 : 0) > 0;
    const releases = found.releases - (own === 'release' ? 1 : 0) > 0;
    if (!escapes && !releases) return { kind: 'never' };
    this.flag = companionFlag(this.assignment, body, this.name, this.cache);
    const open = this.block(body, false);
    if (this.returnLeak) return { kind: 'return', at: this.returnLeak };
    if (open) return { kind: 'branch' };
    // Handed over on some path: an exception before it is doubtful (a constructor keeping it, say).
    if (this.exceptionLeak && !escapes && this.kind.exceptionPaths) return { kind: 'exception', at: this.exceptionLeak };
    return null;
  }

  /** What one occurrence of the name does with the resource. */
  private classify(node: SyntaxNode): Use {
    const parent = node.parent!;
    if (parent.type === 'attribute') {
      const call = parent.parent;
      const called = call?.type === 'call' && call.childForFieldName('function')?.startIndex === parent.startIndex;
      const attr = parent.childForFieldName('attribute')?.text ?? '';
      // `name.close()` releases here; `addCleanup(name.close)` hands the release over.
      if (this.kind.releaseMethods.has(attr)) return called ? 'release' : 'escape';
      const handed = !called && (call?.type === 'argument_list' || call?.type === 'keyword_argument');
      return handed && this.kind.boundUses.has(attr) ? 'escape' : 'use';
    }
    if (parent.type === 'with_item') return 'release';
    if (parent.type === 'as_pattern' && parent.parent?.type === 'with_item') return 'release';
    const args = parent.type === 'keyword_argument' ? parent.parent : parent;
    if (args?.type === 'argument_list' && args.parent?.type === 'call') {
      const role = this.kind.roleOf(args.parent);
      return role === 'release' ? 'release' : role === 'borrow' ? 'use' : 'escape';
    }
    if (LOOKING.has(parent.type)) return 'use';
    if (parent.type === 'assignment' && parent.childForFieldName('left')?.startIndex === node.startIndex) return 'reassign';
    if (parent.type === 'augmented_assignment') return 'use';
    if (parent.type === 'expression_statement') return 'use';
    // Returned, yielded, stored, aliased, put in a container: someone else releases it now.
    return 'escape';
  }

  /** Walks a block from the state `open`; returns whether the resource may be open after it. */
  private block(block: SyntaxNode, open: boolean): boolean {
    if (++this.depth > MAX_DEPTH) throw new GiveUp();
    const kids = this.cache.childrenOf(block);
    const at = this.assignment.startIndex;
    // Not open yet: nothing before the statement that holds the assignment can change that.
    let i = open ? 0 : kids.firstEndingAfter(at);
    for (; i < kids.count; i++) {
      // Released (or never opened) after the assignment: nothing can open it again.
      if (!open && kids.starts[i]! > at) break;
      open = this.statement(kids.node(i), open);
    }
    this.depth--;
    return open;
  }

  private statement(s: SyntaxNode, open: boolean): boolean {
    switch (s.type) {
      case 'return_statement': {
        open = this.expression(s, open);
        if (open) this.exit('return', s);
        return false;
      }
      case 'raise_statement': {
        if (open && !this.mentionsRelease(s)) this.exit('raise', s);
        return false;
      }
      case 'break_statement':
      case 'continue_statement': {
        const loop = this.loops[this.loops.length - 1];
        if (loop && s.type === 'break_statement') loop.breakOpen ||= open;
        else if (loop) loop.continueOpen ||= open;
        return false;
      }
      case 'if_statement':
        return this.ifStatement(s, open);
      case 'for_statement':
      case 'while_statement':
        return this.loop(s, open);
      case 'try_statement':
        return this.tryStatement(s, open);
      case 'with_statement': {
        // A context manager's construction is taken not to raise (`save_and_reraise_exception()`
        // in a handler would otherwise leave every handler's release doubtful).
        for (const clause of s.namedChildren) if (clause.type === 'with_clause') open = this.expression(clause, open, false);
        const body = s.childForFieldName('body');
        return body ? this.block(body, open) : open;
      }
      case 'function_definition':
      case 'class_definition':
      case 'decorated_definition':
        return open;
      case 'match_statement': {
        // Cases as alternatives, one of which may be skipped.
        open = this.expression(s.childForFieldName('subject'), open);
        let out = open;
        for (const c of s.descendantsOfType('case_clause')) {
          const body = c.namedChildren.find((n) => n.type === 'block');
          if (body) out ||= this.block(body, open);
        }
        return out;
      }
      default:
        return this.expression(s, open);
    }
  }

  /**
   * A simple statement or a compound one's header: a call in it may raise while the resource is
   * open (unless the statement also releases or hands it over: then who owns it when the call
   * fails is doubtful); the assignment opens it; a release or hand-over ends it.
   */
  private expression(node: SyntaxNode | null, open: boolean, calls = true): boolean {
    if (!node) return open;
    let resolved = false;
    let reassigned = false;
    for (const use of this.usesWithin(node)) {
      if (use === 'release' || use === 'escape') resolved = true;
      if (use === 'reassign') reassigned = true;
    }
    const opens = node.startIndex <= this.assignment.startIndex && this.assignment.endIndex <= node.endIndex;
    if (open && calls && !resolved && !reassigned) {
      // One native call for the calls (and lambdas, whose calls run later) rather than a walk.
      let lambdaEnd = -1;
      for (const n of node.descendantsOfType(['call', 'lambda'])) {
        if (n.startIndex < lambdaEnd) continue;
        if (n.type === 'lambda') lambdaEnd = n.endIndex;
        else if (this.kind.mayRaise(n)) {
          this.exit('raise', n);
          break;
        }
      }
    }
    if (opens) return true;
    return open && !resolved && !reassigned;
  }

  /** What the occurrences of the name inside the node (its own target left out) do. */
  private *usesWithin(node: SyntaxNode): Generator<Use> {
    const end = node.endIndex;
    for (let i = lowerBound(this.offsets, node.startIndex); i < this.offsets.length && this.offsets[i]! < end; i++) {
      if (this.offsets[i] !== this.target.startIndex) yield this.uses.get(this.offsets[i]!)!;
    }
  }

  /** True when the node releases or hands over the resource. */
  private mentionsRelease(node: SyntaxNode): boolean {
    for (const use of this.usesWithin(node)) if (use === 'release' || use === 'escape') return true;
    return false;
  }

  private ifStatement(s: SyntaxNode, open: boolean): boolean {
    const branches: { condition: SyntaxNode | null; body: SyntaxNode | null }[] = [{ condition: s.childForFieldName('condition'), body: s.childForFieldName('consequence') }];
    let hasElse = false;
    for (const alt of s.childrenForFieldName('alternative')) {
      if (alt.type === 'elif_clause') branches.push({ condition: alt.childForFieldName('condition'), body: alt.childForFieldName('consequence') });
      else {
        hasElse = true;
        branches.push({ condition: null, body: alt.childForFieldName('body') });
      }
    }
    const ends: boolean[] = [];
    let mentioned = false;
    let state = open;
    for (const { condition, body } of branches) {
      let enter = state;
      let skip = state;
      if (condition) {
        state = this.expression(condition, state);
        const test = this.noneTest(condition);
        // `if f:` / `if f is not None:`: the other way, it holds no resource; `if not f:` the reverse.
        enter = test === 'absent' ? false : state;
        skip = test === 'present' ? false : state;
        if (test === null && this.mentions(condition)) mentioned = true;
      }
      ends.push(body ? this.block(body, enter) : enter);
      state = skip;
    }
    if (!hasElse) ends.push(state);
    // A condition that looks at the resource (`if f.closed`, `if proc.poll() is None`) may be what
    // decides whether it still needs releasing: open after it only if open on every branch.
    return mentioned ? ends.every(Boolean) : ends.some(Boolean);
  }

  /** `present` when the condition is true only if the name holds a value (`f`, `f is not None`, its companion flag), `absent` for the reverse, null otherwise. */
  private noneTest(condition: SyntaxNode): 'present' | 'absent' | null {
    let n = condition;
    let negated = false;
    while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
    if (n.type === 'not_operator') {
      negated = true;
      n = n.childForFieldName('argument') ?? n;
    }
    let present: boolean | null = null;
    if (n.type === 'identifier' && (n.text === this.name || n.text === this.flag)) present = true;
    else if (n.type === 'comparison_operator' && n.namedChildren.length === 2) {
      const [left, right] = n.namedChildren;
      const op = n.children.slice(1, -1).map((c) => c.type).join(' ');
      if (left!.text === this.name && right!.type === 'none') {
        if (op === 'is not' || op === '!=') present = true;
        else if (op === 'is' || op === '==') present = false;
      }
    } else if (n.type === 'boolean_operator' && n.children[1]?.type === 'and' && !negated) {
      // `if f and x:` holds only when f does.
      const left = n.childForFieldName('left');
      if (left && this.noneTest(left) === 'present') return 'present';
    }
    if (present === null) return null;
    return present !== negated ? 'present' : 'absent';
  }

  private mentions(node: SyntaxNode): boolean {
    return !this.usesWithin(node).next().done;
  }

  private loop(s: SyntaxNode, open: boolean): boolean {
    const isFor = s.type === 'for_statement';
    const header = isFor ? s.childForFieldName('right') : s.childForFieldName('condition');
    open = this.expression(header, open);
    const frame = { breakOpen: false, continueOpen: false };
    this.loops.push(frame);
    const body = s.childForFieldName('body');
    const end = body ? this.block(body, open) : open;
    this.loops.pop();
    // The loop ends by itself (into its `else`) after any iteration, or before the first; `while
    // True:` never does. A `continue` goes back to the head, a `break` past the `else`.
    const endless = !isFor && header !== null && (header.type === 'true' || header.text === '1');
    const natural = !endless && (open || end || frame.continueOpen);
    const orelse = s.childForFieldName('alternative')?.childForFieldName('body');
    return frame.breakOpen || (orelse ? this.block(orelse, natural) : natural);
  }

  private tryStatement(s: SyntaxNode, open: boolean): boolean {
    const handlers = s.namedChildren.filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause');
    const elseClause = s.namedChildren.find((c) => c.type === 'else_clause');
    const finallyBlock = s.namedChildren.find((c) => c.type === 'finally_clause')?.namedChildren.find((c) => c.type === 'block') ?? null;
    const frame: TryFrame = { phase: 'body', hasHandlers: handlers.length > 0, caughtOpen: false, finallyReleases: null };
    if (finallyBlock) frame.finallyReleases = this.tryOut(finallyBlock);
    this.tries.push(frame);
    const body = s.childForFieldName('body');
    let end = body ? this.block(body, open) : open;
    // A handler starts where the body may raise: open there only if a raise point saw it open
    // (a release that fails is taken as done).
    const handlerStart = frame.caughtOpen;
    frame.phase = 'handler';
    const elseBody = elseClause?.childForFieldName('body');
    if (elseBody) end = this.block(elseBody, end);
    const ends = [end];
    for (const handler of handlers) {
      const block = handler.namedChildren.find((c) => c.type === 'block');
      ends.push(block ? this.block(block, handlerStart) : handlerStart);
    }
    let out = ends.some(Boolean);
    if (finallyBlock) {
      // Still on the stack: exits from the clause pass it by, and raises in it are clean-up's.
      frame.phase = 'finally';
      out = this.block(finallyBlock, out);
    }
    this.tries.pop();
    return out;
  }

  /**
   * Whether a `finally` block entered with the resource open leaves it released (tried without
   * recording anything). Once per block: `finally` clauses nested in `finally` clauses would
   * otherwise be tried out once per enclosing level, exponentially.
   */
  private tryOut(block: SyntaxNode): boolean {
    const known = this.triedOut.get(block.startIndex);
    if (known !== undefined) return known;
    const saved = { sandbox: this.sandbox, tries: this.tries.splice(0), loops: this.loops.splice(0) };
    this.sandbox = true;
    const open = this.block(block, true);
    this.sandbox = saved.sandbox;
    this.tries.push(...saved.tries);
    this.loops.push(...saved.loops);
    this.triedOut.set(block.startIndex, !open);
    return !open;
  }

  /** A path leaves with the resource open: caught by a handler, released by a `finally` on the way, or a leak. */
  private exit(kind: 'return' | 'raise', at: SyntaxNode): void {
    // A clean-up that fails in a `finally` clause (`a.close()` before `b.close()`) is doubtful.
    if (kind === 'raise' && this.tries.some((t) => t.phase === 'finally')) return;
    for (let i = this.tries.length - 1; i >= 0; i--) {
      const frame = this.tries[i]!;
      if (frame.phase === 'finally') continue;
      // Any handler counts as catching it: a narrower one than needed is doubtful, not clear.
      if (kind === 'raise' && frame.phase === 'body' && frame.hasHandlers) {
        frame.caughtOpen = true;
        return;
      }
      if (frame.finallyReleases) return;
    }
    if (this.sandbox) return;
    if (kind === 'return') this.returnLeak ??= at;
    else this.exceptionLeak ??= at;
  }
}
