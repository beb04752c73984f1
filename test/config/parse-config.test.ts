import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ConfigError, parseConfig } from '../../src/config/parse-config.js';

describe('parseConfig', () => {
  it('gives the defaults for an empty file', () => {
    expect(parseConfig(null)).toEqual(DEFAULT_CONFIG);
  });

  it('reads every key', () => {
    const config = parseConfig({
      rules: { disable: ['DS705'], only: ['DS101', 'DS705'], severity: { DS101: 'medium' } },
      include: ['src/**/*.py'],
      exclude: ['migrations/**'],
      fail_on: { severity: 'medium' },
      report: { confidence: 'medium' },
      max_comments: 10,
      review_drafts: true,
      inline_comments: false,
      max_file_bytes: 2048,
      on_incomplete: 'neutral',
    });
    expect(config).toEqual({
      rules: { disable: ['DS705'], only: ['DS101', 'DS705'], severity: { DS101: 'medium' } },
      include: ['src/**/*.py'],
      exclude: [...DEFAULT_CONFIG.exclude, 'migrations/**'],
      failOn: { severity: 'medium', confidence: 'medium' },
      report: { severity: 'low', confidence: 'medium' },
      maxComments: 10,
      reviewDrafts: true,
      inlineComments: false,
      maxFileBytes: 2048,
      onIncomplete: 'neutral',
    });
  });

  it.each([
    [{ max_coments: 3 }, "'max_coments' is not a known key"],
    [{ rules: { disabled: [] } }, "'rules.disabled' is not a known key"],
    [{ rules: { disable: ['B602'] } }, "'rules.disable' has 'B602', which is not a rule id"],
    [{ fail_on: { severity: 'critical' } }, "'fail_on.severity' must be one of low, medium, high"],
    [{ fail_on: { level: 'high' } }, "'fail_on.level' is not a known key"],
    [{ max_comments: -1 }, "'max_comments' must be a whole number from 0 to 1000"],
    [{ review_drafts: 'yes' }, "'review_drafts' must be true or false"],
    [{ on_incomplete: 'success' }, "'on_incomplete' must be failure or neutral"],
    [{ include: 'src' }, "'include' must be a list of non-empty strings"],
    [['a'], "'(root)' must be a mapping"],
  ])('rejects %j naming the key', (raw, message) => {
    expect(() => parseConfig(raw)).toThrow(ConfigError);
    expect(() => parseConfig(raw)).toThrow(message);
  });
});
