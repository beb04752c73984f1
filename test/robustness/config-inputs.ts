import { hostilePath, hostileString } from './hostile-strings.js';
import type { Random } from './random.js';

/** A config case: YAML or JSON text (parsed first), or a value handed to parseConfig as is; and paths to match its globs against. */
export interface ConfigCase {
  form: 'yaml' | 'json' | 'value';
  text?: string;
  value?: unknown;
  paths: string[];
  /** Set when the document is valid by construction: the config must carry exactly these values. */
  valid?: { include: string[]; exclude: string[]; maxComments: number; disable: string[] };
}

export const CONFIG_KINDS = ['random-yaml', 'random-json', 'random-value', 'hostile-keys', 'deep-nesting', 'alias-bomb', 'valid-config', 'hostile-globs'] as const;

export const CONFIG_HAZARDS = ['hazard-glob-doublestar', 'hazard-glob-star-a', 'hazard-long-glob'] as const;

const KNOWN_KEYS = ['rules', 'include', 'exclude', 'fail_on', 'report', 'max_comments', 'review_drafts', 'inline_comments', 'max_file_bytes', 'disable', 'only', 'severity', 'confidence'];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf', '', ' ', 'DS101', 'Rules', 'include ', '<<', '0', '-1', '1e3', 'NaN', 'null', 'true', '日本', '\u0000', 'a'.repeat(1000)];

const HOSTILE_GLOBS = [
  '**/**/**/**/**/**/*.py', '*a*a*a*a*a*b', '**', '*', '?', '', '/', '//', './', '../**', '**/.git/**', '[', ']', '[!a]', '{a,b}', '(a|b)', '\\', '\\*', '!**/*.py', '.*', '$', '^', '+', 'a{1000}',
  `${'**/'.repeat(50)}x`, `${'*'.repeat(500)}.py`, `${'?'.repeat(300)}`, 'x'.repeat(5000),
];

/** A random scalar or container, up to `depth` levels deep. */
export function randomValue(random: Random, depth: number): unknown {
  const r = random.float();
  if (depth <= 0 || r < 0.5) {
    return random.pick<() => unknown>([
      () => null,
      () => true,
      () => false,
      () => random.int(-5, 2000),
      () => random.pick([0, -0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 100_000_001, 1_000_000]),
      () => random.pick(['low', 'medium', 'high', 'HIGH', 'DS101', 'DS1', 'critical', '']),
      () => hostileString(random, 4),
      () => random.pick(HOSTILE_GLOBS),
    ])();
  }
  if (r < 0.75) return Array.from({ length: random.size(0, 8) }, () => randomValue(random, depth - 1));
  return randomMapping(random, depth - 1);
}

/** A mapping with known, hostile and random keys; `__proto__` is an own key, as JSON.parse and YAML make it. */
export function randomMapping(random: Random, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = random.size(0, 6); i > 0; i--) {
    const key = random.pick<() => string>([() => random.pick(KNOWN_KEYS), () => random.pick(HOSTILE_KEYS), () => hostileString(random, 2)])();
    Object.defineProperty(out, key, { value: randomValue(random, depth), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** YAML text for a value: flow style (JSON is YAML), or block style with quoted keys. */
function toYaml(random: Random, value: unknown, indent = ''): string {
  if (random.chance(0.3) || value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return value.length ? value.map((v) => `\n${indent}- ${toYaml(random, v, indent + '  ')}`).join('') : '[]';
  const entries = Object.entries(value);
  return entries.length ? entries.map(([k, v]) => `\n${indent}${JSON.stringify(k)}: ${toYaml(random, v, indent + '  ')}`).join('') : '{}';
}

function paths(random: Random): string[] {
  return [
    `${'d/'.repeat(random.int(1, 60))}x.py`,
    `${'a'.repeat(40)}`,
    `${'a/'.repeat(30)}${'a'.repeat(40)}.py`,
    hostilePath(random),
    hostilePath(random, ''),
  ];
}

/** Generates one config case of `kind`. */
export function generateConfig(kind: string, random: Random): ConfigCase {
  switch (kind) {
    case 'random-yaml':
      return { form: 'yaml', text: toYaml(random, randomMapping(random, 4)).replace(/^\n/, ''), paths: paths(random) };
    case 'random-json':
      return { form: 'json', text: JSON.stringify(random.chance(0.9) ? randomMapping(random, 4) : randomValue(random, 3)), paths: paths(random) };
    case 'random-value':
      return { form: 'value', value: random.chance(0.9) ? randomMapping(random, 4) : randomValue(random, 3), paths: paths(random) };
    case 'hostile-keys': {
      // A config valid but for one hostile key where it is read, as an own key (JSON.parse and YAML make those).
      const own = (key: string, value: unknown, rest: Record<string, unknown> = {}) => Object.defineProperty({ ...rest }, key, { value, enumerable: true, writable: true, configurable: true });
      const key = random.pick(HOSTILE_KEYS);
      const doc = random.pick<() => Record<string, unknown>>([
        () => own(key, { include: ['*.py'] }, { include: ['**/*.py'] }),
        () => ({ rules: own(key, { x: 1 }, { disable: ['DS101'] }) }),
        () => ({ fail_on: own(key, 'low', { severity: 'high' }) }),
        () => ({ report: own(key, 'medium') }),
        () => ({ rules: { severity: own(key, 'high') } }),
      ])();
      const form = random.pick(['yaml', 'json', 'value'] as const);
      return { form, ...(form === 'value' ? { value: doc } : { text: form === 'json' ? JSON.stringify(doc) : toYaml(random, doc).replace(/^\n/, '') }), paths: paths(random) };
    }
    case 'deep-nesting': {
      const n = random.size(10, 20_000);
      const text = random.pick([
        () => `include: ${'['.repeat(n)}${']'.repeat(n)}`,
        () => `rules: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`,
        () => random.repeat(Math.min(n, 2000), (i) => `${'  '.repeat(i)}k${i}:`, '\n') + ' 1',
        () => random.repeat(Math.min(n, 2000), (i) => `${'  '.repeat(i)}-`, '\n') + ' 1',
      ])();
      return { form: 'yaml', text, paths: paths(random) };
    }
    case 'alias-bomb': {
      const width = random.int(2, 12);
      const depth = random.int(2, 12);
      let text = `a0: &a0 [${Array(width).fill('"lol"').join(', ')}]\n`;
      for (let i = 1; i < depth; i++) text += `a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]\n`;
      text += random.pick([`include: *a${depth - 1}\n`, `rules: {disable: *a${depth - 1}}\n`, `x: *a${depth - 1}\n`, 'include: *undefined_anchor\n', `merge:\n  <<: *a0\n`]);
      return { form: 'yaml', text, paths: paths(random) };
    }
    case 'valid-config': {
      const include = Array.from({ length: random.int(1, 4) }, () => random.pick(['**/*.py', 'src/**', '*.py', 'a/*/b.py', '**/test_?.py']));
      const exclude = Array.from({ length: random.int(0, 3) }, () => random.pick(['migrations/**', '**/vendor/**', 'x.py']));
      const maxComments = random.int(0, 1000);
      const disable = Array.from({ length: random.int(0, 3) }, () => `DS${random.int(100, 999)}`);
      const doc = { include, exclude, max_comments: maxComments, rules: { disable, only: null, severity: { DS101: 'low' } }, fail_on: { severity: 'medium' }, report: { confidence: 'high' }, review_drafts: true, inline_comments: false, max_file_bytes: random.int(1, 100_000_000) };
      const form = random.pick(['yaml', 'json', 'value'] as const);
      return { form, ...(form === 'value' ? { value: doc } : { text: form === 'json' ? JSON.stringify(doc) : toYaml(random, doc).replace(/^\n/, '') }), paths: paths(random), valid: { include, exclude, maxComments, disable } };
    }
    case 'hostile-globs': {
      const globs = Array.from({ length: random.int(1, 5) }, () => (random.chance(0.7) ? random.pick(HOSTILE_GLOBS) : hostileString(random, 4)));
      return { form: 'value', value: { [random.pick(['include', 'exclude'])]: globs }, paths: paths(random) };
    }
    case 'hazard-glob-doublestar':
      // Issue 14: 12 `**` against a path 60 folders deep ran for minutes; 7 against 40 takes seconds.
      return { form: 'value', value: { include: [`${'**/'.repeat(7)}*.py`] }, paths: [`${'d/'.repeat(40)}x.txt`] };
    case 'hazard-glob-star-a':
      // Issue 14: `*a*a…*b` against a 40-character name took 31 s.
      return { form: 'value', value: { include: [`${'*a'.repeat(8)}*b`] }, paths: ['a'.repeat(40)] };
    case 'hazard-long-glob':
      // A 100 KB pattern must compile and match (or be refused) at once.
      return { form: 'value', value: { exclude: ['*'.repeat(100_000)] }, paths: [`${'d/'.repeat(60)}x.py`] };
    default:
      throw new Error(`no config generator for kind ${kind}`);
  }
}

