import type { ImportMap } from '../../analysis/import-map.js';
import { SECRET_NAME_TEXT } from '../../analysis/secret-names.js';
import { outermostParens, unwrapParens, writtenName, type SyntaxNode } from '../../analysis/syntax.js';
import { stringValue } from '../../analysis/string-literal.js';
import { constantBinding } from './constant-binding.js';
import { usedAsArgument, type ArgumentRole } from './argument-uses.js';
import { parametersOf, type Parameter } from './function-parameters.js';
import { expectTrue, type Predicate } from './predicate.js';

// oslo.db's provisioning: `db_token = _random_ident()`, `backend.create_named_database(db_token)`,
// later `LOG.info("DROP BACKEND %s TOKEN %s", …, resource.db_token)` and
// `backend.drop_named_database(resource.db_token)`, whose parameter is `ident`: the "token" is a
// throw-away database's name. What the file's own function takes a value as says what it is.

/** A parameter that takes a name or an identifier of something; not a user's or account's (a token may be sent as one). */
const NAME_PARAMETER = /^(?:ident|identifier|name|\w+_name)$/;
const NOT_NAME_OF = /user|login|account|owner/;

interface FileFunction {
  parameters: Parameter[];
  /** Defined in a class: called as `obj.m(…)`. */
  inClass: boolean;
  /** A method of a class (not a static one): its first parameter is the receiver of `obj.m(…)`. */
  bound: boolean;
}

/** The file's functions and its classes' methods, by name; per file (its ImportMap). */
const functionsCache = new WeakMap<ImportMap, Map<string, FileFunction[]>>();

function isStatic(fn: SyntaxNode): boolean {
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
  return !!decorated?.namedChildren.some((d) => d.type === 'decorator' && /^@\s*staticmethod\b/.test(d.text));
}

/** The functions defined at the top of the module holding `node` and the methods of its top-level classes, by name. */
function fileFunctions(node: SyntaxNode, imports: ImportMap): Map<string, FileFunction[]> {
  let found = functionsCache.get(imports);
  if (found) return found;
  functionsCache.set(imports, (found = new Map()));
  let module = node;
  while (module.parent) module = module.parent;
  const add = (statement: SyntaxNode, inClass: boolean) => {
    const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (!fn || !name) return;
    const list = found!.get(name) ?? [];
    list.push({ parameters: parametersOf(fn), inClass, bound: inClass && !isStatic(fn) });
    found!.set(name, list);
  };
  for (const statement of module.namedChildren) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type === 'class_definition') {
      for (const member of definition.childForFieldName('body')?.namedChildren ?? []) add(member, true);
    } else add(statement, false);
  }
  return found;
}

/**
 * The parameter of `fn` that `argument` (a positional one by its index, or a keyword) takes in
 * `call`; null when `fn` cannot accept the call's arguments (too many or too few, an unknown
 * keyword) or a splat makes it unknown. `shift` drops the receiver of a bound method.
 */
function parameterTaking(fn: FileFunction, call: SyntaxNode, argument: SyntaxNode, shift: number): Parameter | null {
  const params = fn.parameters.slice(shift);
  const positional = params.filter((p) => p.kind === 'positional');
  const filled = new Set<Parameter>();
  let taking: Parameter | null = null;
  let index = 0;
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (a.type === 'comment') continue;
    if (a.type === 'list_splat' || a.type === 'dictionary_splat' || a.type === 'parenthesized_list_splat') return null;
    let param: Parameter | undefined;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      param = params.find((p) => p.name === name && p.kind !== 'args' && p.kind !== 'kwargs') ?? params.find((p) => p.kind === 'kwargs');
    } else param = positional[index++] ?? params.find((p) => p.kind === 'args');
    if (!param) return null;
    filled.add(param);
    if (a.id === argument.id) taking = param;
  }
  // Every parameter without a default must be given.
  if (params.some((p) => !p.optional && (p.kind === 'positional' || p.kind === 'keyword') && !filled.has(p))) return null;
  return taking;
}

function isNameParameter(p: Parameter): boolean {
  return (p.kind === 'positional' || p.kind === 'keyword') && NAME_PARAMETER.test(p.name) && !NOT_NAME_OF.test(p.name) && !SECRET_NAME_TEXT.test(p.name);
}

/**
 * True when `use` is an argument of a call to a function or method this file defines (`f(x)` a
 * top-level function, `obj.m(x)` a method of one of its classes), and every definition of that
 * name that can accept the call's arguments takes it as a name (`ident`, `name`, `db_name`): not
 * a user's name. `obj.m(x)` is not resolved to a class, so its definitions are all matched by
 * what they accept.
 */
function isNameArgument(use: SyntaxNode, imports: ImportMap): boolean {
  const outer = outermostParens(use);
  const argument = outer.parent?.type === 'keyword_argument' ? outer.parent : outer;
  const call = argument.parent?.type === 'argument_list' ? argument.parent.parent : null;
  const callee = call?.type === 'call' ? call.childForFieldName('function') : null;
  if (!call || !callee || (callee.type !== 'identifier' && callee.type !== 'attribute')) return false;
  const viaObject = callee.type === 'attribute';
  const name = viaObject ? callee.childForFieldName('attribute')?.text : callee.text;
  if (name && KUBERNETES_SECRET_BY_NAME.test(name) && isFirstArgumentOrName(call, argument)) return true;
  const candidates = (fileFunctions(call, imports).get(name ?? '') ?? []).filter((fn) => fn.inClass === viaObject);
  let accepting = 0;
  for (const fn of candidates) {
    const param = parameterTaking(fn, call, argument, fn.bound ? 1 : 0);
    if (!param) continue;
    if (!isNameParameter(param)) return false;
    accepting++;
  }
  return accepting > 0;
}

/**
 * Kubernetes reads, deletes and patches a Secret by its name, the first argument: the client's
 * `read_namespaced_secret(name, namespace)`, StarlingX's `kube_delete_secret(name, namespace)`.
 * What a function hands such a call first is a Secret's name (`for secret in secret_list:`).
 */
const KUBERNETES_SECRET_BY_NAME = /^(?:kube_)?(?:get|read|delete|patch|replace)_(?:namespaced_)?secret$/;

/** Whether `argument` is the call's first positional argument or its `name=` keyword. */
function isFirstArgumentOrName(call: SyntaxNode, argument: SyntaxNode): boolean {
  if (argument.type === 'keyword_argument') return argument.childForFieldName('name')?.text === 'name';
  const first = call.childForFieldName('arguments')?.namedChildren.find((a) => a.type !== 'comment');
  return first?.id === argument.id;
}

/** Methods that give the same text, reshaped: a name stripped is the name. */
const RESHAPING_METHODS = new Set(['strip', 'lstrip', 'rstrip', 'lower', 'upper', 'casefold']);

/** A local that holds a name (`secret_name`, `name`), not a user's or an account's. */
const NAME_LOCAL = /^(?:\w+_)?name$/;

/**
 * True when `use`, as it is or reshaped (`line_secret.strip()`, `str(x)`), is assigned to a local
 * the code calls a name: StarlingX's `secret_name = line_secret.strip()`, the Secret's name read
 * from a `kubectl` listing.
 */
function isBoundAsName(use: SyntaxNode): boolean {
  let value = outermostParens(use);
  for (;;) {
    const parent = value.parent;
    const call = parent?.parent;
    if (parent?.type === 'attribute' && call?.type === 'call' && parent.childForFieldName('object')?.id === value.id && RESHAPING_METHODS.has(parent.childForFieldName('attribute')?.text ?? '') && call.childForFieldName('arguments')?.namedChildCount === 0) {
      value = outermostParens(call);
    } else if (parent?.type === 'argument_list' && parent.namedChildCount === 1 && call?.type === 'call' && call.childForFieldName('function')?.text === 'str') {
      value = outermostParens(call);
    } else break;
  }
  const assignment = value.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== value.id) return false;
  const target = assignment.childForFieldName('left');
  return target?.type === 'identifier' && NAME_LOCAL.test(target.text) && !NOT_NAME_OF.test(target.text);
}

/** The fields of a Kubernetes Secret object that map each entry's name to its value. */
const SECRET_DATA_FIELDS = new Set(['data', 'string_data']);

/** Whether `node` is a call that reads a Kubernetes Secret by name (see KUBERNETES_SECRET_BY_NAME). */
function readsSecretByName(node: SyntaxNode | null): boolean {
  const call = node ? unwrapParens(node) : null;
  const name = call?.type === 'call' ? writtenName(call.childForFieldName('function')) : null;
  return name !== null && KUBERNETES_SECRET_BY_NAME.test(name);
}

/**
 * Whether `node` is a Kubernetes Secret's data: `secret.data`, `(secret.data or {})`,
 * `getattr(secret, 'data', None)`, or a name bound to one, `secret` holding what a by-name read returned.
 */
function isSecretData(node: SyntaxNode, hops = 2): boolean {
  const n = unwrapParens(node);
  if (n.type === 'boolean_operator' && n.childForFieldName('operator')?.type === 'or') return isSecretData(n.childForFieldName('left')!, hops);
  if (n.type === 'identifier') {
    const bound = hops > 0 ? constantBinding(n) : null;
    return bound !== null && isSecretData(bound, hops - 1);
  }
  let object: SyntaxNode | null = null;
  if (n.type === 'attribute' && SECRET_DATA_FIELDS.has(n.childForFieldName('attribute')?.text ?? '')) object = n.childForFieldName('object');
  if (n.type === 'call' && n.childForFieldName('function')?.text === 'getattr') {
    const [target, field] = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
    if (field && SECRET_DATA_FIELDS.has(stringValue(field) ?? '')) object = target ?? null;
  }
  if (object?.type !== 'identifier') return false;
  return readsSecretByName(constantBinding(object));
}

/**
 * True when `use` is the key a Kubernetes Secret's data is read at (`(secret.data or {}).get(secret_key)`,
 * `data[secret_key]`, `secret_key in data`): the name of one of the Secret's entries
 * (understack's `read_secret(secret_name, secret_key)`).
 */
function isSecretDataKey(use: SyntaxNode): boolean {
  const value = outermostParens(use);
  const parent = value.parent;
  if (parent?.type === 'subscript' && parent.childForFieldName('subscript')?.id === value.id) return isSecretData(parent.childForFieldName('value')!);
  if (parent?.type === 'comparison_operator' && parent.namedChildren[0]?.id === value.id && /\bin\b/.test(parent.text.slice(value.endIndex - parent.startIndex))) {
    const container = parent.namedChildren[1];
    return container !== undefined && isSecretData(container);
  }
  const call = parent?.type === 'argument_list' ? parent.parent : null;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'get' || parent!.namedChildren[0]?.id !== value.id) return false;
  return isSecretData(fn.childForFieldName('object')!);
}

/** Methods that cut a reference into its parts: `"namespace/name".split("/")`. */
const SPLITTING_METHODS = new Set(['split', 'rsplit', 'partition', 'rpartition']);
/** Last words of the parts a reference is cut into: a resource's name and the namespace it is in. */
const REFERENCE_PARTS = /(?:^|_)(?:name|namespace|ns)$/;

/**
 * True when `use` is cut (`.split("/")`) into parts all bound to locals called names or namespaces:
 * azimuth's `secret_namespace, secret_name = secret_info.split("/", maxsplit=1)`, where
 * `secret_info` (from `GLOBAL_EXTRAVARS_SECRET`) says where a Secret is, not what it holds.
 */
function isSplitIntoNames(use: SyntaxNode): boolean {
  const value = outermostParens(use);
  const method = value.parent;
  const call = method?.parent;
  if (method?.type !== 'attribute' || method.childForFieldName('object')?.id !== value.id || !SPLITTING_METHODS.has(method.childForFieldName('attribute')?.text ?? '') || call?.type !== 'call') return false;
  const assignment = outermostParens(call).parent;
  const target = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === outermostParens(call).id ? assignment.childForFieldName('left') : null;
  if (target?.type !== 'pattern_list' && target?.type !== 'tuple_pattern') return false;
  const parts = target.namedChildren;
  return parts.length > 1 && parts.every((p) => p.type === 'identifier' && REFERENCE_PARTS.test(p.text) && !NOT_NAME_OF.test(p.text));
}

/**
 * True when `use` is the `"key"` of a `{"name": …, "key": …}` mapping: Kubernetes' reference to one
 * entry of a Secret (`secretKeyRef`, azimuth's `kubeconfigSecret`), whose key names the entry.
 */
function isSecretRefKey(use: SyntaxNode): boolean {
  const value = outermostParens(use);
  const pair = value.parent;
  if (pair?.type !== 'pair' || pair.childForFieldName('value')?.id !== value.id || stringValue(pair.childForFieldName('key')!) !== 'key') return false;
  return pair.parent?.type === 'dictionary' && pair.parent.namedChildren.some((p) => p.type === 'pair' && stringValue(p.childForFieldName('key')!) === 'name');
}

/** An argument a function of the file takes as a name, a value bound to a local called a name, a Kubernetes Secret's entry name, or a reference cut into names: see isNameArgument, isBoundAsName, isSecretDataKey, isSecretRefKey, isSplitIntoNames. */
const NAME_ROLE: ArgumentRole = { id: 'name', isArgument: (use, imports) => isBoundAsName(use) || isSecretDataKey(use) || isSecretRefKey(use) || isSplitIntoNames(use) || isNameArgument(use, imports) };

/**
 * True when `node` (a name or attribute) is, in its own function, passed to a function or method
 * of the same file that takes it as a name (`drop_named_database(self, ident)` given
 * `resource.db_token`), and is not assigned again after: it names something, it is no secret.
 */
export function usedAsName(node: SyntaxNode, imports: ImportMap): boolean {
  return usedAsArgument(node, imports, NAME_ROLE);
}

/** The captured name or attribute is given, in its function, to a same-file function as a name: see usedAsName. */
export const usedAsNamePredicate: Predicate = {
  name: 'used-as-name',
  description:
    'The captured name or attribute is written, in the same function, as the value (or its `.strip()`, `.lower()`, `str()`) of a local called a name (`secret_name = line_secret.strip()`: `name` or `…_name`, not a user\'s, login\'s or account\'s), as the key a Kubernetes Secret\'s data is read at (`(secret.data or {}).get(secret_key)` after `secret = v1.read_namespaced_secret(...)`), as the `"key"` of a `{"name": …, "key": …}` reference to a Secret\'s entry, as the text cut (`.split("/")`) into locals all called names or namespaces (`secret_namespace, secret_name = secret_info.split("/")`), as an argument of a call to a function or method the same file defines, which takes it as a name (every definition of that name accepting the call has it at a parameter `ident`, `identifier`, `name` or `…_name`, not a user\'s, login\'s or account\'s name), or as the first argument (or `name=`) of a Kubernetes call that reads, deletes or patches a Secret by name (`read_namespaced_secret`, `kube_delete_secret`), and is not assigned again after that: it names something (`backend.drop_named_database(resource.db_token)` with `def drop_named_database(self, ident)`).',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => usedAsName(node, ctx.imports),
};
