import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One rule file as read from disk. */
export interface RuleFile {
  /** The family folder it sits in (`input-validation`, …). */
  family: string;
  /** The file name, `<id>-<name>.yaml`. */
  name: string;
  path: string;
  text: string;
}

/** Every `<family>/*.yaml` below `dir` with its text: families, then names, in sorted order. */
export function readRuleFiles(dir: string): RuleFile[] {
  const files: RuleFile[] = [];
  for (const family of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const name of readdirSync(join(dir, family)).filter((n) => n.endsWith('.yaml')).sort()) {
      const path = join(dir, family, name);
      files.push({ family, name, path, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}

/** A digest of the files' places and texts: two folders with the same digest hold the same rules. */
export function digestOf(files: readonly RuleFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.family}/${file.name}\0${file.text}\0`);
  return hash.digest('hex');
}
