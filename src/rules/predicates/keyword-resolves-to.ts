import { attributeRoot } from '../../analysis/syntax.js';
import { keywordValue, positionalValue } from './keyword-argument.js';
import { matchesNamePattern } from './name-pattern.js';
import type { Predicate } from './predicate.js';
import { resolvesInFile } from './resolves-in-file.js';

interface Arg {
  keyword: string;
  names: string[];
  /** Also follow the file's own classes, names and `self.` properties to what they stand for (see resolvesInFile). */
  follow?: boolean;
  /** The argument's 1-based position when passed without its keyword (`yaml.load(stream, SafeLoader)`: 2), as `passes-argument` counts. */
  position?: number;
  /**
   * Also a value imported from another module of the scanned file's own package (heatclient's
   * `Loader=template_format.yaml_loader` in `heatclient/common/…`): defined where this file does not
   * show it, so not judged here.
   */
  ownPackage?: boolean;
}

/** True when the dotted `name` starts with a folder of `path` (`heatclient.common.x` for `…/heatclient/v1/shell.py`), or is imported relatively (`from .command import SafeLoader`: pyhelm3's). */
function fromOwnPackage(name: string, path: string): boolean {
  if (name.startsWith('.')) return true;
  const root = name.split('.')[0]!;
  return name.includes('.') && path.split('/').slice(0, -1).includes(root);
}

/** The captured call passes `keyword=` a name that resolves to one of `names` (`Loader=yaml.SafeLoader`). */
export const keywordResolvesTo: Predicate = {
  name: 'keyword-resolves-to',
  description:
    'The captured call passes keyword `keyword` a value whose import-resolved name is one of `names` (e.g. `{keyword: Loader, names: [yaml.SafeLoader]}`); use under `not:` to require a safe value. With `follow: true`, also a value the file shows stands for one: a class it defines whose every base does, a name every assignment of which does, or `self.X` whose every class attribute, property return and `self.X =` in the file does. With `position: N`, the value may also be passed as the N-th positional argument (1-based, as in `passes-argument`: `yaml.load(stream, SafeLoader)` is position 2). With `ownPackage: true`, also a value imported from another module of the scanned file\'s own package (a folder of its path), which this file does not show.',
  checkArg(arg) {
    const a = arg as Partial<Arg> | null;
    if (!a || typeof a !== 'object' || typeof a.keyword !== 'string' || !Array.isArray(a.names) || a.names.length === 0 || (a.follow !== undefined && typeof a.follow !== 'boolean') || (a.ownPackage !== undefined && typeof a.ownPackage !== 'boolean') || (a.position !== undefined && !(Number.isInteger(a.position) && a.position >= 1))) {
      return 'takes {keyword: <name>, names: [<dotted names>], follow?: true, position?: <1-based index>, ownPackage?: true}';
    }
    return null;
  },
  test(node, arg, ctx) {
    const { keyword, names, follow, position, ownPackage } = arg as Arg;
    const value = keywordValue(node, keyword) ?? (position !== undefined ? positionalValue(node, position) : null);
    if (!value) return false;
    const name = ctx.imports.qualifiedName(value);
    if (ownPackage && name !== null && ctx.imports.bindingOf(attributeRoot(value).text) !== undefined && fromOwnPackage(name, ctx.path)) return true;
    if (follow) return resolvesInFile(value, names, ctx.imports);
    return name !== null && matchesNamePattern(name, names);
  },
};
