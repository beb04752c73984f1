import type { ImportMap } from '../../analysis/import-map.js';
import { writtenName, type SyntaxNode } from '../../analysis/syntax.js';
import { holdsOnlyWhere } from './holds-only.js';
import { keywordValue } from './keyword-argument.js';
import { expectTrue, type Predicate } from './predicate.js';
import { classMethod, moduleClass } from './receives-own-method.js';

/** A parser class named for what it refuses, when its code is in another file: `defusedxml`'s `DefusedExpatParser`, a project's `ProtectedExpatParser`. */
const SAFE_PARSER_NAME = /^(Protected|Safe|Defused)[A-Za-z0-9_]*$/;

/** Whether some method of `cls` installs, as expat's `EntityDeclHandler`, one of the class's own methods that raises. */
function forbidsEntities(cls: SyntaxNode): boolean {
  for (const assignment of cls.descendantsOfType('assignment')) {
    const left = assignment.childForFieldName('left');
    if (left?.type !== 'attribute' || left.childForFieldName('attribute')?.text !== 'EntityDeclHandler') continue;
    const right = assignment.childForFieldName('right');
    const method = right?.type === 'attribute' && right.childForFieldName('object')?.text === 'self' ? right.childForFieldName('attribute')?.text : undefined;
    // The installed method holds a `raise`.
    const handler = method ? classMethod(cls, method) : null;
    if (handler && handler.descendantsOfType('raise_statement').length > 0) return true;
  }
  return false;
}

/** Whether a call passes any keyword `False` (`forbid_entities=False` turns the protection off). */
function turnsSomethingOff(call: SyntaxNode): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('value')?.type === 'false');
}

/**
 * True when the captured call passes `parser=` a parser that refuses entity declarations, made
 * there or held by a name on every path: an instance of a class defined in the same file that
 * installs a raising `EntityDeclHandler` (the OpenStack xmlutils `ProtectedExpatParser`), or of an
 * imported class named Protected*, Safe* or Defused*; no keyword of that call may be `False`
 * (`forbid_entities=False`).
 */
export function passesEntitySafeParser(call: SyntaxNode, imports: ImportMap): boolean {
  const value = keywordValue(call, 'parser');
  return value !== null && holdsOnlyWhere(value, imports, (v) => isEntitySafeParser(call, v));
}

/** `parser` is a call making a parser that refuses entity declarations (see passesEntitySafeParser). */
function isEntitySafeParser(call: SyntaxNode, parser: SyntaxNode): boolean {
  if (parser.type !== 'call' || turnsSomethingOff(parser)) return false;
  const callee = parser.childForFieldName('function');
  const name = writtenName(callee);
  if (!name || !callee) return false;
  const cls = callee.type === 'identifier' ? moduleClass(call, name) : null;
  // A class the file defines is judged by its code, whatever its name.
  if (cls) return forbidsEntities(cls);
  return SAFE_PARSER_NAME.test(name);
}

/** The captured call parses with a parser that refuses entity declarations (see passesEntitySafeParser). */
export const passesEntitySafeParserPredicate: Predicate = {
  name: 'passes-entity-safe-parser',
  description:
    "The captured call passes `parser=` (made there, or held by a name on every path) a new instance of a class that refuses XML entity declarations: one defined in the same file whose methods install a raising `EntityDeclHandler` (OpenStack's `ProtectedExpatParser`), or an imported one named Protected*, Safe* or Defused*; not when that call passes any keyword `False`.",
  checkArg: expectTrue,
  test: (node, _arg, ctx) => node.type === 'call' && passesEntitySafeParser(node, ctx.imports),
};
