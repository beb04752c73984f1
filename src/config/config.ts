import type { Level } from '../findings/finding.js';

/** A severity and confidence pair: a finding reaches it when both are at or above. */
export interface Threshold {
  severity: Level;
  confidence: Level;
}

/** diffsec's settings, from `.github/diffsec.yml` (the app) or `--config FILE` (the CLI). */
export interface DiffsecConfig {
  rules: {
    /** Rule ids to turn off. */
    disable: string[];
    /** When set, only these rule ids run. */
    only: string[] | null;
    /** Per-rule severity overrides. */
    severity: Record<string, Level>;
  };
  /** Files to analyse, as globs. */
  include: string[];
  /** Files never to analyse, as globs; applied after include. */
  exclude: string[];
  /** The check run fails (and the CLI exits 1) on a finding at or above this. */
  failOn: Threshold;
  /** Findings below this are not reported at all. */
  report: Threshold;
  /** Inline comments per review at most; the rest go to the check run. */
  maxComments: number;
  /** Review draft pull requests too. */
  reviewDrafts: boolean;
  /** `false`: check run only, no review comments. */
  inlineComments: boolean;
  /** Files larger than this are skipped with the reason. */
  maxFileBytes: number;
  /** The check's conclusion when a file could not be analysed (crash, time budget, finding cap) and nothing else fails it; `neutral` passes branch protection. */
  onIncomplete: 'failure' | 'neutral';
}

/** Defaults: fail on high severity with medium confidence or more; report everything. */
export const DEFAULT_CONFIG: DiffsecConfig = {
  rules: { disable: [], only: null, severity: {} },
  include: ['**/*.py', '**/*.pyi'],
  exclude: ['.git/**', '**/node_modules/**', '**/.venv/**', '**/venv/**', '**/.tox/**', '**/__pycache__/**', '**/site-packages/**'],
  failOn: { severity: 'high', confidence: 'medium' },
  report: { severity: 'low', confidence: 'low' },
  maxComments: 30,
  reviewDrafts: false,
  inlineComments: true,
  maxFileBytes: 1_000_000,
  onIncomplete: 'failure',
};
