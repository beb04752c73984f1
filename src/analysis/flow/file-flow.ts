import { isLoopTarget, unwrapParens, type SyntaxNode } from '../syntax.js';
import type { Definition } from './definition.js';
import { DefinitionIndex } from './definition-index.js';
import { constantKey, constantPosition } from './constant-key.js';
import { FileScopes } from './file-scopes.js';
import { CARRYING_FUNCTIONS, CARRYING_METHODS, ELEMENT_METHODS, FIELD_METHODS, FORMAT_METHODS, JOIN_METHODS, passedArguments, syntacticCarriers } from './value-carriers.js';
import { idOf } from './node-fields.js';
import { isMaskValue } from './redaction.js';
import { afterKey, following, joined, offLevel, readOnTop, removes, seenFrom, under, WHOLE, type KeyPaths } from './key-paths.js';
import { isScalarConstant } from '../scalar-constant.js';
import { DISPLAYS, iteratedParts, iteratesDisplay, listsJoined } from './loop-elements.js';
import { isPositionIndex, mappingReads } from './mapping-reads.js';

/** The targets a value is unpacked into (`a, b = v`, `[a, b] = v`, `(a, b) = v`). */
const UNPACKING_PATTERNS: ReadonlySet<string> = new Set(['pattern_list', 'tuple_pattern', 'list_pattern']);

/** One step a value took on its way: the node where it happened and a short label (`msg`, `self.info`, `_build()`). */
export interface TraceStep {
  node: SyntaxNode;
  label: string;
  /** A dict entry on a line of its own, the step into it. */
  entry?: boolean;
}

/** A source found by a trace, and the steps from it to the traced expression (source side first). */
export interface FlowPath {
  source: SyntaxNode;
  steps: TraceStep[];
}

/** What a trace looks for: the caller's notion of source and of sanitizer (barrier), asked of every value the expression may carry. */
export interface TraceQuestion {
  /** `viaField`: the value reached is an object one of whose fields was read (`creds` in `creds.username`). */
  isSource(node: SyntaxNode, viaField: boolean): boolean;
  /** A value that no longer carries what it wraps (`mask_password(x)`): not entered. */
  isBarrier(node: SyntaxNode): boolean;
  /** A call that carries its arguments into its result beyond those the layer knows (a rule's `steps:`). */
  carries?(call: SyntaxNode): boolean;
  /**
   * A source reached with these key paths taken out of its value (`del info['data']` between it
   * and the traced expression): true when what is left carries nothing (the caller knows which
   * keys hold a source's secrets). Not asked, the source counts.
   */
  isRedacted?(source: SyntaxNode, removed: KeyPaths): boolean;
}

/**
 * Calls whose result is a copy of their arguments' mappings, or a collection of the same elements:
 * a field read of it reads theirs (`copy(a)['k']` reads a's field k; in `for loc in
 * sorted(locations): loc['metadata']` a field of one of locations' elements is read).
 */
const KEY_KEEPING_FUNCTIONS = new Set(['dict', 'copy', 'deepcopy', 'OrderedDict', 'sorted', 'list', 'tuple', 'reversed', 'set', 'frozenset']);

/** At most this many values are visited per trace: keeps a trace linear even in generated code. */
const MAX_VISITS = 4000;

/**
 * Redactions a trace applies before it stops telling values apart by what was redacted from them:
 * redactions in branches make as many variants of a value as there are paths through them, which
 * past this many are traced as unredacted (more findings, never fewer).
 */
const MAX_REDACTIONS = 64;

interface Item {
  node: SyntaxNode;
  prev: Item | null;
  step: TraceStep | null;
  /** A pending field read's constant key (`'user'` in `info['user']`). */
  key: string | undefined;
  /** The keys read after `key`, in order (see PendingRead): set only while `key` is. */
  outer?: readonly string[];
  /** `key` was carried one level off: a read on top replaces it (see PendingRead). */
  loose?: boolean;
  viaField: boolean;
  /** Inside a same-file helper entered from this call (one level only). */
  call: SyntaxNode | null;
  /** Set on a definition target (`d['k']` in `d['k'] = v`): its only successor. */
  defValue?: SyntaxNode | null;
  /** The position a name unpacked from a call takes (`b` in `a, b = f()`): of a tuple the helper returns, only that element. */
  element?: number;
  /** The position a loop's name takes in each element of this name's value (`password` in `for gw, password in pairs`; see Definition.iterated). */
  iterated?: Definition['iterated'];
  /** Key paths redacted from the value (after the pending keys are read): entries under them carry nothing. */
  without?: KeyPaths;
  /** Set on an item standing for a name's value before this redaction: its definitions are the redaction's prior ones. */
  before?: Definition;
  /**
   * Set on the value a name was unpacked from when the code names another part as the source and
   * not this one (`service_user` of `domain, service_user, service_password = credentials`): the
   * value is not a source by what it is as a whole; its definitions are still traced.
   */
  partApart?: boolean;
}

/**
 * The data flow of one parsed file: traces a value back through reaching definitions (per
 * function and module scope, see FileScopes), `self.attr` values per class, same-file helpers,
 * carriers and redactions. Knows nothing of rules: `trace` asks its caller what a source and a
 * sanitizer are.
 */
export class FileFlow {
  /** Redactions applied by the trace under way (see MAX_REDACTIONS). */
  private redactions = 0;
  /** The question of the trace under way (its `carries`). */
  private question: TraceQuestion | null = null;

  /** The file's scopes: reaching definitions by (scope, name), helpers' returns, class attributes. */
  private readonly scopes: FileScopes;

  constructor(
    private readonly root: SyntaxNode,
    private readonly definitions = new DefinitionIndex(root),
  ) {
    this.scopes = new FileScopes(root, definitions);
  }

  /**
   * The first source (breadth-first: the nearest) that the value of `from` may carry, with the
   * steps it took; null when none is reachable without crossing a barrier. `dead`, kept by the
   * caller across traces that ask the same question, remembers the values a finished search
   * found no source from, so that later traces in the file skip them.
   */
  trace(from: SyntaxNode, question: TraceQuestion, dead?: Set<string | number>): FlowPath | null {
    return this.traces(from, question, dead, 1)[0] ?? null;
  }

  /**
   * Up to `limit` sources the value of `from` may carry, nearest first, each with its own path
   * (the search goes on past the first, within the same bound of visits; a source ends its path:
   * what it carries in turn is not searched). Several paths let diff scoping pick one that
   * crosses a changed line.
   */
  traces(from: SyntaxNode, question: TraceQuestion, dead: Set<string | number> | undefined, limit: number): FlowPath[] {
    // Most traces find no source. A search that ignores the sanitizers first proves that cheaply
    // (sanitizer queries and predicates are the dearest questions, and asked of every value), for
    // it sees every value the full search would and more: only when it finds a source does the
    // full search run. Nothing it finds is kept but the values it proved dead.
    const probe = this.search(from, { isSource: question.isSource, isBarrier: () => false, carries: question.carries }, dead, 1);
    if (probe.complete && probe.paths.length === 0) return [];
    return this.search(from, question, dead, limit).paths;
  }

  /** The breadth-first search of `traces`; `complete` when it ran to its end (not stopped at `limit` or MAX_VISITS). */
  private search(from: SyntaxNode, question: TraceQuestion, dead: Set<string | number> | undefined, limit: number): { paths: FlowPath[]; complete: boolean } {
    this.question = question;
    this.redactions = 0;
    const seen = new Set<string | number>();
    const queue: Item[] = [{ node: from, prev: null, step: null, key: undefined, viaField: false, call: null }];
    const paths: FlowPath[] = [];
    let head = 0;
    for (; head < queue.length && head < MAX_VISITS; head++) {
      const item = queue[head]!;
      const id = itemId(item);
      if (seen.has(id) || dead?.has(id)) continue;
      seen.add(id);
      // A name's value before a redaction: its definitions, nothing to ask of the redaction's own node.
      if (item.before) {
        for (const next of this.successors(item)) queue.push(next);
        continue;
      }
      if (question.isBarrier(item.node) || (item.node.type === 'identifier' && this.isCleared(item.node, question, item.call))) continue;
      if (!item.partApart && question.isSource(item.node, item.viaField) && !this.holdsCleared(item.node, question)) {
        // A source whose secret-holding entries were redacted on the way is neither found nor entered.
        // Asked as before of a read one key deep at most (the paths are relative to what the read reaches).
        if (item.without && !item.outer && question.isRedacted?.(item.node, item.without)) continue;
        // A name that is the source, redacted in place on every path (`del connection_info['data']`):
        // not the source here; its definitions are traced on (what reached the redactions, less their entries).
        if (!this.redactedInPlace(item, question)) {
          if (paths.push(pathTo(item)) >= limit) return { paths, complete: false };
          continue;
        }
      }
      for (const next of this.successors(item)) queue.push(next);
    }
    const complete = head >= queue.length;
    // Only a search that ran to its end proves that nothing it saw leads to a source.
    if (dead && paths.length === 0 && complete) for (const id of seen) dead.add(id);
    return { paths, complete };
  }

  /**
   * True for a name whose every reaching definition replaced its value by a sanitized one or a
   * constant (`password = mask_password(password)`, `token = '***'`): the name no longer carries,
   * nor counts as, a source. A constant that is itself a source (`url = 'amqp://u:pw@host'`) clears nothing.
   */
  private isCleared(identifier: SyntaxNode, question: TraceQuestion, call: SyntaxNode | null = null): boolean {
    const scope = this.scopes.scopeOfRead(identifier);
    const defs = scope.reaching(identifier);
    if (!defs || defs.length === 0) return false;
    const carriesNothing = (value: SyntaxNode) => (isScalarConstant(value) && !question.isSource(value, false)) || question.isBarrier(value);
    return defs.every((d) => {
      // Inside a helper the trace entered from a call: a parameter holds that call's argument
      // (`self._get_url(host, user, password='*****')` builds the URL it logs with a mask).
      if (d.parameter && call) {
        const arg = this.argumentOf(d, scope.node, call);
        return arg !== null && carriesNothing(arg);
      }
      return !d.parameter && !d.adds && !d.redacts && d.value !== null && carriesNothing(d.value);
    });
  }

  /**
   * True for a name, read whole, whose every reaching definition is a redaction that the question
   * says takes the source's secret out (`connection_info.pop('data', None)` lines before).
   */
  private redactedInPlace(item: Item, question: TraceQuestion): boolean {
    if (item.node.type !== 'identifier' || item.key !== undefined || !question.isRedacted) return false;
    const defs = this.scopes.scopeOfRead(item.node).reaching(item.node);
    if (!defs || defs.length === 0) return false;
    return defs.every((d) => d.redacts && this.redacting(d) && question.isRedacted!(item.node, joined(item.without, d.redacts.paths)!));
  }

  /**
   * The definitions with each `d['k'] = v` that does not redact (v not sanitized) preceded by those
   * that reached it, in order: as an adding definition stands beside them, the items traced (and
   * their order) are those of an adding definition. One for a key the item does not read is
   * dropped, its predecessors kept, without asking whether v is sanitized.
   */
  private flattened(defs: readonly Definition[], item: Item): Definition[] {
    const out: Definition[] = [];
    const seen = new Set<Definition>();
    // Iterative: a chain of such writes may be thousands long in generated code.
    const stack: [Definition, boolean][] = defs.map((d): [Definition, boolean] => [d, false]).reverse();
    while (stack.length > 0) {
      const [def, expanded] = stack.pop()!;
      if (expanded) {
        out.push(def);
        continue;
      }
      if (seen.has(def)) continue;
      seen.add(def);
      if (!def.redacts?.ifSanitized) {
        out.push(def);
        continue;
      }
      // Another key than the one asked for, or one redacted since: the entry written does not matter, only what reached it.
      const key = def.redacts.paths[0]![0]!;
      const relevant = item.key === undefined ? !removes(item.without, key) : item.key === key;
      if (relevant && this.redacting(def)) {
        out.push(def);
        continue;
      }
      if (relevant) stack.push([def, true]);
      const prior = def.redacts.prior;
      for (let i = prior.length - 1; i >= 0; i--) stack.push([prior[i]!, false]);
    }
    return out;
  }

  /** Whether a redaction definition redacts for the trace under way: a constant or deletion always; a value written, when sanitized (see Definition.redacts). */
  private redacting(def: Definition): boolean {
    if (!def.redacts!.ifSanitized) return true;
    return this.carriesNothing(def.value!, this.question!);
  }

  /**
   * A value that carries nothing: a sanitized one, a name cleared as isCleared says (`token =
   * mask_password(pw)` lines before), or a call that hands back only such values, parsed or copied
   * (`ast.literal_eval(strutils.mask_password(info))`, as ironic masks a node's `driver_info`).
   */
  private carriesNothing(value: SyntaxNode, question: TraceQuestion): boolean {
    if (question.isBarrier(value) || (value.type === 'identifier' && this.isCleared(value, question))) return true;
    const passed = passedArguments(value);
    return passed !== null && passed.every((a) => (isScalarConstant(a) && !question.isSource(a, false)) || this.carriesNothing(a, question));
  }

  /**
   * True for a keyed entry (`'password': token` in a dict, `password=token` in a call) whose value
   * carries nothing (see carriesNothing). Such an entry is not a source, whatever its key.
   */
  private holdsCleared(entry: SyntaxNode, question: TraceQuestion): boolean {
    if (entry.type !== 'pair' && entry.type !== 'keyword_argument') return false;
    const value = entry.childForFieldName('value');
    return value !== null && this.carriesNothing(value, question);
  }

  private successors(item: Item): Item[] {
    const { node } = item;
    const next = (n: SyntaxNode | null | undefined, change: Partial<Item> = {}): Item | null =>
      n ? { node: n, prev: item, step: null, key: item.key, outer: item.outer, loose: item.loose, viaField: item.viaField, call: item.call, without: item.without, ...change } : null;
    const out: (Item | null)[] = [];
    // The entry's value, read at the keys after the one written.
    if (item.defValue !== undefined) return item.defValue ? [next(item.defValue, afterKey(item))!] : [];
    if (item.before) return this.definitionsOf(item, next).filter((x): x is Item => x !== null);
    // A list of tuples a loop unpacks (see Definition.iterated): only the loop's name's part of each tuple.
    const parts = item.iterated ? iteratedParts(node, item.iterated) : null;
    if (parts) return parts.map((part) => next(part)!);
    // `cmds += [(name, cmd)]`, `a + b`: lists joined keep each element's shape, so each side gives the same part of its tuples.
    const joinedLists = item.iterated ? listsJoined(node) : null;
    if (joinedLists) return joinedLists.map((side) => next(side, { iterated: item.iterated })!);
    switch (node.type) {
      case 'identifier':
        out.push(...this.definitionsOf(item, next));
        break;
      case 'attribute': {
        const object = node.childForFieldName('object');
        const attr = node.childForFieldName('attribute')?.text;
        if (object?.type === 'identifier' && object.text === 'self' && attr) {
          for (const def of this.scopes.selfAttribute(node, attr)) {
            // The pending field read (`conn['user']` of `conn = self._conn`) applies to the attribute's value.
            out.push(next(def.value, { step: { node: def.target, label: `self.${attr}` }, call: null }));
          }
        }
        // `a.b` read at 'k' is `a` read at 'b', then 'k'.
        out.push(next(object, { ...readOnTop(item, attr), viaField: true }));
        break;
      }
      case 'subscript': {
        const index = node.childForFieldName('subscript');
        const object = node.childForFieldName('value');
        if (index?.type === 'slice') out.push(next(object));
        // `params_list[attempt % n]` read at a pending key: that key of one element of the list.
        else if (item.key !== undefined && index && isPositionIndex(index)) out.push(next(object, { viaField: true }));
        // `cmd[0]` of a tuple: that element alone (of each tuple, when `cmd` is a loop's name over a list of them).
        else if (item.key === undefined && item.element === undefined && constantPosition(index) !== undefined) {
          out.push(next(object, { viaField: true, element: constantPosition(index) }));
        } else if (item.key === undefined && item.element !== undefined && constantKey(index) === undefined) {
          // `commands[0][0]`, `commands[i][0]`: a position of one of the list's tuples, as a loop's name over it takes.
          out.push(next(object, { viaField: true, iterated: { index: item.element, of: undefined } }));
        } else out.push(next(object, { ...readOnTop(item, constantKey(index)), viaField: true }));
        break;
      }
      case 'binary_operator': {
        const keys = item.key === undefined ? mappingReads(node) : null;
        if (!keys) {
          for (const child of syntacticCarriers(node)) out.push(next(child));
          break;
        }
        // `'%(hostname)s: %(err)s' % log_info` prints the template and those entries of the
        // mapping, no other: one field read of it per key (a name holding the mapping whole,
        // `creds`, is still a source, as `viaField` is not set).
        out.push(next(node.childForFieldName('left')));
        const mapping = node.childForFieldName('right');
        for (const key of keys) out.push(next(mapping, { key }));
        break;
      }
      case 'dictionary': {
        const firstRow = node.startPosition.row;
        const children = node.namedChildren;
        for (let i = 0; i < children.length; i++) {
          const child = children[i]!;
          if (child.type === 'pair') {
            const key = constantKey(child.childForFieldName('key'));
            if (item.key !== undefined && key !== undefined && key !== item.key) continue;
            // A redacted entry (`del d['password']` lines later) carries nothing; the paths below it go in.
            if (item.key === undefined && key !== undefined && removes(item.without, key)) continue;
            const without = item.key !== undefined ? item.without : key !== undefined ? under(item.without, key) : undefined;
            // An entry on a line of its own is a step: a pull request that adds only that line to
            // a dict an unchanged line logs has changed the path.
            const step = child.startPosition.row !== firstRow ? { node: child, label: child.childForFieldName('key')?.text ?? 'entry', entry: true } : null;
            out.push(next(child, { ...(item.key !== undefined ? afterKey(item) : WHOLE), step, without }));
          } else if (child.type === 'dictionary_splat') {
            // `{**info, 'password': '***'}`: an entry written after the splat with a constant replaces the splat's.
            const masked = item.key === undefined ? overridingMasks(children.slice(i + 1)) : [];
            if (item.key !== undefined && overridingMasks(children.slice(i + 1)).some((p) => p[0] === item.key)) continue;
            out.push(next(child, { without: joined(item.without, masked) }));
          }
        }
        break;
      }
      case 'list':
      case 'tuple':
      case 'set':
        for (const child of this.elementsOf(item)) {
          // A list has no keyed fields: a key still pending reads one of its elements' (`user.get('user')`
          // in `for user in users:`, `users` holding `[{'user': u, 'password': pw}]`), as for a list
          // the loop itself writes (iteratesDisplay). An element that is a display itself is given
          // whole: `('password', pw)` in `dict([...])['password']` is no mapping read at that key.
          const keyed = item.key !== undefined && !DISPLAYS.has(unwrapParens(child).type);
          out.push(next(child, keyed ? {} : { ...WHOLE, without: undefined }));
        }
        break;
      case 'expression_list':
        if (item.element !== undefined) {
          out.push(...this.elementsOf(item).map((child) => next(child)));
          break;
        }
        for (const child of syntacticCarriers(node)) out.push(next(child));
        break;
      case 'call':
        out.push(...this.callCarriers(item, next));
        break;
      default: {
        // `{k: v for …}` and `k=v` (in `dict(k=v)`, `**kwargs`) read at a pending key read v at it
        // as before: one level off (loose).
        const change = node.type === 'dictionary_comprehension' || node.type === 'keyword_argument' ? offLevel(item) : {};
        for (const child of syntacticCarriers(node)) out.push(next(child, change));
      }
    }
    return out.filter((x): x is Item => x !== null);
  }

  private definitionsOf(item: Item, next: (n: SyntaxNode | null | undefined, change?: Partial<Item>) => Item | null): (Item | null)[] {
    const { node, before } = item;
    let scopeNode: SyntaxNode;
    let name: string;
    let defs: readonly Definition[];
    if (before) {
      // The value a redaction took entries out of: the definitions that reached it.
      scopeNode = this.definitions.innermostFunction(before.target) ?? this.root;
      name = before.name;
      defs = before.redacts!.prior;
    } else {
      const scope = this.scopes.scopeOfRead(node);
      scopeNode = scope.node;
      name = scope.name!;
      defs = scope.reaching(node) ?? [];
    }
    if (defs.length === 0 && scopeNode !== this.root) defs = this.scopes.scope(this.root, name).all.get(name) ?? [];
    if (defs.some((d) => d.redacts?.ifSanitized)) defs = this.flattened(defs, item);
    const out: (Item | null)[] = [];
    for (const def of defs) {
      const step = { node: def.target, label: def.name };
      if (def.parameter) {
        if (item.call) out.push(...this.argumentsFor(def, scopeNode, item, next));
        else if (def.value) out.push(next(def.value, { step }));
        continue;
      }
      if (def.redacts?.ifSanitized && !this.redacting(def)) {
        // `d['k'] = v`, v not sanitized: the entry added, as an adding definition does (what reached before is beside it, see flattened).
        const key = def.redacts.paths[0]![0]!;
        out.push(next(def.target, { step, defValue: def.value, without: item.key === undefined ? under(item.without, key) : item.without }));
        continue;
      }
      if (def.redacts && ++this.redactions > MAX_REDACTIONS) {
        // Past the budget: what reached before, unredacted, and no longer told apart by its redactions.
        out.push(next(def.target, { before: def, without: undefined }));
        continue;
      }
      if (def.redacts) {
        const { paths } = def.redacts;
        // The constant written over the entry carries nothing, unless it is a source itself (a URL with a password).
        const written = (rest: readonly string[]) => (def.value ? next(def.value, { step, ...following(rest), without: undefined }) : null);
        if (item.key === undefined) {
          out.push(written([]), next(def.target, { before: def, without: joined(item.without, paths) }));
          continue;
        }
        // A read through an entry taken out reads what was written over it; else what was there, less the paths inside what it reads.
        const keys = [item.key, ...(item.outer ?? [])];
        const { cut, inner } = seenFrom(paths, keys);
        out.push(cut > 0 ? written(keys.slice(cut)) : next(def.target, { before: def, without: joined(item.without, inner ?? []) }));
        continue;
      }
      if (def.key !== undefined && item.key !== undefined && def.key !== item.key) continue;
      if (def.adds && def.key !== undefined) {
        // An entry written before a redaction of its key carries nothing past it.
        if (item.key === undefined && removes(item.without, def.key)) continue;
        // `self._secret = None`, `d['password'] = ''`: an entry written as a constant holds no secret,
        // whatever its key (the constant is still asked: a URL with a password is one).
        if (def.value && isMaskValue(def.value)) {
          out.push(next(def.value, { step, ...afterKey(item), without: undefined }));
          continue;
        }
        // `d['password'] = v`: the target itself may be the source; then v.
        out.push(next(def.target, { step, defValue: def.value, without: item.key === undefined ? under(item.without, def.key) : item.without }));
        continue;
      }
      if (def.adds) {
        // `d.update(x)` adds x's entries (redacted paths apply to them); `d[k] = v` adds v under a key
        // not known, read at the pending key as before: one level off (loose).
        const update = def.target.type === 'call';
        out.push(next(def.value, update ? { step } : { step, without: undefined, ...offLevel(item) }));
        continue;
      }
      // A binding with no value expression (`except … as e`): the bound name itself may be the
      // source (the exception caught); nothing is traced beyond it.
      if (def.value === null && def.target.parent?.type === 'as_pattern_target') out.push(next(def.target, { defValue: null }));
      else if (iteratesDisplay(def)) {
        // `for i in [cert_secret, key_secret]`: `i` is each element, and a field read of `i`
        // (`i.secret_ref`) is one of the element (a list reached otherwise gives its elements whole).
        for (const element of def.value!.namedChildren) if (element.type !== 'comment') out.push(next(element, { step, element: item.element }));
      } else if (def.iterated !== undefined) out.push(next(def.value, { step, iterated: def.iterated }));
      // The name a loop unpacks (`pairs` of `for gw, pw in pairs`): its value is still the list whose tuples give the position.
      else if (item.iterated !== undefined && !def.adds) out.push(next(def.value, { step, iterated: item.iterated }));
      else if (def.element !== undefined) {
        const apart = this.sourceNamedApart(def.target);
        // `token_id, token_secret = bootstrap_token.split('.')`: a piece of a text split apart, the
        // code naming another piece as the secret, is not the secret (doni logs the ID's Secret name).
        if (!(apart && isTextSplit(def.value))) out.push(next(def.value, { step, element: def.element, partApart: apart }));
      }
      // A position read of the name (`cmd[0]`): of its value, or of each tuple a loop's iterable holds.
      else if (item.element !== undefined) out.push(next(def.value, isLoopTarget(def.target) ? { step, iterated: { index: item.element, of: undefined } } : { step, element: item.element }));
      else out.push(next(def.value, { step }));
    }
    return out;
  }

  /** Whether an unpacked name's siblings include one the question takes for a source while it is none itself (see Item.partApart). */
  private sourceNamedApart(target: SyntaxNode): boolean {
    const pattern = target.parent;
    if (!pattern || !UNPACKING_PATTERNS.has(pattern.type)) return false;
    const question = this.question!;
    if (question.isSource(target, false)) return false;
    return pattern.namedChildren.some((sibling) => sibling.startIndex !== target.startIndex && sibling.type === 'identifier' && question.isSource(sibling, false));
  }

  /** A tuple's (or list's) elements; only the one an unpacked name takes when the item says which and the shapes allow. */
  private elementsOf(item: Item): SyntaxNode[] {
    const elements = item.node.namedChildren.filter((c) => c.type !== 'comment');
    if (item.element === undefined || item.node.type === 'set' || elements.some((c) => c.type === 'list_splat')) return elements;
    const picked = elements[item.element];
    return picked ? [picked] : elements;
  }

  /** A helper's parameter, seen from the call that entered it: the argument passed (or the default). */
  private argumentsFor(def: Definition, fn: SyntaxNode, item: Item, next: (n: SyntaxNode | null | undefined, change?: Partial<Item>) => Item | null): (Item | null)[] {
    const call = item.call!;
    const outer = { call: null, step: { node: def.target, label: def.name } };
    if (def.parameter!.splat) return (call.childForFieldName('arguments')?.namedChildren ?? []).map((a) => next(a, outer));
    return [next(this.argumentOf(def, fn, call) ?? def.value, outer)];
  }

  /**
   * The argument a call gives a (non-splat) parameter of the function it calls, or null when the
   * call gives none that can be told (a splat, or nothing: the default then).
   */
  private argumentOf(def: Definition, fn: SyntaxNode, call: SyntaxNode): SyntaxNode | null {
    if (def.parameter!.splat) return null;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const keyword = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === def.name);
    if (keyword) return keyword.childForFieldName('value');
    // A method called as `self.m(x)`/`obj.m(x)` is given its receiver as the first parameter.
    const receiverShift = call.childForFieldName('function')?.type === 'attribute' && isMethod(fn) ? 1 : 0;
    const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
    const arg = positional[def.parameter!.index - receiverShift];
    return arg && arg.type !== 'list_splat' && arg.type !== 'dictionary_splat' ? arg : null;
  }

  private callCarriers(item: Item, next: (n: SyntaxNode | null | undefined, change?: Partial<Item>) => Item | null): (Item | null)[] {
    const call = item.node;
    const fn = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    // Carried whole: the pending read is dropped, and with it the paths redacted below it.
    const plain = { ...WHOLE, without: item.key === undefined ? item.without : undefined };
    if (!fn) return [];
    if (this.question?.carries?.(call)) return [next(args, plain)];
    if (fn.type === 'identifier') {
      // `dict(info, password='***')`: a copy with the entry replaced by a constant.
      if (fn.text === 'dict' && args) return this.dictCopy(item, args, next);
      // `dict(a, **b)['k']`, `copy(a)['k']` read field k of what they copy (see KEY_KEEPING_FUNCTIONS).
      if (KEY_KEEPING_FUNCTIONS.has(fn.text)) return [next(args)];
      if (CARRYING_FUNCTIONS.has(fn.text)) return [next(args, plain)];
      const helper = this.scopes.functionsIn(this.root).get(fn.text);
      return helper ? this.enterHelper(item, helper, fn.text, next) : [];
    }
    if (fn.type !== 'attribute') return [];
    const recv = fn.childForFieldName('object');
    const method = fn.childForFieldName('attribute')?.text ?? '';
    const out: (Item | null)[] = [];
    if (FORMAT_METHODS.has(method)) out.push(next(recv, plain), next(args, plain));
    else if (JOIN_METHODS.has(method)) out.push(next(args, plain));
    else if (CARRYING_FUNCTIONS.has(method)) out.push(next(args, plain));
    // `d.values()` read at 'k' reads d's values at 'k': d itself one level off (loose).
    if (CARRYING_METHODS.has(method)) out.push(next(recv, ELEMENT_METHODS.has(method) ? offLevel(item) : {}));
    if (FIELD_METHODS.has(method)) {
      const first = args?.namedChildren[0];
      out.push(next(recv, { ...readOnTop(item, constantKey(first ?? null)), viaField: true }));
    }
    if (out.length === 0 && recv?.type === 'identifier' && recv.text === 'self') {
      const cls = this.scopes.enclosingClass(call);
      const helper = cls ? this.scopes.functionsIn(cls).get(method) : undefined;
      if (helper) out.push(...this.enterHelper(item, helper, `self.${method}`, next));
    }
    return out;
  }

  /**
   * `dict(a, **b, k=v)`: each argument with what the item asks of the copy; a keyword written
   * with a constant (`password='***'`) replaces that entry of the positional mapping.
   */
  private dictCopy(item: Item, args: SyntaxNode, next: (n: SyntaxNode | null | undefined, change?: Partial<Item>) => Item | null): (Item | null)[] {
    const masked: string[][] = [];
    for (const a of args.namedChildren) {
      if (a.type === 'keyword_argument' && isMaskValue(a.childForFieldName('value'))) masked.push([a.childForFieldName('name')!.text]);
    }
    const out: (Item | null)[] = [];
    for (const a of args.namedChildren) {
      if (a.type === 'comment') continue;
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text;
        if (item.key === undefined && name !== undefined && removes(item.without, name)) continue;
        out.push(next(a, { without: item.key === undefined && name !== undefined ? under(item.without, name) : item.without }));
      } else if (item.key !== undefined) {
        if (!masked.some((p) => p[0] === item.key)) out.push(next(a));
      } else out.push(next(a, { without: joined(item.without, masked) }));
    }
    return out;
  }

  /** One level of same-file helpers: the call carries what the helper returns, its parameters standing for the call's arguments. */
  private enterHelper(item: Item, helper: SyntaxNode, label: string, next: (n: SyntaxNode | null | undefined, change?: Partial<Item>) => Item | null): (Item | null)[] {
    if (item.call) return [];
    // `a, b = self._params()` and the helper returns `x, y`: the position goes in with the call.
    return this.scopes.returnsOf(helper).map((value) => next(value, { call: item.node, step: { node: value, label: `${label}()` }, element: item.element }));
  }

}

/** Methods that cut a text into pieces: `s.split('.')`, `s.rpartition(':')`. */
const SPLITTING_METHODS = new Set(['split', 'rsplit', 'partition', 'rpartition']);

/** True for `text.split(…)` and the like (see SPLITTING_METHODS). */
function isTextSplit(value: SyntaxNode | null): boolean {
  const fn = value?.type === 'call' ? value.childForFieldName('function') : null;
  return fn?.type === 'attribute' && SPLITTING_METHODS.has(fn.childForFieldName('attribute')?.text ?? '');
}

/** The data flow of a parsed file; cheap to create (each scope is analysed when first asked about). */
export function flowOf(root: SyntaxNode): FileFlow {
  return new FileFlow(root);
}

/**
 * What a trace has seen of an item: its node, with what else it carries (a pending key, a field
 * read, the call entered, a definition's value, an element): the node's id alone when it carries
 * nothing else (most items), else a string of all.
 */
function itemId(item: Item): string | number {
  if (item.key === undefined && !item.viaField && !item.call && item.defValue === undefined && item.element === undefined && item.iterated === undefined && !item.without && !item.before && !item.partApart) return idOf(item.node);
  const iterated = item.iterated ? `${item.iterated.index}/${item.iterated.of}` : '';
  const keys = item.loose ? `~${item.key}` : [item.key ?? '', ...(item.outer ?? [])].join('\0');
  const id = `${idOf(item.node)}:${keys}:${item.viaField ? 1 : 0}:${item.call ? idOf(item.call) : ''}:${item.defValue === undefined ? '' : 'd'}:${item.element ?? ''}:${iterated}:${item.partApart ? 1 : 0}`;
  // Rare (only past a redaction): the paths in full.
  return item.without || item.before ? `${id}:${item.before ? 'b' : ''}:${JSON.stringify(item.without ?? [])}` : id;
}

/** The constant keys of a dict's entries written with a constant (`'password': '***'`), each as a path. */
function overridingMasks(entries: readonly SyntaxNode[]): string[][] {
  const out: string[][] = [];
  for (const e of entries) {
    if (e.type !== 'pair' || !isMaskValue(e.childForFieldName('value'))) continue;
    const key = constantKey(e.childForFieldName('key'));
    if (key !== undefined) out.push([key]);
  }
  return out;
}

function pathTo(item: Item): FlowPath {
  const steps: TraceStep[] = [];
  for (let i: Item | null = item; i; i = i.prev) {
    // A dict entry that is itself the source (`'password': pw`) is named once, as the source.
    if (i.step && !(i === item && i.step.entry)) steps.push(i.step);
  }
  return { source: item.node, steps };
}

function isMethod(fn: SyntaxNode): boolean {
  const first = fn.childForFieldName('parameters')?.namedChildren[0];
  return first?.type === 'identifier' && (first.text === 'self' || first.text === 'cls');
}
