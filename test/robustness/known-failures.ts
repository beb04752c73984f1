/**
 * Failures this battery finds that other branches of issue 14 are fixing. Each entry names the
 * bug; a failing case it matches (same area, kind and message) does not fail the suite, and a
 * `slow` one is not run in quick mode. Empty this list once the fixes are merged, then run with
 * DIFFSEC_ROBUSTNESS=full (and DIFFSEC_ROBUSTNESS_STRICT=1 ignores it without editing it).
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

/** True when an engine case has a line with 12 `#` or more after `os`: the dotted-name regex backtracks on those. */
function hashBanner(input: unknown): boolean {
  const { bytes } = input as { bytes: Uint8Array };
  let hashes = 0;
  for (const b of bytes) {
    if (b === 0x0a) hashes = 0;
    else if (b === 0x23 && ++hashes >= 12) return true;
  }
  return false;
}

/** True when some string in a config case has 5 `*` or more: the glob regexes backtrack on those for minutes. */
function manyStars(input: unknown): boolean {
  const { text, value } = input as { text?: string; value?: unknown };
  const json = text ?? JSON.stringify(value) ?? '';
  // Counted per quoted run, without a regex (a backtracking one here would be the bug under test).
  return json.split('"').some((part) => part.split('*').length > 5);
}

export const KNOWN_FAILURES: KnownFailure[] = [
  {
    area: 'engine',
    kinds: /^hazard-many-findings/,
    message: /over the bound/,
    bug: 'issue 14 item 2: fingerprinting re-strips the whole line per finding (quadratic in findings per line)',
    slow: true,
  },
  {
    area: 'engine',
    kinds: /^hazard-ds203-backtracking$/,
    message: /over the bound/,
    bug: "issue 14 item 2: DS203's regex `://[^/@ ]*:[^/@ ]*@` backtracks on \"a://bbb…:c:c…\" with no @",
    slow: true,
  },
  {
    area: 'engine',
    kinds: /./,
    message: /over the bound/,
    bug: 'found by this battery, not in issue 14: SourceIndex\'s dotted-name regex (src/analysis/source-index.ts, DOT = `(?:[\\s\\\\]|#[^\\n]*)*`) backtracks exponentially on a comment of many `#` between `os` and `os.system(` (`import os\\n# ` + 25 `#` + `\\nos.system(cmd)`: 2.6 s; 30: minutes)',
    slow: true,
    wouldHang: hashBanner,
  },
  {
    area: 'engine',
    kinds: /^line-endings$/,
    message: /lone CR/,
    bug: 'issue 14 item 7: lone-CR line endings put findings on the wrong line',
  },
  {
    area: 'engine',
    kinds: /^bom-utf(16|32)/,
    message: /binary/,
    bug: 'issue 14 item 7: UTF-16/32 with a BOM is called "binary"',
  },
  {
    area: 'diff',
    kinds: /^(lying-header|huge-numbers|mutated-real|garbage|binary-marker|no-newline-marker|hazard-claimed-lines)$/,
    message: /unaccounted|not a line number/,
    bug: 'issue 14 item 6: an unreadable patch (garbage, `Binary files … differ`, lying hunk headers, a stray line before or between hunks) is read silently (lines or hunks dropped, line 0) instead of being an error',
  },
  {
    area: 'config',
    kinds: /^hazard-(long-)?glob|^hostile-globs$|^random-|^hostile-keys$/,
    message: /over the bound|Invalid regular expression/,
    bug: 'issue 14 item 3: config globs compile to backtracking regexes (`**/**/…`, `*a*a…*b`), and a 100 KB glob throws SyntaxError (regex too large) out of matchesAnyGlob',
    slow: true,
    wouldHang: manyStars,
  },
  {
    area: 'renderers',
    kinds: /./,
    message: /live (HTML|mention|link|heading)/,
    bug: 'issue 14 item 4: untrusted strings render as live markdown/HTML in the check summary and review comment',
  },
  {
    area: 'renderers',
    kinds: /./,
    message: /forged fingerprint marker/,
    bug: 'issue 14 items 4-5: a `<!-- diffsec:fp=… -->` marker quoted from the code (message, suggestion) is read back as diffsec\'s own',
  },
  {
    area: 'renderers',
    kinds: /./,
    message: /over 65535/,
    bug: 'found by this battery, not in issue 14: renderCheckRunSummary counts rows but not the notes against the 65,535-character limit (a note naming a 100 KB path gives a 100,224-character summary, which GitHub refuses)',
  },
];

/** The known failure that covers a failing case (any of the kind, when `message` is null), or undefined. */
export function knownFailureOf(area: string, kind: string, message: string | null, list: readonly KnownFailure[] = KNOWN_FAILURES): KnownFailure | undefined {
  return list.find((k) => k.area === area && k.kinds.test(kind) && (message === null || k.message.test(message)));
}
