import { stringValue } from '../../analysis/string-literal.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { expectStringList, type Predicate } from './predicate.js';

/** Literals a value may sit in, at any depth, and still be part of the labelled value. */
const CONTAINERS = new Set(['dictionary', 'list', 'tuple', 'set', 'parenthesized_expression']);

/** The name an assignment binds: `schema_extra` of `schema_extra = …` or of `self.schema_extra = …`. */
function assignedName(target: SyntaxNode | null): string | null {
  if (target?.type === 'identifier') return target.text;
  if (target?.type === 'attribute') return target.childForFieldName('attribute')?.text ?? null;
  return null;
}

/** `dict(...)`: its keywords are a dictionary's keys. */
function isDictCall(node: SyntaxNode | null): boolean {
  return node?.type === 'call' && node.childForFieldName('function')?.text === 'dict';
}

/**
 * True when `node` is, or sits inside (through dict, list, tuple and set literals and `dict(...)`
 * calls, at any depth), the value of a dict key, a keyword argument or an assigned name that is
 * one of `names`: the `"password": "admin"` of pydantic's
 * `model_config = {"json_schema_extra": {"examples": [{…}]}}` or FastAPI's `Body(example={…})` is
 * example data for the API's documentation. A call other than `dict(...)`, or any other
 * expression, ends the search: `{"examples": client.login({"password": …})}` is not an example.
 */
export function inValueOf(node: SyntaxNode, names: readonly string[]): boolean {
  let current = node;
  for (let parent = current.parent; parent; current = parent, parent = current.parent) {
    if (CONTAINERS.has(parent.type)) continue;
    if (parent.type === 'argument_list' && isDictCall(parent.parent)) {
      parent = parent.parent!;
      continue;
    }
    if (parent.type === 'pair') {
      // The key labels its value; the key itself, like the value, is part of the dict above.
      const key = parent.childForFieldName('key');
      const label = key && key.id !== current.id ? stringValue(key) : null;
      if (label !== null && names.includes(label)) return true;
      continue;
    }
    if (parent.type === 'keyword_argument') {
      if (parent.childForFieldName('value')?.id !== current.id) return false;
      const name = parent.childForFieldName('name')?.text;
      if (name !== undefined && names.includes(name)) return true;
      // A keyword of `dict(...)` is one more key: look on above it.
      if (parent.parent?.type === 'argument_list' && isDictCall(parent.parent.parent)) continue;
      return false;
    }
    if (parent.type === 'assignment') {
      if (parent.childForFieldName('right')?.id !== current.id) return false;
      const name = assignedName(parent.childForFieldName('left'));
      return name !== null && names.includes(name);
    }
    return false;
  }
  return false;
}

/** The capture is (inside) the value of a key, keyword or name among those listed: see inValueOf. */
export const inValueOfPredicate: Predicate = {
  name: 'in-value-of',
  description:
    'The capture is, or sits inside (through dict, list, tuple and set literals and `dict(...)` calls, at any depth), the value of a dict key, a keyword argument or an assigned name that is one of the listed names: with `[example, examples, json_schema_extra]`, the `"password": "admin"` of pydantic\'s `model_config = {"json_schema_extra": {"examples": [{…}]}}` or of FastAPI\'s `Body(example={…})`. Any other call or expression in between ends the search. Use under `not:`.',
  checkArg: expectStringList,
  test: (node, arg) => inValueOf(node, arg as string[]),
};
