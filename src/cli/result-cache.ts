import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineCode } from '../code-stamp.js';
import type { SourceScan } from '../analysis/scan-source.js';
import type { DiffsecConfig } from '../config/config.js';
import type { ScanCache } from '../review.js';
import type { Rule } from '../rules/rule.js';

/** The cache file's layout version: bumped when an entry's shape changes. */
const LAYOUT = 1;
const FILE = 'scan-results.json';

interface CacheFile {
  layout: number;
  /** Hash of the engine version, the rule set and the config: any change empties the cache. */
  key: string;
  /** By reported path: the hash of the file's text and its scan (findings before scoping). */
  entries: Record<string, { hash: string; scan: SourceScan }>;
}

/** A ScanCache kept in a folder between runs; `save` writes what this run added. */
export interface ResultCache extends ScanCache {
  /** Files answered from the cache, and scanned, in this run. */
  readonly hits: number;
  readonly misses: number;
  /** Writes the cache (best effort: a read-only folder only costs the next run its speed-up). */
  save(): void;
}

/**
 * The engine's identity besides its version: the size and time of each module of the analysis,
 * rules and findings code (see engineCode), so a build changed without a version bump (a checkout
 * being worked on) never answers with an older engine's results.
 */
export function engineStamp(version: string): string {
  return createHash('sha256').update(version).update(engineCode().stamp).digest('hex');
}

/**
 * `diffsec scan`'s result cache, like Ruff's: one JSON file in `dir` (`.diffsec_cache/` at the
 * repository root, or $DIFFSEC_CACHE_DIR) holding each file's scan keyed by the SHA-256 of its
 * text and its path, valid for one key: the SHA-256 of diffsec's version, the selected rules as
 * loaded (queries, predicates, messages, severities) and the whole config. A file whose text,
 * rules or settings changed is scanned again; a scan stopped early (time budget) is not kept.
 * A missing, unreadable or foreign cache file is an empty cache, never an error.
 */
export function resultCache(dir: string, engineVersion: string, rules: readonly Rule[], config: DiffsecConfig): ResultCache {
  const key = createHash('sha256').update(JSON.stringify({ engineVersion, rules, config })).digest('hex');
  let entries: CacheFile['entries'] = Object.create(null) as CacheFile['entries'];
  try {
    const file = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as CacheFile;
    if (file.layout === LAYOUT && file.key === key && file.entries && typeof file.entries === 'object') entries = Object.assign(entries, file.entries);
  } catch {
    // No cache yet, or one this version cannot read: start empty.
  }
  let hits = 0;
  let misses = 0;
  let changed = false;
  const hashOf = (path: string, text: string) => createHash('sha256').update(path).update('\0').update(text).digest('base64');
  return {
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    get(path, text) {
      const entry = entries[path];
      if (entry && entry.hash === hashOf(path, text)) {
        hits++;
        return structuredClone(entry.scan);
      }
      misses++;
      return undefined;
    },
    set(path, text, scan) {
      if (scan.incomplete) return;
      entries[path] = { hash: hashOf(path, text), scan: structuredClone(scan) };
      changed = true;
    },
    save() {
      if (!changed) return;
      try {
        mkdirSync(dir, { recursive: true });
        // Like .ruff_cache: the folder ignores itself, so it is never committed or scanned.
        writeFileSync(join(dir, '.gitignore'), '# Automatically created by diffsec.\n*\n');
        const temp = join(dir, `${FILE}.${process.pid}.tmp`);
        writeFileSync(temp, JSON.stringify({ layout: LAYOUT, key, entries } satisfies CacheFile));
        renameSync(temp, join(dir, FILE));
      } catch {
        // Best effort, as documented.
      }
    },
  };
}
