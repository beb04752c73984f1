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
