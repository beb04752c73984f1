import { LEVELS, type Level } from '../findings/finding.js';
import { DEFAULT_CONFIG, type DiffsecConfig, type Threshold } from './config.js';
import { parseFlowExtensions } from './flow-extensions.js';
import { compileGlobs, GlobError, MAX_GLOBS } from './glob.js';

/** An invalid setting: names the key and the problem. */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`diffsec config: '${key}' ${problem}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates a parsed `diffsec.yml` (snake_case keys) over the defaults. An unknown key is an error
 * naming it, so a misspelt setting never passes silently.
 *
 * ```yaml
 * rules: { disable: [DS301], enable: [DS205], only: null, severity: { DS105: low } }
 * include: ['**\/*.py']
 * python_shebang: true
 * exclude: ['migrations/**']
 * per_file_ignores: { 'tests/**': [DS705, DS204] }
 * fail_on: { severity: high, confidence: medium }
 * report: { severity: low, confidence: low }
 * max_comments: 30
 * review_drafts: false
 * inline_comments: true
 * max_file_bytes: 1000000
 * on_incomplete: failure
 * skip_generated: true
 * skip_vendored: ['vendor/', 'vendored/', '_vendor/', 'third_party/', 'thirdparty/', 'third-party/', 'externals/']
 * scope: { new_findings: true }
 * flow: { secret_names: [vault_blob], sanitizers: [myproject.scrub], steps: [myproject.build_cmd] }
 * ```
 */
export function parseConfig(raw: unknown): DiffsecConfig {
  if (raw === null || raw === undefined) return structuredClone(DEFAULT_CONFIG);
  const doc = mapping(raw, '(root)');
  const config = structuredClone(DEFAULT_CONFIG);
  for (const [key, value] of Object.entries(doc)) {
    switch (key) {
      case 'rules': {
        const rules = mapping(value, 'rules');
        for (const [k, v] of Object.entries(rules)) {
          if (k === 'disable') config.rules.disable = ruleIds(v, 'rules.disable');
          else if (k === 'enable') config.rules.enable = ruleIds(v, 'rules.enable');
          else if (k === 'only') config.rules.only = v === null ? null : ruleIds(v, 'rules.only');
          else if (k === 'severity') {
            const overrides = mapping(v, 'rules.severity');
            for (const [id, level] of Object.entries(overrides)) {
              if (!/^DS\d{3}$/.test(id)) throw new ConfigError(`rules.severity.${id}`, 'is not a rule id like DS101');
              config.rules.severity[id] = levelOf(level, `rules.severity.${id}`);
            }
          } else throw new ConfigError(`rules.${k}`, 'is not a known key (known: disable, enable, only, severity)');
        }
        break;
      }
      case 'include':
        config.include = globs(value, key);
        break;
      case 'python_shebang':
        config.pythonShebang = boolean(value, key);
        break;
      case 'exclude':
        config.exclude = [...DEFAULT_CONFIG.exclude, ...globs(value, key)];
        break;
      case 'per_file_ignores': {
        const entries = Object.entries(mapping(value, key));
        if (entries.length > MAX_GLOBS) throw new ConfigError(key, `has ${entries.length} patterns; at most ${MAX_GLOBS} are accepted`);
        config.perFileIgnores = entries.map(([glob, ids]) => {
          globs([glob], `${key}.${glob}`);
          return { glob, rules: ruleIds(ids, `${key}.${glob}`) };
        });
        break;
      }
      case 'fail_on':
        config.failOn = threshold(value, key, config.failOn);
        break;
      case 'report':
        config.report = threshold(value, key, config.report);
        break;
      case 'max_comments':
        config.maxComments = integer(value, key, 0, 1000);
        break;
      case 'review_drafts':
        config.reviewDrafts = boolean(value, key);
        break;
      case 'inline_comments':
        config.inlineComments = boolean(value, key);
        break;
      case 'max_file_bytes':
        config.maxFileBytes = integer(value, key, 1, 100_000_000);
        break;
      case 'on_incomplete':
        if (value !== 'failure' && value !== 'neutral') throw new ConfigError(key, 'must be failure or neutral');
        config.onIncomplete = value;
        break;
      case 'skip_generated':
        config.skipGenerated = boolean(value, key);
        break;
      case 'skip_vendored':
        // Replaces the default list: `skip_vendored: []` reviews vendored folders too.
        config.skipVendored = globs(value, key);
        break;
      case 'scope': {
        for (const [k, v] of Object.entries(mapping(value, key))) {
          if (k === 'new_findings') config.scope.newFindings = boolean(v, 'scope.new_findings');
          else throw new ConfigError(`scope.${k}`, 'is not a known key (known: new_findings)');
        }
        break;
      }
      case 'flow':
        config.flow = parseFlowExtensions(value, (k, problem) => {
          throw new ConfigError(k, problem);
        });
        break;
      default:
        throw new ConfigError(key, 'is not a known key (known: rules, include, python_shebang, exclude, per_file_ignores, fail_on, report, max_comments, review_drafts, inline_comments, max_file_bytes, on_incomplete, skip_generated, skip_vendored, scope, flow)');
    }
  }
  return config;
}

/**
 * A mapping's own keys, never inherited ones. YAML and JSON parsers make `__proto__` an own key
 * (not the prototype), and Object.entries lists only own keys; `__proto__`, `constructor` and
 * `prototype` are refused by name here too, so no later lookup can reach Object.prototype.
 */
function mapping(value: unknown, key: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(key, 'must be a mapping');
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new ConfigError(key, 'must be a mapping');
  const unsafe = Object.keys(value).find((k) => UNSAFE_KEYS.has(k));
  if (unsafe !== undefined) throw new ConfigError(key === '(root)' ? unsafe : `${key}.${unsafe}`, 'is not a known key');
  return value as Record<string, unknown>;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function strings(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) throw new ConfigError(key, 'must be a list of non-empty strings');
  return value as string[];
}

/** A list of globs, at most MAX_GLOBS, each one that can match a path (see glob.ts). */
function globs(value: unknown, key: string): string[] {
  const list = strings(value, key);
  if (list.length > MAX_GLOBS) throw new ConfigError(key, `has ${list.length} patterns; at most ${MAX_GLOBS} are accepted`);
  try {
    compileGlobs(list);
  } catch (error) {
    if (error instanceof GlobError) throw new ConfigError(key, `has ${error.message}`);
    throw error;
  }
  return list;
}

function ruleIds(value: unknown, key: string): string[] {
  const ids = strings(value, key);
  const bad = ids.find((id) => !/^DS\d{3}$/.test(id));
  if (bad) throw new ConfigError(key, `has '${bad}', which is not a rule id like DS101`);
  return ids;
}

function levelOf(value: unknown, key: string): Level {
  if (!LEVELS.includes(value as Level)) throw new ConfigError(key, `must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(value)})`);
  return value as Level;
}

function threshold(value: unknown, key: string, base: Threshold): Threshold {
  const doc = mapping(value, key);
  const out = { ...base };
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'severity') out.severity = levelOf(v, `${key}.severity`);
    else if (k === 'confidence') out.confidence = levelOf(v, `${key}.confidence`);
    else throw new ConfigError(`${key}.${k}`, 'is not a known key (known: severity, confidence)');
  }
  return out;
}

function integer(value: unknown, key: string, min: number, max: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) throw new ConfigError(key, `must be a whole number from ${min} to ${max}`);
  return value as number;
}

function boolean(value: unknown, key: string): boolean {
  if (typeof value !== 'boolean') throw new ConfigError(key, 'must be true or false');
  return value;
}
