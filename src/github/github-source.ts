import type { FileDiff, FileStatus } from '../diff/file-diff.js';
import { parsePatch } from '../diff/parse-patch.js';
import { parseUnifiedDiff } from '../diff/parse-unified-diff.js';
import type { ChangedFile, FileContent, ReviewSource } from '../review.js';
import type { GitHubClient } from './github-client.js';
import { withRetries, type Sleep } from './with-retries.js';

/** GitHub lists at most 3,000 files of a pull request. */
export const FILE_LIST_CAP = 3000;
/** Files per GraphQL read: 3 queries for a 300-file pull request, within the 15-call budget of a review. */
const BLOBS_PER_QUERY = 100;

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
}

interface ListedFile {
  filename: string;
  previous_filename?: string;
  status: string;
  patch?: string;
  sha: string | null;
}

interface BlobResult {
  text: string | null;
  isBinary: boolean;
  isTruncated: boolean;
}

/**
 * A pull request as a review source. Files come from pulls.listFiles (paginated, 3,000 at most);
 * a file whose `patch` GitHub left out is diffed through the pull request's diff media type once,
 * else reviewed whole; contents are read at the head sha through the base repository (so forks
 * work), many files per GraphQL query, with git.getBlob for what GraphQL truncates.
 */
export class GitHubSource implements ReviewSource {
  /** Things the check run should tell the reader about how the files were read. */
  readonly notes: string[] = [];
  /** Each file's diff (null: unknown, reviewed whole), for anchoring comments. */
  readonly diffs = new Map<string, FileDiff | null>();
  private readonly blobShas = new Map<string, string>();

  constructor(
    private readonly github: GitHubClient,
    private readonly pr: PullRequestRef,
    private readonly sleep?: Sleep,
  ) {}

  async listFiles(): Promise<ChangedFile[]> {
    const { owner, repo, number } = this.pr;
    const listed = (await withRetries(
      () =>
        this.github.octokit.paginate(this.github.octokit.rest.pulls.listFiles, { owner, repo, pull_number: number, per_page: 100 }, (response, done) => {
          if (response.data.length < 100) done();
          return response.data;
        }),
      this.sleep,
    )) as ListedFile[];
    if (listed.length >= FILE_LIST_CAP) this.notes.push(`GitHub lists at most ${FILE_LIST_CAP} files of a pull request: files past that were not reviewed.`);
    const missing = listed.filter((f) => f.patch === undefined && f.status !== 'removed');
    const fallback = missing.length ? await this.diffOfWholePullRequest() : new Map<string, FileDiff>();
    return listed.map((f) => {
      if (f.sha) this.blobShas.set(f.filename, f.sha);
      const status = STATUS[f.status] ?? 'modified';
      let diff: FileDiff | null = null;
      if (f.patch !== undefined) diff = { path: f.filename, status, binary: false, modeOnly: false, hunks: parsePatch(f.patch) };
      else if (fallback.has(f.filename)) diff = fallback.get(f.filename)!;
      else if (f.status !== 'removed') this.notes.push(`GitHub gave no diff for ${f.filename} (too large or binary): the whole file was reviewed, and findings outside a known hunk are listed here, not inline.`);
      this.diffs.set(f.filename, diff);
      return { path: f.filename, status, diff, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}) };
    });
  }

  async *readFiles(paths: string[]): AsyncIterable<FileContent> {
    for (let start = 0; start < paths.length; start += BLOBS_PER_QUERY) {
      const batch = paths.slice(start, start + BLOBS_PER_QUERY);
      let blobs: (BlobResult | null)[];
      try {
        blobs = await this.readBatch(batch);
      } catch (error) {
        for (const path of batch) yield { path, error: `could not read the file from GitHub: ${describe(error)}` };
        continue;
      }
      for (let i = 0; i < batch.length; i++) {
        const path = batch[i]!;
        const blob = blobs[i];
        if (!blob) yield { path, error: 'not found at the head commit' };
        else if (blob.isBinary) yield { path, error: 'binary file (GitHub reports it as binary)' };
        // GraphQL hands text over as UTF-8; a replacement character may hide bytes that were not UTF-8, so read those raw.
        else if (blob.text !== null && !blob.isTruncated && !blob.text.includes('\uFFFD')) yield { path, bytes: Buffer.from(blob.text, 'utf8') };
        else yield await this.readBlob(path);
      }
    }
  }

  private async readBatch(paths: string[]): Promise<(BlobResult | null)[]> {
    const fields = paths.map((p, i) => `f${i}: object(expression: ${JSON.stringify(`${this.pr.headSha}:${p}`)}) { ... on Blob { text isBinary isTruncated } }`);
    const query = `query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { ${fields.join(' ')} } }`;
    const data = await withRetries(() => this.github.octokit.graphql<{ repository: Record<string, BlobResult | null> }>(query, { owner: this.pr.owner, repo: this.pr.repo }), this.sleep);
    return paths.map((_, i) => data.repository[`f${i}`] ?? null);
  }

  private async readBlob(path: string): Promise<FileContent> {
    const sha = this.blobShas.get(path);
    if (!sha) return { path, error: 'GitHub truncated the file and gave no blob to read it whole' };
    try {
      const { data } = await withRetries(() => this.github.octokit.rest.git.getBlob({ owner: this.pr.owner, repo: this.pr.repo, file_sha: sha }), this.sleep);
      return { path, bytes: Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8') };
    } catch (error) {
      return { path, error: `could not read the blob from GitHub: ${describe(error)}` };
    }
  }

  /** The pull request's full diff; GitHub answers 406 over 300 files or 20,000 lines, which is final. */
  private async diffOfWholePullRequest(): Promise<Map<string, FileDiff>> {
    const { owner, repo, number } = this.pr;
    try {
      const { data } = await withRetries(
        () => this.github.octokit.rest.pulls.get({ owner, repo, pull_number: number, mediaType: { format: 'diff' } }),
        this.sleep,
      );
      return new Map(parseUnifiedDiff(data as unknown as string).map((d) => [d.path, d]));
    } catch (error) {
      this.notes.push(`The pull request's diff could not be fetched (${describe(error)}).`);
      return new Map();
    }
  }
}

const STATUS: Record<string, FileStatus> = {
  added: 'added',
  modified: 'modified',
  changed: 'modified',
  unchanged: 'modified',
  removed: 'removed',
  renamed: 'renamed',
  copied: 'copied',
};

/** A short, secret-free description of a failed call. */
export function describe(error: unknown): string {
  const e = error as { status?: number; message?: string };
  return e?.status ? `HTTP ${e.status}: ${(e.message ?? '').split('\n')[0]!.slice(0, 200)}` : String((e as Error)?.message ?? error).slice(0, 200);
}
