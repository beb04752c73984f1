import { DEFAULT_CONFIG, type DiffsecConfig } from '../../src/config/config.js';
import { selectRules } from '../../src/rules/select-rules.js';
import { makeRule } from '../helpers/make-rule.js';

const always = makeRule({ id: 'DS101' });
const optIn = { ...makeRule({ id: 'DS205' }), optIn: true as const };

function config(rules: Partial<DiffsecConfig['rules']>): DiffsecConfig {
  return { ...structuredClone(DEFAULT_CONFIG), rules: { ...structuredClone(DEFAULT_CONFIG.rules), ...rules } };
}

const ids = (c: DiffsecConfig) => selectRules([always, optIn], c).map((r) => r.id);

describe('selectRules', () => {
  it('leaves a default: off rule out unless the config enables it', () => {
    expect(ids(config({}))).toEqual(['DS101']);
    expect(ids(config({ enable: ['DS205'] }))).toEqual(['DS101', 'DS205']);
  });

  it('runs a default: off rule that rules.only names, and only what it names', () => {
    expect(ids(config({ only: ['DS205'] }))).toEqual(['DS205']);
  });

  it('lets disable win over enable', () => {
    expect(ids(config({ enable: ['DS205'], disable: ['DS205'] }))).toEqual(['DS101']);
  });

  it('refuses an unknown id in enable', () => {
    expect(() => ids(config({ enable: ['DS999'] }))).toThrow(/DS999, which does not exist/);
  });
});
