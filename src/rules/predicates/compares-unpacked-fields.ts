import type { ImportMap } from '../../analysis/import-map.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { visibleDefinitions } from './bound-to-call.js';
import { expectTrue, type Predicate } from './predicate.js';

// oslo.utils' VMDK inspector: `h_sig, h_ver, … = self._parse_sparse_header('header')`, the same for
// the footer, then `if h_sig != f_sig`. One field of two records read by one parser, checked against
// each other for consistency: neither side is a value someone sent checked against a secret.

/** The function called and the position taken, shared by every definition of `side`; null when they differ or one is not an unpacked call. */
function unpackedField(side: SyntaxNode, imports: ImportMap): string | null {
  const n = unwrapParens(side);
  if (n.type !== 'identifier') return null;
  const definitions = visibleDefinitions(n, imports)?.definitions ?? [];
  if (definitions.length === 0) return null;
  const fields = new Set<string>();
  for (const d of definitions) {
    const call = d.value && unwrapParens(d.value);
    const callee = call?.type === 'call' ? call.childForFieldName('function') : null;
    if (d.element === undefined || !callee) return null;
    fields.add(`${imports.qualifiedName(callee) ?? callee.text}#${d.element}`);
  }
  return fields.size === 1 ? [...fields][0]! : null;
}

/**
 * True when `comparison` compares two different names each unpacked, on every path, at the same
 * position from a call to the same function (`h_sig, h_ver = parse(data, 'header')` …
 * `f_sig, f_ver = parse(data, 'footer')` … `h_sig != f_sig`): two records of one format checked
 * against each other. A name unpacked on one path and assigned otherwise on another is not.
 */
export function comparesUnpackedFields(comparison: SyntaxNode, imports: ImportMap): boolean {
  const sides = comparison.namedChildren.filter((c) => c.type !== 'comment');
  if (sides.length !== 2 || unwrapParens(sides[0]!).text === unwrapParens(sides[1]!).text) return false;
  const left = unpackedField(sides[0]!, imports);
  return left !== null && left === unpackedField(sides[1]!, imports);
}

/** The captured comparison matches one field of two results of one parser: see comparesUnpackedFields. */
export const comparesUnpackedFieldsPredicate: Predicate = {
  name: 'compares-unpacked-fields',
  description:
    "The captured comparison compares two names each unpacked, on every path, at the same position from a call to the same function (`h_sig, h_ver = self._parse_header('header')` … `f_sig, f_ver = self._parse_header('footer')` … `h_sig != f_sig`): one field of two records of one format checked against each other, not a value someone sent checked against a secret; use under `not:`.",
  checkArg: expectTrue,
  // No condition: the unpacking it looks for is outside the captured node.
  test: (node, _arg, ctx) => comparesUnpackedFields(node, ctx.imports),
};
