import { stringValue } from '../../analysis/string-literal.js';
import { idOf } from '../../analysis/flow/node-fields.js';
import { plusOperands, type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';

// oslo.db's `params = {'skip_%s' % i: t for i, t in enumerate(skip_tables)}` then
// `', '.join(':' + p for p in params)`: the SQL text gets bind parameter names (`:skip_0`), made
// from a constant and a loop index; the values go in as parameters.

/** One bind placeholder, as SQLAlchemy's `text()` (`:name`) or a pyformat driver (`%(name)s`) reads it. */
const ONE_BIND_NAME = /^\s*(?::\w+|%\(\w+\)s)\s*$/;
/** A name built from constants and indexes reads as one word (`skip_0`). */
const WORD = /^\w+$/;
/** A loop index stands for any integer; rendered as this sample. */
const INDEX_SAMPLE = '0';
const FUNCTIONS = new Set(['function_definition', 'lambda']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'generator_expression', 'dictionary_comprehension']);
/** Methods that add entries to a list or set: their argument is one more element. */
const ADDING_ONE = new Set(['append', 'add']);
/** Methods that add entries the walk cannot see (another mapping's keys, a sequence's items). */
const ADDING_MANY = new Set(['update', 'extend', 'insert', 'setdefault', '__setitem__', '__ior__']);

type Env = ReadonlyMap<string, string>;

/**
 * The text `node` makes when each name of `env` holds its sample (a loop index `'0'`): constant
 * strings and integers, `+`, `%` (`%s`, `%d`, `%i`, `%%`), f-strings and `.format()` with
 * positional fields, `str(x)`. Null for anything else (a name not in `env`, a call, a lookup).
 */
function render(node: SyntaxNode, env: Env): string | null {
  const n = unwrapParens(node);
  switch (n.type) {
    case 'integer':
      return n.text;
    case 'identifier':
      return env.get(n.text) ?? null;
    case 'concatenated_string': {
      let out = '';
      for (const part of n.namedChildren) {
        const text = render(part, env);
        if (text === null) return null;
        out += text;
      }
      return out;
    }
    case 'string':
      return renderString(n, env);
    case 'call':
      return renderCall(n, env);
    case 'binary_operator': {
      const operator = n.childForFieldName('operator')?.type;
      if (operator === '+') {
        const parts = plusOperands(n).map((p) => render(p, env));
        return parts.every((p) => p !== null) ? parts.join('') : null;
      }
      if (operator !== '%') return null;
      const template = render(n.childForFieldName('left')!, env);
      const right = unwrapParens(n.childForFieldName('right')!);
      const values = (right.type === 'tuple' ? right.namedChildren : [right]).map((v) => render(v, env));
      return template !== null && values.every((v) => v !== null) ? percentFormat(template, values as string[]) : null;
    }
    default:
      return null;
  }
}

/** A string literal's text, its f-string fields rendered (plain fields only: no format spec). */
function renderString(n: SyntaxNode, env: Env): string | null {
  const constant = stringValue(n);
  if (constant !== null) return constant;
  let out = '';
  for (const part of n.namedChildren) {
    if (part.type === 'string_start' || part.type === 'string_end') continue;
    if (part.type === 'string_content' || part.type === 'escape_sequence') out += part.text;
    else if (part.type === 'interpolation' && part.namedChildren.length === 1) {
      const text = render(part.namedChildren[0]!, env);
      if (text === null) return null;
      out += text;
    } else return null;
  }
  return out;
}

/** `str(x)`, and `'…{}…'.format(x, …)` with positional fields. */
function renderCall(n: SyntaxNode, env: Env): string | null {
  const fn = n.childForFieldName('function');
  const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  if (fn?.type === 'identifier' && fn.text === 'str' && args.length === 1) return render(args[0]!, env);
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'format') return null;
  const template = render(fn.childForFieldName('object')!, env);
  const values = args.map((a) => render(a, env));
  if (template === null || values.some((v) => v === null)) return null;
  let next = 0;
  let failed = false;
  const out = template.replace(/\{\{|\}\}|\{(\d*)\}|[{}]/g, (field, index: string | undefined) => {
    if (field === '{{') return '{';
    if (field === '}}') return '}';
    const value = index === undefined ? undefined : values[index === '' ? next++ : Number(index)];
    if (value === undefined || value === null) failed = true;
    return value ?? '';
  });
  return failed ? null : out;
}

/** Python's `template % values` for `%s`, `%d`, `%i` and `%%`; null for any other conversion or a count that does not match. */
function percentFormat(template: string, values: string[]): string | null {
  let next = 0;
  let failed = false;
  const out = template.replace(/%(.)/gs, (_spec, conversion: string) => {
    if (conversion === '%') return '%';
    if (!'sdi'.includes(conversion) || next >= values.length) failed = true;
    return values[next++] ?? '';
  });
  return failed || next !== values.length ? null : out;
}

/** The loop indexes a comprehension's or a loop's `for` binds: `i` of `for i in range(n)` and of `for i, x in enumerate(xs)`. */
function indexesOf(forClause: SyntaxNode, env: Map<string, string>): void {
  const left = forClause.childForFieldName('left');
  const right = forClause.childForFieldName('right');
  const callee = right?.type === 'call' ? right.childForFieldName('function')?.text : undefined;
  if (callee === 'range' && left?.type === 'identifier') env.set(left.text, INDEX_SAMPLE);
  if (callee === 'enumerate' && (left?.type === 'pattern_list' || left?.type === 'tuple_pattern') && left.namedChildren[0]?.type === 'identifier') {
    env.set(left.namedChildren[0].text, INDEX_SAMPLE);
  }
}

/** The loop indexes of every comprehension `for` clause and `for` loop around `node`, up to its function. */
function indexesAround(node: SyntaxNode): Map<string, string> {
  const env = new Map<string, string>();
  for (let at: SyntaxNode | null = node; at && !FUNCTIONS.has(at.type); at = at.parent) {
    if (COMPREHENSIONS.has(at.type)) for (const clause of at.namedChildren) if (clause.type === 'for_in_clause') indexesOf(clause, env);
    if (at.parent?.type === 'for_statement' && same(at.parent.childForFieldName('body'), at)) indexesOf(at.parent, env);
  }
  return env;
}

/** A name built from constants and loop indexes (`'skip_%s' % i`, `f'p{i}'`): its text with each index as a sample, or null. */
function indexedName(node: SyntaxNode): string | null {
  const text = render(node, indexesAround(node));
  return text !== null && WORD.test(text) ? text : null;
}

/** The names a container literal or comprehension yields when iterated: a dict's keys, a list's, tuple's or set's items; null when one is not an indexed name. */
function namesYielded(value: SyntaxNode): { names: string[]; mapping: boolean } | null {
  const v = unwrapParens(value);
  const items = v.namedChildren.filter((c) => c.type !== 'comment');
  switch (v.type) {
    case 'dictionary': {
      const keys = items.map((pair) => (pair.type === 'pair' ? indexedName(pair.childForFieldName('key')!) : null));
      return keys.every((k) => k !== null) ? { names: keys as string[], mapping: true } : null;
    }
    case 'list':
    case 'tuple':
    case 'set': {
      const names = items.map(indexedName);
      return names.every((k) => k !== null) ? { names: names as string[], mapping: false } : null;
    }
    case 'dictionary_comprehension': {
      const key = v.childForFieldName('body')?.childForFieldName('key');
      const name = key ? indexedName(key) : null;
      return name !== null ? { names: [name], mapping: true } : null;
    }
    case 'list_comprehension':
    case 'set_comprehension':
    case 'generator_expression': {
      const body = v.childForFieldName('body');
      const name = body ? indexedName(body) : null;
      return name !== null ? { names: [name], mapping: false } : null;
    }
    case 'call':
      // `dict()`, `list()`, `set()`: empty.
      return ['dict', 'list', 'set'].includes(v.childForFieldName('function')?.text ?? '') && v.childForFieldName('arguments')?.namedChildCount === 0
        ? { names: [], mapping: v.childForFieldName('function')!.text === 'dict' }
        : null;
    default:
      return null;
  }
}

/**
 * The names iterating `name` yields where `read` reads it, when its function builds it only from
 * constants and loop indexes: every binding of it there assigns a dict (its keys), a list, tuple
 * or set (its items) or a comprehension of indexed names, and every entry added later is one
 * (`params['skip_%d' % i] = t`, `names.append('p%d' % i)`). Null for a parameter, a name the
 * function does not assign, any other binding (`for`, `with`, `+=`, unpacking, `global`) or an
 * addition it cannot see (`params.update(filters)`).
 */
function indexedNamesOf(read: SyntaxNode): string[] | null {
  let fn: SyntaxNode | null = read.parent;
  while (fn && !FUNCTIONS.has(fn.type)) fn = fn.parent;
  const body = fn?.childForFieldName('body');
  if (!fn || !body) return null;
  const name = read.text;
  const parameters = fn.childForFieldName('parameters');
  if (parameters?.descendantsOfType('identifier').some((p) => p.text === name)) return null;
  const names: string[] = [];
  const added: SyntaxNode[] = [];
  let assigned = 0;
  let mapping = true;
  for (const use of body.descendantsOfType('identifier')) {
    if (use.text !== name) continue;
    const parent = use.parent!;
    if (parent.type === 'assignment' && same(parent.childForFieldName('left'), use)) {
      const value = parent.childForFieldName('right');
      const yielded = value ? namesYielded(value) : null;
      if (!yielded) return null;
      names.push(...yielded.names);
      mapping &&= yielded.mapping;
      assigned++;
      continue;
    }
    // `params['skip_%d' % i] = t`: one key more.
    if (parent.type === 'subscript' && same(parent.childForFieldName('value'), use) && parent.parent?.type === 'assignment' && same(parent.parent.childForFieldName('left'), parent)) {
      added.push(parent);
      continue;
    }
    if (parent.type === 'attribute' && same(parent.childForFieldName('object'), use)) {
      const method = parent.childForFieldName('attribute')?.text ?? '';
      if (ADDING_MANY.has(method)) return null;
      if (ADDING_ONE.has(method)) added.push(parent);
      continue;
    }
    if (isBound(use)) return null;
  }
  if (assigned === 0) return null;
  for (const addition of added) {
    const entry = addition.type === 'subscript' ? (mapping ? addition.childForFieldName('subscript') : null) : onlyArgument(addition.parent);
    const text = entry ? indexedName(entry) : null;
    if (text === null) return null;
    names.push(text);
  }
  return names;
}

/** The one argument of a call (`names.append(x)`: `x`), or null. */
function onlyArgument(call: SyntaxNode | null): SyntaxNode | null {
  const args = call?.type === 'call' ? call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') : undefined;
  return args?.length === 1 ? args[0]! : null;
}

/** Whether two handles are the same node (by id: the binding may hand out a new object for one node). */
function same(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && idOf(a) === idOf(b);
}

/** Whether the identifier is bound where it stands other than by a plain assignment: a `for`/`with`/walrus/unpacking target, `+=`, `del`, `global`/`nonlocal`, an import, a `def` or `class` name. */
function isBound(use: SyntaxNode): boolean {
  for (let at: SyntaxNode = use; at.parent; at = at.parent) {
    const parent = at.parent;
    switch (parent.type) {
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'as_pattern':
      case 'as_pattern_target':
        continue;
      case 'for_statement':
      case 'for_in_clause':
      case 'assignment':
      case 'augmented_assignment':
        return same(parent.childForFieldName('left'), at);
      case 'named_expression':
        return same(parent.childForFieldName('name'), at);
      case 'with_item':
        return true;
      case 'delete_statement':
      case 'global_statement':
      case 'nonlocal_statement':
      case 'import_statement':
      case 'import_from_statement':
      case 'aliased_import':
      case 'dotted_name':
        return true;
      case 'function_definition':
      case 'class_definition':
        return same(parent.childForFieldName('name'), at);
      default:
        return false;
    }
  }
  return false;
}

/** What a loop over `iterable` yields when it is names built from constants and indexes: `range(n)`/`enumerate` indexes aside, a name (or its `.keys()`) the function builds so, or a literal list of them. */
function iteratedNames(iterable: SyntaxNode): string[] | null {
  let it = unwrapParens(iterable);
  if (it.type === 'call') {
    const fn = it.childForFieldName('function');
    const args = it.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'keys' && args.length === 0) it = unwrapParens(fn.childForFieldName('object')!);
    else if (fn?.type === 'identifier' && ['sorted', 'list', 'tuple'].includes(fn.text) && args.length === 1) it = unwrapParens(args[0]!);
  }
  if (it.type === 'identifier') return indexedNamesOf(it);
  return namesYielded(it)?.names ?? null;
}

/**
 * `', '.join(':' + p for p in params)`, `",".join("%%(%s)s" % k for k in names)`,
 * `", ".join(f":p{i}" for i in range(n))`: a comprehension (or generator) of one `for` whose every
 * item is one bind placeholder (`:name`, `%(name)s`) naming a name built from constants and loop
 * indexes: a loop's own index, or each name a dict or list the function builds so yields.
 */
export function joinsIndexedBindNames(comprehension: SyntaxNode): boolean {
  const c = unwrapParens(comprehension);
  if (c.type !== 'generator_expression' && c.type !== 'list_comprehension') return false;
  const clauses = c.namedChildren.filter((x) => x.type === 'for_in_clause');
  const body = c.childForFieldName('body');
  if (clauses.length !== 1 || !body) return false;
  const clause = clauses[0]!;
  const indexes = new Map<string, string>();
  indexesOf(clause, indexes);
  if (indexes.size > 0) {
    const item = render(body, indexes);
    return item !== null && ONE_BIND_NAME.test(item);
  }
  const variable = clause.childForFieldName('left');
  const iterable = clause.childForFieldName('right');
  if (variable?.type !== 'identifier' || !iterable) return false;
  const names = iteratedNames(iterable);
  if (names === null) return false;
  // An empty container yields nothing: the join is empty text.
  return names.every((name) => {
    const item = render(body, new Map([[variable.text, name]]));
    return item !== null && ONE_BIND_NAME.test(item);
  });
}
