import { enclosingNode } from '../../analysis/enclosing-nodes.js';
import { nodesNamed } from '../../analysis/named-nodes.js';
import { closestOfType, unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { rebinds } from './constant-binding.js';
import { isFixedText } from './is-fixed-text.js';
import { spelledAsConstant } from './fills-only-constants.js';
import { keywordValue, positionalValue } from './keyword-argument.js';
import { expectTrue, type Predicate } from './predicate.js';

// oslo.middleware's healthcheck: `def _expand_template(contents, params): jinja2.Template(source=contents)`,
// called only as `_expand_template(self.HTML_RESPONSE_TEMPLATE, params)`: the parameter holds one
// of the code's own constants at every call the file makes.

/** A name or attribute spelled as a constant (`TEMPLATE`, `self.HTML_RESPONSE_TEMPLATE`), or text the code fixes (see isFixedText): a constant string, a local bound once to one (`train_name = 'DecisionTree'` before `super().__init__(train_name)`), a loop's row of a table written out (`shellout(i[-1])`). */
function isConstantArgument(node: SyntaxNode): boolean {
  return spelledAsConstant(node) || isFixedText(node);
}

/** The parameter `name` of `fn`: its 1-based position (counting `self` for a method), or null when `fn` has none by that name, or only as `*args`/`**kwargs`. */
function parameterPosition(fn: SyntaxNode, name: string): number | null {
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p.type !== 'comment') ?? [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    const own = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? (p.type === 'typed_parameter' ? p.namedChildren[0] : null));
    if (own?.type === 'identifier' && own.text === name && !['list_splat_pattern', 'dictionary_splat_pattern'].includes(p.type)) return i + 1;
  }
  return null;
}

/**
 * True when `node` (a name, or a keyword argument passing one) reads a parameter of its function
 * that the function never rebinds, and every call the file makes to that function (`f(...)`, or
 * `self.f(...)`/`cls.f(...)` for a method) gives it a constant: a literal string or an upper-case
 * name or attribute. The function must be called at least once, and never named otherwise (a
 * callback's arguments are not seen).
 */
export function givenOnlyConstants(node: SyntaxNode): boolean {
  return givenOnly(node, isConstantArgument);
}

/**
 * True when `node` (a name, or a keyword argument passing one) reads a parameter of its function
 * that the function never rebinds, and every call the file makes to that function (see
 * givenOnlyConstants) gives it an argument `accepts` takes. At least one call.
 */
export function givenOnly(node: SyntaxNode, accepts: (argument: SyntaxNode) => boolean): boolean {
  const read = node.type === 'keyword_argument' ? node.childForFieldName('value') : node;
  if (read?.type !== 'identifier') return false;
  const fn = enclosingNode(read, ['function_definition']);
  const fnName = fn?.childForFieldName('name')?.text;
  if (!fn || !fnName) return false;
  const position = parameterPosition(fn, read.text);
  const body = fn.childForFieldName('body');
  // Rebound in the function, the parameter is not all it holds.
  if (position === null || !body || rebinds(body, read.text)) return false;
  const isMethod = fn.parent?.parent?.type === 'class_definition';
  // A method's calls skip `self`: `self.f(a)` passes `a` as parameter 2.
  const at = isMethod ? position - 1 : position;
  const root = read.tree.rootNode;
  if (isMethod && fnName === '__init__') return constructedOnlyWith(root, fn, read.text, position, accepts);
  let calls = 0;
  for (const mention of nodesNamed(read.tree, isMethod ? 'attribute' : 'identifier', fnName)) {
    const named = !isMethod || ['self', 'cls'].includes(mention.childForFieldName('object')?.text ?? '');
    if (!named || mention.parent?.id === fn.id) continue;
    const call = mention.parent;
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== mention.id) return false;
    const given = keywordValue(call, read.text) ?? (at >= 1 ? positionalValue(call, at) : null);
    if (!given || !accepts(given)) return false;
    calls++;
  }
  return calls > 0;
}

/**
 * For a parameter of `__init__`: every call the file makes to the class (`Cls(...)`), and every
 * `super().__init__(...)` / `super(Sub, self).__init__(...)` / `Cls.__init__(self, ...)` of a
 * class of the file deriving from it by name, gives the parameter what `accepts` takes (a constant:
 * meteos' model controllers pass `eval` a class name each subclass fixes). At least one such call; the class
 * named otherwise (handed on, subclassed in a way not seen) does not count.
 */
function constructedOnlyWith(root: SyntaxNode, init: SyntaxNode, name: string, position: number, accepts: (argument: SyntaxNode) => boolean): boolean {
  const cls = init.parent!.parent!;
  const className = cls.childForFieldName('name')?.text;
  if (!className) return false;
  let calls = 0;
  const given = (call: SyntaxNode, at: number) => {
    const value = keywordValue(call, name) ?? positionalValue(call, at);
    return value !== null && accepts(value);
  };
  for (const mention of nodesNamed(root.tree, 'identifier', className)) {
    if (mention.id === cls.childForFieldName('name')?.id) continue;
    const parent = mention.parent;
    // `class Sub(Cls):` derives from it: its own super().__init__ calls are read below.
    if (parent?.type === 'argument_list' && parent.parent?.type === 'class_definition') continue;
    if (parent?.type === 'call' && parent.childForFieldName('function')?.id === mention.id) {
      if (!given(parent, position - 1)) return false;
      calls++;
      continue;
    }
    // `Cls.__init__(self, ...)`: the receiver is passed by hand.
    const call = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.text === '__init__' ? parent.parent : null;
    if (call?.type === 'call' && call.childForFieldName('function')?.id === parent!.id) {
      if (!given(call, position)) return false;
      calls++;
      continue;
    }
    // `super(Cls, self)` in the class itself, or any other mention (a factory table, a callback).
    if (parent?.type === 'argument_list' && parent.parent?.childForFieldName('function')?.text === 'super') continue;
    return false;
  }
  for (const sub of root.descendantsOfType('class_definition')) {
    const bases = sub.childForFieldName('superclasses')?.namedChildren ?? [];
    if (!bases.some((b) => b.type === 'identifier' && b.text === className)) continue;
    for (const call of sub.descendantsOfType('call')) {
      const fn = call.childForFieldName('function');
      if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== '__init__') continue;
      const object = fn.childForFieldName('object');
      if (object?.type !== 'call' || object.childForFieldName('function')?.text !== 'super') continue;
      if (closestOfType(call, ['class_definition'])?.id !== sub.id) continue;
      if (!given(call, position - 1)) return false;
      calls++;
    }
  }
  return calls > 0;
}

/** The captured name reads a parameter that every call in the file gives a constant: see givenOnlyConstants. */
export const givenOnlyConstantsPredicate: Predicate = {
  name: 'given-only-constants',
  description:
    'The captured name (or a keyword argument passing one) reads a parameter of its function that the function never rebinds and that every call in the file — `f(...)`, or `self.f(...)` for a method — gives a constant: an upper-case name or attribute (`_expand_template(self.HTML_RESPONSE_TEMPLATE, params)`) or text the code fixes, as `is-fixed-text` judges (a literal string, a local bound once to one, a loop\'s row of a table written out: `shellout(i[-1])`). For `__init__`, the calls are those of the class and its subclasses\' `super().__init__(...)` in the file. At least one call; a function also named without being called (a callback) does not count. Use under `not:`.',
  checkArg: expectTrue,
  test: (node) => givenOnlyConstants(node),
};
