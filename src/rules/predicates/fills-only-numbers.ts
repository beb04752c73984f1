import { PERCENT_PLACEHOLDER, percentTemplateOf } from '../../analysis/percent-template.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { inItOrItsBinding, isFixedValue } from './fills-only-constants.js';
import { filledValues } from './fills-only-placeholders.js';
import { expectTrue, type Predicate } from './predicate.js';

// eDeploy's health checks run `"cat /sys/devices/system/cpu/cpu%d/topology/physical_package_id" %
// int(cpu_nb)` and `'netserver -p %d' % port_number` through a shell: `%d` writes digits, or
// raises, so nothing of the value can be shell syntax.

/** `%` conversions that write a number (or raise): `%d`, `%i`, `%u`, `%x`, `%o`, `%f`, `%e`, `%g`. */
const NUMERIC_CONVERSIONS = new Set(['d', 'i', 'u', 'x', 'X', 'o', 'f', 'F', 'e', 'E', 'g', 'G']);
/** Calls that give a number: `int(x)`, `float(x)`, `len(x)`, `round(x)`. */
const NUMBER_CALLS = new Set(['int', 'float', 'len', 'round']);

/** A value that is a number whatever it was given: a numeric literal or a call to int/float/len/round. */
function isNumber(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type === 'integer' || n.type === 'float') return true;
  const fn = n.type === 'call' ? n.childForFieldName('function') : null;
  return fn?.type === 'identifier' && NUMBER_CALLS.has(fn.text);
}

/** For `'…' % values`, the conversion of each value in order (`d`, `s`); null for any other expression or a mapping template. */
function percentConversions(node: SyntaxNode): string[] | null {
  const n = unwrapParens(node);
  if (n.type !== 'binary_operator' || n.childForFieldName('operator')?.type !== '%') return null;
  const template = percentTemplateOf(n.childForFieldName('left')!);
  if (template === null) return null;
  const conversions: string[] = [];
  for (const m of template.matchAll(PERCENT_PLACEHOLDER)) {
    if (m[2] === '%') continue;
    if (m[1] !== undefined) return null;
    conversions.push(m[2]!);
  }
  return conversions;
}

/**
 * True when a formatted string (f-string, `%`, `.format()`) fills in only numbers and values fixed
 * in the code: each value is written by a numeric `%` conversion (`%d`), is a numeric literal or
 * `int()`/`float()`/`len()`/`round()` of anything, or is fixed as fills-only-constants judges; at
 * least one is a number.
 */
export function fillsOnlyNumbersIn(node: SyntaxNode): boolean {
  const values = filledValues(node);
  if (!values || values.length === 0) return false;
  const conversions = percentConversions(node);
  const numeric = (i: number) => isNumber(values[i]!) || (conversions !== null && conversions.length === values.length && NUMERIC_CONVERSIONS.has(conversions[i]!));
  let numbers = 0;
  for (let i = 0; i < values.length; i++) {
    if (numeric(i)) numbers++;
    else if (!isFixedValue(values[i]!)) return false;
  }
  return numbers > 0;
}

/** The captured formatted string fills in only numbers and fixed values; a name bound once to one too. */
export const fillsOnlyNumbers: Predicate = {
  name: 'fills-only-numbers',
  description:
    'The captured formatted string (f-string, `%`, `.format()`), or a name bound once to one, fills in only numbers and values fixed in the code: a value written by a numeric `%` conversion (`%d`, `%i`, `%x`, `%f`…, which writes digits or raises), a numeric literal, `int()`, `float()`, `len()` or `round()` of anything, or a value fixed as `fills-only-constants` judges; at least one number (`"cat /sys/devices/system/cpu/cpu%d/topology" % int(cpu)`, `"netserver -p %d" % port`). Use under `not:`: digits hold no shell or SQL syntax.',
  checkArg: expectTrue,
  test: (node) => inItOrItsBinding(node, fillsOnlyNumbersIn),
};
