/**
 * Failures this battery finds that are known and not fixed yet. Each entry names the
 * bug; a failing case it matches (same area, kind and message) does not fail the suite, and a
 * `slow` one is not run in quick mode. DIFFSEC_ROBUSTNESS_STRICT=1 ignores the list without editing it.
 */
export interface KnownFailure {
  area: string;
  kinds: RegExp;
  /** Matches the failure message; a known kind failing some other way is still a failure. */
  message: RegExp;
  bug: string;
  /** The case takes seconds to fail: run only in full mode. */
  slow?: boolean;
  /** Generated inputs this bug keeps busy for minutes: not run at all while the entry stands. */
  wouldHang?: (input: unknown) => boolean;
}

/**
 * Empty: every failure the battery found (quadratic fingerprints, DS203's and the dotted-name
 * regexes backtracking, lone CR, UTF-16/32 called binary, unreadable patches read silently,
 * backtracking globs, live markup, forged markers, over-long notes) is fixed, and the full battery
 * passed strict on the merged main. A new entry names its bug and is removed with the fix.
 */
export const KNOWN_FAILURES: KnownFailure[] = [
];

/** The known failure that covers a failing case (any of the kind, when `message` is null), or undefined. */
export function knownFailureOf(area: string, kind: string, message: string | null, list: readonly KnownFailure[] = KNOWN_FAILURES): KnownFailure | undefined {
  return list.find((k) => k.area === area && k.kinds.test(kind) && (message === null || k.message.test(message)));
}
