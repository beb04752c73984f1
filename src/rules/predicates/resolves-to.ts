import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';

/** The capture is a name or attribute chain that, after import aliases, is one of the listed names. */
export const resolvesTo: Predicate = {
  name: 'resolves-to',
  description:
    'The captured name or attribute chain, resolved through the file\'s imports (`import subprocess as sp`, `from os import system`), is one of the listed dotted names; a trailing `*` matches a prefix, a leading `*.` the path under any package or none (`*.openstack.common.processutils.execute`).',
  checkArg: expectStringList,
  condition: (arg) => ({ kind: 'names', names: arg as string[] }),
  test(node, arg, ctx) {
    const name = ctx.imports.qualifiedName(node);
    return name !== null && matchesNamePattern(name, arg as string[]);
  },
};
