import type { Finding } from '../findings/finding.js';
import { annotatedFindings, CHECK_OUTPUT_LIMIT } from '../report/check-run-output.js';
import { plainText } from '../report/markdown-escape.js';
import { ruleDocsUrl } from '../report/rule-docs-url.js';
import { idOf } from './api-answer.js';
import type { GitHubClient } from './github-client.js';
import type { PullRequestRef } from './github-source.js';
import { withRetries, type Sleep } from './with-retries.js';

/** The check's name: branch protection requires it by name, so it never changes. */
export const CHECK_NAME = 'diffsec';
/** GitHub takes at most 50 annotations per request; more fail with 422 or are dropped. */
export const ANNOTATIONS_PER_REQUEST = 50;

export type Conclusion = 'success' | 'failure' | 'neutral';

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations: Finding[];
}

/** The fields that complete a check run with a conclusion and a text-only output (no annotations). */
export function completion(conclusion: Conclusion, title: string, summary: string, at = new Date()) {
  return { status: 'completed' as const, conclusion, completed_at: at.toISOString(), output: { title, summary } };
}

/** Creates the `diffsec` check run, in progress, on the head sha; the PR number goes in external_id for re-runs. Throws UnexpectedAnswer when GitHub's answer has no id. */
export async function startCheckRun(github: GitHubClient, pr: PullRequestRef, sleep?: Sleep): Promise<number> {
  const { data } = await withRetries(
    () =>
      github.octokit.rest.checks.create({
        owner: pr.owner,
        repo: pr.repo,
        name: CHECK_NAME,
        head_sha: pr.headSha,
        status: 'in_progress',
        started_at: new Date().toISOString(),
        external_id: String(pr.number),
      }),
    sleep,
  );
  return idOf(data, 'checks.create');
}

/**
 * Completes the check run: the most severe findings, at most ANNOTATION_LIMIT (the summary counts
 * the rest), go 50 per update while it is still in progress (each update repeats output.title,
 * which GitHub requires), then the last update sets the conclusion.
 */
export async function completeCheckRun(github: GitHubClient, pr: PullRequestRef, checkRunId: number, conclusion: Conclusion, output: CheckRunOutput, sleep?: Sleep): Promise<void> {
  const title = output.title.slice(0, 255);
  const summary = output.summary.slice(0, CHECK_OUTPUT_LIMIT);
  const annotated = annotatedFindings(output.annotations);
  const batches: Finding[][] = [];
  for (let i = 0; i < annotated.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotated.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const last = batches.pop() ?? [];
  for (const batch of batches) {
    await withRetries(
      () => github.octokit.rest.checks.update({ owner: pr.owner, repo: pr.repo, check_run_id: checkRunId, output: { title, summary, annotations: batch.map(toAnnotation) } }),
      sleep,
    );
  }
  await withRetries(
    () =>
      github.octokit.rest.checks.update({
        owner: pr.owner,
        repo: pr.repo,
        check_run_id: checkRunId,
        ...completion(conclusion, title, summary),
        ...(last.length ? { output: { title, summary, annotations: last.map(toAnnotation) } } : {}),
      }),
    sleep,
  );
}

function toAnnotation(f: Finding) {
  const annotation = {
    path: f.path,
    start_line: f.line,
    end_line: f.endLine,
    annotation_level: (f.severity === 'high' ? 'failure' : f.severity === 'medium' ? 'warning' : 'notice') as 'failure' | 'warning' | 'notice',
    title: `${f.ruleId} ${f.title}`.slice(0, 255),
    // Annotations are plain text: only control characters need showing; the docs link goes last, whole.
    message: `${plainText(f.message).slice(0, 60_000)}\n\nRule docs: ${ruleDocsUrl(f)}`,
  };
  // Columns are allowed only on single-line annotations.
  return f.line === f.endLine ? { ...annotation, start_column: f.column, end_column: Math.max(f.column, f.endColumn) } : annotation;
}
