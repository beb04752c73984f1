import { parseConfig } from '../../src/config/parse-config.js';

describe('flow: in the config', () => {
  it('reads secret names, sanitizers and steps', () => {
    const config = parseConfig({ flow: { secret_names: ['vault_blob'], sanitizers: ['acme.scrub', 'acme.masks.*'], steps: ['acme.cmd.build'] } });
    expect(config.flow).toEqual({ secretNames: ['vault_blob'], sanitizers: ['acme.scrub', 'acme.masks.*'], steps: ['acme.cmd.build'], userVisibleErrors: [], trustedErrors: [] });
  });

  it('reads the exceptions users see and those whose text is written for them', () => {
    const config = parseConfig({ flow: { user_visible_errors: ['acme.exception.TenantFault'], trusted_errors: ['acme.exception.*'] } });
    expect(config.flow).toMatchObject({ userVisibleErrors: ['acme.exception.TenantFault'], trustedErrors: ['acme.exception.*'] });
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
    [{ flow: { constructor: ['x'] } }, "'flow.constructor' is not a known key"],
    [{ flow: { trusted_errors: ['acme exception'] } }, "'flow.trusted_errors' holds \"acme exception\"; give dotted names like myproject.exception.*"],
    [{ flow: { user_visible_errors: 'acme.Fault' } }, "'flow.user_visible_errors' must be a list of strings"],
    [{ flow: { steps: Array.from({ length: 201 }, (_, i) => `a.f${i}`) } }, 'at most 200'],
  ])('refuses %j', (doc, problem) => {
    expect(() => parseConfig(doc)).toThrow(problem);
  });
});
