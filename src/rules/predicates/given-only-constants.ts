import { isConstantString } from '../../analysis/string-literal.js';
import { closestOfType, unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { rebinds } from './constant-binding.js';
import { spelledAsConstant } from './fills-only-constants.js';
import { keywordValue, positionalValue } from './keyword-argument.js';
import { expectTrue, type Predicate } from './predicate.js';

// oslo.middleware's healthcheck: `def _expand_template(contents, params): jinja2.Template(source=contents)`,
// called only as `_expand_template(self.HTML_RESPONSE_TEMPLATE, params)`: the parameter holds one
// of the code's own constants at every call the file makes.

/** A constant string, or a name or attribute spelled as a constant (`TEMPLATE`, `self.HTML_RESPONSE_TEMPLATE`). */
function isConstantArgument(node: SyntaxNode): boolean {
  return isConstantString(unwrapParens(node)) || spelledAsConstant(node);
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
  const read = node.type === 'keyword_argument' ? node.childForFieldName('value') : node;
  if (read?.type !== 'identifier') return false;
  const fn = closestOfType(read, ['function_definition']);
  const fnName = fn?.childForFieldName('name')?.text;
  if (!fn || !fnName) return false;
  const position = parameterPosition(fn, read.text);
  const body = fn.childForFieldName('body');
  // Rebound in the function, the parameter is not all it holds.
  if (position === null || !body || rebinds(body, read.text)) return false;
  const isMethod = fn.parent?.parent?.type === 'class_definition';
  // A method's calls skip `self`: `self.f(a)` passes `a` as parameter 2.
  const at = isMethod ? position - 1 : position;
  let root: SyntaxNode = fn;
  while (root.parent) root = root.parent;
  let calls = 0;
  for (const mention of root.descendantsOfType(isMethod ? 'attribute' : 'identifier')) {
    const named = isMethod ? mention.childForFieldName('attribute')?.text === fnName && ['self', 'cls'].includes(mention.childForFieldName('object')?.text ?? '') : mention.text === fnName;
    if (!named || mention.parent?.id === fn.id) continue;
    const call = mention.parent;
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== mention.id) return false;
    const given = keywordValue(call, read.text) ?? (at >= 1 ? positionalValue(call, at) : null);
    if (!given || !isConstantArgument(given)) return false;
    calls++;
  }
  return calls > 0;
}

/** The captured name reads a parameter that every call in the file gives a constant: see givenOnlyConstants. */
export const givenOnlyConstantsPredicate: Predicate = {
  name: 'given-only-constants',
  description:
    'The captured name (or a keyword argument passing one) reads a parameter of its function that the function never rebinds and that every call in the file — `f(...)`, or `self.f(...)` for a method — gives a constant: a literal string or an upper-case name or attribute (`_expand_template(self.HTML_RESPONSE_TEMPLATE, params)`). At least one call; a function also named without being called (a callback) does not count. Use under `not:`.',
  checkArg: expectTrue,
  test: (node) => givenOnlyConstants(node),
};
