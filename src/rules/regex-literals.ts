import type { Edge } from './text-condition.js';

/**
 * Literal strings one of which every match of a regular expression contains (Russ Cox's
 * "required substrings", as Google Code Search and ripgrep extract them), or null when none can
 * be told. Handles what rule regexes use: characters and escapes, classes, groups with
 * alternatives, quantifiers, anchors and lookarounds. Case-sensitive: flags are not read.
 *
 * `^[rRuU]*("|')/(tmp|var/tmp)/` → `["/tmp/", "/var/tmp/"]`; `://[^@]*@` → `["://"]`.
 */
export function requiredLiterals(source: string): string[] | null {
  let literals = known.get(source);
  if (literals === undefined) {
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(source, (literals = readLiterals(source)));
  }
  return literals;
}

/** Literals already read, by regex: rules repeat a regex across patterns and flow lists (the lists returned are never changed by their readers). */
const known = new Map<string, string[] | null>();
const MAX_KNOWN = 4096;

function readLiterals(source: string): string[] | null {
  let info: Info;
  try {
    info = new RegexReader(source).read();
  } catch {
    return null;
  }
  return best([...(info.exact ? [info.exact] : []), ...info.factors]);
}

/** What a piece of a regex tells: every string it can match when few (exact), and required literal sets. */
interface Info {
  exact: string[] | null;
  factors: string[][];
}

const UNKNOWN: Info = { exact: null, factors: [] };
const EMPTY: Info = { exact: [''], factors: [] };
/** Past this many alternatives an exact set is dropped: a prefilter of hundreds of strings helps nobody. */
const MAX_EXACT = 32;

/** The factor whose shortest literal is longest (ties: fewer literals); none with an empty literal. */
function best(factors: string[][]): string[] | null {
  let chosen: string[] | null = null;
  const score = (f: string[]) => Math.min(...f.map((s) => s.length));
  for (const factor of factors) {
    if (factor.length === 0 || factor.some((s) => s.length === 0)) continue;
    if (!chosen || score(factor) > score(chosen) || (score(factor) === score(chosen) && factor.length < chosen.length)) chosen = factor;
  }
  return chosen ? [...new Set(chosen)] : null;
}

class RegexReader {
  private i = 0;
  constructor(private readonly s: string) {}

  read(): Info {
    const info = this.alternation();
    if (this.i < this.s.length) throw new Error('unbalanced )');
    return info;
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    const exacts = branches.map((b) => b.exact);
    const exact = exacts.every((e) => e !== null) ? [...new Set(exacts.flat() as string[])] : null;
    // Each branch contributes its best set; the alternation needs one of their union.
    const perBranch = branches.map((b) => best([...(b.exact ? [b.exact] : []), ...b.factors]));
    const factors = perBranch.every((f) => f !== null) ? [perBranch.flat() as string[]] : [];
    return { exact: exact && exact.length <= MAX_EXACT ? exact : null, factors };
  }

  private sequence(): Info {
    const factors: string[][] = [];
    let run: string[] = [''];
    let allExact = true;
    const close = () => {
      if (!(run.length === 1 && run[0] === '')) factors.push(run);
      run = [''];
    };
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const item = this.quantified();
      if (item.exact) {
        const product: string[] = [];
        for (const a of run) for (const b of item.exact) product.push(a + b);
        if (product.length <= MAX_EXACT) {
          run = product;
          continue;
        }
      }
      allExact = false;
      close();
      factors.push(...item.factors);
      if (item.exact) factors.push(item.exact);
    }
    const exact = allExact ? run : null;
    close();
    return { exact, factors };
  }

  private quantified(): Info {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    if (q.min === 0) return UNKNOWN;
    // At least once: what it requires still holds, but it no longer spells an exact string.
    return { exact: q.max === 1 ? atom.exact : null, factors: atom.exact ? [atom.exact, ...atom.factors] : atom.factors };
  }

  private quantifier(): { min: number; max: number } | null {
    const c = this.s[this.i];
    let q: { min: number; max: number } | null = null;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return null;
      this.i += m[0].length - 1;
      q = { min: Number(m[1]), max: m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1]) };
    }
    if (!q) return null;
    this.i++;
    if (this.s[this.i] === '?') this.i++; // lazy
    return q;
  }

  private atom(): Info {
    const c = this.s[this.i++]!;
    switch (c) {
      case '^':
      case '$':
        return EMPTY;
      case '.':
        return UNKNOWN;
      case '[':
        this.skipClass();
        return UNKNOWN;
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      default:
        return { exact: [c], factors: [] };
    }
  }

  private group(): Info {
    let lookaround = false;
    if (this.s[this.i] === '?') {
      const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(this.s.slice(this.i));
      if (!m) throw new Error('unknown group');
      // A lookaround matches no text of its own: it requires nothing that can be searched for.
      lookaround = ['?=', '?!', '?<=', '?<!'].includes(m[0]);
      this.i += m[0].length;
    }
    const inner = this.alternation();
    if (this.s[this.i++] !== ')') throw new Error('unclosed group');
    return lookaround ? EMPTY : inner;
  }

  private escape(): Info {
    const c = this.s[this.i++];
    if (c === undefined) throw new Error('trailing backslash');
    if (c === 'b' || c === 'B') return EMPTY;
    if (c === 'x' || c === 'u') return this.codeUnit(c);
    if ('dDwWsS123456789kpPc'.includes(c)) return UNKNOWN;
    const named: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };
    return { exact: [named[c] ?? c], factors: [] };
  }

  private codeUnit(kind: string): Info {
    const m = (kind === 'x' ? /^[0-9a-fA-F]{2}/ : /^[0-9a-fA-F]{4}/).exec(this.s.slice(this.i));
    if (!m) return UNKNOWN;
    this.i += m[0].length;
    return { exact: [String.fromCharCode(parseInt(m[0], 16))], factors: [] };
  }

  private skipClass(): void {
    if (this.s[this.i] === '^') this.i++;
    if (this.s[this.i] === ']') this.i++;
    while (this.i < this.s.length && this.s[this.i] !== ']') this.i += this.s[this.i] === '\\' ? 2 : 1;
    if (this.s[this.i++] !== ']') throw new Error('unclosed class');
  }
}

/**
 * For a regex tested against a whole name (an identifier's text) and anchored at its start by a
 * group of alternatives, each a word or a character class and then a word: the words, each with
 * the edge of the name it must stand at; null for any other shape (then requiredLiterals applies).
 *
 * `^(run|serve|[A-Za-z]*Server)$` → run and serve are the whole name, Server ends it;
 * `^(host|bind)(_?addr)?$` → host or bind starts it.
 */
export function nameLiterals(source: string): { literals: string[]; edges: Edge[] } | null {
  const m = /^\^\((?:\?:)?([^()]*)\)(.*)$/s.exec(source);
  if (!m) return null;
  const rest = m[2]!;
  const whole = rest === '$';
  // What follows the group must not make it optional or open another top-level alternative.
  if (!whole && (/^[?*{]/.test(rest) || hasTopLevelBar(rest))) return null;
  const literals: string[] = [];
  const edges: Edge[] = [];
  for (const branch of m[1]!.split('|')) {
    const word = /^\w+$/.exec(branch);
    const suffix = /^\[[\w-]*\][*+?]?(\w+)$/.exec(branch);
    if (word) {
      literals.push(branch);
      edges.push(whole ? 'both' : 'start');
    } else if (suffix) {
      literals.push(suffix[1]!);
      edges.push(whole ? 'end' : 'none');
    } else {
      return null;
    }
  }
  return literals.length ? { literals, edges } : null;
}

/** Whether a regex has a `|` outside any group or class. */
function hasTopLevelBar(source: string): boolean {
  return topLevelAlternatives(source).length > 1;
}

/** A regex source's alternatives outside any group or class (the whole source when it has one). */
export function topLevelAlternatives(source: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      found.push(source.slice(from, i));
      from = i + 1;
    }
  }
  found.push(source.slice(from));
  return found;
}
