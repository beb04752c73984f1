import { resolvesToWithStarImports } from '../../../src/rules/predicates/resolves-to-with-star-imports.js';
import { firstNode } from '../../helpers/parse.js';

const NAMES = ['pysnmp.hlapi.CommunityData', 'pysnmp.hlapi.v3arch.asyncio.CommunityData'];

/** Tests the callee of the last call in the snippet. */
const holds = (source: string, names: string[] = NAMES) => {
  const { node: module, imports } = firstNode(source, 'module');
  const calls = module.descendantsOfType('call');
  const callee = calls[calls.length - 1]!.childForFieldName('function')!;
  return resolvesToWithStarImports.test(callee, names, { path: 'app.py', imports });
};

describe('resolves-to-with-star-imports', () => {
  it.each([
    'from pysnmp.hlapi import CommunityData as CD\nCD("public")',
    'from pysnmp import hlapi\nhlapi.CommunityData("public")',
    'from pysnmp.hlapi import *\nCommunityData("public")',
    'from pysnmp.hlapi.v3arch.asyncio import *\n\ndef auth():\n    return CommunityData("public", mpModel=0)',
    'try:\n    from pysnmp.hlapi import *\nexcept ImportError:\n    pass\nCommunityData("public")',
  ])('%j resolves', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'CommunityData("public")',
    'from myproject.snmp import *\nCommunityData("public")',
    'from pysnmp.hlapi import *\nfrom myproject.snmp import CommunityData\nCommunityData("public")',
    'from pysnmp.hlapi import *\n\nclass CommunityData:\n    pass\n\nCommunityData("public")',
    'from pysnmp.hlapi import *\nCommunityData = make_community_class()\nCommunityData("public")',
    'from pysnmp.hlapi import *\nfor CommunityData, other in pairs:\n    CommunityData("public")',
    'from pysnmp.hlapi import *\nsnmp.CommunityData("public")',
    'from pysnmp.hlapi import *\nUsmUserData("user")',
    'from pysnmp import *\nCommunityData("public")',
  ])('%j does not', (source) => {
    expect(holds(source)).toBe(false);
  });

  it('takes prefix patterns, matched against the star-imported module', () => {
    expect(holds('from pysnmp.hlapi import *\nusmNoPrivProtocol()', ['pysnmp.*'])).toBe(true);
    expect(holds('from os import *\nsystem("ls")', ['pysnmp.*'])).toBe(false);
  });

  it('gates on the names and their bare last parts, and not at all with a prefix pattern', () => {
    expect(resolvesToWithStarImports.condition!(NAMES)).toEqual({
      kind: 'names',
      names: [...NAMES, 'CommunityData'],
    });
    expect(resolvesToWithStarImports.condition!(['pysnmp.*'])).toBeNull();
  });

  it('checks its argument', () => {
    expect(resolvesToWithStarImports.checkArg(NAMES)).toBeNull();
    expect(resolvesToWithStarImports.checkArg([])).toMatch(/takes/);
    expect(resolvesToWithStarImports.checkArg('pysnmp.hlapi.CommunityData')).toMatch(/takes/);
  });
});
