/** Suppression comments: Bandit's `# nosec`, Ruff's `# noqa: S602`, and `# diffsec: ignore[DS101] reason`. */

export interface SuppressionComment {
  /** The comment as written (trimmed). */
  text: string;
  /** Whose syntax: diffsec's own, Bandit's or Ruff's. */
  form: 'diffsec' | 'nosec' | 'noqa';
  /** Codes it names (DS101, B602, S602); null silences every rule. */
  codes: string[] | null;
  reason?: string;
}

/** `# nosec`, and what follows it up to another `#` (Bandit reads test ids there, and ignores other words). */
const NOSEC = /#\s*nosec\b:?\s*([^#]*)/;
/** A rule code a `# nosec` may name: Bandit's (`B602`), diffsec's (`DS101`) or Ruff's (`S602`). */
const NOSEC_CODE = /^(?:B|DS|S)\d{3,4}$/i;
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
    return { text, form: 'diffsec', codes, ...(reason ? { reason } : {}) };
  }
  const nosec = NOSEC.exec(text);
  if (nosec) {
    // As Bandit reads it: the codes among its words; with none (`# nosec no strings are
    // user-sourced`, a reason written where codes go), every rule.
    const codes = nosec[1]!.split(/[^\w-]+/).filter((word) => NOSEC_CODE.test(word));
    return { text, form: 'nosec', codes: codes.length > 0 ? splitCodes(codes.join(',')) : null };
  }
  const noqa = NOQA.exec(text);
  if (noqa) return { text, form: 'noqa', codes: splitCodes(noqa[1]!) };
  return null;
}

/** True when the comment silences a rule with these codes (its DS id and its Bandit and Ruff aliases). */
export function suppresses(comment: SuppressionComment, ruleCodes: readonly string[]): boolean {
  return comment.codes === null || comment.codes.some((code) => ruleCodes.includes(code.toUpperCase()));
}

/**
 * The comment that silences a finding whose statement spans lines `first..last` (1-based; the
 * caller, which has the syntax tree, works the span out), given the file's suppression comments
 * by line: looks through whichever is fewer, the lines spanned or the comments.
 */
export function suppressionFor(comments: ReadonlyMap<number, SuppressionComment>, first: number, last: number, codes: readonly string[]): SuppressionComment | null {
  if (last - first + 1 <= comments.size) {
    for (let l = first; l <= last; l++) {
      const comment = comments.get(l);
      if (comment && suppresses(comment, codes)) return comment;
    }
    return null;
  }
  let found: { line: number; comment: SuppressionComment } | null = null;
  for (const [line, comment] of comments) {
    if (line >= first && line <= last && (!found || line < found.line) && suppresses(comment, codes)) found = { line, comment };
  }
  return found?.comment ?? null;
}

/**
 * The codes a comment names that ought to be diffsec's and are not in `known` (every rule's id
 * and Bandit and Ruff aliases): in diffsec's own form every code; in `# nosec` and `# noqa`, only
 * DS ids, since those comments also address Bandit and Ruff, whose other codes are theirs.
 */
export function unknownCodes(comment: Pick<SuppressionComment, 'form' | 'codes'>, known: ReadonlySet<string>): string[] {
  return (comment.codes ?? []).filter((code) => (comment.form === 'diffsec' || /^DS\d/.test(code)) && !known.has(code));
}

function splitCodes(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}
