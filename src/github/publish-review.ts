import type { DiffsecConfig } from '../config/config.js';
import type { FileDiff } from '../diff/file-diff.js';
import { levelRank, type Finding } from '../findings/finding.js';
import type { NotInline } from '../report/check-run-output.js';
import { markersIn, renderReviewComment } from '../report/review-comment.js';
import type { Rule } from '../rules/rule.js';
import { commentPage, idOf } from './api-answer.js';
import { isOwnComment, type BotIdentity } from './bot-identity.js';
import { anchorFor, type CommentAnchor } from './comment-anchor.js';
import type { GitHubClient } from './github-client.js';
import { describe, type PullRequestRef } from './github-source.js';
import { PER_PAGE, readPages } from './read-pages.js';
import { withRetries, type Sleep } from './with-retries.js';

/** Review comments read for markers at most (100 pages): past that, a finding may be commented on again, never silenced. */
const COMMENT_PAGES = 100;

interface ReviewComment {
  path: string;
  body: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
}

export interface ReviewOutcome {
  /** Findings posted as inline comments now. */
  posted: Finding[];
  /** Findings that are not inline comments of this review, with the reason. */
  notInline: NotInline[];
  reviewId: number | null;
  /** `RULE:HASH` markers of diffsec's own earlier comments, or null when they were not read. */
  ownMarkers: ReadonlySet<string> | null;
}

/**
 * Posts ONE review (event COMMENT) on the analysed head with an inline comment per new finding:
 * findings already commented on (same fingerprint marker in a comment by `bot`, diffsec's own
 * account; markers in anyone else's comments are ignored; with no `bot`, none count) are not
 * posted again (nor annotated: they show in one place); findings with no changed line to anchor
 * on, or over `max_comments`, are handed back for the check run's annotations. If GitHub still
 * answers 422, the review is posted again with the riskier comments moved to the check run, and at
 * last with none: a finding is never lost, and 422 is never retried as it is.
 */
export async function publishReview(
  github: GitHubClient,
  pr: PullRequestRef,
  findings: Finding[],
  diffs: ReadonlyMap<string, FileDiff | null>,
  rules: ReadonlyMap<string, Rule>,
  config: DiffsecConfig,
  bot: BotIdentity | null,
  sleep?: Sleep,
): Promise<ReviewOutcome> {
  const notInline: NotInline[] = [];
  const active = findings.filter((f) => !f.suppressed && f.scope !== 'outside');
  if (!config.inlineComments) {
    return { posted: [], reviewId: null, ownMarkers: null, notInline: active.map((finding) => ({ finding, why: 'inline comments are off (inline_comments: false)' })) };
  }
  const existing = bot ? await existingMarkers(github, pr, bot, sleep) : new Set<string>();
  const ownMarkers = bot ? existing : null;
  const ranked = [...active].sort((a, b) => levelRank(b.severity) - levelRank(a.severity) || levelRank(b.confidence) - levelRank(a.confidence));
  const planned: { finding: Finding; anchor: CommentAnchor }[] = [];
  for (const finding of ranked) {
    const anchor = anchorFor(finding, diffs.get(finding.path) ?? null);
    if (existing.has(`${finding.ruleId}:${finding.fingerprint}`)) notInline.push({ finding, why: 'already commented on by an earlier diffsec review', commentedBefore: true });
    else if (!anchor) notInline.push({ finding, why: 'no changed line of a known diff to comment on' });
    else if (planned.length >= config.maxComments) notInline.push({ finding, why: `over the limit of ${config.maxComments} inline comments per review (max_comments)` });
    else planned.push({ finding, anchor });
  }
  if (planned.length === 0) return { posted: [], notInline, reviewId: null, ownMarkers };

  // Each attempt is all-or-nothing on GitHub's side; a 422 never half-posts a review.
  const attempts = [planned, planned.filter((p) => p.anchor.startLine === p.anchor.line)];
  let lastError: unknown = null;
  for (const attempt of attempts) {
    if (attempt.length === 0) break;
    try {
      const { data } = await withRetries(
        () =>
          github.octokit.rest.pulls.createReview({
            owner: pr.owner,
            repo: pr.repo,
            pull_number: pr.number,
            commit_id: pr.headSha,
            event: 'COMMENT',
            body: reviewBody(attempt.length, active.length),
            comments: attempt.map(({ finding, anchor }) => toComment(finding, anchor, rules.get(finding.ruleId))),
          }),
        sleep,
      );
      const left = planned.filter((p) => !attempt.includes(p));
      for (const { finding } of left) notInline.push({ finding, why: `GitHub rejected the review with it (${describe(lastError)})` });
      return { posted: attempt.map((p) => p.finding), notInline, reviewId: idOf(data, 'pulls.createReview'), ownMarkers };
    } catch (error) {
      if ((error as { status?: number }).status !== 422) throw error;
      lastError = error;
    }
  }
  for (const { finding } of planned) notInline.push({ finding, why: `GitHub rejected the inline comment (${describe(lastError)})` });
  return { posted: [], notInline, reviewId: null, ownMarkers };
}

/** Fingerprint markers in diffsec's own review comments on the pull request. */
async function existingMarkers(github: GitHubClient, pr: PullRequestRef, bot: BotIdentity, sleep?: Sleep): Promise<Set<string>> {
  const comments = await readPages(
    (page) => github.octokit.rest.pulls.listReviewComments({ owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: PER_PAGE, page }),
    commentPage,
    COMMENT_PAGES,
    sleep,
  );
  return new Set(comments.filter((c) => isOwnComment(c.user, bot)).flatMap((c) => markersIn(c.body)));
}

function toComment(finding: Finding, anchor: CommentAnchor, rule: Rule | undefined): ReviewComment {
  const comment: ReviewComment = {
    path: finding.path,
    body: renderReviewComment(finding, rule, { startLine: anchor.startLine, endLine: anchor.line }),
    line: anchor.line,
    side: 'RIGHT',
  };
  if (anchor.startLine < anchor.line) {
    comment.start_line = anchor.startLine;
    comment.start_side = 'RIGHT';
  }
  return comment;
}

function reviewBody(inline: number, total: number): string {
  const rest = total - inline;
  return `diffsec found ${total} security finding${total === 1 ? '' : 's'} in the changed code; ${inline} ${inline === 1 ? 'is' : 'are'} commented inline${rest > 0 ? `, the other ${rest} ${rest === 1 ? 'is' : 'are'} listed in the diffsec check run` : ''}.\n<!-- diffsec:review -->`;
}
