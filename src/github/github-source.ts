import type { FileSelection } from '../config/file-selection.js';
import { isPythonShebang } from '../config/python-shebang.js';
import { baseFromPatch } from '../diff/base-from-patch.js';
import type { FileDiff, FileStatus } from '../diff/file-diff.js';
import { parsePatch } from '../diff/parse-patch.js';
import { parseUnifiedDiff } from '../diff/parse-unified-diff.js';
import type { ChangedFile, FileContent, ReviewSource } from '../review.js';
import { blobBatch, blobContent, filePage, UnexpectedAnswer, type BlobResult } from './api-answer.js';
import type { GitHubClient } from './github-client.js';
import { PER_PAGE, readPages } from './read-pages.js';
import { withRetries, type Sleep } from './with-retries.js';

/** GitHub lists at most 3,000 files of a pull request. */
export const FILE_LIST_CAP = 3000;
/** Files per GraphQL read: 3 queries for a 300-file pull request, within the 15-call budget of a review. */
const BLOBS_PER_QUERY = 100;
/** Extensionless files of a pull request read for a Python shebang, at most: one GraphQL query. */
export const SHEBANG_CHECKS = 50;

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
}

/**
 * A pull request as a review source. Files come from pulls.listFiles (paginated, 3,000 at most);
 * a file whose `patch` GitHub left out is diffed through the pull request's diff media type once,
 * else reviewed whole (so is a file whose patch cannot be parsed, and the check says so); contents
 * are read at the head sha through the base repository (so forks work), many files per GraphQL
 * query, with git.getBlob for what GraphQL truncates or does not find; a modified file's base
 * version is rebuilt from its head text and patch (readBase). Every answer's shape is
 * checked: a wrong one, or a read that keeps failing, throws and fails the review, never drops a file.
 * Extensionless files the selection `mayBeScript` (SHEBANG_CHECKS at most, in one query; the rest
 * are listed as skipped, saying why) are read while listing, and those opening with a Python
 * shebang are marked `pythonScript`; their text is kept, so readFiles does not fetch it again.
 */
export class GitHubSource implements ReviewSource {
  /** Things the check run should tell the reader about how the files were read. */
  readonly notes: string[] = [];
  /** Each file's diff (null: unknown, reviewed whole), for anchoring comments. */
  readonly diffs = new Map<string, FileDiff | null>();
  private readonly blobShas = new Map<string, string>();
  /** Contents read while listing (Python scripts), or why a file was not checked: readFiles yields these as they are. */
  private readonly preread = new Map<string, FileContent>();
  /** Each file's patch as GitHub gave it, to rebuild its base version from. */
  private readonly patches = new Map<string, string>();

  constructor(
    private readonly github: GitHubClient,
    private readonly pr: PullRequestRef,
    private readonly sleep?: Sleep,
    private readonly selection?: Pick<FileSelection, 'mayBeScript'>,
  ) {}

  async listFiles(): Promise<ChangedFile[]> {
    const { owner, repo, number } = this.pr;
    const listed = await readPages(
      (page) => this.github.octokit.rest.pulls.listFiles({ owner, repo, pull_number: number, per_page: PER_PAGE, page }),
      filePage,
      FILE_LIST_CAP / PER_PAGE,
      this.sleep,
    );
    if (listed.length >= FILE_LIST_CAP) this.notes.push(`GitHub lists at most ${FILE_LIST_CAP} files of a pull request: files past that were not reviewed.`);
    const missing = listed.filter((f) => f.patch === undefined && f.status !== 'removed');
    const fallback = missing.length ? await this.diffOfWholePullRequest() : new Map<string, FileDiff>();
    const files: ChangedFile[] = listed.map((f) => {
      if (f.sha) this.blobShas.set(f.filename, f.sha);
      if (f.patch !== undefined) this.patches.set(f.filename, f.patch);
      const status = STATUS[f.status] ?? 'modified';
      let diff: FileDiff | null = null;
      if (f.patch !== undefined) {
        try {
          diff = { path: f.filename, status, binary: false, modeOnly: false, hunks: parsePatch(f.patch) };
        } catch (error) {
          // A patch that cannot be read says nothing about which lines changed: the whole file is in scope.
          if (f.status !== 'removed') this.notes.push(`The patch GitHub gave for ${f.filename} could not be read (${(error as Error).message}): the whole file was reviewed, and findings outside a known hunk are listed here, not inline.`);
        }
      } else if (fallback.has(f.filename)) diff = fallback.get(f.filename)!;
      else if (f.status !== 'removed') this.notes.push(`GitHub gave no diff for ${f.filename} (too large or binary): the whole file was reviewed, and findings outside a known hunk are listed here, not inline.`);
      this.diffs.set(f.filename, diff);
      return { path: f.filename, status, diff, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}) };
    });
    await this.findPythonScripts(files);
    return files;
  }

  /** Reads the first SHEBANG_CHECKS candidates at the head (one query) and marks the Python scripts; the rest are marked to be listed as not checked. */
  private async findPythonScripts(files: ChangedFile[]): Promise<void> {
    const selection = this.selection;
    if (!selection) return;
    const candidates = files.filter((f) => f.status !== 'removed' && selection.mayBeScript(f.path));
    if (!candidates.length) return;
    const checked = candidates.slice(0, SHEBANG_CHECKS);
    const blobs = await this.readBatch(checked.map((f) => f.path));
    checked.forEach((file, i) => {
      const blob = blobs[i];
      if (!blob || blob.isBinary || blob.text === null || !isPythonShebang(blob.text)) return;
      file.pythonScript = true;
      // Text GitHub cut short, or that may hide bytes that were not UTF-8, is read again whole by readFiles.
      if (!blob.isTruncated && !blob.text.includes('\uFFFD')) this.preread.set(file.path, { path: file.path, bytes: Buffer.from(blob.text, 'utf8') });
    });
    for (const file of candidates.slice(SHEBANG_CHECKS)) {
      file.pythonScript = true;
      this.preread.set(file.path, { path: file.path, error: `not checked for a Python shebang: the pull request has ${candidates.length} files without an extension, and the first ${SHEBANG_CHECKS} were checked` });
    }
  }

  async *readFiles(paths: string[]): AsyncIterable<FileContent> {
    for (const path of paths) if (this.preread.has(path)) yield this.preread.get(path)!;
    const toRead = paths.filter((p) => !this.preread.has(p));
    for (let start = 0; start < toRead.length; start += BLOBS_PER_QUERY) {
      const batch = toRead.slice(start, start + BLOBS_PER_QUERY);
      // A read that keeps failing throws: a file diffsec could not read is not a reviewed file.
      const blobs = await this.readBatch(batch);
      for (let i = 0; i < batch.length; i++) {
        const path = batch[i]!;
        const blob = blobs[i];
        if (blob?.isBinary) yield { path, error: 'binary file (GitHub reports it as binary)' };
        // GraphQL hands text over as UTF-8; a replacement character may hide bytes that were not UTF-8, so read those raw.
        else if (blob && blob.text !== null && !blob.isTruncated && !blob.text.includes('\uFFFD')) yield { path, bytes: Buffer.from(blob.text, 'utf8') };
        // Truncated, or not found by path (an odd name): the blob sha from listFiles still reads it.
        else yield await this.readBlob(path, blob === null);
      }
    }
  }

  /**
   * A modified file at the merge base (what GitHub diffs a pull request against), rebuilt from its
   * head text and its patch: no API call. An error when GitHub gave no patch for the file (its diff
   * came from the pull request's whole diff) or the patch does not fit the head text.
   */
  async readBase(file: ChangedFile, headText: string): Promise<FileContent> {
    const patch = this.patches.get(file.path);
    if (patch === undefined) return { path: file.path, error: 'GitHub gave no patch for the file to rebuild it from' };
    const text = baseFromPatch(headText, patch);
    if (text === null) return { path: file.path, error: "GitHub's patch for the file does not fit its head version" };
    return { path: file.path, bytes: Buffer.from(text, 'utf8') };
  }

  private async readBatch(paths: string[]): Promise<(BlobResult | null)[]> {
    const fields = paths.map((p, i) => `f${i}: object(expression: ${JSON.stringify(`${this.pr.headSha}:${p}`)}) { ... on Blob { text isBinary isTruncated } }`);
    const query = `query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { ${fields.join(' ')} } }`;
    const data = await withRetries(() => this.github.octokit.graphql<unknown>(query, { owner: this.pr.owner, repo: this.pr.repo }), this.sleep);
    return blobBatch(data, paths.length);
  }

  private async readBlob(path: string, notFound: boolean): Promise<FileContent> {
    const sha = this.blobShas.get(path);
    if (!sha) return { path, error: notFound ? 'not found at the head commit' : 'GitHub truncated the file and gave no blob to read it whole' };
    const { data } = await withRetries(() => this.github.octokit.rest.git.getBlob({ owner: this.pr.owner, repo: this.pr.repo, file_sha: sha }), this.sleep);
    const blob = blobContent(data);
    return { path, bytes: Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8') };
  }

  /** The pull request's full diff; GitHub answers 406 over 300 files or 20,000 lines, which is final. */
  private async diffOfWholePullRequest(): Promise<Map<string, FileDiff>> {
    const { owner, repo, number } = this.pr;
    try {
      const { data } = await withRetries(
        () => this.github.octokit.rest.pulls.get({ owner, repo, pull_number: number, mediaType: { format: 'diff' } }),
        this.sleep,
      );
      if (typeof data !== 'string') throw new UnexpectedAnswer('pulls.get (diff)', 'the diff is not text');
      // A binary entry has no hunks: it says nothing about changed lines, so it is no diff.
      return new Map(parseUnifiedDiff(data).filter((d) => !d.binary).map((d) => [d.path, d]));
    } catch (error) {
      this.notes.push(`The pull request's diff could not be read (${describe(error)}).`);
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
