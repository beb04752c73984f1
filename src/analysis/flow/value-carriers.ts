import type { SyntaxNode } from '../syntax.js';

/** Functions whose result carries their arguments' values (matched on the callee's last name). */
export const CARRYING_FUNCTIONS = new Set([
  'str', 'repr', 'format', 'dict', 'list', 'tuple', 'set', 'frozenset', 'sorted', 'reversed', 'copy', 'deepcopy',
  'dumps', 'text_type', 'safe_decode', 'safe_encode', 'to_primitive', 'bytes', 'bytearray', 'OrderedDict', 'defaultdict',
  // pathlib: a path built from a value names what the value names.
  'Path', 'PurePath', 'PosixPath', 'PurePosixPath', 'WindowsPath', 'PureWindowsPath',
]);

/** Functions that parse what they are given back into a value (`ast.literal_eval(s)`, `json.loads(s)`): see passedArguments. */
const PARSING_FUNCTIONS = new Set(['literal_eval', 'loads']);

/**
 * The arguments of a call whose result is made of them alone, copied or parsed (`str(x)`,
 * `dict(x)`, `ast.literal_eval(s)`, `json.loads(s)`; matched on the callee's last name): when none
 * of them carries a secret, neither does the result. Null for any other call, a call with no
 * arguments, or one with a splat.
 */
export function passedArguments(node: SyntaxNode): SyntaxNode[] | null {
  if (node.type !== 'call') return null;
  const fn = node.childForFieldName('function');
  const name = fn?.type === 'identifier' ? fn.text : fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  if (!name || !(CARRYING_FUNCTIONS.has(name) || PARSING_FUNCTIONS.has(name))) return null;
  const args = node.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return null;
  const out: SyntaxNode[] = [];
  for (const a of args.namedChildren) {
    if (a.type === 'comment') continue;
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') return null;
    const value = a.type === 'keyword_argument' ? a.childForFieldName('value') : a;
    if (!value) return null;
    out.push(value);
  }
  return out.length > 0 ? out : null;
}

/** Methods whose result carries the receiver's value (`password.encode()`, `info.copy()`). */
export const CARRYING_METHODS = new Set([
  'encode', 'decode', 'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'replace', 'split', 'rsplit', 'splitlines',
  'copy', 'items', 'values', 'to_dict', 'as_dict', 'obj_to_primitive', 'capitalize', 'title', 'casefold', 'expandtabs',
  'ljust', 'rjust', 'center', 'zfill', 'partition', 'rpartition',
]);

/** Carrying methods whose result holds the receiver's values, not the receiver (`d.values()`, `d.items()`). */
export const ELEMENT_METHODS = new Set(['values', 'items']);

/** Methods that read one field by key (`d.get('k')`, `d.pop('k')`): like a subscript. */
export const FIELD_METHODS = new Set(['get', 'pop', 'setdefault']);

/** Methods whose result carries receiver and arguments (`'%s'.format(x)`) or only arguments (`', '.join(items)`). */
export const FORMAT_METHODS = new Set(['format', 'format_map']);
export const JOIN_METHODS = new Set(['join']);

const ELEMENT_TYPES = new Set([
  'list', 'tuple', 'set', 'expression_list', 'parenthesized_expression', 'argument_list', 'list_splat',
  'dictionary_splat', 'await', 'concatenated_string', 'interpolation', 'pattern_list',
]);

/**
 * The sub-expressions whose values an expression's value carries, by syntax alone: operands of
 * `+`, `%` and `/` (pathlib's join: `Path(base) / name`), f-string fields, both sides of
 * `or`/`and` and of `x if c else y`, elements of literals, keyword values and splats. Names, attributes, subscripts, calls and dicts are
 * resolved by the caller (they need definitions, keys or callee names). Empty for a leaf.
 */
export function syntacticCarriers(node: SyntaxNode): SyntaxNode[] {
  switch (node.type) {
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.type;
      return op === '+' || op === '%' || op === '/' ? both(node) : [];
    }
    case 'boolean_operator':
      return both(node);
    case 'conditional_expression': {
      const [a, , b] = node.namedChildren;
      return [a, b].filter((x): x is SyntaxNode => !!x);
    }
    case 'string':
      return node.namedChildren.filter((c) => c.type === 'interpolation');
    case 'keyword_argument':
    case 'named_expression':
    case 'pair': {
      const value = node.childForFieldName('value');
      return value ? [value] : [];
    }
    case 'assignment': {
      const right = node.childForFieldName('right');
      return right ? [right] : [];
    }
    case 'augmented_assignment':
      return both(node);
    case 'list_comprehension':
    case 'set_comprehension':
    case 'generator_expression':
    case 'dictionary_comprehension': {
      const body = node.childForFieldName('body');
      return body ? [body] : [];
    }
    default:
      if (ELEMENT_TYPES.has(node.type)) return node.namedChildren.filter((c) => c.type !== 'comment' && c.type !== 'type_conversion' && c.type !== 'format_specifier');
      return [];
  }
}

function both(node: SyntaxNode): SyntaxNode[] {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  return [left, right].filter((x): x is SyntaxNode => !!x);
}
