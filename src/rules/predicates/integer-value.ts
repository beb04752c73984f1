import type { ImportMap } from '../../analysis/import-map.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { constantBinding } from './constant-binding.js';
import type { Predicate } from './predicate.js';

interface Arg {
  below?: number;
  'at-least'?: number;
  'any-bits'?: number;
}

const LIMITS = ['below', 'at-least', 'any-bits'] as const;

/** The permission bits of the `stat` module, so that `stat.S_IWOTH | stat.S_IRUSR` has a value. */
const STAT_BITS: Record<string, number> = {
  S_ISUID: 0o4000, S_ISGID: 0o2000, S_ENFMT: 0o2000, S_ISVTX: 0o1000,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
  S_IREAD: 0o400, S_IWRITE: 0o200, S_IEXEC: 0o100,
  S_IRWXG: 0o070, S_IRGRP: 0o040, S_IWGRP: 0o020, S_IXGRP: 0o010,
  S_IRWXO: 0o007, S_IROTH: 0o004, S_IWOTH: 0o002, S_IXOTH: 0o001,
};

/** Parses a Python integer literal in any base (`511`, `0o777`, `0x1ff`, `0b1`, `1_024`, Python 2's `0777`). */
export function parseIntegerLiteral(text: string): number | null {
  const t = text.replace(/_/g, '');
  let value: number;
  if (/^0[oO][0-7]+$/.test(t)) value = parseInt(t.slice(2), 8);
  else if (/^0[xX][0-9a-fA-F]+$/.test(t)) value = parseInt(t.slice(2), 16);
  else if (/^0[bB][01]+$/.test(t)) value = parseInt(t.slice(2), 2);
  else if (/^0[0-7]+$/.test(t)) value = parseInt(t.slice(1), 8);
  else if (/^\d+$/.test(t)) value = parseInt(t, 10);
  else return null;
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * The value of a constant integer expression: literals, `stat.S_I*` names (through imports), a
 * name bound once in the file to such an expression (a module constant or a parameter default,
 * see constantBinding), and `| & ^ + - <<` and unary `~ - +` over them; null for anything
 * computed at run time.
 */
export function integerValue(node: SyntaxNode, imports: ImportMap, depth = 0): number | null {
  const n = unwrapParens(node);
  if (depth > 8) return null;
  switch (n.type) {
    case 'integer':
      return parseIntegerLiteral(n.text);
    case 'identifier':
    case 'attribute': {
      const name = imports.qualifiedName(n);
      const bit = name?.startsWith('stat.') ? STAT_BITS[name.slice('stat.'.length)] : undefined;
      if (bit !== undefined) return bit;
      const bound = n.type === 'identifier' && name === n.text ? constantBinding(n) : null;
      return bound ? integerValue(bound, imports, depth + 1) : null;
    }
    case 'unary_operator': {
      const operand = n.childForFieldName('argument');
      const value = operand ? integerValue(operand, imports, depth + 1) : null;
      if (value === null) return null;
      const op = n.childForFieldName('operator')?.type;
      return op === '~' ? ~value : op === '-' ? -value : op === '+' ? value : null;
    }
    case 'binary_operator': {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      const a = left ? integerValue(left, imports, depth + 1) : null;
      const b = right ? integerValue(right, imports, depth + 1) : null;
      if (a === null || b === null) return null;
      switch (n.childForFieldName('operator')?.type) {
        case '|': return a | b;
        case '&': return a & b;
        case '^': return a ^ b;
        case '+': return a + b;
        case '-': return a - b;
        case '<<': return b >= 0 && b < 31 ? a << b : null;
        default: return null;
      }
    }
    default:
      return null;
  }
}

/** The capture is a constant integer (literal, `stat.S_I*` bits, `|`…) within the given limits. */
export const integerValuePredicate: Predicate = {
  name: 'integer-value',
  description:
    'The captured expression is a constant integer — a literal in any base, `stat.S_I*` names, a module constant or parameter default bound once in the file, combined with `|`, `&`, `+`, `~`… — and meets every limit given: `below: 2048`, `at-least: 65537`, `any-bits: 0o022` (shares a bit with the mask). Non-constant values never pass.',
  checkArg(arg) {
    const a = arg as Record<string, unknown> | null;
    if (!a || typeof a !== 'object' || Array.isArray(a)) return `takes a mapping with one or more of ${LIMITS.join(', ')}`;
    const keys = Object.keys(a);
    if (keys.length === 0 || keys.some((k) => !(LIMITS as readonly string[]).includes(k))) return `takes one or more of ${LIMITS.join(', ')}`;
    if (keys.some((k) => !Number.isSafeInteger(a[k]))) return 'limits must be integers';
    return null;
  },
  test(node, arg, ctx) {
    const value = integerValue(node, ctx.imports);
    if (value === null) return false;
    const a = arg as Arg;
    if (a.below !== undefined && !(value < a.below)) return false;
    if (a['at-least'] !== undefined && !(value >= a['at-least'])) return false;
    if (a['any-bits'] !== undefined && (value & a['any-bits']) === 0) return false;
    return true;
  },
};
