import type { DefinitionIndex } from '../analysis/flow/definition-index.js';
import type { SyntaxNode } from '../analysis/syntax.js';
import type { FunctionMatches } from './regional-matches.js';
import { idOf } from '../analysis/flow/node-fields.js';

const IGNORED_OUTSIDE_FUNCTIONS = new Set(['import_statement', 'import_from_statement', 'class_definition', 'decorated_definition', 'comment', 'future_import_statement']);

/** An assignment to `self.<attr>` (plain, subscripted or augmented) in a function's text. */
const SELF_ASSIGNMENT = /\bself\.(\w+)\s*(?:\[[^\]\n]*\]\s*)?[-+|]?=(?!=)/g;

/**
 * Which sinks are worth tracing, told from where the sources are (or, before any query runs,
 * from the nodes the source queries start from): a sink whose function (method, or top-level
 * function) holds none, calls no function that does, and reads no `self.` attribute assigned in
 * such a function, is not traced. A source at module or class level (or abounding: `null`) makes
 * every sink worth tracing. Cheap and nearly sound: what it misses is a source two hops away
 * through attributes (`self.a = pw` in one method, `self.b = self.a` in another, `self.b` logged
 * in a third). Most logging calls are then never traced.
 */
export class SourceReach {
  protected readonly hot = new Set<number>();
  protected readonly hotNames = new Set<string>();
  protected readonly hotAttributes = new Set<string>();
  protected readonly hotModuleNames = new Set<string>();
  everywhere = false;
  /** No source text in the file: no sink can be reached. */
  readonly none: boolean;
  /** mayReach's answer per function, by the function node's id. */
  private readonly answers = new Map<number, boolean>();

  constructor(
    sources: readonly SyntaxNode[] | null,
    protected readonly functions: DefinitionIndex,
  ) {
    if (!sources) this.everywhere = true;
    this.none = sources !== null && sources.length === 0;
    for (const source of sources ?? []) this.add(source);
  }

  /** Counts one more source (or start). */
  protected add(source: SyntaxNode): void {
    const fn = this.functions.outermostFunction(source);
    if (!fn) {
      this.outsideFunctions(source);
      return;
    }
    const key = idOf(fn);
    if (this.hot.has(key)) return;
    this.hot.add(key);
    this.hotNames.add(fn.childForFieldName('name')?.text ?? '');
    for (const attr of usesIn(this.functions, fn).selfAssigned()) this.hotAttributes.add(attr);
  }

  /**
   * Text at module or class level reaches a function only through a name it defines: a module
   * name (`DEFAULTS = {...}`, `DEFAULTS.update(...)`) or a class attribute read as `self.X`.
   * Docstrings, comments, imports and decorators define none; other statements make every sink count.
   */
  private outsideFunctions(node: SyntaxNode): void {
    let n = node;
    const isTop = (p: SyntaxNode) => p.type === 'module' || (p.type === 'block' && p.parent?.type === 'class_definition');
    while (n.parent && !isTop(n.parent)) n = n.parent;
    const inClass = n.parent?.type === 'block';
    // Imports, comments and decorator arguments (`@METRICS.timer('...password')`) define no value a function reads.
    if (IGNORED_OUTSIDE_FUNCTIONS.has(n.type)) return;
    if (n.type !== 'expression_statement') {
      this.everywhere = true;
      return;
    }
    const expr = n.namedChildren[0];
    let names: string[] = [];
    if (expr?.type === 'assignment' || expr?.type === 'augmented_assignment') names = (expr.childForFieldName('left')?.text ?? '').split(/\W+/);
    else if (expr?.type === 'call') {
      const fn = expr.childForFieldName('function');
      if (fn?.type === 'attribute' && fn.childForFieldName('object')?.type === 'identifier') names = [fn.childForFieldName('object')!.text];
    } else if (expr?.type !== 'string') {
      this.everywhere = true;
      return;
    }
    for (const name of names.filter(Boolean)) (inClass ? this.hotAttributes : this.hotModuleNames).add(name);
  }

  mayReach(sink: SyntaxNode): boolean {
    if (this.everywhere) return true;
    const fn = this.functions.outermostFunction(sink);
    if (!fn) return true;
    const key = idOf(fn);
    if (this.hot.has(key)) return true;
    let reaches = this.answers.get(key);
    if (reaches === undefined) this.answers.set(key, (reaches = this.usesKnown(usesIn(this.functions, fn))));
    return reaches;
  }

  /** Whether the function's text uses a hot function (called), attribute (read as `self.X`) or module name found so far. */
  protected usesKnown(uses: FunctionUses): boolean {
    for (const name of this.hotNames) if (name && uses.calls(name)) return true;
    for (const attr of this.hotAttributes) if (uses.readsSelf(attr)) return true;
    for (const name of this.hotModuleNames) if (uses.names(name)) return true;
    return false;
  }
}

/**
 * SourceReach of the sources themselves, whose matches are run one function at a time (see
 * RegionalMatches): answers as SourceReach built from every source of the file would, running
 * the matches of the sink's own function and of those its text names (their name called, a
 * `self.` attribute they assign read), and no others. (Its `none` says nothing: ask mayReach.)
 */
export class ExactSourceReach extends SourceReach {
  private readonly exactAnswers = new Map<number, boolean>();
  private readonly facts = new Map<number, { name: string; attributes: string[] }>();
  private sources: FunctionMatches | null = null;

  constructor(functions: DefinitionIndex) {
    super([], functions);
  }

  /** The sources this reach answers from: each one found, before or after, is counted. */
  watch(sources: FunctionMatches): void {
    this.sources = sources;
    sources.observe((source) => this.add(source));
  }

  override mayReach(sink: SyntaxNode): boolean {
    const sources = this.sources!;
    sources.ensureGlobal();
    if (this.everywhere) return true;
    const fn = this.functions.outermostFunction(sink);
    if (!fn) return true;
    sources.ensure(fn);
    const key = idOf(fn);
    if (this.hot.has(key)) return true;
    let reaches = this.exactAnswers.get(key);
    if (reaches === undefined) {
      const uses = usesIn(this.functions, fn);
      reaches = this.usesKnown(uses);
      if (!reaches) {
        for (const other of [...sources.pending()]) {
          const facts = this.factsOf(other);
          if (!uses.calls(facts.name) && !facts.attributes.some((a) => uses.readsSelf(a))) continue;
          sources.ensure(other);
          if (this.hot.has(idOf(other))) {
            reaches = true;
            break;
          }
        }
      }
      this.exactAnswers.set(key, reaches);
    }
    return reaches;
  }

  /** A function's name and the `self.` attributes it assigns, read once. */
  private factsOf(fn: SyntaxNode): { name: string; attributes: string[] } {
    const key = idOf(fn);
    let facts = this.facts.get(key);
    if (!facts) this.facts.set(key, (facts = { name: fn.childForFieldName('name')?.text ?? '', attributes: usesIn(this.functions, fn).selfAssigned() }));
    return facts;
  }
}

/**
 * What a function's text uses, answered as the regular expressions `\bNAME\s*\(`,
 * `\bself\.ATTR\b`, `\bNAME\b` would: by searching the text for the name, or, once the text has
 * been asked often, from its words collected once; a name that is not all ASCII word characters is
 * tested with its own expression.
 */
class FunctionUses {
  private called: Set<string> | null = null;
  private selfReads: Set<string> | null = null;
  private words: Set<string> | null = null;
  /** Questions answered by searching the text so far (see SEARCHES_BEFORE_SETS). */
  private searches = 0;

  private assigned: string[] | null = null;

  constructor(private readonly text: string) {}

  /** The `self.` attributes the text assigns. */
  selfAssigned(): string[] {
    return (this.assigned ??= Array.from(this.text.matchAll(SELF_ASSIGNMENT), (m) => m[1]!));
  }

  calls(name: string): boolean {
    if (!name) return false;
    if (!WORD.test(name)) return new RegExp(`\\b${name}\\s*\\(`).test(this.text);
    if (!this.called && this.searches++ < SEARCHES_BEFORE_SETS) return wordOccurs(this.text, name, '', true);
    this.called ??= new Set(Array.from(this.text.matchAll(/\b(\w+)\s*\(/g), (m) => m[1]!));
    return this.called.has(name);
  }

  readsSelf(attr: string): boolean {
    if (!WORD.test(attr)) return new RegExp(`\\bself\\.${attr}\\b`).test(this.text);
    if (!this.selfReads && this.searches++ < SEARCHES_BEFORE_SETS) return wordOccurs(this.text, attr, 'self.', false);
    this.selfReads ??= new Set(Array.from(this.text.matchAll(/\bself\.(?=(\w+))/g), (m) => m[1]!));
    return this.selfReads.has(attr);
  }

  names(name: string): boolean {
    if (!WORD.test(name)) return new RegExp(`\\b${name}\\b`).test(this.text);
    if (!this.words && this.searches++ < SEARCHES_BEFORE_SETS) return wordOccurs(this.text, name, '', false);
    this.words ??= new Set(this.text.match(/\w+/g) ?? []);
    return this.words.has(name);
  }
}

const WORD = /^\w+$/;

/**
 * A text is searched for each name asked of it (indexOf finds a name some ten times faster than
 * the expressions collect every word) until it has been asked this many: then each kind of use
 * is collected into a set, once.
 */
const SEARCHES_BEFORE_SETS = 8;

/**
 * Whether `prefix + word` (word: word characters only) occurs in the text with no word character
 * (`\w`) right before it or right after the word, and, if `called`, optional white space (`\s`)
 * and `(` after it: the answer of the sets above (a name in `\b(\w+)\s*\(` captures, an
 * attribute in `\bself\.(?=(\w+))`'s, a name in `\w+`'s matches).
 */
export function wordOccurs(text: string, word: string, prefix: string, called: boolean): boolean {
  const needle = prefix + word;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    if (isWordCode(text.charCodeAt(i - 1))) continue;
    let end = i + needle.length;
    if (isWordCode(text.charCodeAt(end))) continue;
    if (!called) return true;
    while (isSpaceCode(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) === 40) return true;
  }
  return false;
}

/** A character `\w` matches: ASCII letters, digits, `_` (false for NaN, out of the text). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

const SPACE = /\s/;

/** A character `\s` matches (false for NaN). */
function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === c && SPACE.test(String.fromCharCode(c));
}

/** What each function's text uses, read once per file (by the file's DefinitionIndex) for every reach that asks. */
const USES = new WeakMap<DefinitionIndex, Map<number, FunctionUses>>();

function usesIn(functions: DefinitionIndex, fn: SyntaxNode): FunctionUses {
  let byFunction = USES.get(functions);
  if (!byFunction) USES.set(functions, (byFunction = new Map()));
  const key = idOf(fn);
  let uses = byFunction.get(key);
  if (!uses) byFunction.set(key, (uses = new FunctionUses(fn.text)));
  return uses;
}
