import { plainText } from '../report/markdown-escape.js';
import type { GitHubApiDouble } from './github-api-double.js';

/** Where one push's output starts in the double's records, so a report shows that push only. */
export interface PushMark {
  reviews: number;
  checkRuns: number;
  calls: number;
}

/** The double's records so far: pass it before a push to show only what that push made. */
export function markOf(github: GitHubApiDouble): PushMark {
  return { reviews: github.reviews.length, checkRuns: github.checkRuns.size, calls: github.calls().length };
}

/**
 * What GitHub would show after one push's review: the review and its inline comments (a
 * `<details>` block collapsed, as GitHub shows it), the check run with its annotations, and the
 * pull request's comment threads with their replies and whether they are resolved.
 */
export function renderDemoReport(github: GitHubApiDouble, repo: string, pull: number, since: PushMark = { reviews: 0, checkRuns: 0, calls: 0 }, heading = ''): string {
  const out: string[] = [];
  const rule = (title: string) => out.push('', `━━ ${title} ${'━'.repeat(Math.max(0, 72 - title.length))}`);
  if (heading) out.push('', heading);
  const reviews = github.reviews.slice(since.reviews).filter((r) => r.pull === pull);
  rule(`${repo} #${pull}: review by diffsec[bot]`);
  for (const review of reviews) {
    out.push('', readable(String(review.body.body ?? '')));
    for (const c of (review.body.comments as Record<string, unknown>[] | undefined) ?? []) {
      const range = c.start_line ? `${c.start_line}-${c.line}` : `${c.line}`;
      out.push('', `▶ ${plainText(String(c.path))}:${range} (${c.side})`, indent(readable(String(c.body))));
    }
  }
  if (reviews.length === 0) out.push('', '(no review: nothing new to comment on)');
  for (const [id, run] of [...github.checkRuns].slice(since.checkRuns)) {
    const output = (run.output ?? {}) as { title?: string; summary?: string };
    rule(`check run "${String(run.name)}" #${id}: ${String(run.status)}, conclusion ${String(run.conclusion)}`);
    out.push('', plainText(output.title ?? ''), '', readable(output.summary ?? ''));
    const annotations = github.checkRunUpdates.filter((u) => u.id === id).flatMap((u) => ((u.body.output as { annotations?: Record<string, unknown>[] } | undefined)?.annotations ?? []));
    out.push('', annotations.length ? `Annotations on the diff (findings with no inline comment): ${annotations.length}` : 'Annotations on the diff: none (every finding has an inline comment)');
    for (const a of annotations) out.push(`  ▷ ${plainText(String(a.path))}:${String(a.start_line)} [${String(a.annotation_level)}] ${plainText(String(a.title))}`);
  }
  const threads = github.threads.filter((t) => t.pull === pull);
  // The threads are the comments above until diffsec answers one: then show where each stands.
  if (threads.some((t) => t.isResolved || t.comments.length > 1)) {
    rule('conversation: review threads');
    for (const t of threads) {
      const first = readable(t.comments[0]!.body).split('\n')[0]!;
      out.push('', `${t.isResolved ? '✔ resolved' : '○ open'}  ${plainText(t.path)}:${t.line}  ${first}`);
      for (const c of t.comments.slice(1)) out.push(`    ↳ ${plainText(c.user?.login ?? 'ghost')}: ${readable(c.body)}`);
    }
  }
  const calls = github.calls().slice(since.calls);
  out.push('', `GitHub API calls made by the app: ${calls.length} (${[...new Set(calls.map((c) => c.split(' ')[0]))].join(', ')})`, '');
  return out.join('\n');
}

/** Markdown as a reader sees it: hidden markers dropped, `<details>` collapsed to its summary line, control characters shown (this goes to a terminal). */
function readable(markdown: string): string {
  return markdown
    .split('\n')
    .map(plainText)
    .join('\n')
    .replace(/<!--.*?-->/g, '')
    .replace(/<details>\s*<summary>(.*?)<\/summary>[\s\S]*?<\/details>/g, '▸ $1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n');
}
