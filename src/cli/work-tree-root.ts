import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The git work tree holding `dir` (the nearest folder above with a `.git` entry, a folder or a
 * worktree's file), or null outside one. Found by walking up rather than by asking git: spawning
 * git costs about 30 ms, a tenth of a small scan's start-up.
 */
export function workTreeRoot(dir: string): string | null {
  let current = resolve(dir);
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
