import type { Rule } from './rule.js';

/**
 * One way a pattern's necessary condition can be met. `word` is what a matching statement must
 * show (a name's last part, or a literal); `parts` are what the file must contain somewhere (every
 * dotted part of a name, which the call or its import spells out; or the literal).
 */
export interface Term {
  word: string;
  parts: string[];
}

/**
 * Prefiltering, as Semgrep does: what a file must contain for one query pattern to possibly
 * match. Each condition is a list of terms one of which must be met; all conditions must hold.
 * No condition means the pattern may match any file.
 *
 * Sources, each sound on its own:
 * - a positive `resolves-to` in `where:` on a capture of the pattern: the last part of one of the
 *   names is written at the match (or in the import that aliased it), and every part somewhere;
 * - `#eq?` / `#any-of?` with literal strings on a capture that every match of the pattern has
 *   (not only inside some alternation branches or under `?` / `*`: the binding lets a missing
 *   capture pass).
 */
export function requiredTokens(patternText: string, rule: Rule): Term[][] {
  const { mandatory, present, predicates } = analysePattern(patternText);
  const conditions: Term[][] = [];
  for (const [capture, calls] of Object.entries(rule.where)) {
    if (!present.has(capture)) continue;
    for (const call of calls) {
      if (call.name !== 'resolves-to' || call.negated) continue;
      const terms = (call.arg as string[]).map((name) => ({ word: lastWord(name), parts: name.split('.').map((p) => p.replace(/\*$/, '')).filter(Boolean) }));
      if (terms.every((t) => t.word.length > 0)) conditions.push(terms);
    }
  }
  for (const p of predicates) {
    if ((p.operator === 'eq?' || p.operator === 'any-of?') && mandatory.has(p.capture) && p.strings.length > 0 && p.strings.every(Boolean)) {
      conditions.push(p.strings.map((literal) => ({ word: literal, parts: [literal] })));
    }
  }
  return conditions;
}

/**
 * The word a resolved name must show: its last dotted part (`subprocess.call` → `call`); for
 * `os.exec*` the prefix `exec*` (a word starting so); for `requests.api.*` the part before (`api`).
 */
function lastWord(name: string): string {
  const parts = name.split('.');
  const last = parts[parts.length - 1]!;
  if (last === '*') return parts.length > 1 ? parts[parts.length - 2]! : '';
  return last;
}

interface TextPredicate {
  operator: string;
  capture: string;
  strings: string[];
}

/** A parsed query element: a node group `(…)`, an alternation `[…]`, or an atom; with its quantifier and captures. */
interface Element {
  kind: 'group' | 'alternation' | 'atom';
  children: Element[];
  quantifier: string;
  captures: string[];
}

/** What one pattern's text says: captures present, captures every match has, text predicates. */
export function analysePattern(text: string): { present: Set<string>; mandatory: Set<string>; predicates: TextPredicate[] } {
  const tokens = (text.match(/"(?:[^"\\]|\\.)*"|;[^\n]*|#[\w-]+[?!]?|@[\w.-]+|[()[\]?*+]|[^\s()[\]"?*+@;]+/g) ?? []).filter((t) => !t.startsWith(';'));
  const predicates: TextPredicate[] = [];
  const present = new Set<string>();
  let i = 0;
  // Parses the elements up to the closing bracket `close` (or the end), collecting predicates on the way.
  const parseSequence = (close: string | null): Element[] => {
    const elements: Element[] = [];
    while (i < tokens.length && tokens[i] !== close) {
      const token = tokens[i++]!;
      let element: Element;
      if (token === '(' && tokens[i]?.startsWith('#')) {
        const predicate: TextPredicate = { operator: tokens[i++]!.slice(1), capture: '', strings: [] };
        while (i < tokens.length && tokens[i] !== ')') {
          const t = tokens[i++]!;
          if (t.startsWith('@') && !predicate.capture) predicate.capture = t.slice(1);
          else if (t.startsWith('"')) predicate.strings.push(JSON.parse(t) as string);
        }
        i++;
        predicates.push(predicate);
        continue;
      } else if (token === '(' || token === '[') {
        element = { kind: token === '(' ? 'group' : 'alternation', children: parseSequence(token === '(' ? ')' : ']'), quantifier: '', captures: [] };
        i++;
      } else if (token === '?' || token === '*' || token === '+') {
        const last = elements[elements.length - 1];
        if (last) last.quantifier = token;
        continue;
      } else if (token.startsWith('@')) {
        const last = elements[elements.length - 1];
        if (last) last.captures.push(token.slice(1));
        present.add(token.slice(1));
        continue;
      } else {
        element = { kind: 'atom', children: [], quantifier: '', captures: [] };
      }
      elements.push(element);
    }
    return elements;
  };
  const root = parseSequence(null);
  const mandatory = new Set<string>();
  for (const element of root) for (const name of mandatoryOf(element)) mandatory.add(name);
  return { present, mandatory, predicates };
}

/** Captures every match of `element` has: none under `?` or `*`; for an alternation, those all branches have. */
function mandatoryOf(element: Element): Set<string> {
  if (element.quantifier === '?' || element.quantifier === '*') return new Set();
  let inner: Set<string>;
  if (element.kind === 'alternation') {
    const branches = element.children.map(mandatoryOf);
    inner = branches.length ? new Set([...branches[0]!].filter((n) => branches.every((b) => b.has(n)))) : new Set();
  } else {
    inner = new Set(element.children.flatMap((c) => [...mandatoryOf(c)]));
  }
  for (const name of element.captures) inner.add(name);
  return inner;
}

/** Node types that hold statements: a pattern rooted at one may enclose the statement a word is in. */
const HOLDS_STATEMENTS = new Set([
  'module', 'block', 'function_definition', 'class_definition', 'decorated_definition', 'if_statement', 'elif_clause',
  'else_clause', 'for_statement', 'while_statement', 'try_statement', 'except_clause', 'except_group_clause',
  'finally_clause', 'with_statement', 'match_statement', 'case_clause', 'ERROR',
]);

/**
 * True when every match of the pattern lies inside the statement that holds any one of its nodes:
 * its root is a named node below statement level (not `_`, an alternation, or a compound statement).
 */
export function isRootedBelowStatements(patternText: string): boolean {
  const root = /^\s*(?:;[^\n]*\n\s*)*\(\s*([A-Za-z_]\w*)/.exec(patternText);
  return !!root && root[1] !== '_' && !HOLDS_STATEMENTS.has(root[1]!);
}
