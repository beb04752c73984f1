import { plainText } from '../report/markdown-escape.js';
import type { GitHubApiDouble } from './github-api-double.js';

/** What GitHub would show after the demo review: the review and its inline comments, then the check run. */
export function renderDemoReport(github: GitHubApiDouble, repo: string, pull: number): string {
  const out: string[] = [];
  const rule = (title: string) => out.push('', `━━ ${title} ${'━'.repeat(Math.max(0, 72 - title.length))}`);
  rule(`${repo} #${pull}: review by diffsec[bot]`);
  for (const review of github.reviews.filter((r) => r.pull === pull)) {
    out.push('', readable(String(review.body.body ?? '')));
    for (const c of (review.body.comments as Record<string, unknown>[] | undefined) ?? []) {
      const range = c.start_line ? `${c.start_line}-${c.line}` : `${c.line}`;
      out.push('', `▶ ${plainText(String(c.path))}:${range} (${c.side})`, indent(readable(String(c.body))));
    }
  }
  if (github.reviews.length === 0) out.push('', '(no review: nothing new to comment on)');
  for (const [id, run] of github.checkRuns) {
    const output = (run.output ?? {}) as { title?: string; summary?: string };
    rule(`check run "${String(run.name)}" #${id}: ${String(run.status)}, conclusion ${String(run.conclusion)}`);
    out.push('', plainText(output.title ?? ''), '', readable(output.summary ?? ''));
  }
  out.push('', `GitHub API calls made by the app: ${github.calls().length} (${[...new Set(github.calls().map((c) => c.split(' ')[0]))].join(', ')})`, '');
  return out.join('\n');
}

/** Markdown as a reader sees it: hidden markers and HTML wrappers dropped, control characters shown (this goes to a terminal). */
function readable(markdown: string): string {
  return markdown
    .split('\n')
    .map(plainText)
    .join('\n')
    .replace(/<!--.*?-->/g, '')
    .replace(/<\/?details>|<summary>|<\/summary>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n');
}
