/**
 * Guards for the answers diffsec reads from GitHub. An answer of an unexpected shape (a JSON object
 * where a list was due, an id that is not a number…) must stop the review with that said, never
 * read as "nothing there": a file list that is not a list is not zero files.
 */

/** GitHub answered with a shape diffsec cannot read; the message says which call and what was wrong. */
export class UnexpectedAnswer extends Error {
  constructor(call: string, what: string) {
    super(`GitHub answered ${call} with an unexpected shape: ${what}`);
    this.name = 'UnexpectedAnswer';
  }
}

/** One entry of pulls.listFiles. */
export interface ListedFile {
  filename: string;
  previous_filename?: string;
  status: string;
  patch?: string;
  sha: string | null;
}

/** One file of a GraphQL `... on Blob` read. */
export interface BlobResult {
  text: string | null;
  isBinary: boolean;
  isTruncated: boolean;
}

/** The author of a review comment; null when the account was deleted. */
export interface CommentAuthor {
  login: string;
  type: string;
  id: number | null;
}

/** One entry of pulls.listReviewComments, as far as diffsec reads it. */
export interface ListedComment {
  body: string;
  user: CommentAuthor | null;
}

/** A page of pulls.listFiles: a list of files, each with a name and a status. */
export function filePage(data: unknown, page: number): ListedFile[] {
  const call = `pulls.listFiles (page ${page})`;
  return listOf(data, call).map((item, i) => {
    const f = objectOf(item, call, `file ${i + 1}`);
    const filename = text(f.filename, call, `file ${i + 1}'s filename`);
    if (filename === '') throw new UnexpectedAnswer(call, `file ${i + 1} has an empty filename`);
    const status = text(f.status, call, `file ${i + 1}'s status`);
    const patch = optionalText(f.patch, call, `file ${i + 1}'s patch`);
    const previous = optionalText(f.previous_filename, call, `file ${i + 1}'s previous_filename`);
    const sha = optionalText(f.sha, call, `file ${i + 1}'s sha`);
    return { filename, status, sha: sha ?? null, ...(patch !== undefined ? { patch } : {}), ...(previous ? { previous_filename: previous } : {}) };
  });
}

/** A GraphQL blob batch: `repository.f0…f{count-1}`, each a blob, or null (or `{}`: not a blob) when there is none. */
export function blobBatch(data: unknown, count: number): (BlobResult | null)[] {
  const call = 'the GraphQL file read';
  const repository = objectOf(objectOf(data, call, 'the data').repository, call, 'repository');
  return Array.from({ length: count }, (_, i) => {
    const entry = repository[`f${i}`];
    if (entry === null || entry === undefined) return null;
    const blob = objectOf(entry, call, `f${i}`);
    if (Object.keys(blob).length === 0) return null;
    const content = blob.text;
    if (content !== null && typeof content !== 'string') throw new UnexpectedAnswer(call, `f${i}.text is ${kind(content)}, not text or null`);
    if (typeof blob.isBinary !== 'boolean' || typeof blob.isTruncated !== 'boolean') throw new UnexpectedAnswer(call, `f${i} lacks the isBinary and isTruncated flags`);
    return { text: content, isBinary: blob.isBinary, isTruncated: blob.isTruncated };
  });
}

/** git.getBlob: the content and its encoding (base64 or utf-8). */
export function blobContent(data: unknown): { content: string; encoding: 'base64' | 'utf-8' } {
  const call = 'git.getBlob';
  const blob = objectOf(data, call, 'the blob');
  const content = text(blob.content, call, 'content');
  if (blob.encoding !== 'base64' && blob.encoding !== 'utf-8') throw new UnexpectedAnswer(call, `encoding is ${JSON.stringify(String(blob.encoding).slice(0, 20))}, not base64 or utf-8`);
  return { content, encoding: blob.encoding };
}

/** pulls.get: the head commit's sha. */
export function headShaOf(data: unknown): string {
  const call = 'pulls.get';
  const sha = text(objectOf(objectOf(data, call, 'the pull request').head, call, 'head').sha, call, 'head.sha');
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) throw new UnexpectedAnswer(call, 'head.sha is not a commit sha');
  return sha;
}

/** The `id` of something GitHub created (a check run, a review): a positive whole number. */
export function idOf(data: unknown, call: string): number {
  const id = objectOf(data, call, 'the answer').id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) throw new UnexpectedAnswer(call, `id is ${kind(id)}, not a positive whole number`);
  return id;
}

/** A page of pulls.listReviewComments: bodies and authors. */
export function commentPage(data: unknown, page: number): ListedComment[] {
  const call = `pulls.listReviewComments (page ${page})`;
  return listOf(data, call).map((item, i) => {
    const c = objectOf(item, call, `comment ${i + 1}`);
    const body = optionalText(c.body, call, `comment ${i + 1}'s body`) ?? '';
    if (c.user === null || c.user === undefined) return { body, user: null };
    const user = objectOf(c.user, call, `comment ${i + 1}'s user`);
    const login = text(user.login, call, `comment ${i + 1}'s user.login`);
    const type = text(user.type, call, `comment ${i + 1}'s user.type`);
    return { body, user: { login, type, id: typeof user.id === 'number' ? user.id : null } };
  });
}

/** GET /app: the app's slug, which names its bot account `<slug>[bot]`. */
export function appSlugOf(data: unknown): string {
  const slug = text(objectOf(data, 'apps.getAuthenticated', 'the app').slug, 'apps.getAuthenticated', 'slug');
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(slug)) throw new UnexpectedAnswer('apps.getAuthenticated', 'slug is not an app slug');
  return slug;
}

function listOf(data: unknown, call: string): unknown[] {
  if (!Array.isArray(data)) throw new UnexpectedAnswer(call, `${kind(data)} where a list was expected`);
  return data;
}

function objectOf(value: unknown, call: string, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UnexpectedAnswer(call, `${what} is ${kind(value)}, not an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, call: string, what: string): string {
  if (typeof value !== 'string') throw new UnexpectedAnswer(call, `${what} is ${kind(value)}, not text`);
  return value;
}

function optionalText(value: unknown, call: string, what: string): string | undefined {
  return value === undefined || value === null ? undefined : text(value, call, what);
}

/** What a value is, in words, without quoting it (answers may carry anything). */
function kind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return `a ${typeof value}`;
}
