import type { ImportMap } from '../../analysis/import-map.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { catchesBroadly } from './catches-broadly.js';
import { expectTrue, type Predicate } from './predicate.js';

/** Calls that render their argument's text: `str(e)`, `repr(e)`, `six.text_type(e)`. */
const TO_TEXT = new Set(['str', 'repr', 'unicode', 'six.text_type', 'six.u', 'format']);

/** Calls that render the exception being handled, with its stack. */
const TRACEBACK = new Set(['traceback.format_exc', 'traceback.format_exception', 'traceback.format_tb', 'traceback.format_stack']);

/** Where a function, class or lambda starts, a name no longer refers to an outer `except` binding. */
const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/**
 * The `except` clause that binds `name` (`except Exception as name:`) around `node`, within the
 * same function, or null.
 */
function bindingExceptClause(node: SyntaxNode, name: string): SyntaxNode | null {
  for (let n = node.parent; n && !SCOPES.has(n.type); n = n.parent) {
    if (n.type !== 'except_clause') continue;
    const pattern = n.namedChildren.find((c) => c.type === 'as_pattern');
    const alias = pattern?.childForFieldName('alias');
    if (alias?.text === name) return n;
  }
  return null;
}

/** True when `node` is a bare name bound by an enclosing broad `except … as name:`. */
function isBroadlyCaught(node: SyntaxNode, imports: ImportMap): boolean {
  const n = unwrapParens(node);
  if (n.type !== 'identifier') return false;
  const clause = bindingExceptClause(n, n.text);
  return clause !== null && catchesBroadly(clause, imports);
}

/**
 * True when `node` renders the internals of the exception being handled: a `traceback.format_*`
 * call, or the text of an exception caught by `except Exception as e:` — `str(e)`, `repr(e)`,
 * `six.text_type(e)`, `f"{e}"`, `"…" % e`, `"…".format(e)`, `e.args`. Narrow catches are left alone: OpenStack's
 * own exceptions (`except exception.InvalidInput as e`) carry messages written for users.
 */
export function revealsException(node: SyntaxNode, imports: ImportMap): boolean {
  switch (node.type) {
    case 'call': {
      const fn = node.childForFieldName('function');
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      // `"failed: {}".format(e)`
      if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' && fn.childForFieldName('object')?.type === 'string') {
        return args.some((a) => isBroadlyCaught(a, imports));
      }
      const name = fn ? imports.qualifiedName(fn) : null;
      if (name === null) return false;
      if (TRACEBACK.has(name)) return true;
      return TO_TEXT.has(name) && args.length === 1 && isBroadlyCaught(args[0]!, imports);
    }
    case 'string':
      return node.namedChildren.some((c) => {
        const expression = c.type === 'interpolation' ? c.childForFieldName('expression') : null;
        return expression !== null && isBroadlyCaught(expression, imports);
      });
    case 'binary_operator': {
      if (node.childForFieldName('operator')?.type !== '%') return false;
      const right = node.childForFieldName('right');
      if (!right) return false;
      const values = unwrapParens(right).type === 'tuple' ? unwrapParens(right).namedChildren : [right];
      return values.some((v) => isBroadlyCaught(v, imports));
    }
    case 'attribute': {
      const attr = node.childForFieldName('attribute')?.text;
      const object = node.childForFieldName('object');
      return (attr === 'args' || attr === 'message') && object !== null && isBroadlyCaught(object, imports);
    }
    default:
      return false;
  }
}

/** The capture renders a broadly caught exception (`str(e)` under `except Exception as e`) or a traceback. */
export const revealsExceptionPredicate: Predicate = {
  name: 'reveals-exception',
  description:
    'The captured expression renders the internals of the exception being handled: `traceback.format_exc()` (and `format_exception`, `format_tb`), or `str(e)`, `repr(e)`, `six.text_type(e)`, `f"{e}"`, `"%s" % e`, `"{}".format(e)`, `e.args` where `e` is bound by an enclosing `except Exception as e:` (or `BaseException`) in the same function.',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => revealsException(node, ctx.imports),
};
