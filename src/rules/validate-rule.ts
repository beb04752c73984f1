import { LEVELS, type Level } from '../findings/finding.js';
import { capturesOf, topLevelPatterns } from './query-patterns.js';
import { PREDICATES } from './predicates/index.js';
import { FAMILIES, type Family, type PredicateCall, type Rule, type RuleDocs } from './rule.js';
import { RuleError } from './rule-error.js';
import { FLOW_FIELDS, validateFlowSpec } from './validate-flow-spec.js';

const KNOWN_FIELDS = new Set([
  'id', 'name', 'title', 'severity', 'confidence', 'cwe', 'bandit', 'ruff', 'message', 'query', 'where', 'inside', 'fix', 'docs', 'default',
  ...FLOW_FIELDS,
]);
const DOC_FIELDS = ['why', 'fix', 'bad', 'good'] as const;

/**
 * Turns a parsed YAML document into a Rule, or throws RuleError naming the file, the field and
 * the reason. `family` comes from the folder the file sits in.
 */
export function validateRule(doc: unknown, file: string, family: string): Rule {
  const fail = (field: string, reason: string): never => {
    throw new RuleError(file, field, reason);
  };
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) fail('(root)', 'must be a mapping of rule fields');
  const raw = doc as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.has(key)) fail(key, `unknown field (known: ${[...KNOWN_FIELDS].join(', ')})`);

  const text = (field: string): string => {
    const value = raw[field];
    if (typeof value !== 'string' || value.trim() === '') fail(field, 'is required and must be a non-empty string');
    return (value as string).trim();
  };
  const level = (field: string): Level => {
    const value = raw[field];
    if (!LEVELS.includes(value as Level)) fail(field, `must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(value)})`);
    return value as Level;
  };
  const codes = (field: string, pattern: RegExp): string[] => {
    const value = raw[field] ?? [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && pattern.test(v))) {
      fail(field, `must be a list of codes like ${pattern.source}`);
    }
    return value as string[];
  };

  const id = text('id');
  if (!/^DS\d{3}$/.test(id)) fail('id', `must be DS followed by three digits (got '${id}')`);
  const name = text('name');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) fail('name', `must be kebab-case (got '${name}')`);
  if (!(FAMILIES as readonly string[]).includes(family)) fail('(folder)', `'${family}' is not a family (${FAMILIES.join(', ')})`);
  const cwe = text('cwe');
  if (!/^CWE-\d+$/.test(cwe)) fail('cwe', `must look like CWE-78 (got '${cwe}')`);
  const query = text('query');
  const message = text('message');

  const rule: Rule = {
    id,
    name,
    title: text('title'),
    family: family as Family,
    severity: level('severity'),
    confidence: level('confidence'),
    cwe,
    bandit: codes('bandit', /^B\d{3}$/),
    ruff: codes('ruff', /^S\d{3}$/),
    message,
    query,
    where: validateWhere(raw.where, fail),
    docs: validateDocs(raw.docs, fail),
    file,
  };
  if (raw.fix !== undefined) rule.fix = validateFix(raw.fix, fail);
  if (raw.default !== undefined) {
    if (raw.default !== 'on' && raw.default !== 'off') fail('default', "must be 'on' or 'off' (off: the rule runs only when a config enables it)");
    if (raw.default === 'off') rule.optIn = true;
  }
  if (raw.inside !== undefined) {
    if (!Array.isArray(raw.inside) || raw.inside.length === 0 || !raw.inside.every((t) => typeof t === 'string' && /^[a-z_]+$/.test(t))) {
      fail('inside', 'must be a list of node type names such as except_clause');
    }
    rule.inside = raw.inside as string[];
  }

  // Each pattern reports on its own (see the placeholders below); the query's captures are theirs together.
  const patterns = topLevelPatterns(query).map((text, i) => ({ index: i + 1, captures: capturesOf(text) }));
  const captures = new Set(patterns.flatMap((p) => [...p.captures]));
  if (!captures.has('finding')) fail('query', 'must capture the reported node as @finding');
  if (raw.mode !== undefined) {
    rule.flow = validateFlowSpec(raw, captures, fail, (value, field) => validateWhere(value, fail, field));
  } else {
    for (const field of FLOW_FIELDS) if (raw[field] !== undefined) fail(field, 'is only for flow rules (mode: flow)');
  }
  for (const capture of Object.keys(rule.where)) {
    if (!captures.has(capture)) fail(`where.${capture}`, `names a capture the query does not have (captures: ${[...captures].join(', ')})`);
  }
  const bound = new Set(Object.values(rule.where).flat().flatMap((call) => PREDICATES.get(call.name)?.binds ?? []));
  // A flow finding names the source its sink was reached from.
  if (rule.flow) bound.add('source');
  const fixes = typeof rule.fix === 'object' ? rule.fix : { finding: rule.fix ?? '' };
  for (const capture of Object.keys(fixes)) {
    if (!captures.has(capture)) fail(`fix.${capture}`, `names a capture the query does not have (captures: ${[...captures].join(', ')})`);
  }
  // A pattern without @finding never reports, and a message placeholder only another pattern
  // captures would be shown to the reader as written (`{method}()`).
  for (const pattern of patterns) {
    if (!pattern.captures.has('finding')) fail('query', `pattern ${pattern.index} does not capture @finding, so it never reports`);
  }
  // A fix keyed by a capture applies only to the patterns holding that capture (see fixFor).
  const templates = [['message', message, 'finding'], ...Object.entries(fixes).map(([capture, text]) => ['fix', text, capture] as const)] as const;
  for (const [field, text, appliesWith] of templates) {
    for (const [, placeholder, filter] of text.matchAll(/\{([\w.-]+)(?:\|(\w+))?\}/g)) {
      if (!captures.has(placeholder!) && !bound.has(placeholder!)) {
        fail(field, `placeholder {${placeholder}} is neither a capture nor bound by a predicate`);
      }
      const missing = bound.has(placeholder!) ? undefined : patterns.find((p) => p.captures.has(appliesWith) && !p.captures.has(placeholder!));
      if (missing) fail(field, `placeholder {${placeholder}} is not captured by pattern ${missing.index} of the query, so its findings would show it as written`);
      if (filter !== undefined && (field !== 'fix' || filter !== 'argv')) {
        fail(field, `placeholder {${placeholder}|${filter}}: the only filter is |argv, in fix templates`);
      }
    }
  }
  return rule;
}

/** A fix is a template string, or a mapping from capture name to template string. */
function validateFix(value: unknown, fail: (field: string, reason: string) => never): string | Record<string, string> {
  if (typeof value === 'string' && value.length > 0) return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > 0 && entries.every(([, t]) => typeof t === 'string' && t.length > 0)) return value as Record<string, string>;
  }
  return fail('fix', 'must be a template string or a mapping from capture name to template string');
}

function validateWhere(value: unknown, fail: (field: string, reason: string) => never, field = 'where'): Record<string, PredicateCall[]> {
  if (value === undefined) return {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(field, 'must map capture names to predicates');
  const out: Record<string, PredicateCall[]> = {};
  for (const [capture, predicates] of Object.entries(value as Record<string, unknown>)) {
    out[capture] = predicateCalls(predicates, `${field}.${capture}`, false, fail);
  }
  return out;
}

function predicateCalls(value: unknown, field: string, negated: boolean, fail: (field: string, reason: string) => never): PredicateCall[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(field, 'must map predicate names to arguments');
  const calls: PredicateCall[] = [];
  for (const [name, arg] of Object.entries(value as Record<string, unknown>)) {
    if (name === 'not' && !negated) {
      calls.push(...predicateCalls(arg, `${field}.not`, true, fail));
      continue;
    }
    const predicate = PREDICATES.get(name);
    if (!predicate) fail(`${field}.${name}`, `unknown predicate (known: ${[...PREDICATES.keys()].join(', ')})`);
    const problem = predicate!.checkArg(arg);
    if (problem) fail(`${field}.${name}`, problem);
    calls.push({ name, arg, negated });
  }
  return calls;
}

function validateDocs(value: unknown, fail: (field: string, reason: string) => never): RuleDocs {
  if (!value || typeof value !== 'object') fail('docs', `is required, with ${DOC_FIELDS.join(', ')} and references`);
  const docs = value as Record<string, unknown>;
  for (const field of DOC_FIELDS) {
    if (typeof docs[field] !== 'string' || (docs[field] as string).trim() === '') fail(`docs.${field}`, 'is required and must be a non-empty string');
  }
  const references = docs.references ?? [];
  if (!Array.isArray(references) || !references.every((r) => typeof r === 'string')) fail('docs.references', 'must be a list of URLs');
  return {
    why: (docs.why as string).trim(),
    fix: (docs.fix as string).trim(),
    bad: (docs.bad as string).replace(/\s+$/, ''),
    good: (docs.good as string).replace(/\s+$/, ''),
    references: references as string[],
  };
}
