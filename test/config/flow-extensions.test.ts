import { parseConfig } from '../../src/config/parse-config.js';

describe('flow: in the config', () => {
  it('reads secret names, sanitizers and steps', () => {
    const config = parseConfig({ flow: { secret_names: ['vault_blob'], sanitizers: ['acme.scrub', 'acme.masks.*'], steps: ['acme.cmd.build'] } });
    expect(config.flow).toEqual({ secretNames: ['vault_blob'], sanitizers: ['acme.scrub', 'acme.masks.*'], steps: ['acme.cmd.build'] });
  });

  it('leaves flow unset when the config does not name it', () => {
    expect(parseConfig({ rules: { disable: ['DS101'] } }).flow).toBeUndefined();
  });

  it.each([
    [{ flow: ['x'] }, "'flow' must be a mapping"],
    [{ flow: { secret_names: 'vault' } }, "'flow.secret_names' must be a list of strings"],
    [{ flow: { secret_names: ['Vault-Blob'] } }, "'flow.secret_names' holds \"Vault-Blob\""],
    [{ flow: { sanitizers: ['acme scrub'] } }, "'flow.sanitizers' holds \"acme scrub\""],
    [{ flow: { steps: ['a.(b)'] } }, "'flow.steps' holds"],
    [{ flow: { sources: ['x'] } }, "'flow.sources' is not a known key"],
    [{ flow: { steps: Array.from({ length: 201 }, (_, i) => `a.f${i}`) } }, 'at most 200'],
  ])('refuses %j', (doc, problem) => {
    expect(() => parseConfig(doc)).toThrow(problem);
  });
});
