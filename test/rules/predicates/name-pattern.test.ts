import { matchesNamePattern } from '../../../src/rules/predicates/name-pattern.js';

describe('matchesNamePattern', () => {
  it.each([
    ['os.system', ['os.system'], true],
    ['os.systems', ['os.system'], false],
    ['os.execvp', ['os.exec*'], true],
    ['nova.openstack.common.processutils.execute', ['*.openstack.common.processutils.execute'], true],
    ['a.b.openstack.common.processutils.execute', ['*.openstack.common.processutils.execute'], true],
    ['openstack.common.processutils.execute', ['*.openstack.common.processutils.execute'], true],
    // Whole parts only, and the whole path.
    ['nova.myopenstack.common.processutils.execute', ['*.openstack.common.processutils.execute'], false],
    ['nova.openstack.common.processutils.execute_root', ['*.openstack.common.processutils.execute'], false],
    ['processutils.execute', ['*.openstack.common.processutils.execute'], false],
  ] as const)('%s against %j → %s', (name, patterns, expected) => {
    expect(matchesNamePattern(name, patterns)).toBe(expected);
  });
});
