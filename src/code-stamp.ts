import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders (below src/, or dist/src/) whose code decides what a rule is once loaded, how it gates, and what a scan finds. */
const ENGINE_FOLDERS = ['analysis', 'analysis/flow', 'rules', 'rules/predicates', 'findings'];

let stamp: string | undefined;

/**
 * The running engine code's identity: the name, size and time of each module in ENGINE_FOLDERS
 * (about 120 stat calls, made once per process; source maps aside). Another build, or src/ run by the tests against
 * dist/'s build, has another stamp; what was computed by one engine is not reused by another.
 */
export function codeStamp(): string {
  if (stamp !== undefined) return stamp;
  const hash = createHash('sha256');
  const src = dirname(fileURLToPath(import.meta.url));
  for (const folder of ENGINE_FOLDERS) {
    let names: string[] = [];
    try {
      names = readdirSync(join(src, folder)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.js') && !name.endsWith('.ts')) continue;
      const info = statSync(join(src, folder, name), { throwIfNoEntry: false });
      if (info?.isFile()) hash.update(`${folder}/${name}:${info.size}:${info.mtimeMs}\n`);
    }
  }
  return (stamp = hash.digest('hex'));
}
