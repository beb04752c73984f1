import type { ImportMap } from '../../analysis/import-map.js';
import type { Definition } from '../../analysis/flow/definition.js';
import { ScopeDefinitions } from '../../analysis/flow/scope-definitions.js';
import { idOf } from '../../analysis/flow/node-fields.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';

const SCOPES = new Set(['function_definition', 'lambda']);
/** Names copied from one to another (`h = mac`) are followed this far. */
const MAX_HOPS = 4;

/** Per file (its ImportMap), the reaching definitions of one name in one scope, by `scope id:name`. */
const scopesByFile = new WeakMap<ImportMap, Map<string, ScopeDefinitions>>();

function definitionsOf(scope: SyntaxNode, name: string, imports: ImportMap): ScopeDefinitions {
  let scopes = scopesByFile.get(imports);
  if (!scopes) scopesByFile.set(imports, (scopes = new Map()));
  const key = `${idOf(scope)}:${name}`;
  let found = scopes.get(key);
  // Walked for this one name only: what the predicate asks is rare (a digest read off a name).
  if (!found) scopes.set(key, (found = new ScopeDefinitions(scope, name)));
  return found;
}

/** The innermost function or lambda holding `node`, else the module. */
function scopeOf(node: SyntaxNode): SyntaxNode {
  let n = node.parent;
  while (n && !SCOPES.has(n.type)) {
    if (!n.parent) return n;
    n = n.parent;
  }
  return n ?? node;
}

function isCallTo(value: SyntaxNode | null, names: string[], imports: ImportMap): boolean {
  const n = value && unwrapParens(value);
  if (n?.type !== 'call') return false;
  const callee = n.childForFieldName('function');
  const name = callee ? imports.qualifiedName(callee) : null;
  return name !== null && matchesNamePattern(name, names);
}

/**
 * The definitions a name may have where `identifier` reads it, and the scope (a function, a
 * lambda or the module) that holds them: its reaching definitions in the enclosing function (or
 * module); every definition of it there for a read the walk does not visit (a decorator); or,
 * when that scope never defines it (a closure's or a global's read), every definition of it in
 * the nearest enclosing scope that does, innermost first. Null when no scope defines it.
 * Additions (`d[k] = v`, `obj.k = v`, `l.append(x)`) are left out, as they keep what the name
 * held, unless `withAdditions` asks for them (a question about everything the value holds).
 */
export function visibleDefinitions(identifier: SyntaxNode, imports: ImportMap, withAdditions = false): { scope: SyntaxNode; definitions: Definition[] } | null {
  const name = identifier.text;
  const kept = (defs: readonly Definition[]) => (withAdditions ? [...defs] : defs.filter((d) => !d.adds));
  let scope = scopeOf(identifier);
  const local = definitionsOf(scope, name, imports);
  const reaching = local.reaching(identifier);
  if (reaching && reaching.length > 0) return { scope, definitions: kept(reaching) };
  const all = local.all.get(name);
  // A read the walk does not visit (a decorator, `@users_bp.get(...)`; a class body) may see any
  // of the scope's definitions; a read that it visits and no definition reaches sees none.
  if (all) return { scope, definitions: reaching ? [] : kept(all) };
  while (scope.parent) {
    scope = scopeOf(scope);
    const all = definitionsOf(scope, name, imports).all.get(name);
    if (all) return { scope, definitions: kept(all) };
  }
  return null;
}

/**
 * The values a name may hold where `identifier` reads it: the values of its visible definitions
 * (see visibleDefinitions). A parameter's value, or a `def`'s or a `class`'s, is null (unknown).
 */
export function valuesOf(identifier: SyntaxNode, imports: ImportMap): (SyntaxNode | null)[] {
  return visibleDefinitions(identifier, imports)?.definitions.map((d) => d.value) ?? [];
}

/**
 * True when the captured name, where it is read, may hold the result of a call to one of `names`
 * (resolved through imports): one of its reaching definitions assigns such a call
 * (`mac = hmac.new(key, msg, sha256)` … `mac.update(x)` … `mac.hexdigest()`), directly or
 * through names copied from one another. Additions (`mac.update(x)`, `d[k] = v`) keep what the
 * name held.
 */
export function boundToCall(identifier: SyntaxNode, names: string[], imports: ImportMap): boolean {
  let frontier: SyntaxNode[] = [unwrapParens(identifier)];
  const seen = new Set<number>();
  for (let hop = 0; hop <= MAX_HOPS && frontier.length > 0; hop++) {
    const next: SyntaxNode[] = [];
    for (const name of frontier) {
      if (name.type !== 'identifier' || seen.has(idOf(name))) continue;
      seen.add(idOf(name));
      for (const value of valuesOf(name, imports)) {
        if (isCallTo(value, names, imports)) return true;
        const copied = value && unwrapParens(value);
        if (copied?.type === 'identifier') next.push(copied);
      }
    }
    frontier = next;
  }
  return false;
}

/** The capture is a name whose value, where it is read, may come from a call to one of the listed names. */
export const boundToCallPredicate: Predicate = {
  name: 'bound-to-call',
  description:
    'The captured name, where it is read, may hold the result of a call to one of the listed dotted names (resolved through imports; a trailing `*` matches a prefix): one of its reaching definitions in the enclosing function or module assigns that call (`mac = hmac.new(...)` … `mac.update(x)` … `mac.hexdigest()`), directly or through a copy (`h = mac`). A name the scope never assigns is looked up in the enclosing scopes.',
  checkArg: expectStringList,
  // No condition: the call it looks for is outside the captured node.
  test: (node, arg, ctx) => node.type === 'identifier' && boundToCall(node, arg as string[], ctx.imports),
};
