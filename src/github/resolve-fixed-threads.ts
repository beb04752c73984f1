import { markersIn } from '../report/review-comment.js';
import { UnexpectedAnswer } from './api-answer.js';
import type { BotIdentity } from './bot-identity.js';
import type { GitHubClient } from './github-client.js';
import { describe, type PullRequestRef } from './github-source.js';
import { withRetries, type Sleep } from './with-retries.js';

/** Review threads read at most (pages of 100): past that, an older thread stays open, never wrongly resolved. */
const THREAD_PAGES = 20;
/** Threads resolved per review at most: each costs two mutations, which GitHub's secondary rate limits count. */
export const MAX_RESOLVED_PER_REVIEW = 30;

/** One review thread as diffsec reads it from GraphQL `pullRequest.reviewThreads`. */
export interface ReviewThread {
  id: string;
  isResolved: boolean;
  path: string;
  /** The thread's comments, first (the one diffsec posted) first; at most 100 read. */
  comments: { author: { login: string; type: string } | null; body: string }[];
  /** How many comments the thread has, read or not. */
  totalComments: number;
}

/** What the head commit tells about earlier findings. */
export interface HeadFindings {
  /** `RULE:HASH` of every finding by file analysed completely in this head (ReviewResult.fingerprints). */
  fingerprints: ReadonlyMap<string, ReadonlySet<string>>;
  /** The rule ids run on this head: a marker of a rule not run tells nothing. */
  ruleIds: ReadonlySet<string>;
}

export interface ResolveOutcome {
  /** Threads resolved now. */
  resolved: number;
  /** For the check run's summary: what was done, left open, or failed. */
  notes: string[];
}

const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved path comments(first: 100) { totalCount nodes { author { __typename login } body } } }
      }
    }
  }
}`;
const REPLY_MUTATION = `mutation($thread: ID!, $body: String!) {
  addPullRequestReviewThreadReply(input: { pullRequestReviewThreadId: $thread, body: $body }) { comment { id } }
}`;
const RESOLVE_MUTATION = `mutation($thread: ID!) { resolveReviewThread(input: { threadId: $thread }) { thread { id isResolved } } }`;

/**
 * Resolves diffsec's own comment threads whose finding this head fixed, as code scanning closes
 * fixed alerts: one reply "Fixed in <sha7>." then GraphQL `resolveReviewThread`. A thread counts
 * when it is open, its first comment is by `bot` with a fingerprint marker of a rule run on this
 * head, its file was analysed completely here, that file's findings no longer hold the marker, and
 * nobody but diffsec wrote in it. `ownMarkers` (diffsec's earlier markers, when already read) skips
 * the thread read when every one of them is still found. Never throws: failures, after retries,
 * become notes; the review stands.
 */
export async function resolveFixedThreads(
  github: GitHubClient,
  pr: PullRequestRef,
  head: HeadFindings,
  bot: BotIdentity,
  ownMarkers: ReadonlySet<string> | null,
  sleep?: Sleep,
): Promise<ResolveOutcome> {
  if (ownMarkers !== null && ![...ownMarkers].some((m) => mayBeFixed(m, head))) return { resolved: 0, notes: [] };
  let threads: ReviewThread[];
  try {
    threads = await readThreads(github, pr, sleep);
  } catch (error) {
    return { resolved: 0, notes: [`diffsec could not read the pull request's review threads (${describe(error)}): comment threads of findings fixed since are left open.`] };
  }
  const fixed: ReviewThread[] = [];
  let answered = 0;
  for (const thread of threads) {
    if (thread.isResolved || !isFixed(thread, head, bot)) continue;
    const byOthers = thread.totalComments > thread.comments.length || thread.comments.some((c) => !isOwnAuthor(c.author, bot));
    if (byOthers) answered++;
    else fixed.push(thread);
  }
  const notes: string[] = [];
  const sha7 = pr.headSha.slice(0, 7);
  let resolved = 0;
  for (const thread of fixed.slice(0, MAX_RESOLVED_PER_REVIEW)) {
    try {
      // A re-run after a failed resolve finds its own reply there: it does not say it twice.
      if (!thread.comments.slice(1).some((c) => /^Fixed in [0-9a-f]{7,40}\.$/.test(c.body.trim()))) {
        await withRetries(() => github.octokit.graphql(REPLY_MUTATION, { thread: thread.id, body: `Fixed in ${sha7}.` }), sleep);
      }
      await withRetries(() => github.octokit.graphql(RESOLVE_MUTATION, { thread: thread.id }), sleep);
      resolved++;
    } catch (error) {
      notes.push(`diffsec could not resolve the comment thread of a fixed finding in ${thread.path} (${describe(error)}): ${fixed.length - resolved} such thread${fixed.length - resolved === 1 ? ' is' : 's are'} left open.`);
      return { resolved, notes };
    }
  }
  if (resolved) notes.push(`${resolved} earlier diffsec comment thread${resolved === 1 ? '' : 's'} resolved: ${resolved === 1 ? 'its finding is' : 'their findings are'} gone in ${sha7}.`);
  if (fixed.length > resolved) notes.push(`${fixed.length - resolved} more thread${fixed.length - resolved === 1 ? '' : 's'} of fixed findings left open (at most ${MAX_RESOLVED_PER_REVIEW} are resolved per push; the next review resolves more).`);
  if (answered) notes.push(`${answered} thread${answered === 1 ? '' : 's'} of fixed findings ${answered === 1 ? 'has' : 'have'} replies from people and ${answered === 1 ? 'is' : 'are'} left open for them to resolve.`);
  return { resolved, notes };
}

/** True when the head says this thread's finding is gone: its file was analysed completely and no longer holds the marker. */
function isFixed(thread: ReviewThread, head: HeadFindings, bot: BotIdentity): boolean {
  const first = thread.comments[0];
  if (!first || !isOwnAuthor(first.author, bot)) return false;
  const [marker] = markersIn(first.body);
  if (!marker || !head.ruleIds.has(marker.split(':')[0]!)) return false;
  const present = head.fingerprints.get(thread.path);
  return present !== undefined && !present.has(marker);
}

/** A marker that no completely analysed file holds, of a rule run on this head: it may belong to a fixed finding. */
function mayBeFixed(marker: string, head: HeadFindings): boolean {
  if (!head.ruleIds.has(marker.split(':')[0]!)) return false;
  for (const present of head.fingerprints.values()) if (present.has(marker)) return false;
  return head.fingerprints.size > 0;
}

/**
 * True when a GraphQL comment author is diffsec's own account. GraphQL names a Bot by its bare
 * slug (`diffsec`) where REST says `diffsec[bot]`; only a Bot can hold it, and a person's login
 * is never a Bot's. A deleted author (null) is someone else.
 */
export function isOwnAuthor(author: { login: string; type: string } | null, bot: BotIdentity): boolean {
  if (author === null || author.type !== 'Bot') return false;
  const login = author.login.toLowerCase();
  const own = bot.login.toLowerCase();
  return login === own || `${login}[bot]` === own;
}

/** All review threads of the pull request, 100 a page (each page retried on its own), checked for shape. */
async function readThreads(github: GitHubClient, pr: PullRequestRef, sleep?: Sleep): Promise<ReviewThread[]> {
  const threads: ReviewThread[] = [];
  let after: string | null = null;
  for (let page = 1; page <= THREAD_PAGES; page++) {
    const data = await withRetries(() => github.octokit.graphql<unknown>(THREADS_QUERY, { owner: pr.owner, repo: pr.repo, number: pr.number, after }), sleep);
    const { nodes, next } = threadPage(data, page);
    threads.push(...nodes);
    if (next === null) break;
    after = next;
  }
  return threads;
}

/** One page of `reviewThreads`: its threads and the cursor of the next page (null when last). */
export function threadPage(data: unknown, page: number): { nodes: ReviewThread[]; next: string | null } {
  const call = `the GraphQL review threads read (page ${page})`;
  const obj = (value: unknown, what: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UnexpectedAnswer(call, `${what} is not an object`);
    return value as Record<string, unknown>;
  };
  const list = (value: unknown, what: string): unknown[] => {
    if (!Array.isArray(value)) throw new UnexpectedAnswer(call, `${what} is not a list`);
    return value;
  };
  const text = (value: unknown, what: string): string => {
    if (typeof value !== 'string') throw new UnexpectedAnswer(call, `${what} is not text`);
    return value;
  };
  const pull = obj(obj(obj(data, 'the data').repository, 'repository').pullRequest, 'pullRequest');
  const connection = obj(pull.reviewThreads, 'reviewThreads');
  const info = obj(connection.pageInfo, 'pageInfo');
  const nodes = list(connection.nodes, 'reviewThreads.nodes').map((item, i) => {
    const t = obj(item, `thread ${i + 1}`);
    if (typeof t.isResolved !== 'boolean') throw new UnexpectedAnswer(call, `thread ${i + 1}'s isResolved is not true or false`);
    const comments = obj(t.comments, `thread ${i + 1}'s comments`);
    if (typeof comments.totalCount !== 'number') throw new UnexpectedAnswer(call, `thread ${i + 1}'s comment count is not a number`);
    return {
      id: text(t.id, `thread ${i + 1}'s id`),
      isResolved: t.isResolved,
      path: text(t.path, `thread ${i + 1}'s path`),
      totalComments: comments.totalCount,
      comments: list(comments.nodes, `thread ${i + 1}'s comments`).map((c, j) => {
        const comment = obj(c, `thread ${i + 1}'s comment ${j + 1}`);
        const author = comment.author === null || comment.author === undefined ? null : obj(comment.author, `thread ${i + 1}'s comment ${j + 1}'s author`);
        return {
          author: author && { login: text(author.login, 'an author login'), type: text(author.__typename, 'an author type') },
          body: typeof comment.body === 'string' ? comment.body : '',
        };
      }),
    };
  });
  const next = info.hasNextPage === true ? text(info.endCursor, 'pageInfo.endCursor') : null;
  return { nodes, next };
}
