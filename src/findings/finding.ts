/** The one result type every rule produces and every renderer reads. */

export type Level = 'high' | 'medium' | 'low';
export const LEVELS: readonly Level[] = ['low', 'medium', 'high'];

/** Orders levels: low < medium < high. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** Where a finding sits against the diff; findings are marked, never dropped. */
export type Scope =
  /** The reported span touches a changed (added) line. */
  | 'changed'
  /** The whole file is in scope (a scan of paths, or a file whose patch is unknown). */
  | 'file'
  /** Outside the changed lines: counted, not reported inline. */
  | 'outside'
  /**
   * Outside the changed lines of a modified file, but absent from the file's base version (no
   * finding of the rule on the same code there): the change created it, e.g. by deleting a
   * sanitiser or a keyword on another line. Reported like `changed`.
   */
  | 'new';

/** Why a finding is not reported: the comment that silenced it. */
export interface Suppression {
  /** The comment as written, e.g. `# nosec B602` or `# diffsec: ignore[DS101]`. */
  comment: string;
  reason?: string;
}

/** A mechanical fix: replace lines startLine..endLine (1-based, inclusive) with `replacement`. */
export interface Fix {
  startLine: number;
  endLine: number;
  replacement: string;
}

export interface Finding {
  ruleId: string;
  /** The rule's kebab-case pattern name, e.g. `subprocess-shell-true`. */
  ruleName: string;
  title: string;
  severity: Level;
  confidence: Level;
  /** e.g. `CWE-78`. */
  cwe: string;
  /** Equivalent Bandit test id, or null. */
  bandit: string | null;
  /** Equivalent Ruff rule code, or null. */
  ruff: string | null;
  path: string;
  /** 1-based line and column of the reported span's start; end is inclusive line, exclusive column. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Specific to the code: names the call and the variable involved. */
  message: string;
  /** Stable across unrelated edits: rule + path + normalised code + occurrence, never the line number. */
  fingerprint: string;
  scope: Scope;
  suppressed: Suppression | null;
  fix?: Fix;
  /** Flow rules only: the steps a value took, from its source to the sink (the reported span), in order. */
  flow?: FlowStep[];
  /**
   * Flow rules only: the paths of the next sources reaching the same sink, nearest first, with
   * the message naming each; diff scoping reports one of them when it crosses a changed line and
   * `flow` does not (see preferChangedPath); dropped once the finding is scoped.
   */
  otherFlows?: { flow: FlowStep[]; message: string }[];
}

/** One step of a flow finding's path: where the value was (a definition, a helper's return, the source, the sink) and a short label naming it. */
export interface FlowStep {
  path: string;
  line: number;
  column: number;
  label: string;
}

/** Why a file was not analysed, or not wholly. */
export interface SkippedFile {
  path: string;
  reason: string;
  /**
   * diffsec failed on this file (engine crash, time budget, finding cap): the review is
   * incomplete. A file stopped at the finding cap keeps its first findings and is listed here too.
   */
  incomplete?: true;
}
