import { createHash, type Hash } from 'node:crypto';

/** A line's code as fingerprints compare it: all white space removed, so reindented or rewrapped code matches. */
export function normalisedCode(lineText: string): string {
  return lineText.replace(/\s+/g, '');
}

/**
 * Fingerprints for findings of one file: sha256 of rule id, path and the reported line's code with
 * all white space removed, plus the index among identical keys, so that moving code up or down
 * keeps the fingerprint and two identical lines still differ. Returns 16 hex characters.
 *
 * Linear in the file however many findings share a line: each line is normalised once, and the
 * hash of `rule, path, line` is computed once per rule and distinct line, then copied for each
 * occurrence (the digest is the same as hashing the whole key each time).
 */
export class FingerprintIndex {
  /** Line number → the id of its normalised text (identical lines share one). */
  private readonly lineIds = new Map<number, number>();
  private readonly idOfText = new Map<string, number>();
  /** `rule id, line id` → the hash of its key so far and the occurrences seen. */
  private readonly keys = new Map<string, { hash: Hash; occurrences: number }>();
  private readonly normalised: string[] = [];

  constructor(private readonly path: string) {}

  /** `line`: the reported line's number, 1-based (identifies its text without rehashing it); `lineText`: its text. */
  next(ruleId: string, lineText: string, line?: number): string {
    const lineId = this.lineId(lineText, line);
    const slot = `${ruleId}\0${lineId}`;
    let entry = this.keys.get(slot);
    if (!entry) {
      entry = { hash: createHash('sha256').update(`${ruleId}\0${this.path}\0${this.normalised[lineId]}`), occurrences: 0 };
      this.keys.set(slot, entry);
    }
    const occurrence = entry.occurrences++;
    return entry.hash.copy().update(`\0${occurrence}`).digest('hex').slice(0, 16);
  }

  private lineId(lineText: string, line: number | undefined): number {
    const known = line === undefined ? undefined : this.lineIds.get(line);
    if (known !== undefined) return known;
    const normalised = normalisedCode(lineText);
    let id = this.idOfText.get(normalised);
    if (id === undefined) {
      id = this.normalised.length;
      this.normalised.push(normalised);
      this.idOfText.set(normalised, id);
    }
    if (line !== undefined) this.lineIds.set(line, id);
    return id;
  }
}
