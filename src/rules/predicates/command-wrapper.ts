import type { ImportMap } from '../../analysis/import-map.js';
import { ScopeDefinitions } from '../../analysis/flow/scope-definitions.js';
import { idOf } from '../../analysis/flow/node-fields.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import type { Predicate } from './predicate.js';
import { matchesNamePattern } from './name-pattern.js';

/**
 * What makes a function a command wrapper: `runners`, the calls that run a command (dotted names
 * resolved through imports, or as written: `subprocess.Popen`, `self._execute`; a trailing `*`
 * matches a prefix, a leading `*.` any package or object above: `*.exec_command`, `*.utils.execute`); `parameters`,
 * the names a parameter holding a command goes by (`cmd`, `args`…).
 */
export interface CommandWrapperArg {
  runners: string[];
  parameters: string[];
}

const FUNCTION = 'function_definition';
/** Keywords of a runner call that take the command itself (`Popen(args=cmd)`); the others (`process_input=`, `env=`) do not. */
const COMMAND_KEYWORDS = new Set(['args', 'cmd', 'command', 'cmdline']);

/**
 * Per file (its ImportMap), per argument (the rule's object: one per rule), the command
 * parameters each function runs, by function id: every sink of a file asks of its function.
 */
const runByFile = new WeakMap<ImportMap, WeakMap<CommandWrapperArg, Map<number, ReadonlySet<string>>>>();
/** Per file: one name's reaching definitions in one function, by `function id:name`. */
const scopesByFile = new WeakMap<ImportMap, Map<string, ScopeDefinitions>>();
const NONE: ReadonlySet<string> = new Set();
/** Per argument: a call of one of the runners' last names (`execute(`, `exec_command (`, `execv(`), which a wrapper's body must write. */
const callTextOf = new WeakMap<CommandWrapperArg, RegExp>();

function callText(arg: CommandWrapperArg): RegExp {
  let re = callTextOf.get(arg);
  if (!re) {
    const names = arg.runners.map((r) => {
      const last = r.replace(/^\*/, '').split('.').pop()!;
      const open = last.endsWith('*');
      const word = last.replace(/\*$/, '').replace(/[^\w]/g, '');
      return open ? `${word}\\w*` : word;
    });
    re = new RegExp(`(?<![\\w])(?:${[...new Set(names)].filter(Boolean).join('|')})\\s*\\(`);
    callTextOf.set(arg, re);
  }
  return re;
}

/** Per file: the innermost function holding a node, by the node's id (sinks of one block share their ancestors). */
const functionsByFile = new WeakMap<ImportMap, Map<number, SyntaxNode | null>>();

/** The innermost function holding `node` (its own name and parameters count as inside it). */
function functionOf(node: SyntaxNode, imports: ImportMap): SyntaxNode | null {
  let known = functionsByFile.get(imports);
  if (!known) functionsByFile.set(imports, (known = new Map()));
  const walked: number[] = [];
  let found: SyntaxNode | null | undefined;
  for (let n = node.parent; ; n = n.parent) {
    if (!n) {
      found = null;
      break;
    }
    const id = idOf(n);
    found = known.get(id);
    if (found !== undefined) break;
    if (n.type === FUNCTION) {
      found = n;
      break;
    }
    walked.push(id);
  }
  for (const id of walked) known.set(id, found);
  return found;
}

/** Per argument: the parameter names as one regex of whole words, to skip a parameter list holding none. */
const namesTextOf = new WeakMap<readonly string[], RegExp>();

/** The function's parameters whose names are among `names`: plain, defaulted, typed or `*cmd`. */
function commandParameters(fn: SyntaxNode, names: readonly string[]): Set<string> {
  const found = new Set<string>();
  const parameters = fn.childForFieldName('parameters');
  let re = namesTextOf.get(names);
  if (!re) namesTextOf.set(names, (re = new RegExp(`(?<![\\w])(?:${names.join('|')})(?![\\w])`)));
  if (!parameters || !re.test(parameters.text)) return found;
  for (const p of parameters.namedChildren) {
    let name: SyntaxNode | null | undefined = null;
    if (p.type === 'identifier') name = p;
    else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') name = p.childForFieldName('name');
    else if (p.type === 'typed_parameter' || p.type === 'list_splat_pattern') name = p.namedChildren.find((c) => c.type === 'identifier');
    if (name?.type === 'identifier' && names.includes(name.text)) found.add(name.text);
  }
  return found;
}

/** The names read in an expression (not attribute fields, not keyword names). */
function namesIn(node: SyntaxNode): string[] {
  const out: string[] = [];
  const visit = (n: SyntaxNode) => {
    if (n.type === 'identifier') {
      out.push(n.text);
      return;
    }
    if (n.type === 'attribute') {
      const object = n.childForFieldName('object');
      if (object) visit(object);
      return;
    }
    if (n.type === 'lambda' || n.type === FUNCTION) return;
    for (const c of n.namedChildren) {
      if (n.type === 'keyword_argument' && c === n.childForFieldName('name')) continue;
      visit(c);
    }
  };
  visit(node);
  return out;
}

/**
 * The command parameters `fn` runs: a parameter named as a command (`cmd`, `*args`) that a call
 * to a runner receives as its command — positionally, splatted or as `args=`/`cmd=` — directly
 * (`Popen(cmd)`, `execute(*cmd)`, `execute(*(prefix + cmd))`) or through one local name assigned
 * from it (`command = ' '.join(cmd)` … `ssh_execute(ssh, command)`). Nested functions are not
 * searched: they run their own parameters.
 */
export function runParameters(fn: SyntaxNode, arg: CommandWrapperArg, imports: ImportMap): ReadonlySet<string> {
  let byArg = runByFile.get(imports);
  if (!byArg) runByFile.set(imports, (byArg = new WeakMap()));
  let byFn = byArg.get(arg);
  if (!byFn) byArg.set(arg, (byFn = new Map()));
  const key = idOf(fn);
  let run = byFn.get(key);
  if (!run) byFn.set(key, (run = findRunParameters(fn, arg, imports)));
  return run;
}

function findRunParameters(fn: SyntaxNode, arg: CommandWrapperArg, imports: ImportMap): ReadonlySet<string> {
  const params = commandParameters(fn, arg.parameters);
  if (params.size === 0) return NONE;
  const body = fn.childForFieldName('body');
  if (!body) return NONE;
  // A body that calls no runner by its last name runs none (the common case: no walk).
  if (!callText(arg).test(body.text)) return NONE;
  const calls: SyntaxNode[] = [];
  const assigned = new Map<string, SyntaxNode[]>();
  const visit = (n: SyntaxNode) => {
    if (n.type === FUNCTION || n.type === 'lambda' || n.type === 'class_definition') return;
    if (n.type === 'call') {
      const callee = n.childForFieldName('function');
      const name = callee ? imports.qualifiedName(callee) : null;
      if (name !== null && matchesNamePattern(name, arg.runners)) calls.push(n);
    } else if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (left?.type === 'identifier' && right) {
        const list = assigned.get(left.text);
        if (list) list.push(right);
        else assigned.set(left.text, [right]);
      }
    }
    for (const c of n.namedChildren) visit(c);
  };
  visit(body);
  const run = new Set<string>();
  const note = (name: string, hop: boolean) => {
    if (params.has(name)) run.add(name);
    else if (hop) for (const value of assigned.get(name) ?? []) for (const inner of namesIn(value)) note(inner, false);
  };
  for (const call of calls) {
    for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (a.type === 'comment' || a.type === 'dictionary_splat') continue;
      if (a.type === 'keyword_argument') {
        const value = a.childForFieldName('value');
        if (value && COMMAND_KEYWORDS.has(a.childForFieldName('name')?.text ?? '')) for (const n of namesIn(value)) note(n, true);
        continue;
      }
      for (const n of namesIn(a)) note(n, true);
    }
  }
  return run;
}

function definitionsOf(fn: SyntaxNode, name: string, imports: ImportMap): ScopeDefinitions {
  let scopes = scopesByFile.get(imports);
  if (!scopes) scopesByFile.set(imports, (scopes = new Map()));
  const key = `${idOf(fn)}:${name}`;
  let found = scopes.get(key);
  if (!found) scopes.set(key, (found = new ScopeDefinitions(fn, name)));
  return found;
}

/**
 * True when `identifier`, where it is read, may hold a command parameter its function runs (see
 * runParameters): one of its reaching definitions is that parameter (`cmd = mask_password(cmd)`
 * before the read replaces it; `cmd = map(str, cmd)` too, and the trace finds the parameter
 * inside). The parameter itself, in the function's parameter list, counts.
 */
export function isRunParameter(identifier: SyntaxNode, arg: CommandWrapperArg, imports: ImportMap): boolean {
  if (identifier.type !== 'identifier') return false;
  const fn = functionOf(identifier, imports);
  if (!fn || !runParameters(fn, arg, imports).has(identifier.text)) return false;
  const parameters = fn.childForFieldName('parameters');
  if (parameters && identifier.startIndex >= parameters.startIndex && identifier.endIndex <= parameters.endIndex) return true;
  const scope = definitionsOf(fn, identifier.text, imports);
  const reaching = scope.reaching(identifier) ?? scope.all.get(identifier.text) ?? [];
  return reaching.some((d) => d.parameter !== undefined);
}

/** True when the function holding `node` runs one of its command parameters (see runParameters). */
export function inCommandWrapper(node: SyntaxNode, arg: CommandWrapperArg, imports: ImportMap): boolean {
  const fn = functionOf(node, imports);
  return fn !== null && runParameters(fn, arg, imports).size > 0;
}

function checkArg(arg: unknown): string | null {
  const a = arg as Record<string, unknown> | null;
  if (!a || typeof a !== 'object' || Array.isArray(a)) return 'takes {runners: [dotted names], parameters: [names]}';
  const keys = Object.keys(a);
  if (keys.some((k) => k !== 'runners' && k !== 'parameters')) return 'takes runners and parameters only';
  const list = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.length > 0);
  if (!list(a.runners)) return 'runners must be a non-empty list of dotted names';
  if (!list(a.parameters) || !(a.parameters as string[]).every((p) => /^[A-Za-z_]\w*$/.test(p))) return 'parameters must be a non-empty list of Python names';
  return null;
}

/** The captured name may hold a command parameter that its function passes to a runner (a command wrapper's `cmd`). */
export const isRunParameterPredicate: Predicate = {
  name: 'is-run-parameter',
  description:
    'The captured name, where it is read, may hold a parameter of its function that the function runs as a command: a parameter named as one of `parameters` (`cmd`, `*args`) passed as the command to a call to one of `runners` (dotted names resolved through imports or as written; a trailing `*` matches a prefix, a leading `*.` any package or object above: `*.exec_command`), directly or through one local name (`command = " ".join(cmd)`). `{runners: [subprocess.Popen, "*.exec_command"], parameters: [cmd, args]}`.',
  checkArg,
  // No condition: the runner call it looks for is outside the captured node.
  test: (node, arg, ctx) => isRunParameter(node, arg as CommandWrapperArg, ctx.imports),
};

/** The capture is inside a function that runs one of its command parameters (a command wrapper). */
export const inCommandWrapperPredicate: Predicate = {
  name: 'in-command-wrapper',
  description:
    'The capture is inside a function that runs a command it was given: one of its parameters named as in `parameters` is passed as the command to one of `runners`, as `is-run-parameter` says (same argument). For what such a function reads back: `proc.communicate()`, `result.stdout`.',
  checkArg,
  test: (node, arg, ctx) => inCommandWrapper(node, arg as CommandWrapperArg, ctx.imports),
};
