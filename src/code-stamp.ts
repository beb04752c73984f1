import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders (below src/, or dist/src/) whose code decides what a rule is once loaded, how it gates, and what a scan finds. */
const ENGINE_FOLDERS = ['analysis', 'analysis/flow', 'rules', 'rules/predicates', 'findings'];

/** The running engine code, from its modules' names, sizes and times. */
export interface EngineCode {
  /** Differs between two builds (or src/ and dist/), so what one engine computed is not taken for another's. */
  stamp: string;
  /** The newest module's modification time (ms): anything written from this code is at least as new. */
  newest: number;
}

let code: EngineCode | undefined;

/** The running engine code's stamp and newest time: one stat per module in ENGINE_FOLDERS (about 120, source maps aside), once per process. */
export function engineCode(): EngineCode {
  if (code) return code;
  const hash = createHash('sha256');
  const src = dirname(fileURLToPath(import.meta.url));
  let newest = 0;
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
      if (!info?.isFile()) continue;
      hash.update(`${folder}/${name}:${info.size}:${info.mtimeMs}\n`);
      newest = Math.max(newest, info.mtimeMs);
    }
  }
  return (code = { stamp: hash.digest('hex'), newest });
}
