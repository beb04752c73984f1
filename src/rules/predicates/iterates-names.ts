import type Parser from 'tree-sitter';
import { fileText } from '../../analysis/flow/file-text.js';
import type { ImportMap } from '../../analysis/import-map.js';
import { nameWords, SECRET_NAME_TEXT } from '../../analysis/secret-names.js';
import { yieldsKeyValuePairs } from '../../analysis/flow/loop-elements.js';
import { isLoopTarget, unwrapParens, writtenName, type SyntaxNode } from '../../analysis/syntax.js';
import type { Definition } from '../../analysis/flow/definition.js';
import { visibleDefinitions } from './bound-to-call.js';
import { expectTrue, type Predicate } from './predicate.js';

// python-tripleoclient's export: `for password in tripleo_common_constants.PASSWORD_PARAMETER_NAMES:`
// then `if password in parameters: …` and `LOG.warning("No password value found for %s", password)`.
// A loop over a collection of names gives a name each time: the parameter's, not its value.

/** Last words of a collection that holds names or keys, not values. */
const NAME_COLLECTIONS = new Set(['names', 'keys', 'fields', 'params', 'parameters', 'attributes', 'attrs', 'columns', 'labels']);

/** True when `iterable` is a collection of names: named so (`PASSWORD_PARAMETER_NAMES`, `self.secret_keys`), or a mapping's `.keys()`. */
function isNameCollection(iterable: SyntaxNode | null): boolean {
  const n = iterable && unwrapParens(iterable);
  if (!n) return false;
  if (n.type === 'call') {
    const fn = n.childForFieldName('function');
    const args = n.childForFieldName('arguments')?.namedChildren ?? [];
    // `sorted(PASSWORD_NAMES)`, `list(d.keys())`: the same names.
    if (fn?.type === 'identifier' && (fn.text === 'sorted' || fn.text === 'list' || fn.text === 'tuple' || fn.text === 'set') && args.length === 1) return isNameCollection(args[0]!);
    if (fn?.type !== 'attribute' || args.length > 0) return false;
    const method = fn.childForFieldName('attribute')?.text;
    // `keys.values()` of a mapping named for keys (not for a secret, as `api_keys` is): its values are names too.
    return method === 'keys' || (method === 'values' && namesNames(fn.childForFieldName('object')));
  }
  const words = nameWords(writtenName(n) ?? '');
  return NAME_COLLECTIONS.has(words[words.length - 1] ?? '');
}

/**
 * A mapping named for names, or for keys none of which is named a secret (`keys` of Kubernetes'
 * `secretRef: {name, keys: {field: key}}`, not `api_keys`): its values name things too.
 */
function namesNames(mapping: SyntaxNode | null): boolean {
  const n = mapping && unwrapParens(mapping);
  const last = n ? writtenName(n) : null;
  if (last === null) return false;
  const words = nameWords(last);
  const noun = words[words.length - 1];
  // Not `params`, `fields`, `attributes`: their values are what the names name. Keys, unless one
  // of them would be a secret (`api_keys`, `secret_keys`: each an `api_key`).
  if (noun === 'names') return true;
  return noun === 'keys' && !SECRET_NAME_TEXT.test(last.replace(/s$/i, ''));
}


/** The value of a loop over such a mapping's items (`secret_key` in `for field, secret_key in keys.items()`; see namesNames). */
function isNamedItemValue(d: Definition): boolean {
  const pattern = d.target.parent;
  if (!pattern || !isLoopTarget(pattern)) return false;
  const names = pattern.namedChildren.filter((c) => c.type !== 'comment');
  if (names.length !== 2 || names[1]!.startIndex !== d.target.startIndex) return false;
  const iterable = unwrapParens(pattern.parent!.childForFieldName('right')!);
  const fn = iterable.type === 'call' ? iterable.childForFieldName('function') : null;
  return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'items' && (iterable.childForFieldName('arguments')?.namedChildCount ?? 1) === 0 && namesNames(fn.childForFieldName('object'));
}

/** Per file, whether its text holds `for <name> in`, `for <name>,` or `for <key>, <name> in` for a name (most secret-named values are no loop's). */
const loopNames = new WeakMap<Parser.Tree, Map<string, boolean>>();

/** True when the file's text holds `for <name> in`, `for <name>,` (`for key, value in d.items()`) or `for <key>, <name> in`: without it, no definition is a loop's and none is looked up. */
function loopsOver(identifier: SyntaxNode): boolean {
  const tree = identifier.tree;
  let names = loopNames.get(tree);
  if (!names) loopNames.set(tree, (names = new Map()));
  let found = names.get(identifier.text);
  if (found === undefined) {
    found = new RegExp(`\\bfor\\s+(?:${identifier.text}\\s+in\\b|\\(?\\s*${identifier.text}\\s*,|\\(?\\s*\\w+\\s*,\\s*${identifier.text}\\s*\\)?\\s+in\\b)`).test(fileText(tree.rootNode));
    names.set(identifier.text, found);
  }
  return found;
}

/**
 * True for the key of a loop over a mapping's items (`key` in `for key, value in
 * credentials.items()`; or an index of `enumerate`): the first of two names, which the flow
 * layer binds to nothing of the values (see yieldsKeyValuePairs).
 */
function isItemKey(d: Definition): boolean {
  const pattern = d.target.parent;
  if (d.value !== null || !pattern || !isLoopTarget(pattern)) return false;
  const names = pattern.namedChildren.filter((c) => c.type !== 'comment');
  return names.length === 2 && names[0]!.startIndex === d.target.startIndex && yieldsKeyValuePairs(pattern.parent!.childForFieldName('right'));
}

/**
 * True when `identifier`, where it is read, is always the variable of a loop over a collection
 * of names (`for password in PASSWORD_PARAMETER_NAMES`, `for secret in conf.secret_keys()`… see
 * isNameCollection), or the key of a loop over a mapping's items (`key` in `for key, value in
 * credentials.items()`): it holds a name. The value picked out beside it (`value`) is not.
 */
export function iteratesNames(identifier: SyntaxNode, imports: ImportMap): boolean {
  if (identifier.type !== 'identifier' || !loopsOver(identifier)) return false;
  const definitions = visibleDefinitions(identifier, imports)?.definitions ?? [];
  return definitions.length > 0 && definitions.every((d) => isItemKey(d) || isNamedItemValue(d) || (!d.adds && d.element === undefined && isLoopTarget(d.target) && isNameCollection(d.value)));
}

export const iteratesNamesPredicate: Predicate = {
  name: 'iterates-names',
  description:
    'The captured name, where it is read, is always the variable of a `for` loop (or a comprehension\'s) over a collection of names or keys: one named so (`PASSWORD_PARAMETER_NAMES`, `secret_keys`, `fields`, `params`, `columns`…), a mapping\'s `.keys()`, or `sorted`/`list` of one, or the values of a mapping so named that is not named for a secret (`secret_key` in `for field, secret_key in keys.items()`, Kubernetes\' `secretRef` keys; not `api_keys`); or the key of a loop over a mapping\'s items (`key` in `for key, value in credentials.items()`, an `enumerate` index). It holds a name, not the value named; use under `not:`.',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => iteratesNames(node, ctx.imports),
};
