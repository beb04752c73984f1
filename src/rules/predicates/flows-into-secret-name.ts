import type { SyntaxNode } from '../../analysis/syntax.js';
import { checkSecretNameArg, isSecretNameFor, nameOf } from './is-secret-name.js';
import type { Predicate } from './predicate.js';

/** Expressions a value passes through unchanged in kind: wrapping calls, formatting, joins, containers. */
const CARRIERS = new Set([
  'argument_list', 'call', 'binary_operator', 'generator_expression', 'list_comprehension', 'parenthesized_expression',
  'conditional_expression', 'list', 'tuple', 'interpolation', 'string', 'concatenated_string',
]);

/**
 * The name the captured value ends up under: the target of an assignment (a name, an attribute, or
 * a subscript by a string key), a keyword argument, a dict key, or the function a `return` leaves;
 * climbing through wrapping calls and formatting.
 */
export function destinationName(value: SyntaxNode): { name: string; label: string } | null {
  let node = value;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (CARRIERS.has(parent.type)) continue;
    switch (parent.type) {
      case 'assignment': {
        const left = parent.childForFieldName('left');
        if (!left || parent.childForFieldName('right')?.id !== node.id) return null;
        // `token_dict['verifier'] = …` stores it under the key, as a dict literal's pair would.
        const key = left.type === 'subscript' ? left.childForFieldName('subscript') : null;
        const name = key?.type === 'string' ? nameOf(key) : nameOf(left);
        return name ? { name, label: left.text } : null;
      }
      case 'keyword_argument':
      case 'pair': {
        const key = parent.childForFieldName(parent.type === 'pair' ? 'key' : 'name');
        const name = key ? nameOf(key) : null;
        return name && key ? { name, label: key.text } : null;
      }
      case 'return_statement': {
        for (let f = parent.parent; f; f = f.parent) {
          if (f.type === 'function_definition') {
            const fn = f.childForFieldName('name');
            return fn ? { name: fn.text, label: `${fn.text}()` } : null;
          }
          if (f.type === 'lambda' || f.type === 'class_definition') return null;
        }
        return null;
      }
      default:
        return null;
    }
  }
  return null;
}

/** The captured value is stored under, passed as, or returned from a secret-named name; binds `{target}`. */
export const flowsIntoSecretName: Predicate = {
  name: 'flows-into-secret-name',
  description:
    'The captured value (possibly wrapped in calls, formatting or a join) is assigned to, passed as a keyword, stored under a dict key (in a literal or by `d["key"] = …`), or returned from a function whose name is a secret name (`token`, `admin_password`, `api_key`…), or ends with a word listed in `{ also: [salt, session_id] }`; binds `{target}`.',
  binds: ['target'],
  checkArg: checkSecretNameArg,
  test(node, arg) {
    const destination = destinationName(node);
    return destination !== null && isSecretNameFor(destination.name, arg) ? { target: destination.label } : false;
  },
};
