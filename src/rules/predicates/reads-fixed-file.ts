import type { ImportMap } from '../../analysis/import-map.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { callsOneOf } from './is-call-to.js';
import { isFixedText } from './is-fixed-text.js';
import { expectTrue, type Predicate } from './predicate.js';

// monasca-transform's service runner: `activate_this_file = "/opt/monasca/transform/venv/bin/activate_this.py"`
// then `exec(open(activate_this_file).read(), dict(__file__=activate_this_file))`, virtualenv's
// own way to activate itself from a script. A file the code names by a fixed path runs as an
// import of it would: whoever can write it can change the program's modules anyway.

const OPENERS = ['open', 'io.open', 'builtins.open', 'codecs.open'];
const PATHS = ['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath'];

/** The path of `open(path).read()` (or `open(path, 'r').read()`), or of `Path(path).read_text()`; null for anything else. */
function pathRead(node: SyntaxNode, imports: ImportMap): SyntaxNode | null {
  const n = unwrapParens(node);
  if (n.type !== 'call' || (n.childForFieldName('arguments')?.namedChildren.length ?? 0) > 0) return null;
  const fn = n.childForFieldName('function');
  if (fn?.type !== 'attribute') return null;
  const method = fn.childForFieldName('attribute')?.text;
  const opened = fn.childForFieldName('object');
  if (!opened || opened.type !== 'call' || (method !== 'read' && method !== 'read_text')) return null;
  const first = opened.childForFieldName('arguments')?.namedChildren.find((c) => c.type !== 'comment' && c.type !== 'keyword_argument');
  if (!first) return null;
  return callsOneOf(opened, method === 'read' ? OPENERS : PATHS, imports) ? first : null;
}

/** True when `node` reads the whole of a file whose path the code fixes (a constant, or a name bound once to one). */
export function readsFixedFile(node: SyntaxNode, imports: ImportMap): boolean {
  const path = pathRead(node, imports);
  return path !== null && isFixedText(path);
}

export const readsFixedFilePredicate: Predicate = {
  name: 'reads-fixed-file',
  description:
    'The captured expression reads a whole file whose path the code fixes: `open(PATH).read()` (also `io.open`, `codecs.open`) or `Path(PATH).read_text()`, with `PATH` a constant string or a name bound once to one (`activate_this = "/opt/app/venv/bin/activate_this.py"`). Code run from such a file runs as an import of it would; use under `not:`.',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => readsFixedFile(node, ctx.imports),
};
