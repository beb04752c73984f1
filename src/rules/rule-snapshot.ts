import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseYaml } from '../parse-yaml.js';
import { digestOf, readRuleFiles, type RuleFile } from './rule-files.js';

/**
 * The parsed YAML of a rules folder, written at build time, because parsing the bundled rules'
 * YAML is a third of a scan's start-up (80 ms of 230). Only parsing is saved: every document is
 * still validated on load, so a snapshot cannot outlive a change to the rule format, and a
 * snapshot whose digest differs from the folder's (a rule was edited, added or removed) is ignored.
 */
interface RuleSnapshot {
  digest: string;
  /** One parsed document per file, in `readRuleFiles` order. */
  documents: unknown[];
}

/** The parsed documents of `files` from the snapshot at `path`; null when there is none, or it is unreadable or stale. */
export function readRuleSnapshot(path: string, files: readonly RuleFile[]): unknown[] | null {
  let snapshot: RuleSnapshot;
  try {
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as RuleSnapshot;
  } catch {
    return null;
  }
  const current = snapshot?.digest === digestOf(files) && Array.isArray(snapshot.documents) && snapshot.documents.length === files.length;
  return current ? snapshot.documents : null;
}

/**
 * Writes the snapshot of the rules below `dir` to `path` (atomically: a reader never sees half a
 * file). When some file's YAML does not parse, or parses to something JSON cannot hold (`.inf`),
 * writes none and removes an old one, so that loading parses the YAML and reports what it finds;
 * returns whether a snapshot was written.
 */
export function writeRuleSnapshot(dir: string, path: string): boolean {
  const files = readRuleFiles(dir);
  let documents: unknown[];
  try {
    documents = files.map((file) => parseYaml(file.text));
  } catch {
    rmSync(path, { force: true });
    return false;
  }
  const text = JSON.stringify({ digest: digestOf(files), documents } satisfies RuleSnapshot);
  if (!isDeepStrictEqual((JSON.parse(text) as RuleSnapshot).documents, documents)) {
    rmSync(path, { force: true });
    return false;
  }
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  return true;
}
