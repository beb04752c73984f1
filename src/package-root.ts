import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding diffsec's package.json, found from this file whether run from src/ or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('diffsec: cannot find its package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** The bundled rules folder. */
export function bundledRulesDir(): string {
  return join(packageRoot(), 'rules');
}

/** Where `npm run build` writes the bundled rules' snapshot (see rules/rule-snapshot.ts). */
export function bundledRulesSnapshot(): string {
  return join(packageRoot(), 'dist', 'bundled-rules.json');
}
