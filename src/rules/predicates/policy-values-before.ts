import { enclosingNode } from '../../analysis/enclosing-nodes.js';
import { unwrapParens, walkDescendants, type SyntaxNode } from '../../analysis/syntax.js';
import { statementsBefore } from './statements-before.js';

// oslo.policy's credentials: `credentials = context.to_policy_values()` holds roles, ids and scope,
// never the token. tacker, nova and cinder log them when a policy check fails.

/** What an assignment does to `name`: binds policy values, passes the name through a call, rebinds it to something else, or leaves it. */
type Effect = 'policy' | 'through' | 'other' | 'none';

function targetsName(left: SyntaxNode, name: string): boolean {
  const target = unwrapParens(left);
  if (target.type === 'identifier') return target.text === name;
  if (target.type === 'pattern_list' || target.type === 'tuple_pattern') return target.namedChildren.some((c) => targetsName(c, name));
  return false;
}

function effectOf(assignment: SyntaxNode, name: string): Effect {
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right');
  if (!left || !right || !targetsName(left, name)) return 'none';
  const value = unwrapParens(right);
  if (value.type !== 'call') return 'other';
  const callee = value.childForFieldName('function');
  if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'to_policy_values') return 'policy';
  // `target, credentials = _pre_enhanced_policy_check(target, credentials)`: a helper handed them back.
  const args = value.childForFieldName('arguments')?.namedChildren ?? [];
  return args.some((a) => a.type === 'identifier' && a.text === name) ? 'through' : 'other';
}

/** The effects on `name` of the assignments in `statement`, its nested blocks included (not nested functions). */
function effectsIn(statement: SyntaxNode, name: string): Effect[] {
  const effects: Effect[] = [];
  walkDescendants(statement, (n) => {
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') return false;
    if (n.type === 'assignment') effects.push(effectOf(n, name));
    return true;
  });
  return effects.filter((e) => e !== 'none');
}

/**
 * True when the dict `identifier` names was last bound, on every path before this read, to
 * `<context>.to_policy_values()`, possibly handed through same-named helpers since
 * (`target, credentials = check(target, credentials)`); any other rebinding before it, even in a
 * branch, makes it false.
 */
export function policyValuesBefore(identifier: SyntaxNode): boolean {
  if (identifier.type !== 'identifier') return false;
  const name = identifier.text;
  if (isPolicyContext(identifier)) return true;
  for (const statement of statementsBefore(identifier)) {
    const effects = effectsIn(statement, name);
    if (effects.includes('other')) return false;
    // A direct statement binding the policy values runs on every path; one inside a branch may not.
    if (statement.type === 'expression_statement' && effects.includes('policy')) return true;
  }
  return false;
}

/**
 * True for a parameter its function never rebinds and hands oslo.policy as a context, reading the
 * policy values from it (`authorize(action, target, credentials.to_policy_view())`: armada's and
 * deckhand's `credentials` is the request context, whose policy view holds ids and roles).
 */
function isPolicyContext(identifier: SyntaxNode): boolean {
  const fn = enclosingNode(identifier, ['function_definition']);
  const parameters = fn?.childForFieldName('parameters');
  const body = fn?.childForFieldName('body');
  if (!parameters || !body) return false;
  const name = identifier.text;
  if (!parameters.namedChildren.some((p) => (p.type === 'identifier' ? p : p.childForFieldName('name'))?.text === name)) return false;
  if (!new RegExp(`\\b${name}\\s*\\.\\s*to_policy_(?:values|view)\\s*\\(`).test(body.text)) return false;
  return !effectsIn(body, name).some((e) => e !== 'none');
}
