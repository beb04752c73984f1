import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ConfigError, parseConfig } from '../../src/config/parse-config.js';
import { parseYaml } from '../../src/parse-yaml.js';

describe('parseConfig', () => {
  it('gives the defaults for an empty file', () => {
    expect(parseConfig(null)).toEqual(DEFAULT_CONFIG);
  });

  it('reads every key', () => {
    const config = parseConfig({
      rules: { disable: ['DS705'], enable: ['DS205'], only: ['DS101', 'DS705'], severity: { DS101: 'medium' } },
      include: ['src/**/*.py'],
      python_shebang: false,
      exclude: ['migrations/**'],
      per_file_ignores: { 'tests/**': ['DS705', 'DS204'], 'scripts/': [] },
      fail_on: { severity: 'medium' },
      report: { confidence: 'medium' },
      max_comments: 10,
      review_drafts: true,
      inline_comments: false,
      max_file_bytes: 2048,
      on_incomplete: 'neutral',
      skip_generated: false,
      skip_vendored: ['deps/'],
      scope: { new_findings: false },
    });
    expect(config).toEqual({
      rules: { disable: ['DS705'], enable: ['DS205'], only: ['DS101', 'DS705'], severity: { DS101: 'medium' } },
      include: ['src/**/*.py'],
      pythonShebang: false,
      exclude: [...DEFAULT_CONFIG.exclude, 'migrations/**'],
      perFileIgnores: [
        { glob: 'tests/**', rules: ['DS705', 'DS204'] },
        { glob: 'scripts/', rules: [] },
      ],
      failOn: { severity: 'medium', confidence: 'medium' },
      report: { severity: 'low', confidence: 'medium' },
      maxComments: 10,
      reviewDrafts: true,
      inlineComments: false,
      maxFileBytes: 2048,
      onIncomplete: 'neutral',
      skipGenerated: false,
      skipVendored: ['deps/'],
      scope: { newFindings: false },
    });
  });

  it.each([
    [{ max_coments: 3 }, "'max_coments' is not a known key"],
    [{ rules: { disabled: [] } }, "'rules.disabled' is not a known key"],
    [{ per_file_ignores: { 'tests/**': ['S602'] } }, "'per_file_ignores.tests/**' has 'S602', which is not a rule id"],
    [{ per_file_ignores: { '[tests/': ['DS101'] } }, "'per_file_ignores.[tests/' has '[tests/' cannot match any path"],
    [{ per_file_ignores: ['tests/**'] }, "'per_file_ignores' must be a mapping"],
    [{ rules: { disable: ['B602'] } }, "'rules.disable' has 'B602', which is not a rule id"],
    [{ fail_on: { severity: 'critical' } }, "'fail_on.severity' must be one of low, medium, high"],
    [{ fail_on: { level: 'high' } }, "'fail_on.level' is not a known key"],
    [{ max_comments: -1 }, "'max_comments' must be a whole number from 0 to 1000"],
    [{ review_drafts: 'yes' }, "'review_drafts' must be true or false"],
    [{ on_incomplete: 'success' }, "'on_incomplete' must be failure or neutral"],
    [{ include: 'src' }, "'include' must be a list of non-empty strings"],
    [{ scope: { new_finding: true } }, "'scope.new_finding' is not a known key (known: new_findings)"],
    [{ scope: { new_findings: 'yes' } }, "'scope.new_findings' must be true or false"],
    [{ scope: true }, "'scope' must be a mapping"],
    [['a'], "'(root)' must be a mapping"],
  ])('rejects %j naming the key', (raw, message) => {
    expect(() => parseConfig(raw)).toThrow(ConfigError);
    expect(() => parseConfig(raw)).toThrow(message);
  });

  // YAML and JSON parsers make `__proto__` an own key (not the prototype); each of these must fail
  // like any unknown key, naming it, and never reach Object.prototype.
  it.each([
    ['__proto__: {max_comments: 3}', "'__proto__' is not a known key"],
    ['constructor: {}', "'constructor' is not a known key"],
    ['prototype: 1', "'prototype' is not a known key"],
    ['rules: {constructor: {disable: [DS101]}}', "'rules.constructor' is not a known key"],
    ['rules: {__proto__: {disable: [DS101]}}', "'rules.__proto__' is not a known key"],
    ['rules: {severity: {__proto__: {DS101: low}}}', "'rules.severity.__proto__' is not a known key"],
    ['rules: {severity: {constructor: low}}', "'rules.severity.constructor' is not a known key"],
    ['fail_on: {__proto__: {severity: low}}', "'fail_on.__proto__' is not a known key"],
    ['report: {prototype: {severity: high}}', "'report.prototype' is not a known key"],
  ])('rejects the YAML %s naming the key', (yaml, message) => {
    expect(() => parseConfig(parseYaml(yaml))).toThrow(message);
  });

  it('rejects the same keys from JSON, and pollutes nothing', () => {
    expect(() => parseConfig(JSON.parse('{"__proto__": {"max_comments": 3}}'))).toThrow("'__proto__' is not a known key");
    expect(() => parseConfig(JSON.parse('{"fail_on": {"__proto__": {"severity": "low"}}}'))).toThrow("'fail_on.__proto__' is not a known key");
    expect(({} as Record<string, unknown>)['max_comments']).toBeUndefined();
    expect(({} as Record<string, unknown>)['severity']).toBeUndefined();
  });

  it('never reads inherited settings, and takes only plain mappings', () => {
    // An object with settings on its prototype is not a plain mapping: refused, not half-read.
    expect(() => parseConfig(Object.create({ max_comments: 3 }) as object)).toThrow("'(root)' must be a mapping");
    expect(() => parseConfig({ rules: Object.create({ disable: ['DS101'] }) as object })).toThrow("'rules' must be a mapping");
    expect(parseConfig(Object.assign(Object.create(null) as object, { max_comments: 3 })).maxComments).toBe(3);
    expect(() => parseConfig(new Map([['max_comments', 3]]))).toThrow("'(root)' must be a mapping");
    expect(() => parseConfig({ fail_on: new Date() })).toThrow("'fail_on' must be a mapping");
  });

  it.each([
    [{ exclude: ['tests/', 'src/../x.py'] }, "'exclude' has 'src/../x.py' cannot match any path: paths are compared from the root without `.` or `..` folders"],
    [{ include: ['/'] }, "'include' has '/' cannot match any path"],
    [{ exclude: ['{a,b}'.repeat(20)] }, `'exclude' has '${'{a,b}'.repeat(20)}' expands to more than 64 patterns through its braces`],
    [{ include: ['*'.repeat(501)] }, "'include' has '****************************************…' is 501 characters long; a pattern takes at most 500"],
    [{ exclude: Array.from({ length: 201 }, (_, i) => `x${i}`) }, "'exclude' has 201 patterns; at most 200 are accepted"],
  ])('rejects globs that cannot match or are too big, naming them: %j', (raw, message) => {
    expect(() => parseConfig(raw)).toThrow(ConfigError);
    expect(() => parseConfig(raw)).toThrow(message);
  });

  it('accepts braces, classes, negations and 200 patterns', () => {
    const exclude = ['{docs,examples}/', 'gen_[0-9]*.py', '!tests/keep.py', ...Array.from({ length: 197 }, (_, i) => `x${i}/`)];
    expect(parseConfig({ exclude }).exclude).toEqual([...DEFAULT_CONFIG.exclude, ...exclude]);
  });
});
