import { parsePython } from '../../../src/analysis/python-parser.js';
import { policyValuesBefore } from '../../../src/rules/predicates/policy-values-before.js';

/** The last read of `credentials` in the snippet (the argument of `log`). */
const lastRead = (source: string) => {
  const names = parsePython(`${source}\n`).rootNode.descendantsOfType('identifier').filter((n) => n.text === 'credentials');
  return names[names.length - 1]!;
};
const holdsPolicyValues = (body: string) => policyValuesBefore(lastRead(`def f(context, target, user):\n${body.replace(/^/gm, '    ')}`));

describe('policy-values-before', () => {
  it.each([
    ['credentials = context.to_policy_values()\nlog(credentials)', 'bound just before'],
    ['credentials = context.to_policy_values()\nif user:\n    credentials["system"] = 1\ntry:\n    target, credentials = check(target, credentials)\nexcept E:\n    pass\ntry:\n    go()\nexcept F:\n    log(credentials)', 'a key set, handed through a helper, read in an except'],
  ])('%s: %s', (body) => {
    expect(holdsPolicyValues(body)).toBe(true);
  });

  it.each([
    ['log(credentials)', 'never bound here'],
    ['if user:\n    credentials = context.to_policy_values()\nlog(credentials)', 'bound on one branch only'],
    ['credentials = context.to_policy_values()\nif user:\n    credentials = {"password": user.password}\nlog(credentials)', 'rebound on a branch'],
    ['credentials = context.to_policy_values()\ncredentials = load(context)\nlog(credentials)', 'rebound since'],
    ['credentials = context.to_dict()\nlog(credentials)', 'another call'],
  ])('%s: not (%s)', (body) => {
    expect(holdsPolicyValues(body)).toBe(false);
  });
});
