import { keyMatches } from './redaction.js';

/** Key paths taken out of a value by redactions (see redaction.ts), relative to the value a trace item stands for. */
export type KeyPaths = readonly (readonly string[])[];

/** The redacted paths with more added, each once (a loop walked twice redacts the same keys again); undefined when none. */
export function joined(without: KeyPaths | undefined, more: KeyPaths): KeyPaths | undefined {
  if (more.length === 0) return without;
  const out = [...(without ?? [])];
  const seen = new Set(out.map((p) => p.join('\0')));
  for (const p of more) {
    const id = p.join('\0');
    if (!seen.has(id)) {
      seen.add(id);
      out.push(p);
    }
  }
  return out.length > 0 ? out : undefined;
}

/** Whether the redacted paths take out the entry under `key` whole. */
export function removes(without: KeyPaths | undefined, key: string): boolean {
  return without !== undefined && without.some((p) => p.length === 1 && keyMatches(p[0]!, key));
}

/** The redacted paths inside the entry under `key`, relative to it; undefined when none. */
export function under(without: KeyPaths | undefined, key: string): KeyPaths | undefined {
  if (!without) return undefined;
  const inner = without.filter((p) => p.length > 1 && keyMatches(p[0]!, key)).map((p) => p.slice(1));
  return inner.length > 0 ? inner : undefined;
}

/**
 * A pending read of a trace item: `key` is read first, then `outer` in order (at `d` in
 * `d['a']['b']`: 'a', then ['b']); `without` is relative to the value the whole path reaches.
 * `loose`: the key was carried one level off (`v['k']` of `for v in d.values()` read at 'k' of
 * `d`), where a read on top replaces it, as when only one key was tracked.
 */
export interface PendingRead {
  key: string | undefined;
  outer?: readonly string[];
  loose?: boolean;
  without?: KeyPaths;
}

/** Keys pending at most: a read deeper keeps the outer ones (reads less deep, so more of the value counts). */
const MAX_KEYS = 4;

/**
 * The pending read after a read at `key` (undefined: no constant key) applied on top of `item`'s:
 * a path when a key is pending, else the key alone.
 */
export function readOnTop(item: PendingRead, key: string | undefined): PendingRead {
  if (key === undefined || item.key === undefined || item.loose) {
    return { key, outer: undefined, loose: undefined, without: item.key === undefined ? item.without : undefined };
  }
  const path = [item.key, ...(item.outer ?? [])];
  // The redacted paths are relative to the innermost value: dropped with its key.
  if (path.length >= MAX_KEYS) return { key, outer: path.slice(0, MAX_KEYS - 1), loose: undefined, without: undefined };
  return { key, outer: path, loose: undefined, without: item.without };
}

/** The pending read once its first key was read (a dict's entry, `d['k'] = v`'s value): the next key, if any. */
export function afterKey(item: PendingRead): { key: string | undefined; outer: readonly string[] | undefined; loose: undefined; viaField: boolean } {
  return following(item.outer ?? []);
}

/** The read of the keys `keys`, first to last. */
export function following(keys: readonly string[]): { key: string | undefined; outer: readonly string[] | undefined; loose: undefined; viaField: boolean } {
  return { key: keys[0], outer: keys.length > 1 ? keys.slice(1) : undefined, loose: undefined, viaField: keys.length > 0 };
}

/**
 * A pending read carried to a value one level off (a mapping's values or entries): the first key
 * kept (a read on top replaces it) and the rest dropped, as when one key was tracked.
 */
export function offLevel(read: PendingRead): Partial<PendingRead> {
  if (read.key === undefined) return {};
  // The redacted paths are relative to the value the whole path reaches: dropped with it.
  return read.outer ? { outer: undefined, loose: true, without: undefined } : { loose: true };
}

/** The value read whole: no key pending. */
export const WHOLE = { key: undefined, outer: undefined, loose: undefined, viaField: false } as const;

/**
 * Redacted paths seen from a read of `keys`: `cut`, the length of the shortest one that takes out
 * an entry the read goes through (0: none), and `inner`, those inside what it reaches, relative to it.
 */
export function seenFrom(paths: KeyPaths, keys: readonly string[]): { cut: number; inner: KeyPaths | undefined } {
  let cut = 0;
  const inner: string[][] = [];
  for (const p of paths) {
    const n = Math.min(p.length, keys.length);
    if (!keys.slice(0, n).every((k, i) => keyMatches(p[i]!, k))) continue;
    if (p.length <= keys.length) cut = cut === 0 ? p.length : Math.min(cut, p.length);
    else inner.push(p.slice(keys.length));
  }
  return { cut, inner: inner.length > 0 ? inner : undefined };
}
