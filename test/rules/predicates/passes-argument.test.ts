import { passesArgumentPredicate } from '../../../src/rules/predicates/passes-argument.js';
import { firstNode } from '../../helpers/parse.js';

const holds = (source: string, arg: unknown) => {
  const { node, imports } = firstNode(source, 'call');
  return passesArgumentPredicate.test(node, arg, { path: 'app.py', imports });
};
const args = (source: string, arg: unknown) => {
  const { node, imports } = firstNode(source, 'argument_list');
  return passesArgumentPredicate.test(node, arg, { path: 'app.py', imports });
};
const privKey = { position: 3, keyword: 'privKey' };

describe('passes-argument', () => {
  it.each([
    'UsmUserData("u", "auth", "priv")',
    'UsmUserData("u", "auth", "priv", usmHMACSHAAuthProtocol)',
    'UsmUserData("u", authKey="a", privKey=key)',
    'UsmUserData(\n    "u",\n    # the keys\n    "auth",\n    privKey=None,\n)',
    'UsmUserData("u", *keys)',
    'UsmUserData(*params)',
    'UsmUserData("u", **secrets)',
    'UsmUserData("u", "a", # auth\n "p")',
  ])('%j passes the privacy key (or may)', (source) => {
    expect(holds(source, privKey)).toBe(true);
  });

  it.each([
    'UsmUserData("u")',
    'UsmUserData("u", "auth")',
    'UsmUserData("u", authKey="a", authProtocol=p)',
    'UsmUserData("u", "a", privProtocol=usmAesCfb128Protocol)',
    'UsmUserData("u", "a", priv_key="p")',
    'UsmUserData()',
  ])('%j does not', (source) => {
    expect(holds(source, privKey)).toBe(false);
  });

  it('reads a call or its argument list', () => {
    expect(args('CommunityData("idx", "public", 0)', { position: 3, keyword: 'mpModel' })).toBe(true);
    expect(args('CommunityData("public")', { position: 3, keyword: 'mpModel' })).toBe(false);
  });

  it('takes the keyword alone or the position alone', () => {
    expect(holds('listen(9999, verify=check)', { keyword: 'verify' })).toBe(true);
    expect(holds('listen(9999, check)', { keyword: 'verify' })).toBe(false);
    expect(holds('listen(9999, check)', { position: 2 })).toBe(true);
    expect(holds('listen(9999, verify=check)', { position: 2 })).toBe(false);
  });

  it('checks its argument', () => {
    expect(passesArgumentPredicate.checkArg(privKey)).toBeNull();
    expect(passesArgumentPredicate.checkArg({ keyword: 'verify' })).toBeNull();
    expect(passesArgumentPredicate.checkArg({ position: 2 })).toBeNull();
    expect(passesArgumentPredicate.checkArg({})).toMatch(/takes/);
    expect(passesArgumentPredicate.checkArg({ position: 0 })).toMatch(/position/);
    expect(passesArgumentPredicate.checkArg({ position: 1.5 })).toMatch(/position/);
    expect(passesArgumentPredicate.checkArg({ keyword: 'a-b' })).toMatch(/keyword/);
    expect(passesArgumentPredicate.checkArg({ keywords: ['a'] })).toMatch(/takes/);
    expect(passesArgumentPredicate.checkArg(['a'])).toMatch(/takes/);
  });
});
