import type { SyntaxNode } from '../../analysis/syntax.js';

/** A parameter of a function or lambda: its name, how a call fills it, and whether it has a default. */
export interface Parameter {
  name: string;
  kind: 'positional' | 'keyword' | 'args' | 'kwargs';
  optional: boolean;
}

/** The parameters of `fn` in order (`self` included; a bare `*` only makes the ones after it keyword-only). */
export function parametersOf(fn: SyntaxNode): Parameter[] {
  const out: Parameter[] = [];
  let keywordOnly = false;
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    const inner = p.type === 'typed_parameter' ? (p.namedChildren[0] ?? p) : p;
    if (inner.type === 'keyword_separator') keywordOnly = true;
    else if (inner.type === 'list_splat_pattern') {
      out.push({ name: inner.namedChildren[0]?.text ?? '', kind: 'args', optional: true });
      keywordOnly = true;
    } else if (inner.type === 'dictionary_splat_pattern') out.push({ name: inner.namedChildren[0]?.text ?? '', kind: 'kwargs', optional: true });
    else if (inner.type === 'identifier' || p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const name = inner.type === 'identifier' ? inner.text : (p.childForFieldName('name')?.text ?? '');
      out.push({ name, kind: keywordOnly ? 'keyword' : 'positional', optional: p.type === 'default_parameter' || p.type === 'typed_default_parameter' });
    }
  }
  return out;
}
