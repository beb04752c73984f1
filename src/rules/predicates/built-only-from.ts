import type { ImportMap } from '../../analysis/import-map.js';
import { idOf } from '../../analysis/flow/node-fields.js';
import { returnValues } from '../../analysis/flow/return-values.js';
import { unwrapParens, writtenName, type SyntaxNode } from '../../analysis/syntax.js';
import { visibleDefinitions } from './bound-to-call.js';
import { isConstantValue } from './is-constant-value.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';
import { moduleDefinition } from './receives-own-method.js';

/** Nodes looked at per question: past this many the value is not known to be built only from the calls. */
const MAX_NODES = 400;
/** Same-file helpers entered this deep (`links = [link_for(n) for n in nets]`, link_for's returns). */
const MAX_HELPER_DEPTH = 1;

const ELEMENTS = new Set(['list', 'tuple', 'set', 'expression_list', 'concatenated_string']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'generator_expression']);
/**
 * Calls that give back their argument's text, translated or not: `_("Replica of %s")` is the
 * project's own message in the reader's language (its catalogue ships with the code), `str(x)` is
 * x. Built when what they are given is; `_(instance.name)` is not.
 */
const PASS_THROUGH = new Set(['_', 'gettext', 'gettext_lazy', 'ugettext', 'ugettext_lazy', 'pgettext', 'pgettext_lazy', 'ngettext', 'ngettext_lazy', 'ungettext', 'ungettext_lazy', 'npgettext', 'npgettext_lazy', 'str']);

/**
 * Whether a value is made only of constants and the results of calls to `names`, on every path:
 * a must-question, so anything not understood (a parameter, an attribute, a subscript, any other
 * call) answers no. A name read again while its own value is being judged (`html += escape(x)` in
 * a loop) adds nothing new: the other values it may hold decide.
 */
class BuiltOnlyFrom {
  private visited = 0;
  /** Names (by the identifier read) being judged, or judged. */
  private readonly names = new Set<number>();

  constructor(
    private readonly patterns: readonly string[],
    private readonly imports: ImportMap,
  ) {}

  built(node: SyntaxNode, helperDepth: number): boolean {
    if (++this.visited > MAX_NODES) return false;
    const n = unwrapParens(node);
    if (isConstantValue(n)) return true;
    switch (n.type) {
      case 'identifier':
        return this.name(n, helperDepth);
      case 'call':
        return this.call(n, helperDepth);
      case 'string':
        // An f-string: each field's value goes into the text.
        return n.namedChildren.every((c) => c.type !== 'interpolation' || this.interpolation(c, helperDepth));
      case 'binary_operator': {
        const op = n.childForFieldName('operator')?.type;
        // `+` joins the texts, `%` fills the right side's values into the left's.
        return (op === '+' || op === '%') && this.all([n.childForFieldName('left'), n.childForFieldName('right')], helperDepth);
      }
      case 'augmented_assignment':
        // `html += piece`: the value before and the piece.
        return n.childForFieldName('operator')?.type === '+=' && this.all([n.childForFieldName('left'), n.childForFieldName('right')], helperDepth);
      case 'boolean_operator':
        return this.all([n.childForFieldName('left'), n.childForFieldName('right')], helperDepth);
      case 'conditional_expression': {
        const [consequence, , alternative] = n.namedChildren.filter((c) => c.type !== 'comment');
        return this.all([consequence ?? null, alternative ?? null], helperDepth);
      }
      case 'list_splat':
        return this.all([n.namedChildren[0] ?? null], helperDepth);
      case 'dictionary':
        // `'%(a)s' % {'a': x}` fills in the values; `'%s' % d` writes the keys too.
        return n.namedChildren.every((c) => c.type === 'comment' || (c.type === 'pair' && this.all([c.childForFieldName('key'), c.childForFieldName('value')], helperDepth)));
      case 'argument_list':
        // What `parts.append(x)` / `parts.extend(xs)` adds to a list.
        return n.namedChildren.every((c) => c.type === 'comment' || this.built(c.type === 'keyword_argument' ? c.childForFieldName('value') ?? c : c, helperDepth));
      default:
        // A list's or tuple's elements (what a loop over it, or `', '.join` of it, gives), a comprehension's body.
        if (ELEMENTS.has(n.type)) return n.namedChildren.every((c) => c.type === 'comment' || this.built(c, helperDepth));
        if (COMPREHENSIONS.has(n.type)) return this.all([n.childForFieldName('body')], helperDepth);
        return false;
    }
  }

  private all(nodes: readonly (SyntaxNode | null)[], helperDepth: number): boolean {
    return nodes.length > 0 && nodes.every((x) => x !== null && this.built(x, helperDepth));
  }

  /** `{x!r:>10}`: the expression; a conversion or format spec only reshapes it. */
  private interpolation(field: SyntaxNode, helperDepth: number): boolean {
    const expression = field.childForFieldName('expression') ?? field.namedChildren[0] ?? null;
    return this.all([expression], helperDepth);
  }

  /**
   * Every value the name may hold where it is read, additions (`parts.append(x)`, `d[k] = v`)
   * included; a parameter (what a caller passes) or a binding with no known value (`except … as
   * e`, a `def`) answers no, as does a name no scope of the file defines or one only added to.
   */
  private name(identifier: SyntaxNode, helperDepth: number): boolean {
    const key = idOf(identifier);
    if (this.names.has(key)) return true;
    this.names.add(key);
    const visible = visibleDefinitions(identifier, this.imports, true);
    // Only additions (`ROWS.append(x)` in a function, ROWS bound elsewhere): what they add to is not known.
    if (!visible || visible.definitions.every((d) => d.adds)) return false;
    return visible.definitions.every((d) => !d.parameter && d.value !== null && this.built(d.value, helperDepth));
  }

  private call(call: SyntaxNode, helperDepth: number): boolean {
    const fn = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    if (!fn) return false;
    const name = this.imports.qualifiedName(fn);
    if (name !== null && matchesNamePattern(name, this.patterns)) return true;
    const last = writtenName(fn);
    if (last !== null && PASS_THROUGH.has(last) && args) return this.built(args, helperDepth);
    if (fn.type === 'attribute') {
      const receiver = fn.childForFieldName('object');
      const method = fn.childForFieldName('attribute')?.text;
      // `sep.join(items)`: the separator and each item; `template.format(a, k=b)`: the template and each value.
      if ((method === 'join' || method === 'format') && receiver && args) return this.built(receiver, helperDepth) && this.built(args, helperDepth);
      if (receiver?.type === 'identifier' && receiver.text === 'self' && method) return this.helper(enclosingMethod(call, method), helperDepth);
      return false;
    }
    // A same-file function (not an imported name): what each of its `return`s gives.
    if (fn.type === 'identifier' && this.imports.bindingOf(fn.text) === undefined) return this.helper(moduleDefinition(call, 'function_definition', fn.text), helperDepth);
    return false;
  }

  /** A helper whose every `return` gives a value built only from the calls (its parameters, as ever, answer no); one level deep. */
  private helper(fn: SyntaxNode | null, helperDepth: number): boolean {
    if (!fn || helperDepth >= MAX_HELPER_DEPTH) return false;
    const values = returnValues(fn);
    return values.length > 0 && values.every((v) => this.built(v, helperDepth + 1));
  }
}

/** The method `name` of the class whose method holds `node` (decorated or not), or null. */
function enclosingMethod(node: SyntaxNode, name: string): SyntaxNode | null {
  let cls: SyntaxNode | null = node.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  for (let s of cls?.childForFieldName('body')?.namedChildren ?? []) {
    if (s.type === 'decorated_definition') s = s.childForFieldName('definition') ?? s;
    if (s.type === 'function_definition' && s.childForFieldName('name')?.text === name) return s;
  }
  return null;
}

/** True when `node`'s value is made only of constants and results of calls to `names` (see BuiltOnlyFrom). */
export function builtOnlyFrom(node: SyntaxNode, names: readonly string[], imports: ImportMap): boolean {
  return new BuiltOnlyFrom(names, imports).built(node, 0);
}

/** The capture is made only of constants and the results of calls to the listed names, however it was put together. */
export const builtOnlyFromPredicate: Predicate = {
  name: 'built-only-from',
  description:
    'The captured expression is made only of constants and the results of calls to the listed dotted names (resolved through imports; a trailing `*` matches a prefix), on every path: followed through local names (every reaching definition, additions such as `parts.append(x)` and `html += x` included), string building (`%`, `.format()`, f-strings, `+`, `sep.join(...)`), list, tuple and set displays and comprehensions (their elements), `x if c else y`, `a or b`, the `return`s of a same-file function or `self.` method (one level), and a translation or `str()` of a built value (`_("Replica of %s") % link`). A parameter, an attribute, a subscript or any other call makes it false: `mark_safe(", ".join(links))` with `links = [link_for(n) for n in nets]` and `link_for` returning `"<a href={}>{}</a>".format(reverse(...), escape(n.name))`.',
  checkArg: expectStringList,
  // No condition: the calls it looks for may be far from the captured node.
  test: (node, arg, ctx) => builtOnlyFrom(node, arg as string[], ctx.imports),
};
