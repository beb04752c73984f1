import { lastNameMatches } from '../../../src/rules/predicates/last-name-matches.js';
import { firstNode } from '../../helpers/parse.js';

const USER_VERBS = '^_*(?:(?:create|add|update|modify|set|ensure)_(?:[a-z]+_)?users?|user_?(?:add|mod|create|update)|adduser)$';

/** Tests the callee of the snippet's first call. */
const holds = (source: string, regex: string = USER_VERBS) => {
  const { node: call, imports } = firstNode(`${source}\n`, 'call');
  return lastNameMatches.test(call.childForFieldName('function')!, regex, { path: 'users.py', imports });
};

describe('last-name-matches', () => {
  it.each([
    ['distro.create_user("heat-admin", shell="/bin/bash")'],
    ['cloud.distro.add_user(name, shell=shell)'],
    ['self._distro().create_user(name, shell="/bin/sh")'],
    ['(distro.ensure_user)(name, shell="/bin/sh")'],
    ['create_user(name, shell="/bin/sh")'],
    ['users.useradd(name, shell="bash")'],
    ['self._add_system_user(name, shell="/sbin/nologin")'],
    ['distro.create_users(names, shell="/bin/bash")'],
  ])('%s: a user-management method', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    ['host.run_as_user(name, cmd, shell=True)'],
    ['self.execute_user_command(cmd, shell=True)'],
    ['create_user_shell(cmd, shell=True)'],
    // The object's name is not the method's: only the last name counts.
    ['create_user.execute(cmd, shell=True)'],
    ['handlers["create_user"](name, shell=True)'],
    ['make_runner()(cmd, shell=True)'],
  ])('%s: it is not', (source) => {
    expect(holds(source)).toBe(false);
  });

  it('takes any regular expression, matched against the name as written', () => {
    expect(holds('x.Popen(cmd)', '^Popen$')).toBe(true);
    expect(holds('x.popen(cmd)', '^Popen$')).toBe(false);
  });

  it('gives the literals its regular expression needs as a text condition', () => {
    expect(lastNameMatches.condition!('^create_user$')).toEqual({ kind: 'literals', literals: ['create_user'], token: false });
  });

  it('checks its argument', () => {
    expect(lastNameMatches.checkArg(USER_VERBS)).toBeNull();
    expect(lastNameMatches.checkArg('(')).toMatch(/not a valid/);
    expect(lastNameMatches.checkArg(['create_user'])).toMatch(/takes/);
  });
});
