import { keywordValue } from './keyword-argument.js';
import { matchesNamePattern } from './name-pattern.js';
import type { Predicate } from './predicate.js';

interface Arg {
  keyword: string;
  names: string[];
}

/** The captured call passes `keyword=` a name that resolves to one of `names` (`Loader=yaml.SafeLoader`). */
export const keywordResolvesTo: Predicate = {
  name: 'keyword-resolves-to',
  description:
    'The captured call passes keyword `keyword` a value whose import-resolved name is one of `names` (e.g. `{keyword: Loader, names: [yaml.SafeLoader]}`); use under `not:` to require a safe value.',
  checkArg(arg) {
    const a = arg as Partial<Arg> | null;
    if (!a || typeof a !== 'object' || typeof a.keyword !== 'string' || !Array.isArray(a.names) || a.names.length === 0) {
      return 'takes {keyword: <name>, names: [<dotted names>]}';
    }
    return null;
  },
  test(node, arg, ctx) {
    const { keyword, names } = arg as Arg;
    const value = keywordValue(node, keyword);
    if (!value) return false;
    const name = ctx.imports.qualifiedName(value);
    return name !== null && matchesNamePattern(name, names);
  },
};
