import type { ImportMap } from '../../analysis/import-map.js';
import { unwrapParens, walkDescendants, type SyntaxNode } from '../../analysis/syntax.js';
import { holdsOnlyWhere } from './holds-only.js';
import { classOfMethod } from './in-class-deriving-from.js';
import { classMethod, moduleClass } from './receives-own-method.js';
import type { Predicate } from './predicate.js';
import { resolvesInFile } from './resolves-in-file.js';

interface Arg {
  /** Library classes (dotted, resolved through imports). */
  of: string[];
  /** Methods whose library code must still run: each is not overridden, or its override calls `super()`'s. */
  keeping: string[];
}

/** Same-file classes between a class and the library's followed this deep. */
const MAX_DEPTH = 4;

/** Whether `fn`'s body calls `super().<method>(...)` or `super(Cls, self).<method>(...)`. */
function callsSuper(fn: SyntaxNode, method: string): boolean {
  let found = false;
  walkDescendants(fn.childForFieldName('body') ?? fn, (d) => {
    if (found) return false;
    const callee = d.type === 'call' ? d.childForFieldName('function') : null;
    if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === method) {
      const object = unwrapParens(callee.childForFieldName('object')!);
      const head = object.type === 'call' ? object.childForFieldName('function') : null;
      if (head?.type === 'identifier' && head.text === 'super') found = true;
    }
    return !found;
  });
  return found;
}

/**
 * Whether the same-file class `cls`, and every same-file class it derives from, leaves each of
 * `keeping` to the library: it does not define it, or its definition calls `super()`'s.
 */
function keepsMethods(cls: SyntaxNode, keeping: string[], imports: ImportMap, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const method of keeping) {
    const own = classMethod(cls, method);
    if (own && !callsSuper(own, method)) return false;
  }
  for (const base of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (base.type !== 'identifier' || imports.bindingOf(base.text) !== undefined) continue;
    const parent = moduleClass(base, base.text);
    if (parent && !keepsMethods(parent, keeping, imports, depth + 1)) return false;
  }
  return true;
}

/** The class is defined in the file, derives (through the file's classes) from one of `of`, and keeps `keeping`. */
function isKeepingSubclass(cls: SyntaxNode | null, arg: Arg, imports: ImportMap): boolean {
  const name = cls?.childForFieldName('name');
  return !!cls && !!name && resolvesInFile(name, arg.of, imports) && keepsMethods(cls, arg.keeping, imports);
}

/**
 * True when `node` holds, on every path, an object of a class the same file defines that derives
 * from one of `arg.of` and leaves `arg.keeping` to the library (each method not overridden, or
 * overridden with a call to `super()`'s): `zf` after `with PreserveZipFilePermissions(p) as zf:`,
 * whose `_extract_member` adds a chmod after `super()._extract_member(...)`. In a method of such a
 * class, `self` and `super()` count too.
 */
export function holdsOwnSubclass(node: SyntaxNode, arg: Arg, imports: ImportMap): boolean {
  const start = unwrapParens(node);
  const selfLike = (start.type === 'identifier' && start.text === 'self') || (start.type === 'call' && start.childForFieldName('function')?.text === 'super');
  if (selfLike) return isKeepingSubclass(classOfMethod(start), arg, imports);
  return holdsOnlyWhere(node, imports, (value) => {
    const callee = value.type === 'call' ? value.childForFieldName('function') : null;
    if (callee?.type !== 'identifier' || imports.bindingOf(callee.text) !== undefined) return false;
    return isKeepingSubclass(moduleClass(value, callee.text), arg, imports);
  });
}

const isNameList = (x: unknown, pattern: RegExp) => Array.isArray(x) && x.length > 0 && x.every((n) => typeof n === 'string' && pattern.test(n));

/** The capture holds an object of a same-file subclass of a library class that keeps the library's methods: see holdsOwnSubclass. */
export const holdsOwnSubclassPredicate: Predicate = {
  name: 'holds-own-subclass',
  description:
    "The captured expression holds, on every path that reaches it (as `holds-only` follows names), an object of a class defined at the top level of the same file that derives (directly or through the file's classes, every base resolving through imports) from one of `of`, and that leaves each method in `keeping` to the library: it, and each of the file's classes between, does not define it or calls `super()`'s in its definition (`{of: [zipfile.ZipFile], keeping: [_extract_member]}`). `self` and `super()` in a method of such a class count too.",
  checkArg(arg) {
    const a = arg as Partial<Arg> | null;
    if (!a || typeof a !== 'object' || Object.keys(a).some((k) => k !== 'of' && k !== 'keeping') || !isNameList(a.of, /^[A-Za-z_][\w.]*$/) || !isNameList(a.keeping, /^[A-Za-z_]\w*$/)) {
      return 'takes {of: [<dotted class names>], keeping: [<method names>]}';
    }
    return null;
  },
  // No condition: the class it looks for is defined outside the captured node.
  test: (node, arg, ctx) => holdsOwnSubclass(node, arg as Arg, ctx.imports),
};
