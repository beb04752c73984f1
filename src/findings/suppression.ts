/** Suppression comments: Bandit's `# nosec`, Ruff's `# noqa: S602`, and `# diffsec: ignore[DS101] reason`. */

export interface SuppressionComment {
  /** The comment as written (trimmed). */
  text: string;
  /** Codes it names (DS101, B602, S602); null silences every rule. */
  codes: string[] | null;
  reason?: string;
}

const NOSEC = /#\s*nosec\b(?::?\s*((?:[A-Z]+\d+|[\w-]+)(?:\s*,\s*(?:[A-Z]+\d+|[\w-]+))*))?/;
const NOQA = /#\s*noqa:\s*([A-Z]+\d+(?:[\s,]+[A-Z]+\d+)*)/i;
const DIFFSEC = /#\s*diffsec:\s*ignore(?:\[([^\]]*)\])?\s*(.*)$/;

/**
 * Reads one comment. A bare `# noqa` is not a suppression: it is written for style linters, and
 * honouring it would silence security findings nobody meant to silence.
 */
export function parseSuppression(comment: string): SuppressionComment | null {
  const text = comment.trim();
  const diffsec = DIFFSEC.exec(text);
  if (diffsec) {
    const codes = diffsec[1] ? splitCodes(diffsec[1]) : null;
    const reason = diffsec[2]?.trim();
    return { text, codes, ...(reason ? { reason } : {}) };
  }
  const nosec = NOSEC.exec(text);
  if (nosec) return { text, codes: nosec[1] ? splitCodes(nosec[1]) : null };
  const noqa = NOQA.exec(text);
  if (noqa) return { text, codes: splitCodes(noqa[1]!) };
  return null;
}

/** True when the comment silences a rule with these codes (its DS id and its Bandit and Ruff aliases). */
export function suppresses(comment: SuppressionComment, ruleCodes: readonly string[]): boolean {
  return comment.codes === null || comment.codes.some((code) => ruleCodes.includes(code.toUpperCase()));
}

function splitCodes(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}
