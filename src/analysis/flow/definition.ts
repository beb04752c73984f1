import type { SyntaxNode } from '../syntax.js';

/** One place where a local name gets (or gains) a value: the unit of reaching definitions. */
export interface Definition {
  name: string;
  /** Where the step is reported: the target written (`msg`, `info['password']`, a parameter). */
  target: SyntaxNode;
  /** The expression the name's value comes from (all of it for unpacking and `for` targets); null when unknown (`except … as e`, a nested `def`). */
  value: SyntaxNode | null;
  /** For a definition that adds a field (`d['k'] = v`, `obj.k = v`): the field's constant name. */
  key?: string;
  /** True when the definition adds to the name's value instead of replacing it (`d[k] = v`, `d.update(x)`, `l.append(x)`). */
  adds: boolean;
  /** For a name unpacked from a call's result (`a, b = f()`): its position, so that a tuple `f` returns gives it only that element. */
  element?: number;
  /**
   * For a `for` target unpacked from each element of a name's value (`gw, password` in `for gw,
   * password in pairs`): its position and the target's length, so that a list of tuples the name
   * holds (a comprehension's, or one written out) gives it only that part of each. `of` is
   * undefined for a position read by a subscript of the loop's name (`cmd[0]` in `for cmd in
   * commands`): any tuple long enough has it.
   */
  iterated?: { index: number; of: number | undefined };
  /** For a parameter: its position (counting `self`) and whether it is keyword-only or a splat. */
  parameter?: { index: number; splat: boolean };
  /**
   * For a redaction (`del d['k']`, `d['k'] = '***'`, `d.pop('k')`, a loop over constant secret
   * keys): the key paths it takes out of the name's value (`[['data', 'auth_password']]`), and the
   * definitions that value came from. It replaces them (a redaction in one branch only leaves the
   * other branch's definitions reaching beside it); `value` is the value written, if any.
   */
  redacts?: {
    paths: readonly (readonly string[])[];
    prior: readonly Definition[];
    /** `d['k'] = mask(v)`: a redaction only when the trace's question says `value` is sanitized; else it adds the entry, as `d['k'] = v` does. */
    ifSanitized?: boolean;
  };
}
