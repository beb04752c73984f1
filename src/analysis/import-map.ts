import type { SyntaxNode } from './syntax.js';

/**
 * Local names bound by a file's imports, mapped to what they refer to: `import subprocess as sp`
 * binds `sp` → `subprocess`; `from os import system` binds `system` → `os.system`. Imports inside
 * functions count too; the last binding of a name wins, as at run time in straight-line code.
 */
export class ImportMap {
  private readonly bindings = new Map<string, string>();

  /** Records one `import_statement` or `import_from_statement` node. */
  add(statement: SyntaxNode): void {
    if (statement.type === 'import_statement') {
      for (const child of statement.namedChildren) this.bindImport(child);
    } else if (statement.type === 'import_from_statement') {
      const moduleNode = statement.childForFieldName('module_name');
      if (!moduleNode) return;
      const moduleName = moduleNode.text.replace(/\s+/g, '');
      for (const child of statement.childrenForFieldName('name')) {
        if (child.type === 'aliased_import') {
          const name = child.childForFieldName('name')?.text;
          const alias = child.childForFieldName('alias')?.text;
          if (name && alias) this.bindings.set(alias, joinModule(moduleName, name));
        } else {
          this.bindings.set(child.text, joinModule(moduleName, child.text));
        }
      }
    }
  }

  private bindImport(child: SyntaxNode): void {
    if (child.type === 'aliased_import') {
      const name = child.childForFieldName('name')?.text;
      const alias = child.childForFieldName('alias')?.text;
      if (name && alias) this.bindings.set(alias, name);
    } else if (child.type === 'dotted_name') {
      // `import os.path` binds `os`, which still resolves `os.path.join` naturally.
      const first = child.text.split('.')[0]!;
      this.bindings.set(first, first);
    }
  }

  /**
   * Local names bound to something with one of `words` as a dotted part, under another name
   * (`from subprocess import call as run_it` gives `run_it` for `call`). A word ending in `*`
   * matches parts that start with it.
   */
  aliasesOf(words: readonly string[]): string[] {
    const matches = (part: string) => words.some((w) => (w.endsWith('*') ? part.startsWith(w.slice(0, -1)) : part === w));
    const aliases: string[] = [];
    for (const [local, target] of this.bindings) {
      if (!matches(local) && target.split('.').some(matches)) aliases.push(local);
    }
    return aliases;
  }

  /**
   * How a dotted name (or a prefix pattern `os.exec*`) can be written in this file so that
   * qualifiedName resolves to it: as itself, and through every import binding its head or all of
   * it (`sp.call` for `subprocess.call` after `import subprocess as sp`, `run_it` after `from
   * subprocess import call as run_it`). `open`: the last part is a prefix, anything may follow.
   */
  spellingsOf(pattern: string): { parts: string[]; open: boolean }[] {
    const open = pattern.endsWith('*');
    const body = open ? pattern.slice(0, -1) : pattern;
    const spellings = [{ parts: body.split('.'), open }];
    for (const [local, target] of this.bindings) {
      if (open ? target.startsWith(body) : target === body) spellings.push({ parts: [local], open });
      else if (body.startsWith(`${target}.`)) spellings.push({ parts: [local, ...body.slice(target.length + 1).split('.')], open });
    }
    return spellings;
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

function joinModule(moduleName: string, name: string): string {
  return moduleName.endsWith('.') ? moduleName + name : `${moduleName}.${name}`;
}
