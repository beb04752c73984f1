import { DEFAULT_CONFIG, type DiffsecConfig } from '../../src/config/config.js';
import { compileGlobs } from '../../src/config/glob.js';
import { ConfigError, parseConfig } from '../../src/config/parse-config.js';
import { LEVELS } from '../../src/findings/finding.js';
import { parseYaml } from '../../src/parse-yaml.js';
import { ensure, expectBatterySurvives, type Area } from './battery.js';
import { CONFIG_HAZARDS, CONFIG_KINDS, generateConfig, type ConfigCase } from './config-inputs.js';
import { batterySettings } from './settings.js';

const settings = batterySettings();
const defaults = JSON.stringify(DEFAULT_CONFIG);
const objectKeys = Object.getOwnPropertyNames(Object.prototype).join(',');

const ROOT = ['rules', 'include', 'exclude', 'fail_on', 'report', 'max_comments', 'review_drafts', 'inline_comments', 'max_file_bytes'];
const isMapping = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The first key the documented schema does not have, read independently of parseConfig; null when none. */
function unknownKey(doc: unknown): string | null {
  if (!isMapping(doc)) return null;
  for (const key of Object.keys(doc)) {
    if (!ROOT.includes(key)) return key;
    const value = doc[key];
    if (key === 'rules' && isMapping(value)) {
      for (const k of Object.keys(value)) {
        if (!['disable', 'only', 'severity'].includes(k)) return `rules.${k}`;
        if (k === 'severity' && isMapping(value[k])) for (const id of Object.keys(value[k] as object)) if (!/^DS\d{3}$/.test(id)) return `rules.severity.${id}`;
      }
    }
    if ((key === 'fail_on' || key === 'report') && isMapping(value)) for (const k of Object.keys(value)) if (k !== 'severity' && k !== 'confidence') return `${key}.${k}`;
  }
  return null;
}

/** A parsed config's fields have the documented types and ranges. */
function checkShape(c: DiffsecConfig): void {
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== '');
  ensure(strings(c.include) && strings(c.exclude), 'include/exclude are not lists of non-empty strings');
  ensure(strings(c.rules.disable) && (c.rules.only === null || strings(c.rules.only)), 'rules.disable/only malformed');
  ensure([...c.rules.disable, ...(c.rules.only ?? []), ...Object.keys(c.rules.severity)].every((id) => /^DS\d{3}$/.test(id)), 'a rule id that is not DSnnn');
  ensure(Object.values(c.rules.severity).every((l) => LEVELS.includes(l)), 'a severity override that is not a level');
  for (const t of [c.failOn, c.report]) ensure(LEVELS.includes(t.severity) && LEVELS.includes(t.confidence), 'a threshold that is not a level');
  ensure(Number.isInteger(c.maxComments) && c.maxComments >= 0 && c.maxComments <= 1000, 'max_comments out of range');
  ensure(Number.isInteger(c.maxFileBytes) && c.maxFileBytes >= 1 && c.maxFileBytes <= 100_000_000, 'max_file_bytes out of range');
  ensure(typeof c.reviewDrafts === 'boolean' && typeof c.inlineComments === 'boolean', 'a flag that is not a boolean');
}

function check(c: ConfigCase): void {
  const doc = c.form === 'yaml' ? parseYaml(c.text!) : c.form === 'json' ? JSON.parse(c.text!) : c.value;
  let config: DiffsecConfig;
  try {
    config = parseConfig(doc);
  } finally {
    ensure(JSON.stringify(DEFAULT_CONFIG) === defaults, 'parseConfig changed DEFAULT_CONFIG');
    ensure(Object.getOwnPropertyNames(Object.prototype).join(',') === objectKeys, 'Object.prototype was polluted');
    ensure(({} as Record<string, unknown>).include === undefined, 'Object.prototype was polluted');
  }
  const unknown = unknownKey(doc);
  ensure(unknown === null, `accepted the unknown key '${unknown}' (unknown keys are documented to fail)`);
  checkShape(config);
  if (c.valid) {
    ensure(JSON.stringify(config.include) === JSON.stringify(c.valid.include), 'include differs from the document');
    ensure(JSON.stringify(config.exclude) === JSON.stringify([...DEFAULT_CONFIG.exclude, ...c.valid.exclude]), 'exclude differs from the document');
    ensure(config.maxComments === c.valid.maxComments && JSON.stringify(config.rules.disable) === JSON.stringify(c.valid.disable), 'settings differ from the document');
  }
  // The globs it accepted must match in bounded time (the time bound covers this).
  for (const path of c.paths) {
    const included = compileGlobs(config.include).matches(path);
    const excluded = compileGlobs(config.exclude).matches(path);
    ensure(typeof included === 'boolean' && typeof excluded === 'boolean', 'glob matching did not answer a boolean');
  }
}

const YAML_ERRORS = new Set(['YAMLParseError', 'YAMLWarning', 'YAMLError']);

const config: Area<ConfigCase> = {
  name: 'config',
  kinds: CONFIG_KINDS,
  hazards: CONFIG_HAZARDS,
  generate: generateConfig,
  check,
  // ConfigError names the key; yaml's own errors name the line, and refuse alias bombs and unknown anchors.
  allowed: (e) => e instanceof ConfigError || YAML_ERRORS.has(e.name) || (e.name === 'ReferenceError' && /alias/i.test(e.message)),
  boundMs: (c, s) => s.boundMs + Math.round((3000 * (c.text?.length ?? 0)) / 1_000_000),
  describe: (c) => `${c.form}${c.text ? `, ${c.text.length} chars` : ''}`,
};

describe('robustness: config (parseYaml, parseConfig, globs)', () => {
  it(`survives ${settings.full ? 'the full battery' : 'a quick battery'} of generated configs`, () => expectBatterySurvives(config, { quick: 300, full: 2000 }, settings), 3_600_000);
});
