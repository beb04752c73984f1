import { createHash } from 'node:crypto';

/**
 * Fingerprints for findings of one file: sha256 of rule id, path and the reported line's code with
 * all white space removed, plus the index among identical keys, so that moving code up or down
 * keeps the fingerprint and two identical lines still differ. Returns 16 hex characters.
 */
export class FingerprintIndex {
  private readonly seen = new Map<string, number>();

  constructor(private readonly path: string) {}

  next(ruleId: string, lineText: string): string {
    const normalised = lineText.replace(/\s+/g, '');
    const key = `${ruleId}\0${this.path}\0${normalised}`;
    const occurrence = this.seen.get(key) ?? 0;
    this.seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 16);
  }
}
