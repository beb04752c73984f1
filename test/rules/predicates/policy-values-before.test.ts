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

describe('policy-values-before: a parameter read as a policy context', () => {
  const read = (source: string) => policyValuesBefore(lastRead(source));

  it('holds for a parameter the function reads its policy view or values from, never rebound', () => {
    expect(read('def f(action, credentials):\n    try:\n        authorize(action, {}, credentials.to_policy_view())\n    except E:\n        log(credentials)\n')).toBe(true);
    expect(read('def f(action, credentials=None):\n    enforce(action, credentials.to_policy_values())\n    log(credentials)\n')).toBe(true);
  });

  it('does not for a parameter used otherwise, rebound, or a name that is no parameter', () => {
    expect(read('def f(action, credentials):\n    login(credentials)\n    log(credentials)\n')).toBe(false);
    expect(read('def f(action, credentials):\n    authorize(action, {}, credentials.to_policy_view())\n    credentials = load()\n    log(credentials)\n')).toBe(false);
    expect(read('def f(action, ctx):\n    authorize(action, {}, credentials.to_policy_view())\n    log(credentials)\n')).toBe(false);
  });
});
