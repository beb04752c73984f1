import { isAnyPackagePattern, isUnderAnyPackage } from '../rules/predicates/name-pattern.js';
import type { SyntaxNode } from './syntax.js';

/**
 * Local names bound by a file's imports, mapped to what they refer to: `import subprocess as sp`
 * binds `sp` → `subprocess`; `from os import system` binds `system` → `os.system`. Imports inside
 * functions count too; the last binding of a name wins, as at run time in straight-line code.
 */
export class ImportMap {
  private readonly bindings = new Map<string, string>();
  /** Local names by what they are bound to, built when spellings are first asked for. */
  private byTarget: Map<string, string[]> | null = null;
  /** Spellings by pattern, made once per file for all the rules naming it (cleared with byTarget). */
  private spellings = new Map<string, { parts: string[]; open: boolean }[]>();
  /** importsFromAny's answers by module set (a predicate asks with the same set for every name of a file). */
  private fromAny = new Map<ReadonlySet<string>, boolean>();

  /** Records one `import_statement` or `import_from_statement` node. */
  add(statement: SyntaxNode): void {
    this.addStatement(statement.text);
  }

  /**
   * Records one import statement from its text (`import a.b as c, d`, `from .x import (y as z,
   * w)`): cheaper than walking its nodes, and the grammar leaves nothing else in one.
   */
  addStatement(text: string): void {
    this.byTarget = null;
    if (this.spellings.size) this.spellings = new Map();
    if (this.fromAny.size) this.fromAny = new Map();
    const clean = text.replace(/#[^\n]*/g, ' ').replace(/[()\\]/g, ' ');
    // Lazy over name characters only, so finding `import` costs one pass (`\s*(.+?)\s*` was quadratic on long white space).
    const from = /^\s*from\b([\w.\s\u0080-\uffff]*?)\bimport\b([\s\S]*)$/.exec(clean);
    if (from) {
      const moduleName = from[1]!.replace(/\s+/g, '');
      for (const [name, alias] of importedNames(from[2]!)) if (name !== '*') this.bindings.set(alias ?? name, joinModule(moduleName, name));
      return;
    }
    const plain = /^\s*import\s+([\s\S]*)$/.exec(clean);
    if (!plain) return;
    for (const [name, alias] of importedNames(plain[1]!)) {
      // `import os.path` binds `os`, which still resolves `os.path.join` naturally.
      const head = name.split('.')[0]!;
      this.bindings.set(alias ?? head, alias ? name : head);
    }
  }

  /**
   * How a dotted name (or a prefix pattern `os.exec*`) can be written in this file so that
   * qualifiedName resolves to it: as itself, and through every import binding its head or all of
   * it (`sp.call` for `subprocess.call` after `import subprocess as sp`, `run_it` after `from
   * subprocess import call as run_it`). `open`: the last part is a prefix, anything may follow.
   */
  spellingsOf(pattern: string): { parts: string[]; open: boolean }[] {
    let spellings = this.spellings.get(pattern);
    if (!spellings) this.spellings.set(pattern, (spellings = this.spell(pattern)));
    return spellings;
  }

  private spell(pattern: string): { parts: string[]; open: boolean }[] {
    if (isAnyPackagePattern(pattern)) return this.spellUnderAnyPackage(pattern.slice(2).split('.'));
    const { parts, open, body, prefixes } = shapeOf(pattern);
    const spellings = [{ parts, open }];
    if (this.bindings.size === 0) return spellings;
    const byTarget = this.targets();
    // A binding of the name's head (`os` for `os.system`), of a longer prefix, or of all of it;
    // the last part of an open pattern is only a prefix, so a binding of it is found below.
    for (let k = 1; k <= prefixes.length; k++) {
      const locals = byTarget.get(prefixes[k - 1]!);
      if (locals) for (const local of locals) spellings.push({ parts: [local, ...parts.slice(k)], open });
    }
    // `os.exec*` is also written as any name bound to `os.execvp`, `os.execl`…
    if (open) for (const [local, target] of this.bindings) if (target.startsWith(body)) spellings.push({ parts: [local], open });
    return spellings;
  }

  /**
   * `*.a.b.c`: written with its parts after the unknown package, if any (`nova.a.b.c` holds
   * `a.b.c`, so an occurrence starts inside the name), or through a binding of `a`, `a.b` or
   * `a.b.c` under any package (`from nova.a import b` gives `b.c`).
   */
  private spellUnderAnyPackage(parts: string[]): { parts: string[]; open: boolean }[] {
    const spellings = [{ parts, open: false }];
    for (const [local, target] of this.bindings) {
      for (let k = 1; k <= parts.length; k++) {
        if (endsWithParts(target, parts, k)) spellings.push({ parts: [local, ...parts.slice(k)], open: false });
      }
    }
    return spellings;
  }

  /** Local names by what they are bound to. */
  private targets(): Map<string, string[]> {
    if (!this.byTarget) {
      this.byTarget = new Map();
      for (const [local, target] of this.bindings) {
        const locals = this.byTarget.get(target);
        if (locals) locals.push(local);
        else this.byTarget.set(target, [local]);
      }
    }
    return this.byTarget;
  }

  /** True when some local name is bound to exactly `target` (to a module path under any package, for `*.a.b`). */
  binds(target: string): boolean {
    if (!isAnyPackagePattern(target)) return this.targets().has(target);
    const parts = target.slice(2).split('.');
    for (const bound of this.bindings.values()) if (endsWithParts(bound, parts, parts.length)) return true;
    return false;
  }

  /** True when some import binds a name to one of `modules` or to something inside one (`from pyparsing import Word`). */
  importsFromAny(modules: ReadonlySet<string>): boolean {
    let answer = this.fromAny.get(modules);
    if (answer === undefined) {
      answer = false;
      for (const target of this.bindings.values()) {
        const dot = target.indexOf('.');
        if (modules.has(dot === -1 ? target : target.slice(0, dot))) answer = true;
      }
      this.fromAny.set(modules, answer);
    }
    return answer;
  }

  /** What an import binds a local name to, or undefined when no import binds it. */
  bindingOf(name: string): string | undefined {
    return this.bindings.get(name);
  }

  /** What a local name refers to; names that no import binds stand for themselves (builtins, locals). */
  resolveName(name: string): string {
    return this.bindings.get(name) ?? name;
  }

  /**
   * The dotted, import-resolved name of an expression (`sp.call` → `subprocess.call`), or null when
   * it is not a plain name or attribute chain (a call result, a subscript…).
   */
  qualifiedName(node: SyntaxNode): string | null {
    const parts: string[] = [];
    let n: SyntaxNode | null = node;
    while (n && n.type === 'attribute') {
      const attr = n.childForFieldName('attribute');
      if (!attr) return null;
      parts.unshift(attr.text);
      n = n.childForFieldName('object');
    }
    if (!n || n.type !== 'identifier') return null;
    parts.unshift(this.resolveName(n.text));
    return parts.join('.');
  }
}

/** Whether `target` is `parts[0]. … .parts[k-1]`, alone or under some package. */
function endsWithParts(target: string, parts: readonly string[], k: number): boolean {
  return isUnderAnyPackage(target, parts.slice(0, k).join('.'));
}

/** A name pattern's parts, cut once per pattern (files ask for the same patterns). */
interface Shape {
  parts: string[];
  open: boolean;
  /** The pattern without its `*`. */
  body: string;
  /** The dotted prefixes a binding may stand for: parts 1..k joined, for k up to the whole (but the open last part). */
  prefixes: string[];
}

const shapes = new Map<string, Shape>();

function shapeOf(pattern: string): Shape {
  let shape = shapes.get(pattern);
  if (shape) return shape;
  const open = pattern.endsWith('*');
  const body = open ? pattern.slice(0, -1) : pattern;
  const parts = body.split('.');
  const whole = open ? parts.length - 1 : parts.length;
  const prefixes = Array.from({ length: whole }, (_, k) => parts.slice(0, k + 1).join('.'));
  shape = { parts, open, body, prefixes };
  // Bounded: a rule set names a few hundred patterns.
  if (shapes.size >= 4096) shapes.clear();
  shapes.set(pattern, shape);
  return shape;
}

/** `a.b as c, d` → [['a.b', 'c'], ['d', undefined]], spaces inside dotted names removed. */
function importedNames(list: string): [string, string | undefined][] {
  const names: [string, string | undefined][] = [];
  for (const item of list.split(',')) {
    // Split into words rather than one regex: `name as alias`, the name's words joined (`a . b`).
    const words = item.split(/\s+/).filter(Boolean);
    const aliased = words.length >= 3 && words[words.length - 2] === 'as';
    const name = (aliased ? words.slice(0, -2) : words).join('');
    const alias = aliased ? words[words.length - 1] : undefined;
    if (name !== '*' && !NAME_TEXT.test(name)) continue;
    if (alias !== undefined && !ALIAS_TEXT.test(alias)) continue;
    names.push([name, alias]);
  }
  return names;
}

const NAME_TEXT = /^[\w.\u0080-\uffff]+$/;
const ALIAS_TEXT = /^[\w\u0080-\uffff]+$/;

function joinModule(moduleName: string, name: string): string {
  return moduleName.endsWith('.') ? moduleName + name : `${moduleName}.${name}`;
}
