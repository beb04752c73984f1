import { stringValue } from './string-literal.js';
import { type SyntaxNode, unwrapParens } from './syntax.js';

/** A `%` placeholder: `%s`, `%(key)s`, `%-10r`, `%%` (a literal percent sign, group 2 `%`). */
export const PERCENT_PLACEHOLDER = /%(?:\(([^)]*)\))?[-#0 +]*\d*(?:\.\d+)?([a-zA-Z%])/g;

/** Translation markers a template is wrapped in: `_("...")`, oslo.i18n's `_LE("...")`. */
const TRANSLATION_MARKERS = new Set(['_', '_LE', '_LI', '_LW', '_LC']);

/** The constant text of a `%` template: a string, an implicit concatenation, either wrapped in `_()`; else null. */
export function percentTemplateOf(node: SyntaxNode): string | null {
  const n = unwrapParens(node);
  if (n.type === 'call') {
    const fn = n.childForFieldName('function');
    const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    if (fn?.type !== 'identifier' || !TRANSLATION_MARKERS.has(fn.text) || args.length !== 1) return null;
    return percentTemplateOf(args[0]!);
  }
  return n.type === 'string' || n.type === 'concatenated_string' ? stringValue(n) : null;
}

/**
 * The keys a template of `%(key)s` placeholders reads from its mapping (`'%(host)s:%(port)d' %
 * info` prints `info['host']` and `info['port']`, nothing else of it); null when any placeholder
 * is positional, for then the right side is printed whole or is a tuple.
 */
export function mappingKeysOf(template: string): string[] | null {
  const keys: string[] = [];
  for (const m of template.matchAll(PERCENT_PLACEHOLDER)) {
    if (m[2] === '%') continue;
    if (m[1] === undefined) return null;
    if (!keys.includes(m[1])) keys.push(m[1]);
  }
  return keys;
}
