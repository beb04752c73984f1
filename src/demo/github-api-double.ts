import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A changed file of a pull request as the double serves it. */
export interface DoubleFile {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  previousPath?: string;
  /** GitHub's per-file patch; leave out to imitate a diff too large to show. */
  patch?: string;
  /** The file at the head commit (absent for removed files). */
  content?: string | Buffer;
}

export interface DoublePullRequest {
  number: number;
  headSha: string;
  baseSha?: string;
  state?: 'open' | 'closed';
  draft?: boolean;
  files: DoubleFile[];
  /** The whole pull request diff, served for the diff media type; 406 when absent. */
  diff?: string;
}

/** One request the double received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** The author of a review comment, as GitHub gives it. */
export interface DoubleUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** A review comment thread: the comment a review (or someone) posted, then the replies. */
export interface DoubleThread {
  /** GraphQL node id, e.g. `PRRT_1001`. */
  id: string;
  pull: number;
  path: string;
  line: number;
  isResolved: boolean;
  comments: { id: number; user: DoubleUser | null; body: string }[];
}

/** A canned answer for the next request matching `method` and `path` (a RegExp on the path). */
export interface Fault {
  method: string;
  path: RegExp;
  /** Only a request whose body (as sent) matches, e.g. one GraphQL mutation among other GraphQL requests. */
  requestBody?: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Answer only after this long, as a slow or hanging GitHub would. */
  delayMs?: number;
}

/**
 * A GitHub REST and GraphQL API double on loopback: just the endpoints diffsec uses, seeded with
 * one repository's pull requests and config, recording every request, and able to answer with
 * injected faults (500, 403 with retry-after, 422…). For tests, the demo and the benchmarks.
 */
export class GitHubApiDouble {
  readonly requests: RecordedRequest[] = [];
  readonly reviews: { id: number; pull: number; body: Record<string, unknown> }[] = [];
  readonly checkRuns = new Map<number, Record<string, unknown>>();
  readonly checkRunUpdates: { id: number; body: Record<string, unknown> }[] = [];
  /** Every review comment thread: those the reviews posted here opened, and those added by hand. */
  readonly threads: DoubleThread[] = [];
  /** The app's slug (`GET /app`); review comments posted here are by `<slug>[bot]`. */
  appSlug = 'diffsec';
  private readonly faults: Fault[] = [];
  private readonly pulls = new Map<number, DoublePullRequest>();
  private server: Server | null = null;
  private nextId = 1000;

  constructor(
    readonly owner: string,
    readonly repo: string,
    /** `.github/diffsec.yml` on the default branch, or null for none. */
    public config: string | null = null,
  ) {}

  addPullRequest(pr: DoublePullRequest): this {
    this.pulls.set(pr.number, pr);
    return this;
  }

  /** Moves a pull request's head, as a push during a review would. */
  setHead(number: number, headSha: string): void {
    this.pulls.get(number)!.headSha = headSha;
  }

  /** The bot account the app posts as. */
  get appBot(): DoubleUser {
    return { login: `${this.appSlug}[bot]`, id: 900_001, type: 'Bot' };
  }

  /** Adds a review comment on pull request `pull` by someone, e.g. a person planting markers; it opens a thread. */
  addReviewComment(pull: number, user: DoubleUser, body: string, path = 'README.md', line = 1): this {
    this.openThread(pull, user, body, path, line);
    return this;
  }

  /** Adds a reply by `user` to a thread, as a person answering diffsec's comment would. */
  reply(threadId: string, user: DoubleUser | null, body: string): this {
    this.thread(threadId).comments.push({ id: this.nextId++, user, body });
    return this;
  }

  /** The threads of pull request `pull` whose first comment is on `path`. */
  threadsOn(pull: number, path: string): DoubleThread[] {
    return this.threads.filter((t) => t.pull === pull && t.path === path);
  }

  private openThread(pull: number, user: DoubleUser | null, body: string, path: string, line: number): DoubleThread {
    const id = this.nextId++;
    const thread: DoubleThread = { id: `PRRT_${id}`, pull, path, line, isResolved: false, comments: [{ id, user, body }] };
    this.threads.push(thread);
    return thread;
  }

  private thread(id: string): DoubleThread {
    const thread = this.threads.find((t) => t.id === id);
    if (!thread) throw new Error(`no review thread ${id}`);
    return thread;
  }

  /** Queues a fault for the next matching request (used once). */
  fail(fault: Fault): this {
    this.faults.push(fault);
    return this;
  }

  /** Faults queued and never served: a test that expected them should fail. */
  get unusedFaults(): Fault[] {
    return [...this.faults];
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const address = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** Requests other than the token exchange, as `METHOD path`. */
  calls(): string[] {
    return this.requests.filter((r) => !r.path.endsWith('/access_tokens')).map((r) => `${r.method} ${r.path}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? safeJson(text) : undefined;
    const path = decodeURIComponent(url.pathname);
    this.requests.push({ method: req.method ?? 'GET', path, query: Object.fromEntries(url.searchParams), body });
    const faultIndex = this.faults.findIndex((f) => f.method === req.method && f.path.test(path) && (!f.requestBody || f.requestBody.test(text)));
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      if (fault!.delayMs) await new Promise((resolve) => setTimeout(resolve, fault!.delayMs));
      return send(res, fault!.status, fault!.body ?? { message: `injected ${fault!.status}` }, fault!.headers);
    }
    try {
      const answer = this.route(req.method ?? 'GET', path, url.searchParams, body as Record<string, unknown>, req.headers.accept ?? '');
      send(res, answer.status, answer.body, answer.headers);
    } catch (error) {
      send(res, 500, { message: `double: ${(error as Error).message}` });
    }
  }

  private route(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>, accept: string): { status: number; body: unknown; headers?: Record<string, string> } {
    const base = `/repos/${this.owner}/${this.repo}`;
    let m: RegExpExecArray | null;
    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return { status: 201, body: { token: 'ghs_double_token', expires_at: new Date(Date.now() + 3600_000).toISOString() } };
    }
    if (method === 'GET' && path === '/app') {
      return { status: 200, body: { id: 1, slug: this.appSlug, name: this.appSlug, owner: { login: this.owner, type: 'Organization' } } };
    }
    if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/contents\/\.github\/diffsec\.yml$/.test(path)) {
      if (path.startsWith(`${base}/`) && this.config !== null) return { status: 200, body: this.config, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
      return { status: 404, body: { message: 'Not Found' } };
    }
    if ((m = new RegExp(`^${escape(base)}/pulls/(\\d+)$`).exec(path)) && method === 'GET') {
      const pr = this.pull(Number(m[1]));
      if (accept.includes('diff')) {
        return pr.diff === undefined ? { status: 406, body: { message: 'Sorry, the diff exceeded the maximum number of files (300).' } } : { status: 200, body: pr.diff, headers: { 'content-type': 'text/plain' } };
      }
      return { status: 200, body: this.pullJson(pr) };
    }
    if ((m = new RegExp(`^${escape(base)}/pulls/(\\d+)/files$`).exec(path)) && method === 'GET') {
      const pr = this.pull(Number(m[1]));
      const listed = pr.files.map((f) => ({
        filename: f.path,
        status: f.status,
        sha: f.content === undefined ? null : blobSha(f.content),
        ...(f.previousPath ? { previous_filename: f.previousPath } : {}),
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
      }));
      return this.page(listed, query, path);
    }
    if ((m = new RegExp(`^${escape(base)}/pulls/(\\d+)/comments$`).exec(path)) && method === 'GET') {
      const number = Number(m[1]);
      const comments = this.threads
        .filter((t) => t.pull === number)
        .flatMap((t) => t.comments.map((c, i) => ({ id: c.id, user: c.user, body: c.body, path: t.path, line: t.line, side: 'RIGHT', ...(i > 0 ? { in_reply_to_id: t.comments[0]!.id } : {}) })))
        .sort((a, b) => a.id - b.id);
      return this.page(comments, query, path);
    }
    if ((m = new RegExp(`^${escape(base)}/pulls/(\\d+)/reviews$`).exec(path)) && method === 'POST') {
      const review = { id: this.nextId++, pull: Number(m[1]), body };
      this.reviews.push(review);
      for (const c of (body.comments as Record<string, unknown>[] | undefined) ?? []) this.openThread(review.pull, this.appBot, String(c.body), String(c.path), Number(c.line));
      return { status: 200, body: { id: review.id } };
    }
    if (path === `${base}/check-runs` && method === 'POST') {
      const id = this.nextId++;
      this.checkRuns.set(id, { ...body });
      return { status: 201, body: { id } };
    }
    if ((m = new RegExp(`^${escape(base)}/check-runs/(\\d+)$`).exec(path)) && method === 'PATCH') {
      const id = Number(m[1]);
      this.checkRunUpdates.push({ id, body });
      this.checkRuns.set(id, { ...this.checkRuns.get(id), ...body });
      return { status: 200, body: { id } };
    }
    if ((m = new RegExp(`^${escape(base)}/git/blobs/([0-9a-f]+)$`).exec(path)) && method === 'GET') {
      const file = [...this.pulls.values()].flatMap((p) => p.files).find((f) => f.content !== undefined && blobSha(f.content) === m![1]);
      if (!file) return { status: 404, body: { message: 'Not Found' } };
      return { status: 200, body: { sha: m[1], encoding: 'base64', content: Buffer.from(file.content!).toString('base64') } };
    }
    if ((m = new RegExp(`^${escape(base)}/commits/([0-9a-f]+)/pulls$`).exec(path)) && method === 'GET') {
      return { status: 200, body: [...this.pulls.values()].filter((p) => p.headSha === m![1]).map((p) => this.pullJson(p)) };
    }
    if (path === '/graphql' && method === 'POST') return { status: 200, body: this.graphql(String(body.query), (body.variables ?? {}) as Record<string, unknown>) };
    return { status: 404, body: { message: `double: no route for ${method} ${path}` } };
  }

  /** GraphQL as diffsec sends it: blob reads, review threads, a thread reply and resolving a thread. */
  private graphql(query: string, variables: Record<string, unknown>): { data?: unknown; errors?: unknown[] } {
    if (query.includes('reviewThreads')) return { data: this.reviewThreads(variables) };
    if (query.includes('addPullRequestReviewThreadReply')) {
      const thread = this.threads.find((t) => t.id === variables.thread);
      if (!thread) return { errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${String(variables.thread)}'` }] };
      this.reply(thread.id, this.appBot, String(variables.body));
      return { data: { addPullRequestReviewThreadReply: { comment: { id: `PRRC_${thread.comments.at(-1)!.id}` } } } };
    }
    if (query.includes('resolveReviewThread')) {
      const thread = this.threads.find((t) => t.id === variables.thread);
      if (!thread) return { errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${String(variables.thread)}'` }] };
      thread.isResolved = true;
      return { data: { resolveReviewThread: { thread: { id: thread.id, isResolved: true } } } };
    }
    return { data: this.blobs(query) };
  }

  /** `repository.pullRequest.reviewThreads`, 100 a page (cursor: the index to start at); GraphQL names a Bot by its bare slug. */
  private reviewThreads(variables: Record<string, unknown>): Record<string, unknown> {
    const all = this.threads.filter((t) => t.pull === Number(variables.number));
    const start = typeof variables.after === 'string' ? Number(variables.after) : 0;
    const page = all.slice(start, start + 100);
    const nodes = page.map((t) => ({
      id: t.id,
      isResolved: t.isResolved,
      path: t.path,
      comments: {
        totalCount: t.comments.length,
        nodes: t.comments.slice(0, 100).map((c) => ({ author: c.user && { __typename: c.user.type, login: c.user.type === 'Bot' ? c.user.login.replace(/\[bot\]$/, '') : c.user.login }, body: c.body })),
      },
    }));
    const hasNextPage = start + 100 < all.length;
    return { repository: { pullRequest: { reviewThreads: { pageInfo: { hasNextPage, endCursor: hasNextPage ? String(start + 100) : null }, nodes } } } };
  }

  private blobs(query: string): Record<string, unknown> {
    const repository: Record<string, unknown> = {};
    for (const [, alias, expression] of query.matchAll(/(\w+): object\(expression: ("(?:[^"\\]|\\.)*")\)/g)) {
      const [sha, ...rest] = (JSON.parse(expression!) as string).split(':');
      const path = rest.join(':');
      const file = [...this.pulls.values()].filter((p) => p.headSha === sha).flatMap((p) => p.files).find((f) => f.path === path && f.content !== undefined);
      if (!file) {
        repository[alias!] = null;
        continue;
      }
      const bytes = Buffer.from(file.content!);
      const isBinary = bytes.subarray(0, 8000).includes(0);
      // GitHub truncates large blobs in GraphQL; imitate it above 100 kB.
      const isTruncated = bytes.length > 100_000;
      repository[alias!] = { text: isBinary ? null : isTruncated ? bytes.subarray(0, 100_000).toString('utf8') : bytes.toString('utf8'), isBinary, isTruncated };
    }
    return { repository };
  }

  private page(items: unknown[], query: URLSearchParams, path: string): { status: number; body: unknown; headers?: Record<string, string> } {
    const perPage = Number(query.get('per_page') ?? 30);
    const page = Number(query.get('page') ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) headers.link = `<${this.url}${path}?per_page=${perPage}&page=${page + 1}>; rel="next", <${this.url}${path}?per_page=${perPage}&page=${last}>; rel="last"`;
    return { status: 200, body: slice, headers };
  }

  private pull(number: number): DoublePullRequest {
    const pr = this.pulls.get(number);
    if (!pr) throw new Error(`no pull request ${number}`);
    return pr;
  }

  private pullJson(pr: DoublePullRequest) {
    return { number: pr.number, state: pr.state ?? 'open', draft: pr.draft ?? false, head: { sha: pr.headSha }, base: { sha: pr.baseSha ?? '0'.repeat(40) } };
  }
}

/** Git's blob id of some content. */
export function blobSha(content: string | Buffer): string {
  const bytes = Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
