import { flowsIntoSecretName } from '../../../src/rules/predicates/flows-into-secret-name.js';
import { checkSecretNameArg, isSecretNameFor, isSecretNamePredicate, secretNameText } from '../../../src/rules/predicates/is-secret-name.js';
import { firstNode } from '../../helpers/parse.js';

const also = { also: ['salt', 'session_id', 'reset_code', 'admin_pass'] };

describe('secret-name predicates with extra last words', () => {
  it.each(['salt', 'password_salt', 'SESSION_ID', 'sessionId', 'user_reset_code', 'DEFAULT_ADMIN_PASS', 'api_key'])('%s counts with the extra words', (name) => {
    expect(isSecretNameFor(name, also)).toBe(true);
  });

  it.each(['salts', 'salt_length', 'id', 'code', 'session', 'pass', 'first_pass'])('%s does not', (name) => {
    expect(isSecretNameFor(name, also)).toBe(false);
  });

  it('without extra words keeps the plain secret names', () => {
    expect(isSecretNameFor('salt', true)).toBe(false);
    expect(isSecretNameFor('admin_password', true)).toBe(true);
  });

  it('gates on the extra words too', () => {
    const condition = secretNameText(also);
    expect(new RegExp(condition.source, condition.flags).test('sessionId = x')).toBe(true);
    expect(new RegExp(condition.source, condition.flags).test('salt = x')).toBe(true);
    expect(new RegExp(secretNameText(true).source, 'i').test('salt = x')).toBe(false);
  });

  it('applies them in is-secret-name and flows-into-secret-name', () => {
    const { node, imports } = firstNode('ADMIN_PASS = "x"\n', 'identifier');
    expect(isSecretNamePredicate.test(node, also, { path: 'a.py', imports })).toBe(true);
    expect(isSecretNamePredicate.test(node, true, { path: 'a.py', imports })).toBe(false);
    const call = firstNode('salt = pick()\n', 'call');
    expect(flowsIntoSecretName.test(call.node, { also: ['salt'] }, { path: 'a.py', imports: call.imports })).toEqual({ target: 'salt' });
    expect(flowsIntoSecretName.test(call.node, true, { path: 'a.py', imports: call.imports })).toBe(false);
  });

  it('checks its argument', () => {
    expect(checkSecretNameArg(true)).toBeNull();
    expect(checkSecretNameArg(also)).toBeNull();
    expect(checkSecretNameArg({ also: [] })).toMatch(/takes/);
    expect(checkSecretNameArg({ also: ['Salt'] })).toMatch(/takes/);
    expect(checkSecretNameArg({ also: ['salt'], more: 1 })).toMatch(/takes/);
    expect(checkSecretNameArg(false)).toMatch(/takes/);
  });
});
