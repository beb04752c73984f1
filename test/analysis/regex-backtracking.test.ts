import { loadRules } from '../../src/rules/load-rules.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { SECRET_NAME_TEXT, nameWords } from '../../src/analysis/secret-names.js';
import { dottedNameRegex } from '../../src/analysis/source-index.js';
import { Vocabulary } from '../../src/analysis/vocabulary.js';
import { ImportMap } from '../../src/analysis/import-map.js';
import { SUPPRESSION_MARK, LONE_CR } from '../../src/analysis/scan-source.js';
import { parseSuppression } from '../../src/findings/suppression.js';
import { shortCode, fillTemplate } from '../../src/analysis/fill-template.js';
import { CREDENTIAL_REGEXES } from '../../src/rules/predicates/could-be-credential.js';
import { RESPONSE_CALLEE, ROUTE_DECORATOR } from '../../src/rules/predicates/reaches-caller.js';
import { LOGGER_NAME } from '../../src/rules/predicates/is-logger.js';
import { TEST_PATH } from '../../src/rules/predicates/is-test-file.js';
import { PLACEHOLDERS } from '../../src/rules/predicates/fills-only-placeholders.js';
import { MIGRATION_PATH } from '../../src/rules/predicates/is-migration-file.js';
import { CLAUSE as SQL_CLAUSE, LEADING as SQL_LEADING } from '../../src/rules/predicates/looks-like-sql.js';
import { PARSER_NAME } from '../../src/analysis/syntax-token.js';
import { parseIntegerLiteral } from '../../src/rules/predicates/integer-value.js';

/**
 * Every regular expression a scan runs on a pull request's text must run in about linear time:
 * each is tried on long adversarial strings built from its own characters (a literal prefix it
 * needs, then one character or a pair repeated, and never what would complete a match), as
 * DS203's `://[^/@ ]*:[^/@ ]*@` on `"a://b:c:c:c…"` once took 40 s.
 */
const LENGTH = 50_000;
/**
 * Generous, for a busy machine: the slowest linear case (25,000 `a,` items through the import
 * parser) takes about 200 ms on 50 KB; a quadratic one takes seconds (DS203's old pattern, 15 s).
 */
const BOUND_MS = 1000;

const BASE = ['a', 'A', '0', ' ', '_', '.', '\n', '\\', '"', "'"];
const CLASS_SAMPLES: Record<string, string> = { s: ' \t', S: 'x', d: '9', D: 'x', w: 'z_', W: '-', n: '\n', r: '\r', t: '\t' };

/** Punctuation a regex's source names, escaped or not, and a sample of each class escape (letters are represented by BASE). */
function charactersOf(source: string): string[] {
  const chars = new Set<string>();
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[++i] ?? '';
      for (const s of CLASS_SAMPLES[e] ?? (/[A-Za-z0-9]/.test(e) ? '' : e)) chars.add(s);
    } else if (!/[A-Za-z0-9()[\]{}|*+?^$]/.test(c)) chars.add(c);
  }
  return [...chars];
}

/** Runs of literal characters a regex needs (e.g. `://`, `isinstance`), as prefixes that let it start; the longest few. */
function literalRuns(source: string): string[] {
  const runs = new Set<string>();
  for (const m of source.matchAll(/(?:\\[^A-Za-z0-9]|[^\\()[\]{}|*+?^$.])+/g)) {
    const run = m[0].replace(/\\(.)/g, '$1');
    if (run.length >= 2) runs.add(run);
  }
  return ['', ...[...runs].sort((x, y) => y.length - x.length).slice(0, 6)];
}

/** The adversarial inputs for one regex: each literal prefix, then a character, or a pair with one of the regex's own, repeated. */
function* adversarialInputs(source: string, length: number): Generator<string> {
  const own = charactersOf(source);
  const all = [...new Set([...BASE, ...own])];
  for (const prefix of literalRuns(source)) {
    for (const a of all) {
      yield prefix + a.repeat(length);
      for (const b of [...own, 'a', ' ']) if (a !== b) yield prefix + (a + b).repeat(length / 2);
    }
  }
}

/** What may stand between two tokens: runs of white space, alone or around a separator. */
const GAPS = ['  ', '\t ', ' ,  ', ', \t'];
/** Characters that end a run of tokens without completing it. */
const STRAY_ENDS = ['x', '!'];

/**
 * Tokens separated by runs of white space, ending in a stray character (`?  ?  ?…x`): where a
 * regex lets the white space between two tokens be matched more than one way (`(\s*X\s*,?)*`),
 * each gap multiplies the ways to fail, so the time grows exponentially with the count. Each
 * token is one of the regex's own characters or literal runs; the count grows one at a time from
 * 4 to 40 (so a slow run is noticed before the next one takes hours), then one input of `length`.
 */
function* separatedInputs(source: string, length: number): Generator<string> {
  const tokens = [...new Set([...charactersOf(source).filter((c) => !/\s/.test(c)), ...literalRuns(source).filter(Boolean), 'a'])];
  for (const token of tokens) {
    for (const gap of GAPS) {
      for (const end of STRAY_ENDS) {
        for (let count = 4; count <= 40; count++) yield token + (gap + token).repeat(count) + end;
        yield token + (gap + token).repeat(Math.ceil(length / (gap.length + token.length))) + end;
      }
    }
  }
}

/** The first run of `run` over the adversarial inputs built from `source` that takes BOUND_MS or more, described; `fast` when none does. */
function slowInput(source: string, run: (input: string) => unknown): string {
  for (const input of [...adversarialInputs(source, LENGTH), ...separatedInputs(source, LENGTH)]) {
    const started = performance.now();
    run(input);
    const ms = performance.now() - started;
    if (ms >= BOUND_MS) return `${Math.round(ms)} ms on ${JSON.stringify(input.slice(0, 16))}… (${input.length} characters)`;
  }
  return 'fast';
}

/** `#match?`-like predicate strings of a query, unescaped as tree-sitter reads them. */
function queryRegexes(query: string): string[] {
  return [...query.matchAll(/#(?:any-)?(?:not-)?match\?\s+@[\w.-]+\s+"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)));
}

const rules = loadRules(bundledRulesDir());
// Each distinct regex once (a rule often repeats one across its patterns), named by its first user.
const ruleRegexSources = new Map<string, string>();
for (const rule of rules) {
  for (const source of queryRegexes(rule.query)) if (!ruleRegexSources.has(source)) ruleRegexSources.set(source, `${rule.id} query`);
  for (const calls of Object.values(rule.where)) {
    for (const call of calls) if (call.name === 'matches-string' && !ruleRegexSources.has(call.arg as string)) ruleRegexSources.set(call.arg as string, `${rule.id} where matches-string`);
  }
}
const ruleRegexes: [string, RegExp][] = [...ruleRegexSources].map(([source, name]) => [name, new RegExp(source)]);

const engineRegexes: [string, RegExp][] = [
  ['SECRET_NAME_TEXT', SECRET_NAME_TEXT],
  ['SUPPRESSION_MARK', SUPPRESSION_MARK],
  ['LONE_CR', LONE_CR],
  ['dotted name os.system', dottedNameRegex(['os', 'system'], false)],
  ['dotted name os.exec*', dottedNameRegex(['os', 'exec'], true)],
  ['vocabulary', new Vocabulary(['system', 'os', 'token', 'password']).pattern!],
  ...Object.entries(CREDENTIAL_REGEXES),
  ['RESPONSE_CALLEE', RESPONSE_CALLEE],
  ['ROUTE_DECORATOR', ROUTE_DECORATOR],
  ['LOGGER_NAME', LOGGER_NAME],
  ['TEST_PATH', TEST_PATH],
  ['PARSER_NAME', PARSER_NAME],
  ['PLACEHOLDERS', PLACEHOLDERS],
  ['MIGRATION_PATH', MIGRATION_PATH],
  ['SQL_LEADING', SQL_LEADING],
  ['SQL_CLAUSE', SQL_CLAUSE],
];

/** Functions that run inline regexes on untrusted text, with a source naming the characters that matter to them. */
const engineFunctions: [string, string, (input: string) => unknown][] = [
  ['import-map parseImportText', 'from import as ( ) \\ # , . * \\s', (s) => new ImportMap().addStatement(s)],
  ['parseSuppression', '# nosec noqa: diffsec: ignore[ ] , B602 S605 \\s', (s) => parseSuppression(s)],
  ['nameWords', 'aA0_-', (s) => nameWords(s)],
  ['shortCode', '\\s a', (s) => shortCode(s)],
  ['fillTemplate', '{a.b-c} { }', (s) => fillTemplate(s, { a: 'x' })],
  ['parseIntegerLiteral', '0x 0o 0b _ 1 9 f', (s) => parseIntegerLiteral(s)],
];

describe('regular expressions run on untrusted text', () => {
  it('finds the regexes of the bundled rules (query #match? and where: matches-string)', () => {
    expect(ruleRegexes.some(([name]) => name.startsWith('DS203 query'))).toBe(true);
    expect(ruleRegexes.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ruleRegexes.map(([name, regex]) => [`${name}: /${regex.source}/`, regex] as const))('rule regex %s runs in linear time', (_, regex) => {
    expect(slowInput(regex.source, (s) => regex.test(s))).toBe('fast');
  });

  it.each(engineRegexes.map(([name, regex]) => [name, regex] as const))('engine regex %s runs in linear time', (_, regex) => {
    const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
    expect(slowInput(regex.source, (s) => s.replace(global, ''))).toBe('fast');
  });

  it.each(engineFunctions)('%s runs in linear time', (_, source, run) => {
    expect(slowInput(source, run)).toBe('fast');
  });

  // The shape separatedInputs builds, on the regex that had it.
  it('matches placeholders split by runs of spaces in linear time', () => {
    const started = performance.now();
    expect(PLACEHOLDERS.test(`?${'  ?'.repeat(50_000)}x`)).toBe(false);
    expect(PLACEHOLDERS.test(`?${'  ?'.repeat(50_000)}`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('would have caught the old DS203 pattern', () => {
    const old = /:\/\/[^/@ ]*:[^/@ ]*@/;
    expect(slowInput(old.source, (s) => old.test(s))).not.toBe('fast');
  });

  // The old placeholder regex took minutes on `?  ?  ?…x` at 20 tokens: the audit now finds it
  // (its growth is exponential, so it stops at the first count that takes BOUND_MS, about 16).
  it('would have caught the old placeholder regex (tokens split by runs of white space)', () => {
    const old = /^(\s*(\?|%s|:\w+|%\(\w+\)s)\s*,?)*\s*$/;
    const found = slowInput(old.source, (s) => old.test(s));
    expect(found).not.toBe('fast');
  });

  it('would have caught an alternation whose tokens may take the white space around them', () => {
    const old = /^(?:\?\s*|\s+)*$/;
    expect(slowInput(old.source, (s) => old.test(s))).not.toBe('fast');
  });
});
